import type { Model } from 'mongoose';
import { z } from 'zod';
import type { DueIndex } from '../../jobs/due-index.js';
import type { Scheduler } from '../../jobs/scheduler.js';
import { addHours, HOUR_MS, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Alert } from '../alerts/alert.model.js';
import type { AlertService } from '../alerts/alert.service.js';
import type { Incident } from '../incidents/incident.model.js';
import type { ClockPlan } from './clock-plan.model.js';
import {
  DEADLINE_HOURS, hoursOfKey, LATE_AFTER_MS, latestDueMilestone, milestonesUntilDeadline, nextMilestone,
  presentMoment, type ClockSettings, type Milestone,
} from './clock.rules.js';

export const JOB = {
  milestone: 'clock.milestone',
  triage: 'clock.triage-overrun',
  controllerNotice: 'clock.controller-notice',
  followUp: 'clock.follow-up',
} as const;

const MilestoneJob = z.object({ incidentId: z.string(), milestone: z.string(), dueAt: z.string() });
const DueJob = z.object({ incidentId: z.string(), dueAt: z.string() });
const FollowUpJob = z.object({ incidentId: z.string(), dueAt: z.string(), submissionId: z.string() });

export interface ClockServiceSettings extends ClockSettings {
  triageLimitHours: number;
  controllerNoticeTargetHours: number;
  horizonMs: number;
}

/** Jobs that belong to one incident (the planner is global). */
const INCIDENT_JOBS = [JOB.milestone, JOB.triage, JOB.controllerNotice, JOB.followUp];

/** A recovered alert is pushed again when it has waited this long unpushed (its instance died mid-way). */
const UNPUSHED_GRACE_MS = 5_000;

/**
 * Schedules an incident's clock as persistent Agenda jobs and handles them when they fire. Every
 * handler re-reads the incident and may skip: the clock may have stopped, awareness may have moved,
 * or a later milestone may already be due (missed ones collapse into the latest, marked late).
 *
 * Only milestones due within the horizon are Agenda jobs; a recurring planner moves later ones in.
 * Agenda's lock query scans its whole collection on a database without index use (FerretDB v1 on
 * SQLite), so a collection of every future milestone would make each lock cost seconds.
 */
