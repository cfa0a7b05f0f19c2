import { Schema, type Connection, type Model, type UpdateQuery } from 'mongoose';
import { op } from '../db/trusted.js';

const MINUTE_MS = 60_000;
/** The document that remembers the first minute a sweep must look at. */
const CURSOR_ID = 'cursor';
/** Past this many minutes between sweeps (a long stop), one range query beats a read per minute. */
const POINT_READS_UP_TO = 10;

interface DueBucket {
  _id: string;
  ids: string[];
  from?: number;
}

const minuteOf = (at: Date) => Math.floor(at.getTime() / MINUTE_MS);
/** String ids: the embedded database looks up an `_id` by index only when it is a string or an ObjectId. */
const bucketId = (minute: number) => `m${String(minute).padStart(10, '0')}`;
const minuteOfBucket = (id: string) => Number(id.slice(1));

/** An entry is "dueMs:id", so a sweep passes over ids not yet due without asking their owner. */
const entry = (id: string, dueAt: Date) => `${dueAt.getTime()}:${id}`;
const parseEntry = (text: string) => {
  const at = text.indexOf(':');
  return { dueAt: new Date(Number(text.slice(0, at))), id: text.slice(at + 1) };
};

/** What a sweep's visitor says of an id: done with it here (dropped from its bucket), or not yet. */
export type SweepVerdict = 'drop' | 'keep';

/**
 * "Which ids fall due before T?" answered by reading documents by `_id` alone. The embedded
 * database (FerretDB v1 on SQLite) uses no index but `_id`: any other filter reads its whole
 * collection, so a plain `{ dueAt: { $lte: T } }` costs time in proportion to everything ever
 * scheduled. Here each minute is one document (`_id` = minutes since the epoch) listing the ids due
 * in it, and a cursor document remembers where the last sweep began, so a sweep reads the few minutes
 * between then and T. Entries may go stale (the owner moved or dropped its due time); the visitor
 * checks each against its own record and drops those that no longer belong.
 */
export class DueIndex {
  constructor(private readonly buckets: Model<DueBucket>) {}

  static model(connection: Connection, collection: string): Model<DueBucket> {
    const name = `DueIndex:${collection}`;
    const schema = new Schema<DueBucket>({ _id: String, ids: { type: [String], default: [] }, from: Number }, { versionKey: false });
    return (connection.models[name] as Model<DueBucket> | undefined) ?? connection.model<DueBucket>(name, schema, collection);
  }

  async add(id: string, dueAt: Date): Promise<void> {
    await this.addMany([{ id, dueAt }]);
  }

  /** Files ids under the minutes they fall due in: one write per minute, however many ids. */
  async addMany(entries: { id: string; dueAt: Date }[]): Promise<void> {
    const byMinute = new Map<number, string[]>();
    for (const { id, dueAt } of entries) {
      const minute = minuteOf(dueAt);
      const texts = byMinute.get(minute);
      if (texts) texts.push(entry(id, dueAt));
      else byMinute.set(minute, [entry(id, dueAt)]);
    }
    for (const [minute, texts] of byMinute) await this.upsert(bucketId(minute), { $addToSet: { ids: op({ $each: texts }) } });
  }

  /**
   * Visits every id due by `until`, oldest minute first. The visitor reads the owner's record and
   * returns 'drop' once the id no longer belongs at that due time (handled, moved or gone). Minutes
   * before now that end up empty are deleted; the cursor moves to the minute before now (new ids are
   * filed at their due time, which is never much before the present), or to the earliest minute that
   * still holds an id kept for later. `settle`, when given, runs after each minute's visits and before
   * its dropped ids leave the index, so a visitor may gather work and write it once per minute.
   */
  async sweep(now: Date, until: Date, visit: (id: string, dueAt: Date) => Promise<SweepVerdict>, settle?: () => Promise<void>): Promise<number> {
    const last = minuteOf(until);
    const cursor = await this.buckets.findById(CURSOR_ID).lean<DueBucket>();
    const first = Math.min(cursor?.from ?? minuteOf(now) - POINT_READS_UP_TO, last);
    let visited = 0;
    let earliestKept = Infinity;
    for await (const bucket of this.bucketsBetween(first, last)) {
      const minute = minuteOfBucket(bucket._id);
      const dropped: string[] = [];
      for (const text of bucket.ids) {
        const { id, dueAt } = parseEntry(text);
        if (dueAt <= until) {
          visited++;
          if ((await visit(id, dueAt)) === 'drop') {
            dropped.push(text);
            continue;
          }
        }
        earliestKept = Math.min(earliestKept, minute);
      }
      await settle?.();
      if (dropped.length) await this.buckets.updateOne({ _id: bucket._id }, { $pullAll: { ids: dropped } });
      if (dropped.length === bucket.ids.length && minute < minuteOf(now) - 1) {
        await this.buckets.deleteOne({ _id: bucket._id, ids: op({ $size: 0 }) });
      }
    }
    await this.upsert(CURSOR_ID, { $set: { from: Math.min(minuteOf(now) - 1, last, earliestKept) } });
    return visited;
  }

  /** FerretDB's upsert reads, then inserts: two writers creating the same document collide once, and the second write updates. */
  private async upsert(id: string, update: UpdateQuery<DueBucket>): Promise<void> {
    const write = () => this.buckets.updateOne({ _id: id }, update, { upsert: true });
    await write().catch((err: { code?: number }) => (err.code === 11000 ? write() : Promise.reject(err)));
  }

  private async *bucketsBetween(first: number, last: number): AsyncGenerator<DueBucket> {
    if (last - first <= POINT_READS_UP_TO) {
      for (let minute = first; minute <= last; minute++) {
        const bucket = await this.buckets.findById(bucketId(minute)).lean<DueBucket>();
        if (bucket?.ids.length) yield bucket;
      }
      return;
    }
    const found = await this.buckets.find({ _id: op({ $gte: bucketId(first), $lte: bucketId(last) }) }).sort({ _id: 1 }).lean<DueBucket[]>();
    for (const bucket of found) if (bucket.ids.length) yield bucket;
  }
}
