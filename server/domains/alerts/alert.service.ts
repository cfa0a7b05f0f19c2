import type { Model } from 'mongoose';
import { op } from '../../db/trusted.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { Emits } from '../../lib/events.js';
import type { Actor } from '../access/actor.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import { alertAudience, type Audience } from '../incidents/incident.access.js';
import type { Incident } from '../incidents/incident.model.js';
import type { AlertEvents } from './alert.events.js';
import type { Alert, AlertKind } from './alert.model.js';
import { resolutionOf, type ResolvedReason } from './alert.rules.js';
import { presentAlertMessage, type AlertMessage } from './alert.presenter.js';
import { isObjectId } from '../../lib/ids.js';
import type { DueIndex } from '../../jobs/due-index.js';

export interface FireAlert {
  incident: Incident;
  kind: AlertKind;
  milestone: string;
  hoursElapsed: number;
  dueAt: Date;
  late: boolean;
}

/** An alert recorded and pushed, with when it reached the dashboards (undefined: no sockets here). */
export interface PushedAlert {
  alert: Alert;
  sent: Date | undefined;
}

/**
 * The open dashboards, as the alerts see them. Unlike an event, a push answers whether any dashboard
 * could be reached, which is recorded on the alert (the stranded-alert sweep pushes again those that
 * were not); the socket layer implements it.
 */
export interface AlertDashboards {
  /** Pushes to the incident's audience; false when this process has no sockets. */
  alertFired(message: AlertMessage, audience: Audience): Promise<boolean>;
  /** An escalated alert to the people of that step (their personal rooms). */
  alertToUsers(message: AlertMessage, userIds: string[]): boolean;
  /** A person's own alert (a test alert) to that person's open dashboards only; how many it reached. */
  alertToOwnDashboards(message: AlertMessage, userId: string): Promise<number>;
}

export interface AlertServiceDeps {
  alerts: Model<Alert>;
  /** Alerts filed by the time they count as stranded if still unpushed; a sweep finds them by _id reads. */
  pushDue: DueIndex;
  dashboards: AlertDashboards;
  audit: AuditService;
  events: Emits<AlertEvents>;
  clock: Clock;
  logger: Logger;
  /** Minutes after an alert at which it escalates (ESCALATION_MINUTES), so it says from the start when it will. */
  escalationMinutes?: readonly number[];
}

/**
 * Alerts are recorded under a unique key first, then pushed, then handed on (to the dispatcher's
 * e-mail and webhook deliveries); a duplicate record means someone else already did it. Both marks
 * are written last, in one update, so the stranded-alert sweep redoes whichever step an alert lacks
 * (clients deduplicate pushes by alert id).
 */
export class AlertService {
  /** Alerts filed by the time they count as stranded if still unpushed; a sweep finds them by _id reads. */

  constructor(private readonly deps: AlertServiceDeps) {}

  /** Records the alert, pushes it and hands it on; returns undefined when it had already been recorded. */
  async fire(input: FireAlert): Promise<Alert | undefined> {
    const pushed = await this.recordAndPush(input);
    if (pushed) await this.handOn([pushed]);
    return pushed?.alert;
  }

  /**
   * Records and pushes without handing on, for a batch that hands its alerts on together with
   * `handOn`; undefined when the alert had already been recorded.
   */
  async recordAndPush(input: FireAlert): Promise<PushedAlert | undefined> {
    const alert = await this.record(input);
    if (!alert) return undefined;
    return { alert, sent: await this.push(alert, input.incident) };
  }

  /** Announces pushed alerts (`alert.fired`), then marks them handed on (and pushed, where they reached the dashboards). */
  async handOn(pushed: PushedAlert[]): Promise<void> {
    if (!pushed.length) return;
    await this.deps.events.emit('alert.fired', { alerts: pushed.map((p) => p.alert) });
    const handedOnAt = this.deps.clock.now();
    // By _id alone, which the embedded database answers without a scan; a re-push simply moves the time.
    for (const { alert, sent } of pushed) {
      await this.deps.alerts.updateOne({ _id: alert._id }, { $set: { handedOnAt, ...(sent ? { pushedAt: sent } : {}) } });
    }
  }

