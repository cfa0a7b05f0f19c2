import { Schema, type Connection, type Model } from 'mongoose';
import { z } from 'zod';
import { jobDone, type Scheduler } from '../../jobs/scheduler.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Emits } from '../../lib/events.js';
import type { AlertEvents } from './alert.events.js';
import { postWebhook } from './senders.js';

interface Heartbeat {
  _id: string;
  at: Date;
  by: string;
}

const heartbeatSchema = new Schema<Heartbeat>({ _id: String, at: Date, by: String }, { versionKey: false });

export function heartbeatModel(connection: Connection): Model<Heartbeat> {
  return connection.models.Heartbeat ?? connection.model<Heartbeat>('Heartbeat', heartbeatSchema, 'heartbeats');
}

export const HEARTBEAT_JOB = 'system.heartbeat';
const SCHEDULER = 'scheduler';

export interface SchedulerWatchdogDeps {
  heartbeats: Model<Heartbeat>;
  events: Emits<AlertEvents>;
  settings: { heartbeatMs: number; stallAfterMs: number; adminWebhookUrl?: string; webhookSecret: string; instance: string };
  clock: Clock;
  logger: Logger;
}

/**
 * The dead-man's switch. A recurring job proves the scheduler fires by writing a heartbeat; every
 * instance checks it, and when it is older than the limit, tells every dashboard and the admin
 * channel, and reports not ready, until heartbeats come back.
 */
export class SchedulerWatchdog {
  private stalled = false;
  private readonly startedAt: Date;


  constructor(private readonly deps: SchedulerWatchdogDeps) {
    this.startedAt = this.deps.clock.now();
  }

  defineJob(scheduler: Scheduler): void {
    scheduler.define({
      name: HEARTBEAT_JOB,
      data: z.object({}).passthrough(),
      handle: async () => {
        await this.beat();
        return jobDone();
      },
    });
  }

  async start(scheduler: Scheduler): Promise<void> {
    await scheduler.agenda.every(this.deps.settings.heartbeatMs, HEARTBEAT_JOB, {}, { skipImmediate: false });
  }

  async beat(): Promise<void> {
    await this.deps.heartbeats.updateOne({ _id: SCHEDULER }, { $set: { at: this.deps.clock.now(), by: this.deps.settings.instance } }, { upsert: true });
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  /** Compares the last heartbeat with the clock; raises or clears the alarm on a change. */
  async check(): Promise<boolean> {
    const now = this.deps.clock.now();
    const last = await this.deps.heartbeats.findById(SCHEDULER).lean<Heartbeat>();
    const reference = last?.at ?? this.startedAt;
    const stalled = now.getTime() - reference.getTime() > this.deps.settings.stallAfterMs;
    if (stalled && !this.stalled) {
      this.deps.logger.error({ lastHeartbeat: last?.at ?? null }, 'scheduler stalled: no heartbeat');
      await this.deps.events.emit('scheduler.stalled', { since: last?.at ?? null, at: now });
      if (this.deps.settings.adminWebhookUrl) {
        const text = `Breach Clock: the scheduler has not fired since ${last?.at.toISOString() ?? 'start-up'}; deadline alerts may not go out.`;
        await postWebhook(this.deps.settings.adminWebhookUrl, { text, kind: 'scheduler-stalled' }, this.deps.settings.webhookSecret, { alertId: 'scheduler-stalled', deliveryId: `${now.getTime()}` }, now)
          .catch((err: unknown) => this.deps.logger.error({ err }, 'admin webhook failed'));
      }
    } else if (!stalled && this.stalled) {
      this.deps.logger.info('scheduler heartbeats are back');
      await this.deps.events.emit('scheduler.recovered', { at: now });
    }
    this.stalled = stalled;
    return stalled;
  }
}
