import { Schema, type Connection, type Model, Types } from 'mongoose';
import type { Clock } from '../lib/clock.js';
import { DueIndex } from './due-index.js';
import type { Scheduler } from './scheduler.js';

interface DeferredJob {
  _id: string;
  name: string;
  runAt: Date;
  data: Record<string, unknown>;
}

const deferredJobSchema = new Schema<DeferredJob>(
  { _id: String, name: { type: String, required: true }, runAt: { type: Date, required: true }, data: { type: Schema.Types.Mixed, required: true } },
  { versionKey: false, minimize: false },
);

/**
 * One-shot jobs due beyond the horizon wait here and enter Agenda shortly before they are due, so
 * Agenda's collection holds what is about to run.
 * The hand-over is at-least-once: a crash between Agenda's insert and the delete here runs the job
 * twice, so deferred handlers are idempotent (the escalation dispatch is).
 */
export class DeferredJobs {
  private readonly jobs: Model<DeferredJob>;
  private readonly due: DueIndex;

  constructor(
    connection: Connection,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly horizonMs: number,
  ) {
    this.jobs = (connection.models.DeferredJob as Model<DeferredJob> | undefined) ?? connection.model<DeferredJob>('DeferredJob', deferredJobSchema, 'deferred_jobs');
    this.due = new DueIndex(DueIndex.model(connection, 'deferred_jobs_due'));
  }

  /** With a key, scheduling the same key twice (a retried handler) defers one job. */
  async schedule(name: string, when: Date, data: Record<string, unknown>, key?: string): Promise<void> {
    if (when.getTime() <= this.clock.now().getTime() + this.horizonMs) {
      await this.scheduler.schedule(name, when, data);
      return;
    }
    const _id = key ? `${name}:${key}` : new Types.ObjectId().toHexString();
    try {
      await this.jobs.create({ _id, name, runAt: when, data });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    await this.due.add(_id, when);
  }

  /** Hands every deferred job due within the horizon to Agenda; returns how many. */
  async promote(): Promise<number> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.horizonMs);
    let promoted = 0;
    await this.due.sweep(now, until, async (id) => {
      const job = await this.jobs.findById(id).lean<DeferredJob>();
      if (!job) return 'drop';
      await this.scheduler.schedule(job.name, job.runAt, job.data);
      await this.jobs.deleteOne({ _id: job._id });
      promoted++;
      return 'drop';
    });
    return promoted;
  }
}
