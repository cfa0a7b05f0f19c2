import { Agenda, exponential, InMemoryNotificationChannel, type Job } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';
import type { z } from 'zod';
import type { Logger } from '../lib/logger.js';

export const JOBS_COLLECTION = 'agendaJobs';

/**
 * What a job handler reports: "skipped" means the state it was scheduled for no longer holds; "failed"
 * that it tried and did not succeed, and has arranged its own retry (a thrown error is retried by Agenda).
 */
export type JobOutcome = { status: 'done' } | { status: 'skipped'; reason: string } | { status: 'failed'; reason: string };
export const jobDone = (): JobOutcome => ({ status: 'done' });
export const jobSkipped = (reason: string): JobOutcome => ({ status: 'skipped', reason });
export const jobFailed = (reason: string): JobOutcome => ({ status: 'failed', reason });

export interface SchedulerOptions {
  db: Db;
  logger: Logger;
  name: string;
  processEveryMs: number;
  lockLifetimeMs: number;
  lockLimit: number;
  maxConcurrency: number;
}

export interface JobDefinition<S extends z.ZodType> {
  name: string;
  data: S;
  handle: (data: z.infer<S>) => Promise<JobOutcome>;
  concurrency?: number;
}

/**
 * Agenda on the service's own database. Polling (change streams need a replica set) with a short
 * scan interval, short lock lifetime and per-instance lock limit, so a crashed instance's jobs are taken
 * over within seconds rather than Agenda's default ten minutes.
 */
export class Scheduler {
  readonly agenda: Agenda;
  private readonly definitions = new Map<string, JobDefinition<z.ZodType>>();
  private running = false;
  private readonly inFlight = new Set<Promise<JobOutcome>>();

  constructor(private readonly options: SchedulerOptions) {
    this.agenda = new Agenda({
      backend: new MongoBackend({ mongo: options.db, collection: JOBS_COLLECTION }),
      name: options.name,
      processEvery: options.processEveryMs,
      defaultLockLifetime: options.lockLifetimeMs,
      lockLimit: options.lockLimit,
      maxConcurrency: options.maxConcurrency,
      defaultConcurrency: options.maxConcurrency,
      removeOnComplete: true,
      // A job saved due now (a dispatch, a delivery) is taken at once by this instance rather than at the
      // next scan; other instances find it at their next scan.
      notificationChannel: new InMemoryNotificationChannel(),
    });
    this.agenda.on('error', (err) => options.logger.error({ err }, 'scheduler error'));
    this.agenda.on('fail', (err, job) => {
      if (typeof err === 'string') return;
      options.logger.error({ err, job: job.attrs.name, jobId: String(job.attrs._id) }, 'job failed');
    });
  }

  /** Registers a job: its payload is validated before the handler sees it. */
  define<S extends z.ZodType>(definition: JobDefinition<S>): void {
    this.definitions.set(definition.name, definition as unknown as JobDefinition<z.ZodType>);
    this.agenda.define(
      definition.name,
      async (job: Job<unknown>) => {
        const pending = this.run(definition.name, job.attrs.data);
        this.inFlight.add(pending);
        const outcome = await pending.finally(() => this.inFlight.delete(pending));
        if (outcome.status === 'skipped') {
          this.options.logger.debug({ job: definition.name, reason: outcome.reason }, 'job skipped');
        } else if (outcome.status === 'failed') {
          this.options.logger.warn({ job: definition.name, reason: outcome.reason }, 'job failed; it retries on its own');
        }
      },
      {
        concurrency: definition.concurrency ?? this.options.maxConcurrency,
        lockLifetime: this.options.lockLifetimeMs,
        // Handlers are idempotent, so a failure (the database away for a moment) is simply tried again.
        backoff: exponential({ delay: 1_000, factor: 2, maxRetries: 6 }),
      },
    );
  }

  /** Runs a job's handler directly with the given payload, as Agenda would; tests drain due jobs through this. */
  async run(name: string, data: unknown): Promise<JobOutcome> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`no job named ${name}`);
    return definition.handle(definition.data.parse(data));
  }

  /**
   * Schedules a one-shot job. With a unique key the job is upserted, so scheduling the same key
   * twice (a retried request, a second instance) leaves one job.
   */
  async schedule(name: string, when: Date, data: Record<string, unknown>, uniqueKeys?: string[]): Promise<void> {
    const job = this.agenda.create(name, data);
    if (uniqueKeys?.length) {
      job.unique(Object.fromEntries(uniqueKeys.map((key) => [`data.${key}`, data[key]])));
    }
    job.schedule(when);
    await job.save();
  }

  /** Creates the index cancel() reads through: an incident's jobs by `data.incidentId`. */
  async ensureIndexes(): Promise<void> {
    await this.options.db.collection(JOBS_COLLECTION).createIndex({ 'data.incidentId': 1 });
  }

  /** Removes pending jobs of these names whose payload matches; returns how many. */
  cancel(names: string[], data: Record<string, unknown>): Promise<number> {
    return this.agenda.cancel({ names, data });
  }

  async start(): Promise<void> {
    await this.agenda.start();
    this.running = true;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Stops taking jobs and releases the locked ones not yet started (another instance takes them at
   * its next scan), then waits for running handlers up to the timeout. Running jobs keep their locks.
   */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.agenda.stop(false);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((done) => {
      timer = setTimeout(done, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
  }
}