  /**
   * Records the alert under its unique key and files it for the stranded-alert sweep, which re-pushes
   * it should this instance die before handing it on; undefined when it had already been recorded.
   */
  async record(input: FireAlert): Promise<Alert | undefined> {
    const { incident } = input;
    const firstStep = this.deps.escalationMinutes?.[0];
    const key = `${String(incident._id)}:${input.kind}:${input.milestone}:${input.dueAt.toISOString()}`;
    let alert: Alert;
    try {
      const created = await this.deps.alerts.create({
        key,
        incidentId: String(incident._id),
        incidentRef: incident.ref,
        title: incident.title,
        restricted: incident.restricted,
        kind: input.kind,
        milestone: input.milestone,
        hoursElapsed: input.hoursElapsed,
        deadline: incident.clock.deadline,
        dueAt: input.dueAt,
        firedAt: this.deps.clock.now(),
        late: input.late,
        nextEscalationAt: firstStep === undefined ? null : new Date(this.deps.clock.now().getTime() + firstStep * 60_000),
      });
      alert = created.toObject();
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return undefined;
      throw err;
    }
    await this.deps.pushDue.add(String(alert._id), alert.firedAt);
    return alert;
  }

  /** Pushes an alert to its audience; returns when it went out, or undefined when this process has no sockets. */
  async push(alert: Alert, incident: Incident): Promise<Date | undefined> {
    const pushedAt = this.deps.clock.now();
    return (await this.deps.dashboards.alertFired(presentAlertMessage({ ...alert, pushedAt }), alertAudience(incident))) ? pushedAt : undefined;
  }

  /**
   * Finishes each alert older than the grace period that was never pushed or never handed on (its
   * instance died in between): pushes it again if it was not pushed, hands it on again if it was not.
   * `incidentOf` gives its incident (undefined: drop it). Returns how many were pushed again.
   */
  async sweepUnpushed(graceMs: number, incidentOf: (alert: Alert) => Promise<Incident | undefined>): Promise<number> {
    const now = this.deps.clock.now();
    const before = new Date(now.getTime() - graceMs);
    let repushed = 0;
    await this.deps.pushDue.sweep(now, before, async (id) => {
      const alert = await this.deps.alerts.findById(id).lean<Alert>();
      if (!alert || (alert.pushedAt && alert.handedOnAt)) return 'drop';
      const incident = await incidentOf(alert);
      if (!incident) return 'drop';
      const sent = alert.pushedAt ?? (await this.push(alert, incident));
      if (!alert.pushedAt) repushed++;
      if (alert.handedOnAt) {
        if (sent) await this.deps.alerts.updateOne({ _id: alert._id }, { $set: { pushedAt: sent } });
      } else {
        await this.handOn([{ alert, sent }]);
      }
      return 'drop';
    });
    return repushed;
  }

  /** "incidentId:milestone:dueAt" of every milestone alert, for start-up recovery in one pass. */
  async firedMilestoneKeys(): Promise<Set<string>> {
    const list = await this.deps.alerts.find({ kind: op({ $in: ['milestone', 'overdue'] as AlertKind[] }) }, { incidentId: 1, milestone: 1, dueAt: 1 }).lean();
    return new Set(list.map((a) => `${a.incidentId}:${a.milestone}:${a.dueAt.toISOString()}`));
  }

  /** Every alert an incident fired, oldest first; the caller has found the actor may see the incident. */
  async forIncident(incidentId: string): Promise<Alert[]> {
    return (await this.deps.alerts.find({ incidentId }).sort({ firedAt: 1 }).lean()) as Alert[];
  }

  /** Alerts fired after a moment, oldest first, for a dashboard that reconnects. */
  async since(after: Date, limit: number): Promise<Alert[]> {
    return (await this.deps.alerts.find({ firedAt: op({ $gt: after }) }).sort({ firedAt: 1 }).limit(limit).lean()) as Alert[];
  }

