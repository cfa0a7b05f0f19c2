import type { Model, Schema } from 'mongoose';

/** Insert options under which a field whose value is undefined is left out, as a Document leaves it out (the driver would store null). */
export const AS_A_DOCUMENT = { ignoreUndefined: true } as const;

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => {
  if (!value || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * What `Model.create` or `Model.insertMany` would store for a document a service builds in full, made
 * without a mongoose Document (for a large schema, building, validating and copying one costs more CPU
 * than the write): mongoose applies the schema's defaults and timestamps (`applyDefaults`,
 * `applyTimestamps`), and inside subdocuments whose schema minimizes (the default) empty objects and
 * undefined values are dropped, as a Document's `toObject()` drops them. Casting and validation are left
 * out: every value is the service's own or from input the route's zod schema checked, already of the
 * schema's type (test/integration/db/stored-form.test.ts stores both ways and compares; `castObject` is
 * no substitute, as it leaves out null values and builds subdocuments for document arrays). Sets fields
 * on `doc`, which the caller has just built, and returns it.
 */
export function storedForm<T>(model: Model<T>, doc: object): T {
  model.applyDefaults(doc);
  model.applyTimestamps(doc);
  minimizeSubdocuments(model.schema, doc as Plain);
  return doc as T;
}

/** Stores a document as `Model.create` would (see storedForm), through the model's collection; returns what was stored. */
export async function insertStored<T>(model: Model<T>, doc: object): Promise<T> {
  const stored = storedForm(model, doc);
  await model.collection.insertOne(stored as Plain, AS_A_DOCUMENT);
  return stored;
}

/** Stores documents as `Model.insertMany` would (see storedForm), through the model's collection, in order; returns what was stored. */
export async function insertManyStored<T>(model: Model<T>, docs: object[]): Promise<T[]> {
  const stored = docs.map((doc) => storedForm(model, doc));
  await model.collection.insertMany(stored as Plain[], { ...AS_A_DOCUMENT, ordered: true });
  return stored;
}

function minimizeSubdocuments(schema: Schema, doc: Plain): void {
  for (const { schema: child, model } of schema.childSchemas as { schema: Schema; model: { path?: string } }[]) {
    if (!model.path) continue;
    const keys = model.path.split('.');
    const last = keys.pop()!;
    let holder: unknown = doc;
    for (const key of keys) holder = isPlain(holder) ? holder[key] : undefined;
    if (!isPlain(holder)) continue;
    const value = holder[last];
    const minimize = child.options.minimize !== false;
    if (Array.isArray(value)) {
      // An element of a document array is kept even when it is empty: dropping it would shift the array.
      holder[last] = value.map((element: unknown) => (isPlain(element) ? subdocument(child, element, minimize) : element));
    } else if (isPlain(value)) {
      const stored = subdocument(child, value, minimize);
      if (minimize && !Object.keys(stored).length && !schema.path(model.path)?.isRequired) delete holder[last];
      else holder[last] = stored;
    }
  }
}

/** A copy of a subdocument as stored; its own subdocuments follow their own schema's rule. */
function subdocument(schema: Schema, value: Plain, minimize: boolean): Plain {
  const own = new Set((schema.childSchemas as { model: { path?: string } }[]).map((c) => c.model.path?.split('.')[0]));
  const out: Plain = {};
  for (const [key, inner] of Object.entries(value)) {
    const stored = minimize && !own.has(key) ? minimized(inner) : inner;
    if (stored !== undefined) out[key] = stored;
  }
  minimizeSubdocuments(schema, out);
  return out;
}

/** A value as a minimizing toObject() copies it: no undefined values, no empty objects (an array keeps its empty elements). */
function minimized(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) return value.map((element: unknown) => minimized(element, true));
  if (!isPlain(value)) return value;
  const out: Plain = {};
  for (const [key, inner] of Object.entries(value)) {
    const stored = minimized(inner);
    if (stored !== undefined) out[key] = stored;
  }
  return inArray || Object.keys(out).length ? out : undefined;
}
