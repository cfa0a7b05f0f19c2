import type { Collection, Db, Document, Filter } from 'mongodb';

type Condition = { kind: 'eq'; value: unknown } | { kind: 'ne'; value: unknown };

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b || (a == null && b == null);

/** Splits `{ _id: x, ...rest }` into x and simple conditions on the rest; undefined for any other shape. */
function splitById(filter: Filter<Document>): { id: unknown; rest: [string, Condition][] } | undefined {
  const { _id: id, ...others } = filter as Record<string, unknown>;
  if (id === undefined || (typeof id === 'object' && id !== null && !('_bsontype' in id))) return undefined;
  const rest: [string, Condition][] = [];
  for (const [key, value] of Object.entries(others)) {
    if (key.startsWith('$')) return undefined;
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      const ops = Object.keys(value);
      if (ops.length !== 1) return undefined;
      if (ops[0] === '$eq') rest.push([key, { kind: 'eq', value: (value as { $eq: unknown }).$eq }]);
      else if (ops[0] === '$ne') rest.push([key, { kind: 'ne', value: (value as { $ne: unknown }).$ne }]);
      else return undefined;
    } else {
      rest.push([key, { kind: 'eq', value }]);
    }
  }
  return { id, rest };
}

const matches = (doc: Document, rest: [string, Condition][]) =>
  rest.every(([key, c]) => (c.kind === 'eq' ? same(doc[key], c.value) : !same(doc[key], c.value)));

/**
 * Agenda's collection as seen through the embedded database. FerretDB v1 on SQLite reads a document
 * by its index only when the filter is `{ _id }` alone; Agenda names a job by `{ _id, name, … }`
 * when it locks and saves it, which reads every job. Here such an update reads the job by `_id`,
 * checks the other conditions, then writes by `_id`. FerretDB's own findAndModify is no more atomic
 * (it reads, then writes by `_id`), so nothing is lost there; on MongoDB this wrapper is not used.
 *
 * Being read-then-write, Agenda's lock query (a findOneAndUpdate on name and lock state) run twice at
 * once can lock one job twice: a scan and a "job saved" notification in the same process do that. Here
 * those queries run one at a time per collection, so one process never runs a job twice.
 */
export function idFirstDb(db: Db): Db {
  const lockQueues = new Map<string, <T>(task: () => Promise<T>) => Promise<T>>();
  const queueOf = (name: string) => {
    let queue = lockQueues.get(name);
    if (!queue) lockQueues.set(name, (queue = oneAtATime()));
    return queue;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'collection') return (name: string) => idFirstCollection(target.collection(name), queueOf(name));
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Runs the tasks given to it one after another, in the order given. */
function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function idFirstCollection(collection: Collection, lockQueue: <T>(task: () => Promise<T>) => Promise<T>): Collection {
  const updateOne = async (filter: Filter<Document>, update: Document, options?: { upsert?: boolean }) => {
    const split = options?.upsert ? undefined : splitById(filter);
    if (!split?.rest.length) return collection.updateOne(filter, update, options);
    const doc = await collection.findOne({ _id: split.id as never });
    if (!doc || !matches(doc, split.rest)) return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null };
    return collection.updateOne({ _id: split.id as never }, update, options);
  };
  const findOneAndUpdate = async (filter: Filter<Document>, update: Document, options: { upsert?: boolean } = {}) => {
    const split = options.upsert ? undefined : splitById(filter);
    if (!split) return lockQueue(() => collection.findOneAndUpdate(filter, update, options));
    if (!split.rest.length) return collection.findOneAndUpdate(filter, update, options);
    const doc = await collection.findOne({ _id: split.id as never });
    if (!doc || !matches(doc, split.rest)) return null;
    return collection.findOneAndUpdate({ _id: split.id as never }, update, options);
  };
  return new Proxy(collection, {
    get(target, prop, receiver) {
      if (prop === 'updateOne') return updateOne;
      if (prop === 'findOneAndUpdate') return findOneAndUpdate;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