  /**
   * The newest alerts whose incident the caller may see now (`maySee` is asked once per incident), read
   * page by page until `limit` are found or the alerts run out.
   */
  async recentVisible(limit: number, maySee: (incidentId: string) => Promise<boolean>): Promise<Alert[]> {
    const seen = new Map<string, boolean>();
    const out: Alert[] = [];
    let before: Date | undefined;
    for (let pages = 0; out.length < limit && pages < 20; pages++) {
      const page = (await this.deps.alerts.find(before ? { firedAt: op({ $lt: before }) } : {}).sort({ firedAt: -1 }).limit(limit * 2).lean()) as Alert[];
      for (const alert of page) {
        if (!seen.has(alert.incidentId)) seen.set(alert.incidentId, await maySee(alert.incidentId));
        if (seen.get(alert.incidentId) && out.length < limit) out.push(alert);
      }
      if (page.length < limit * 2) break;
      before = page.at(-1)!.firedAt;
    }
    return out;
  }

  /** The incident of each of these alerts, by alert id. */
  async incidentIdsOf(alertIds: string[]): Promise<Map<string, string>> {
    const valid = alertIds.filter(isObjectId);
    const found = valid.length ? ((await this.deps.alerts.find({ _id: op({ $in: valid }) }, { incidentId: 1 }).lean()) as Pick<Alert, '_id' | 'incidentId'>[]) : [];
    return new Map(found.map((a) => [String(a._id), a.incidentId]));
  }

  async get(id: string): Promise<Alert> {
    if (!isObjectId(id)) throw notFound('Alert');
    const alert = await this.deps.alerts.findById(id).lean();
    if (!alert) throw notFound('Alert');
    return alert as Alert;
  }

  /** The person a test alert was sent to acknowledges it (trying the notification's button); the first time counts. */
  async acknowledgeTest(actor: Actor, id: string): Promise<Alert> {
    const res = await this.deps.alerts.updateOne(
      { _id: id, kind: 'test', forUser: actor.id, acknowledgedAt: null },
      { $set: { acknowledgedAt: this.deps.clock.now(), acknowledgedBy: { id: actor.id, name: actor.name }, nextEscalationAt: null } },
    );
    const alert = await this.get(id);
    if (res.modifiedCount === 1) await this.deps.events.emit('alert.test-acknowledged', { alert });
    return alert;
  }

  /**
   * Resolves the incident's open alerts whose obligation its current state has met (filed, closed, found
   * not notifiable, …): they stop escalating and leave the active list. Returns those it resolved.
   */
  async resolveMet(incident: Incident): Promise<Alert[]> {
    const open = (await this.deps.alerts.find({ incidentId: String(incident._id), acknowledgedAt: null, resolvedAt: null }).lean()) as Alert[];
    const resolved: Alert[] = [];
    for (const alert of open) {
      const reason = resolutionOf(alert, incident);
      if (reason && (await this.resolve(alert, reason))) resolved.push({ ...alert, resolvedAt: this.deps.clock.now(), resolvedReason: reason, nextEscalationAt: null });
    }
    if (resolved.length) await this.deps.events.emit('alert.resolved', { alerts: resolved, incident });
    return resolved;
  }

  /** Marks one open alert resolved; false when it was already acknowledged or resolved. */
  async resolve(alert: Pick<Alert, '_id'>, reason: ResolvedReason): Promise<boolean> {
    const res = await this.deps.alerts.updateOne(
      { _id: alert._id, acknowledgedAt: null, resolvedAt: null },
      { $set: { resolvedAt: this.deps.clock.now(), resolvedReason: reason, nextEscalationAt: null } },
    );
    return res.modifiedCount === 1;
  }

  /** A person who may see the incident acknowledges an alert: it stops escalating. Acknowledging twice keeps the first. */
  async acknowledge(ctx: AuditContext, actor: Actor, id: string, incident: Incident): Promise<Alert> {
    const at = this.deps.clock.now();
    const res = await this.deps.alerts.updateOne(
      { _id: id, acknowledgedAt: null },
      { $set: { acknowledgedAt: at, acknowledgedBy: { id: actor.id, name: actor.name }, nextEscalationAt: null } },
    );
    const alert = await this.get(id);
    if (res.modifiedCount === 1) {
      await this.deps.events.emit('alert.acknowledged', { alert, incident, by: actor, at });
      await this.deps.audit.record(ctx, { action: 'alert.acknowledged', target: { type: 'alert', id }, after: { incidentId: alert.incidentId, milestone: alert.milestone } });
      this.deps.logger.info({ alertId: id, by: actor.id }, 'alert acknowledged');
    }
    return alert;
  }
}