export class ClockService {
  constructor(
    private readonly incidents: Model<Incident>,
    private readonly plans: Model<ClockPlan>,
    private readonly due: DueIndex,
    private readonly alerts: AlertService,
    private readonly scheduler: Scheduler,
    private readonly settings: ClockServiceSettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  defineJobs(): void {
    this.scheduler.define({ name: JOB.milestone, data: MilestoneJob, handle: (d) => this.onMilestone(d) });
    this.scheduler.define({ name: JOB.triage, data: DueJob, handle: (d) => this.onTriageOverrun(d) });
    this.scheduler.define({ name: JOB.controllerNotice, data: DueJob, handle: (d) => this.onControllerNoticeDue(d) });
    this.scheduler.define({ name: JOB.followUp, data: FollowUpJob, handle: (d) => this.onFollowUpDue(d) });
  }

  /** Replaces the incident's pending clock jobs with the ones its current state calls for. */
  async plan(incident: Incident): Promise<void> {
    const incidentId = String(incident._id);
    await this.scheduler.cancel(INCIDENT_JOBS, { incidentId });
    const running = incident.status !== 'closed' && incident.clock.state === 'running' && incident.awareness;
    if (!running) await this.plans.deleteOne({ _id: incidentId });
    if (incident.status === 'closed') return;
    const now = this.clock.now();

    if (!incident.awareness) {
      const dueAt = addHours(incident.triageStartedAt, this.settings.triageLimitHours);
      await this.scheduler.schedule(JOB.triage, maxDate(dueAt, now), { incidentId, dueAt: dueAt.toISOString() }, ['incidentId']);
      return;
    }

    if (running) {
      const awareAt = incident.awareness.at;
      const plannedUntil = new Date(now.getTime() + this.settings.horizonMs);
      const nextDueAt = nextMilestone(awareAt, plannedUntil, this.settings).dueAt;
      await this.plans.updateOne({ _id: incidentId }, { $set: { awareAt, plannedUntil, nextDueAt } }, { upsert: true });
      await this.due.add(incidentId, nextDueAt);
      const latest = latestDueMilestone(awareAt, now, this.settings);
      if (latest) await this.scheduleMilestone(incidentId, latest, now);
      for (const m of this.milestonesBetween(awareAt, now, plannedUntil)) await this.scheduleMilestone(incidentId, m);
    }

    if (incident.role === 'processor' && !incident.controller.informedAt && incident.controller.targetAt) {
      const dueAt = incident.controller.targetAt;
      await this.scheduler.schedule(JOB.controllerNotice, maxDate(dueAt, now), { incidentId, dueAt: dueAt.toISOString() }, ['incidentId']);
    }

    if (incident.followUp) {
      const { dueAt, afterSubmissionId } = incident.followUp;
      await this.scheduler.schedule(JOB.followUp, maxDate(dueAt, now), { incidentId, dueAt: dueAt.toISOString(), submissionId: afterSubmissionId }, ['incidentId']);
    }
  }

  /** Milestones (overdue reminders included) due after `from` and no later than `until`. */
  private milestonesBetween(awareAt: Date, from: Date, until: Date): Milestone[] {
    const found: Milestone[] = [];
    let next = nextMilestone(awareAt, from, this.settings);
    while (next.dueAt <= until) {
      found.push(next);
      next = nextMilestone(awareAt, next.dueAt, this.settings);
    }
    return found;
  }

  /**
   * Moves every milestone due before now + horizon into Agenda, from where each clock's plan stopped.
   * Milestones already past are not scheduled one by one: only the latest, which the others collapse into.
   * Clocks are found through the due index (reads by _id), not by a query over every plan.
   */
  async planWindow(): Promise<number> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.settings.horizonMs);
    let scheduled = 0;
    await this.due.sweep(now, until, async (incidentId, dueAt) => {
      const plan = await this.plans.findById(incidentId).lean<ClockPlan>();
      if (!plan || plan.nextDueAt.getTime() !== dueAt.getTime()) return 'drop';
      const pending = this.milestonesBetween(plan.awareAt, plan.plannedUntil, until);
      const past = pending.filter((m) => m.dueAt <= now);
      const toSchedule = [...past.slice(-1), ...pending.filter((m) => m.dueAt > now)];
      for (const m of toSchedule) {
        await this.scheduleMilestone(plan._id, m, maxDate(m.dueAt, now), false);
        scheduled++;
      }
      const nextDueAt = nextMilestone(plan.awareAt, until, this.settings).dueAt;
      await this.plans.updateOne({ _id: plan._id }, { $set: { plannedUntil: until, nextDueAt } });
      await this.due.add(plan._id, nextDueAt);
      return 'drop';
    });
    return scheduled;
  }

  /**
   * A unique milestone job is an upsert keyed on (incident, milestone), which scans Agenda's collection
   * on the embedded database; the planner inserts instead, as its plannedUntil mark already keeps it from
   * scheduling a milestone twice (and a duplicate job would still alert once).
   */
  private scheduleMilestone(incidentId: string, m: Milestone, runAt: Date = m.dueAt, unique = true): Promise<void> {
    return this.scheduler.schedule(JOB.milestone, runAt, { incidentId, milestone: m.key, dueAt: m.dueAt.toISOString() }, unique ? ['incidentId', 'milestone'] : undefined);
  }

  async onMilestone(data: z.infer<typeof MilestoneJob>) {
    const incident = await this.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident) return skipped('incident not found');
    if (incident.clock.state !== 'running' || !incident.awareness) return skipped('clock not running');
    const hours = hoursOfKey(data.milestone, this.settings);
    if (hours === undefined) return skipped(`unknown milestone ${data.milestone}`);
    const awareAt = incident.awareness.at;
    const dueAt = addHours(awareAt, hours);
    if (dueAt.toISOString() !== data.dueAt) return skipped('awareness moved since this job was scheduled');

    // An instance whose clock runs slightly behind may fire a hair early; judge at the due time at least.
    const now = maxDate(this.clock.now(), dueAt);
    const latest = latestDueMilestone(awareAt, now, this.settings);
    if (latest && latest.hours > hours) {
      await this.scheduleMilestone(data.incidentId, latest, this.clock.now());
      return skipped(`superseded by ${latest.key}`);
    }
    const late = this.clock.now().getTime() - dueAt.getTime() > LATE_AFTER_MS;
    await this.alerts.fire({
      incident,
      kind: hours > DEADLINE_HOURS ? 'overdue' : 'milestone',
      milestone: data.milestone,
      hoursElapsed: hours,
      dueAt,
      late,
    });
    return done();
  }

  async onTriageOverrun(data: z.infer<typeof DueJob>) {
    const incident = await this.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident || incident.status !== 'triage' || incident.awareness) return skipped('no longer in triage');
    const dueAt = new Date(data.dueAt);
    await this.alerts.fire({
      incident, kind: 'triage-overrun', milestone: 'triage', hoursElapsed: this.settings.triageLimitHours, dueAt,
      late: this.clock.now().getTime() - dueAt.getTime() > LATE_AFTER_MS,
    });
    return done();
  }

  async onControllerNoticeDue(data: z.infer<typeof DueJob>) {
    const incident = await this.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident || incident.status === 'closed' || incident.role !== 'processor' || incident.controller.informedAt) {
      return skipped('controller already informed or not a processor incident');
    }
    const dueAt = new Date(data.dueAt);
    await this.alerts.fire({
      incident, kind: 'controller-notice-due', milestone: 'controller', hoursElapsed: this.settings.controllerNoticeTargetHours, dueAt,
      late: this.clock.now().getTime() - dueAt.getTime() > LATE_AFTER_MS,
    });
    return done();
  }

  async onFollowUpDue(data: z.infer<typeof FollowUpJob>) {
    const incident = await this.incidents.findById(data.incidentId).lean<Incident>();
    if (!incident?.followUp || incident.followUp.afterSubmissionId !== data.submissionId || incident.status === 'closed') {
      return skipped('follow-up already filed');
    }
    const dueAt = new Date(data.dueAt);
    const awareAt = incident.awareness?.at ?? incident.triageStartedAt;
    await this.alerts.fire({
      incident, kind: 'follow-up-due', milestone: `follow-up:${data.submissionId}`,
      hoursElapsed: Math.round((dueAt.getTime() - awareAt.getTime()) / HOUR_MS), dueAt,
      late: this.clock.now().getTime() - dueAt.getTime() > LATE_AFTER_MS,
    });
    return done();
  }

  /** Pushes alerts that were recorded but never pushed (their instance died in between). */
  async repushStranded(): Promise<number> {
    return this.alerts.sweepUnpushed(UNPUSHED_GRACE_MS, async (alert) => {
      const incident = await this.incidents.findById(alert.incidentId).lean<Incident>();
      if (!incident) return false;
      await this.alerts.push(alert, incident);
      return true;
    });
  }

  /**
   * On start-up: re-push alerts recorded but never pushed; make sure every running clock has its plan
   * (a crash may have come between the incident's write and its planning) and that the latest due
   * milestone has fired (missed ones collapse into it, marked late); then plan the horizon.
   */
  async recover(): Promise<{ repushed: number; caughtUp: number }> {
    const repushed = await this.repushStranded();
    let caughtUp = 0;
    const now = this.clock.now();
    const fired = await this.alerts.firedMilestoneKeys();
    const toPlan: string[] = [];
    const running = this.incidents.find({ 'clock.state': 'running' }).lean<Incident[]>().cursor({ batchSize: 500 });
    for await (const raw of running) {
      const incident = raw as unknown as Incident;
      if (!incident.awareness || incident.status === 'closed') continue;
      const incidentId = String(incident._id);
      // nextDueAt = now makes the planner look at every running clock once after a restart.
      await this.plans.updateOne({ _id: incidentId }, { $set: { awareAt: incident.awareness.at, nextDueAt: now }, $setOnInsert: { plannedUntil: now } }, { upsert: true });
      toPlan.push(incidentId);
      const latest = latestDueMilestone(incident.awareness.at, now, this.settings);
      if (latest && !fired.has(`${incidentId}:${latest.key}:${latest.dueAt.toISOString()}`)) {
        await this.scheduleMilestone(incidentId, latest, now);
        caughtUp++;
      }
    }
    await this.due.addMany(toPlan.map((id) => ({ id, dueAt: now })));
    await this.planWindow();
    if (repushed || caughtUp) this.logger.info({ repushed, caughtUp }, 'clock recovery');
    return { repushed, caughtUp };
  }

  /** How the clock reads now, for the presenter. */
  view(incident: Incident, alerts: Alert[]) {
    const now = this.clock.now();
    const milestoneAlerts = alerts.filter((a) => a.kind === 'milestone' || a.kind === 'overdue');
    const awareAt = incident.awareness?.at ?? null;
    const deadline = incident.clock.deadline;
    const reference = incident.clock.state === 'stopped' && incident.clock.stoppedAt ? incident.clock.stoppedAt : now;
    const alertView = (a: Alert | undefined) =>
      a ? { id: String(a._id), firedAt: a.firedAt.toISOString(), late: a.late, acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null } : null;
    return {
      state: incident.clock.state,
      awareAt: awareAt?.toISOString() ?? null,
      deadline: deadline ? presentMoment(deadline) : null,
      hoursElapsed: awareAt ? round1((reference.getTime() - awareAt.getTime()) / HOUR_MS) : null,
      msLeft: deadline ? deadline.getTime() - reference.getTime() : null,
      overdue: deadline ? reference > deadline : false,
      stoppedAt: incident.clock.stoppedAt?.toISOString() ?? null,
      stopReason: incident.clock.stopReason,
      stopNote: incident.clock.stopNote,
      milestones: awareAt
        ? milestonesUntilDeadline(awareAt, this.settings).map((m) => ({
            key: m.key,
            hours: m.hours,
            dueAt: m.dueAt.toISOString(),
            passed: m.dueAt <= now,
            alert: alertView(milestoneAlerts.find((a) => a.milestone === m.key && a.dueAt.getTime() === m.dueAt.getTime())),
          }))
        : [],
      overdueAlerts: milestoneAlerts.filter((a) => a.kind === 'overdue').map((a) => ({ milestone: a.milestone, ...alertView(a)! })),
      next: awareAt && incident.clock.state === 'running' ? toIso(nextMilestone(awareAt, now, this.settings)) : null,
      triage: {
        startedAt: incident.triageStartedAt.toISOString(),
        limitAt: addHours(incident.triageStartedAt, this.settings.triageLimitHours).toISOString(),
        overrun: !incident.awareness && incident.status === 'triage' && now > addHours(incident.triageStartedAt, this.settings.triageLimitHours),
      },
    };
  }
}

const skipped = (reason: string) => ({ status: 'skipped' as const, reason });
const done = () => ({ status: 'done' as const });
const maxDate = (a: Date, b: Date) => (a > b ? a : b);
const round1 = (n: number) => Math.round(n * 10) / 10;
const toIso = (m: Milestone) => ({ key: m.key, hours: m.hours, dueAt: m.dueAt.toISOString() });
