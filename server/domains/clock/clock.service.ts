import { Types, type Model } from 'mongoose';
import { op } from '../../db/trusted.js';
import { z } from 'zod';
import type { DueIndex } from '../../jobs/due-index.js';
import { jobDone as done, jobSkipped as skipped, type JobOutcome, type Scheduler } from '../../jobs/scheduler.js';
import { addHours, HOUR_MS, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { AlertService, FireAlert, PushedAlert } from '../alerts/alert.service.js';
import type { Incident } from '../incidents/incident.model.js';
import type { ClockPlan } from './clock-plan.model.js';
import type { MilestoneBatch, MilestoneItem } from './milestone-batch.model.js';
import {
  DEADLINE_HOURS, hoursOfKey, LATE_AFTER_MS, latestDueMilestone, nextMilestone, type ClockSettings, type Milestone,
} from './clock.rules.js';

export const JOB = {
  milestone: 'clock.milestone',
  milestoneBatch: 'clock.milestones',
  triage: 'clock.triage-overrun',
  controllerNotice: 'clock.controller-notice',
  followUp: 'clock.follow-up',
} as const;

const MilestoneJob = z.object({ incidentId: z.string(), milestone: z.string(), dueAt: z.string() });
const MilestoneBatchJob = z.object({ batchId: z.string() });

/**
 * The planner hands Agenda one job per second of due time for every milestone due in that second
 * (the milestones wait in clock_batches): a burst of clocks due together is one lock and one state
 * save, not one per clock, which is what keeps bench/alert-lag's 1,000 milestones in one minute on
 * time. The job starts a little early (batchLeadMs) and fires each milestone at its own due time.
 */
const BATCH_MS = 1_000;
/** A mass intake due in one second is split into jobs of this many, which run side by side. */
const BATCH_MAX_ITEMS = 200;
/** Milestones of a batch due at the same moment fire this many at a time. */
const BATCH_PARALLELISM = 8;
const DueJob = z.object({ incidentId: z.string(), dueAt: z.string() });
const FollowUpJob = z.object({ incidentId: z.string(), dueAt: z.string(), submissionId: z.string() });

export interface ClockServiceSettings extends ClockSettings {
  triageLimitHours: number;
  controllerNoticeTargetHours: number;
  horizonMs: number;
  /**
   * How long before its first milestone a batch job is due. Agenda locks a job at a scan before it is
   * due and fires it on a timer; a slow scan would start a job due "now" late, so batches start early
   * and their handler waits for each milestone's own time.
   */
  batchLeadMs: number;
}

/** Jobs that belong to one incident (the planner is global). */
const INCIDENT_JOBS = [JOB.milestone, JOB.triage, JOB.controllerNotice, JOB.followUp];

/** Running clocks whose plans recovery writes in one go. */
const RECOVER_CHUNK = 500;

/** A recovered alert is pushed again when it has waited this long unpushed (its instance died mid-way). */
const UNPUSHED_GRACE_MS = 5_000;

export interface ClockServiceDeps {
  incidents: Model<Incident>;
  plans: Model<ClockPlan>;
  batches: Model<MilestoneBatch>;
  due: DueIndex;
  alerts: AlertService;
  scheduler: Scheduler;
  settings: ClockServiceSettings;
  clock: Clock;
  logger: Logger;
}

/**
 * Schedules an incident's clock as persistent Agenda jobs and handles them when they fire. Every
 * handler re-reads the incident and may skip: the clock may have stopped, awareness may have moved,
 * or a later milestone may already be due (missed ones collapse into the latest, marked late).
 *
 * Only milestones due within the horizon are Agenda jobs; a recurring planner moves later ones in,
 * so that a clock moved or stopped changes its plan, not a set of jobs already handed to Agenda.
 */
export class ClockService {
  constructor(private readonly deps: ClockServiceDeps) {}

  defineJobs(): void {
    this.deps.scheduler.define({ name: JOB.milestone, data: MilestoneJob, handle: (d) => this.onMilestone(d) });
    this.deps.scheduler.define({ name: JOB.milestoneBatch, data: MilestoneBatchJob, handle: (d) => this.onBatch(d.batchId) });
    this.deps.scheduler.define({ name: JOB.triage, data: DueJob, handle: (d) => this.onTriageOverrun(d) });
    this.deps.scheduler.define({ name: JOB.controllerNotice, data: DueJob, handle: (d) => this.onControllerNoticeDue(d) });
    this.deps.scheduler.define({ name: JOB.followUp, data: FollowUpJob, handle: (d) => this.onFollowUpDue(d) });
  }

  /**
   * Replaces the incident's pending clock jobs with the ones its current state calls for. An incident
   * just created has none yet, so there is nothing to cancel.
   */
  async plan(incident: Incident, options: { created?: boolean } = {}): Promise<void> {
    const incidentId = String(incident._id);
    if (!options.created) await this.deps.scheduler.cancel(INCIDENT_JOBS, { incidentId });
    const running = incident.status !== 'closed' && incident.clock.state === 'running' && incident.awareness;
    if (!running && !options.created) await this.deps.plans.deleteOne({ _id: incidentId });
    if (incident.status === 'closed') return;
    const now = this.deps.clock.now();

    if (!incident.awareness) {
      const dueAt = addHours(incident.triageStartedAt, this.deps.settings.triageLimitHours);
      await this.deps.scheduler.schedule(JOB.triage, maxDate(dueAt, now), { incidentId, dueAt: dueAt.toISOString() }, ['incidentId']);
      return;
    }

    if (running) {
      const awareAt = incident.awareness.at;
      const plannedUntil = new Date(now.getTime() + this.deps.settings.horizonMs);
      const nextDueAt = nextMilestone(awareAt, plannedUntil, this.deps.settings).dueAt;
      await this.deps.plans.updateOne({ _id: incidentId }, { $set: { awareAt, plannedUntil, nextDueAt } }, { upsert: true });
      await this.deps.due.add(incidentId, nextDueAt);
      const latest = latestDueMilestone(awareAt, now, this.deps.settings);
      if (latest) await this.scheduleMilestone(incidentId, latest, now);
      for (const m of this.milestonesBetween(awareAt, now, plannedUntil)) await this.scheduleMilestone(incidentId, m);
    }

    if (incident.role === 'processor' && !incident.controller.informedAt && incident.controller.targetAt) {
      const dueAt = incident.controller.targetAt;
      await this.deps.scheduler.schedule(JOB.controllerNotice, maxDate(dueAt, now), { incidentId, dueAt: dueAt.toISOString() }, ['incidentId']);
    }

    if (incident.followUp) {
      const { dueAt, afterSubmissionId } = incident.followUp;
      await this.deps.scheduler.schedule(JOB.followUp, maxDate(dueAt, now), { incidentId, dueAt: dueAt.toISOString(), submissionId: afterSubmissionId }, ['incidentId']);
    }
  }

  /** Milestones (overdue reminders included) due after `from` and no later than `until`. */
  private milestonesBetween(awareAt: Date, from: Date, until: Date): Milestone[] {
    const found: Milestone[] = [];
    let next = nextMilestone(awareAt, from, this.deps.settings);
    while (next.dueAt <= until) {
      found.push(next);
      next = nextMilestone(awareAt, next.dueAt, this.deps.settings);
    }
    return found;
  }

  /**
   * Moves every milestone due before now + horizon into Agenda, from where each clock's plan stopped.
   * Milestones already past are not scheduled one by one: only the latest, which the others collapse into.
   * Clocks are found through the due index (reads by _id), not by a query over every plan.
   */
  async planWindow(): Promise<number> {
    const now = this.deps.clock.now();
    const until = new Date(now.getTime() + this.deps.settings.horizonMs);
    const batches = new Map<number, MilestoneItem[]>();
    const planned: { id: string; nextDueAt: Date }[] = [];
    let scheduled = 0;
    await this.deps.due.sweep(now, until, async (incidentId, dueAt) => {
      const plan = await this.deps.plans.findById(incidentId).lean<ClockPlan>();
      if (!plan || plan.nextDueAt.getTime() !== dueAt.getTime()) return 'drop';
      const pending = this.milestonesBetween(plan.awareAt, plan.plannedUntil, until);
      const past = pending.filter((m) => m.dueAt <= now);
      for (const m of [...past.slice(-1), ...pending.filter((p) => p.dueAt > now)]) {
        const second = Math.floor(maxDate(m.dueAt, now).getTime() / BATCH_MS);
        const items = batches.get(second) ?? [];
        items.push({ incidentId: plan._id, milestone: m.key, dueAt: m.dueAt.toISOString() });
        batches.set(second, items);
        if (items.length === BATCH_MAX_ITEMS) {
          await this.scheduleBatch(items, now);
          batches.delete(second);
        }
        scheduled++;
      }
      planned.push({ id: plan._id, nextDueAt: nextMilestone(plan.awareAt, until, this.deps.settings).dueAt });
      return 'drop';
    }, async () => {
      // Jobs first, then the plans' marks: a crash in between plans these milestones again, and their alerts are unique.
      for (const items of batches.values()) await this.scheduleBatch(items, now);
      for (const { id, nextDueAt } of planned) {
        await this.deps.plans.updateOne({ _id: id }, { $set: { plannedUntil: until, nextDueAt } });
      }
      await this.deps.due.addMany(planned.map(({ id, nextDueAt }) => ({ id, dueAt: nextDueAt })));
      batches.clear();
      planned.length = 0;
    });
    return scheduled;
  }

  /** A batch is due a lead time before its earliest milestone; the handler waits for each. */
  private async scheduleBatch(items: MilestoneItem[], now: Date): Promise<void> {
    const first = Math.min(...items.map((i) => Date.parse(i.dueAt)));
    const batchId = new Types.ObjectId().toHexString();
    await this.deps.batches.create({ _id: batchId, items });
    await this.deps.scheduler.schedule(JOB.milestoneBatch, maxDate(new Date(first - this.deps.settings.batchLeadMs), now), { batchId });
  }

  /** Runs a planner batch; it is deleted once every milestone in it has been handled, so a failed run is tried again whole. */
  async onBatch(batchId: string): Promise<JobOutcome> {
    const batch = await this.deps.batches.findById(batchId).lean<MilestoneBatch>();
    if (!batch) return skipped('batch already handled');
    const outcome = await this.onMilestones(batch.items);
    await this.deps.batches.deleteOne({ _id: batchId });
    return outcome;
  }

  /**
   * One incident's milestone as a job of its own, unique on (incident, milestone) so that planning an
   * incident again replaces it. The upsert reads Agenda's whole collection on the embedded database,
   * which is why the planner's bulk path uses batches instead.
   */
  private scheduleMilestone(incidentId: string, m: Milestone, runAt: Date = m.dueAt): Promise<void> {
    return this.deps.scheduler.schedule(JOB.milestone, runAt, { incidentId, milestone: m.key, dueAt: m.dueAt.toISOString() }, ['incidentId', 'milestone']);
  }

  async onMilestone(data: MilestoneItem): Promise<JobOutcome> {
    const alert = await this.milestoneAlert(data);
    if ('status' in alert) return alert;
    await this.deps.alerts.fire(alert);
    return done();
  }

  /**
   * Fires a batch's milestones each at its due time (those due together a few at a time), then hands
   * their alerts on together: one dispatch for the batch. An item that fails fails the job after the
   * others ran; Agenda retries it, and the alerts already recorded are not recorded again.
   */
  async onMilestones(items: MilestoneItem[]): Promise<JobOutcome> {
    const queue = [...items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    const pushed: PushedAlert[] = [];
    let failure: unknown;
    while (queue.length) {
      const first = queue.shift()!;
      await this.deps.clock.sleepUntil(new Date(first.dueAt));
      const now = Math.max(this.deps.clock.now().getTime(), Date.parse(first.dueAt));
      const dueNow = [first];
      while (queue.length && dueNow.length < BATCH_PARALLELISM && Date.parse(queue[0]!.dueAt) <= now) dueNow.push(queue.shift()!);
      const results = await Promise.allSettled(dueNow.map(async (item) => {
        const alert = await this.milestoneAlert(item);
        return 'status' in alert ? undefined : this.deps.alerts.recordAndPush(alert);
      }));
      for (const result of results) {
        if (result.status === 'rejected') failure ??= result.reason;
        else if (result.value) pushed.push(result.value);
      }
    }
    await this.deps.alerts.handOn(pushed);
    if (failure) throw failure;
    return pushed.length ? done() : skipped('no milestone of the batch called for an alert');
  }

  /** The alert a milestone calls for now, or why it calls for none. */
  private async milestoneAlert(data: MilestoneItem): Promise<FireAlert | JobOutcome> {
    const incident = await this.deps.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident) return skipped('incident not found');
    if (incident.clock.state !== 'running' || !incident.awareness) return skipped('clock not running');
    const hours = hoursOfKey(data.milestone, this.deps.settings);
    if (hours === undefined) return skipped(`unknown milestone ${data.milestone}`);
    const awareAt = incident.awareness.at;
    const dueAt = addHours(awareAt, hours);
    if (dueAt.toISOString() !== data.dueAt) return skipped('awareness moved since this job was scheduled');

    // An instance whose clock runs slightly behind may fire a hair early; judge at the due time at least.
    const now = maxDate(this.deps.clock.now(), dueAt);
    const latest = latestDueMilestone(awareAt, now, this.deps.settings);
    if (latest && latest.hours > hours) {
      await this.scheduleMilestone(data.incidentId, latest, this.deps.clock.now());
      return skipped(`superseded by ${latest.key}`);
    }
    return {
      incident,
      kind: hours > DEADLINE_HOURS ? 'overdue' : 'milestone',
      milestone: data.milestone,
      hoursElapsed: hours,
      dueAt,
      late: this.isLate(dueAt),
    };
  }

  /** A job that ran well after it was due (a missed one, after downtime) says so on its alert. */
  private isLate(dueAt: Date): boolean {
    return this.deps.clock.now().getTime() - dueAt.getTime() > LATE_AFTER_MS;
  }

  private fireDue(alert: Omit<FireAlert, 'late'>): ReturnType<AlertService['fire']> {
    return this.deps.alerts.fire({ ...alert, late: this.isLate(alert.dueAt) });
  }

  async onTriageOverrun(data: z.infer<typeof DueJob>) {
    const incident = await this.deps.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident || incident.status !== 'triage' || incident.awareness) return skipped('no longer in triage');
    const dueAt = new Date(data.dueAt);
    await this.fireDue({ incident, kind: 'triage-overrun', milestone: 'triage', hoursElapsed: this.deps.settings.triageLimitHours, dueAt });
    return done();
  }

  async onControllerNoticeDue(data: z.infer<typeof DueJob>) {
    const incident = await this.deps.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident || incident.status === 'closed' || incident.role !== 'processor' || incident.controller.informedAt) {
      return skipped('controller already informed or not a processor incident');
    }
    const dueAt = new Date(data.dueAt);
    await this.fireDue({ incident, kind: 'controller-notice-due', milestone: 'controller', hoursElapsed: this.deps.settings.controllerNoticeTargetHours, dueAt });
    return done();
  }

  async onFollowUpDue(data: z.infer<typeof FollowUpJob>) {
    const incident = await this.deps.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident?.followUp || incident.followUp.afterSubmissionId !== data.submissionId || incident.status === 'closed') {
      return skipped('follow-up already filed');
    }
    const dueAt = new Date(data.dueAt);
    const awareAt = incident.awareness?.at ?? incident.triageStartedAt;
    await this.fireDue({
      incident, kind: 'follow-up-due', milestone: `follow-up:${data.submissionId}`,
      hoursElapsed: Math.round((dueAt.getTime() - awareAt.getTime()) / HOUR_MS), dueAt,
    });
    return done();
  }

  /** Pushes alerts that were recorded but never pushed (their instance died in between). */
  async repushStranded(): Promise<number> {
    return this.deps.alerts.sweepUnpushed(UNPUSHED_GRACE_MS, async (alert) => (await this.deps.incidents.findById(alert.incidentId).lean<Incident>()) ?? undefined);
  }

  /**
   * On start-up: re-push alerts recorded but never pushed; make sure every running clock has its plan
   * (a crash may have come between the incident's write and its planning) and that the latest due
   * milestone has fired (missed ones collapse into it, marked late); then plan the horizon.
   */
  async recover(): Promise<{ repushed: number; caughtUp: number }> {
    const repushed = await this.repushStranded();
    let caughtUp = 0;
    const now = this.deps.clock.now();
    const fired = await this.deps.alerts.firedMilestoneKeys();
    // Every running clock gets a plan and a due entry (a crash may have come between an incident's write
    // and its planning), due at its plan's own mark when that is earlier (a planner stopped mid-way),
    // else at its next milestone, so the planner takes up only the clocks due within its window. The
    // plans are read and written a chunk at a time: one by one, a start with many clocks took minutes.
    let chunk: { id: string; awareAt: Date }[] = [];
    const writeChunk = async () => {
      if (!chunk.length) return;
      const marks = await this.deps.plans.find({ _id: op({ $in: chunk.map(({ id }) => id) }) }, { nextDueAt: 1 }).lean<Pick<ClockPlan, '_id' | 'nextDueAt'>[]>();
      const markOf = new Map(marks.map((p) => [p._id, p.nextDueAt]));
      const planned = chunk.map(({ id, awareAt }) => {
        const next = nextMilestone(awareAt, now, this.deps.settings).dueAt;
        const mark = markOf.get(id);
        return { id, awareAt, nextDueAt: mark && mark < next ? mark : next };
      });
      await this.deps.plans.bulkWrite(planned.map(({ id, awareAt, nextDueAt }) => ({
        updateOne: { filter: { _id: id }, update: { $set: { awareAt, nextDueAt }, $setOnInsert: { plannedUntil: now } }, upsert: true },
      })), { ordered: false });
      await this.deps.due.addMany(planned.map(({ id, nextDueAt }) => ({ id, dueAt: nextDueAt })));
      chunk = [];
    };
    // Only what recovery reads: whole incidents made a start with 20,000 running clocks take 20 seconds.
    const running = this.deps.incidents
      .find({ 'clock.state': 'running' }, { status: 1, 'awareness.at': 1 })
      .lean<Pick<Incident, '_id' | 'status' | 'awareness'>[]>()
      .cursor({ batchSize: 500 });
    for await (const raw of running) {
      const incident = raw as unknown as Pick<Incident, '_id' | 'status' | 'awareness'>;
      if (!incident.awareness || incident.status === 'closed') continue;
      const incidentId = String(incident._id);
      chunk.push({ id: incidentId, awareAt: incident.awareness.at });
      if (chunk.length === RECOVER_CHUNK) await writeChunk();
      const latest = latestDueMilestone(incident.awareness.at, now, this.deps.settings);
      if (latest && !fired.has(`${incidentId}:${latest.key}:${latest.dueAt.toISOString()}`)) {
        await this.scheduleMilestone(incidentId, latest, now);
        caughtUp++;
      }
    }
    await writeChunk();
    await this.planWindow();
    if (repushed || caughtUp) this.deps.logger.info({ repushed, caughtUp }, 'clock recovery');
    return { repushed, caughtUp };
  }
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);
