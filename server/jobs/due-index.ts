import { Schema, type Connection, type Model } from 'mongoose';
import { op } from '../db/trusted.js';

const MINUTE_MS = 60_000;

interface DueEntry {
  /** `id@dueMs`: filing the same id for the same moment twice keeps one entry. */
  _id: string;
  id: string;
  dueAt: Date;
}

const minuteOf = (at: Date) => Math.floor(at.getTime() / MINUTE_MS);

/** What a sweep's visitor says of an id: done with it here (dropped from the index), or not yet. */
export type SweepVerdict = 'drop' | 'keep';

/**
 * "Which ids fall due before T?": one entry per id and due time, found through the `dueAt` index.
 * Entries may go stale (the owner moved or dropped its due time); the visitor checks each against its
 * own record and drops those that no longer belong.
 */
/**
 * How much one sweep takes on: the planner runs its sweeps in one Agenda job, which must end well
 * within the job's lock lifetime, and a backlog (a service back after a stop, a burst of intake) is
 * worked through over several runs, oldest first, rather than in one that outlives its lock.
 */
export interface SweepLimits {
  /** The most entries one sweep reads. */
  batch: number;
  /** After this long (ms of real time) a sweep stops visiting; the rest waits for the next sweep. */
  budgetMs: number;
}

const DEFAULT_LIMITS: SweepLimits = { batch: 500, budgetMs: 2_000 };

export class DueIndex {
  private readonly limits: SweepLimits;

  constructor(private readonly entries: Model<DueEntry>, limits: Partial<SweepLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  static model(connection: Connection, collection: string): Model<DueEntry> {
    const name = `DueIndex:${collection}`;
    const schema = new Schema<DueEntry>({ _id: String, id: { type: String, required: true }, dueAt: { type: Date, required: true } }, { versionKey: false });
    // sweep(): the entries due by a time, oldest first
    schema.index({ dueAt: 1 });
    return (connection.models[name] as Model<DueEntry> | undefined) ?? connection.model<DueEntry>(name, schema, collection);
  }

  async add(id: string, dueAt: Date): Promise<void> {
    await this.addMany([{ id, dueAt }]);
  }

  /** Files ids under the times they fall due: one write for all of them. */
  async addMany(entries: { id: string; dueAt: Date }[]): Promise<void> {
    if (!entries.length) return;
    await this.entries.bulkWrite(
      entries.map(({ id, dueAt }) => ({
        updateOne: { filter: { _id: `${id}@${dueAt.getTime()}` }, update: { $setOnInsert: { id, dueAt } }, upsert: true },
      })),
      { ordered: false },
    );
  }

  /**
   * Visits the ids due by `until`, oldest first, within the sweep limits, and returns how many it
   * visited. The visitor reads the owner's record and returns 'drop' once the id no longer belongs at
   * that due time (handled, moved or gone). `settle`, when given, runs after each minute's visits (and
   * when the sweep stops) before the dropped ids leave the index, so a visitor may gather work and
   * write it once per minute.
   */
  async sweep(_now: Date, until: Date, visit: (id: string, dueAt: Date) => Promise<SweepVerdict>, settle?: () => Promise<void>): Promise<number> {
    const stopAt = performance.now() + this.limits.budgetMs;
    const due = await this.entries.find({ dueAt: op({ $lte: until }) }).sort({ dueAt: 1, _id: 1 }).limit(this.limits.batch).lean<DueEntry[]>();
    let visited = 0;
    let dropped: string[] = [];
    const finishMinute = async () => {
      await settle?.();
      if (dropped.length) await this.entries.deleteMany({ _id: op({ $in: dropped }) });
      dropped = [];
    };
    let minute: number | undefined;
    for (const entry of due) {
      if (visited > 0 && performance.now() > stopAt) break;
      if (minute !== undefined && minuteOf(entry.dueAt) !== minute) await finishMinute();
      minute = minuteOf(entry.dueAt);
      visited++;
      if ((await visit(entry.id, entry.dueAt)) === 'drop') dropped.push(entry._id);
    }
    if (minute !== undefined) await finishMinute();
    return visited;
  }
}
