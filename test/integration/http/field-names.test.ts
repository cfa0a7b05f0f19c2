import assert from 'node:assert/strict';
import { FIELD_LABELS, fieldLabel } from '../../../notifications/messages/incident.messages.js';
import { testService } from '../../support/factories.js';
import { api } from '../../support/service.js';

type JsonSchema = { $ref?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };
type Operation = { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { name: string }[] };

describe('refusals name every field the API takes', () => {
  const { svc } = testService();

  it('has a name in both languages for each field of every request body, path and query, as the screens name it', async () => {
    const doc = (await api(svc).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };
    const paths = new Set<string>();
    const walk = (schema: JsonSchema | undefined, at: string, depth = 0): void => {
      if (!schema || depth > 10) return;
      if (schema.$ref) return walk(doc.components?.schemas?.[schema.$ref.split('/').pop()!], at, depth + 1);
      for (const alternatives of [schema.anyOf, schema.oneOf, schema.allOf]) for (const s of alternatives ?? []) walk(s, at, depth + 1);
      for (const [key, inner] of Object.entries(schema.properties ?? {})) {
        const path = at ? `${at}.${key}` : key;
        paths.add(path);
        walk(inner, path, depth + 1);
      }
      walk(schema.items, at, depth + 1);
    };
    for (const operations of Object.values(doc.paths)) {
      for (const op of Object.values(operations)) {
        walk(op.requestBody?.content?.['application/json']?.schema, '');
        for (const p of op.parameters ?? []) paths.add(p.name);
      }
    }
    assert.ok(paths.size > 100, `${paths.size} fields`);
    const unnamed = [...paths].filter((p) => fieldLabel(p, 'nb') === FIELD_LABELS['(field)'].nb || fieldLabel(p, 'en') === FIELD_LABELS['(field)'].en);
    assert.deepEqual(unnamed, []);
    // The decision's evidence by the decision form's questions, not by the awareness evidence's.
    assert.equal(fieldLabel('evidence.keyCustody', 'nb'), 'Hvor var nøkkelen, og hvorfor har ikke uvedkommende den?');
    assert.equal(fieldLabel('assessmentId', 'en'), 'The assessment');
  });
});
