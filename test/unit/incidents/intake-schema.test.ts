import assert from 'node:assert/strict';
import { createConnection, type Schema } from 'mongoose';
import type { z } from 'zod';
import { ROLES } from '../../../server/domains/access/permissions.js';
import { incidentModels } from '../../../server/domains/incidents/incident.model.js';
import { CreateIncident } from '../../../server/domains/incidents/incident.schemas.js';
import { CLOCK_STATES, STATUSES, STOP_REASONS } from '../../../server/domains/incidents/incident.vocabulary.js';
import { OBLIGATION_KINDS } from '../../../server/domains/obligations/obligation.view.js';

interface Checked {
  path: string;
  /** The kinds of the path's validators ('required', 'enum', …). */
  kinds: string[];
  enumValues: unknown[];
}

type SchemaTypeLike = { validators: { type?: string }[]; enumValues?: unknown[]; embeddedSchemaType?: SchemaTypeLike; schema?: Schema };

/** Every path of the schema, its subdocuments' included, that has a validator. */
function checkedPaths(schema: Schema, prefix = ''): Checked[] {
  const out: Checked[] = [];
  schema.eachPath((path, schemaType) => {
    const type = schemaType as unknown as SchemaTypeLike;
    const validators = [...type.validators, ...(type.embeddedSchemaType?.validators ?? [])];
    if (validators.length) {
      out.push({ path: prefix + path, kinds: [...new Set(validators.map((v) => v.type ?? 'custom'))], enumValues: type.enumValues?.length ? type.enumValues : type.embeddedSchemaType?.enumValues ?? [] });
    }
    if (type.schema) out.push(...checkedPaths(type.schema, `${prefix}${path}.`));
  });
  return out;
}

/** The zod type under optional, nullable, default and a transform's input. */
function unwrap(type: z.ZodType): z.ZodType {
  const def = type.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return type;
}

/** The values the intake's zod schema lets through at a path (an enum, or an array of one), or undefined where it does not take the path. */
function intakeValues(path: string): unknown[] | undefined {
  let type: z.ZodType | undefined = CreateIncident;
  for (const key of path.split('.')) {
    const object = unwrap(type) as { def: { type: string; shape?: Record<string, z.ZodType> } };
    type = object.def.type === 'object' ? object.def.shape?.[key] : undefined;
    if (!type) return undefined;
  }
  let inner = unwrap(type);
  if (inner.def.type === 'array') inner = unwrap((inner.def as unknown as { element: z.ZodType }).element);
  return inner.def.type === 'enum' ? (inner as z.ZodEnum).options : [];
}

/** The enum paths the intake does not take from the request: the service sets them, from the constants their types are made of. */
const SET_BY_THE_SERVICE: Record<string, readonly unknown[]> = {
  status: STATUSES,
  'clock.state': CLOCK_STATES,
  'clock.stopReason': [...STOP_REASONS, null],
  'obligations.kind': OBLIGATION_KINDS,
  'obligations.actorRoles': ROLES,
};

// The intake stores an incident without running the schema's validators (server/db/stored-form.ts): these
// tests show each of them is already met, and fail when the schema gains one that is not.
describe('the intake meets every check of the incident schema before it stores', () => {
  const { Incidents } = incidentModels(createConnection());
  const checked = checkedPaths(Incidents.schema);

  it('has only required and enum validators', () => {
    assert.deepEqual([...new Set(checked.flatMap((c) => c.kinds))].sort(), ['enum', 'required']);
  });

  it('requires only paths every intake sets: the reference, the non-empty title, the status, the triage start, who created it and each obligation kind', () => {
    assert.deepEqual(checked.filter((c) => c.kinds.includes('required')).map((c) => c.path).sort(), ['createdBy', 'obligations.kind', 'ref', 'status', 'title', 'triageStartedAt']);
    assert.equal(CreateIncident.safeParse({ title: '   ' }).success, false);
  });

  it('lets through at each enum path only values the schema allows; the paths it does not take are set from the schema\'s own lists', () => {
    for (const { path, enumValues } of checked.filter((c) => c.kinds.includes('enum'))) {
      const fromRequest = intakeValues(path);
      if (fromRequest) {
        assert.ok(fromRequest.length, `${path}: the intake takes it as one of a list`);
        for (const value of fromRequest) assert.ok(enumValues.includes(value), `${path}: the intake takes '${String(value)}', which the schema refuses`);
      } else {
        assert.deepEqual(enumValues, SET_BY_THE_SERVICE[path], `${path}: set by the service from the list the schema allows`);
      }
    }
  });
});
