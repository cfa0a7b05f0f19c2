import type { EventBus } from './lib/events.js';
import type { DomainEvents } from './domains/events.js';
import type { AlertDispatcher } from './domains/alerts/dispatcher.js';
import type { AlertService } from './domains/alerts/alert.service.js';
import type { AssessmentService } from './domains/assessment/assessment.service.js';
import { assessedEntry, decidedEntry } from './domains/assessment/assessment.events.js';
import type { IncidentService } from './domains/incidents/incident.service.js';
import { approvedEntry, draftedEntry } from './domains/notices/notice.events.js';
import type { AuthService } from './domains/auth/auth.service.js';
import type { ClockService } from './domains/clock/clock.service.js';
import type { PushService } from './domains/push/push.service.js';
import { alertAudience, incidentAudience } from './domains/incidents/incident.access.js';
import type { Incident } from './domains/incidents/incident.model.js';
import type { Broadcaster } from './realtime/broadcaster.js';

export interface Subscribers {
  clock: ClockService;
  alerts: AlertService;
  dispatcher: AlertDispatcher;
  incidents: IncidentService;
  assessments: AssessmentService;
  auth: AuthService;
  broadcaster: Broadcaster;
  push: PushService;
}

/**
 * What follows each domain event, in the order it runs. Two kinds of handler:
 * - durable: survives a crash of this process because it writes a persisted Agenda job, or because
 *   start-up recovery or a sweep redoes it (named for each below);
 * - in-process: awaited before the write answers; lost with the process, which is harmless for what they do
 *   (dashboards reload, sockets are gone with the process anyway).
 */
export function subscribe(events: EventBus<DomainEvents>, { clock, alerts, dispatcher, incidents, assessments, auth, broadcaster, push }: Subscribers): void {
  const plan = ({ incident }: { incident: Incident }) => clock.plan(incident);
  const announce = ({ incident }: { incident: Incident }) =>
    broadcaster.incidentUpdated({ id: String(incident._id), version: incident.version, updatedAt: incident.updatedAt.toISOString() }, incidentAudience(incident)).then(() => undefined);

  // Durable: planning writes Agenda jobs and the clock plan; a crash before it is made good by ClockService.recover() at start-up.
  events
    .on('incident.created', ({ incident }) => clock.plan(incident, { created: true }))
    .on('incident.awareness-declared', plan)
    .on('incident.updated', ({ incident, clockInputsChanged }) => (clockInputsChanged ? clock.plan(incident) : undefined))
    .on('incident.clock-stopped', plan)
    .on('incident.clock-resumed', plan)
    .on('incident.submission-recorded', plan)
    .on('incident.controller-informed', plan)
    .on('incident.closed', plan)
    .on('incident.reopened', plan);

  // Durable: an alert whose obligation was met (filed, closed, found not notifiable, …) is resolved; a crash before it
  // is made good by the dispatcher, which judges each alert against the incident again before every step.
  const resolveMet = ({ incident }: { incident: Incident }) => alerts.resolveMet(incident).then(() => undefined);
  events
    .on('incident.awareness-declared', resolveMet)
    .on('incident.clock-stopped', resolveMet)
    .on('incident.submission-recorded', resolveMet)
    .on('incident.controller-informed', resolveMet)
    .on('incident.closed', resolveMet);

  // In-process: dashboards watching an incident hear that it changed, and those who may no longer see it stop watching.
  events
    .on('incident.created', announce)
    .on('incident.changed', async ({ incident, accessChanged }) => {
      if (accessChanged) await broadcaster.incidentAccessChanged(incidentAudience(incident));
      await announce({ incident });
    });

  // In-process, awaited by the write: what the assessment and the notices record is told on the incident's timeline.
  events
    .on('assessment.run', ({ incidentId, by, assessment }) => incidents.recordOnTimeline(incidentId, by, 'assessed', assessedEntry(assessment)))
    .on('decision.recorded', ({ incidentId, by, decision }) => incidents.recordOnTimeline(incidentId, by, 'decided', decidedEntry(decision)))
    .on('notice.drafted', ({ notice, by }) => incidents.recordOnTimeline(notice.incidentId, by, 'notice-drafted', draftedEntry(notice)))
    .on('notice.approved', ({ notice, by }) => incidents.recordOnTimeline(notice.incidentId, by, 'notice-approved', approvedEntry(notice)));

  // In-process, awaited by the edit: a decision whose facts changed is flagged for review in the same request.
  events.on('incident.updated', ({ before, incident }) => assessments.flagForReview(before, incident));

  // Durable: the dispatch is a persisted Agenda job; alerts not yet handed on are handed on again by the stranded-alert sweep.
  events.on('alert.fired', ({ alerts }) => dispatcher.fired(alerts));

  // In-process: who may see the incident (and whoever acknowledged) hears of the acknowledgement.
  events.on('alert.acknowledged', async ({ alert, incident, by, at }) => {
    const audience = alertAudience(incident);
    await broadcaster.alertAcknowledged(
      { alertId: String(alert._id), incidentId: alert.incidentId, by: by.name, at: at.toISOString() },
      { ...audience, roles: incident.restricted ? audience.roles : ['oncall', 'analyst', 'manager', 'dpo'], userIds: [...audience.userIds, by.id] },
    );
  });
  // In-process: who may see the incident hears that its alerts were resolved (every instance, through the adapter).
  events.on('alert.resolved', async ({ alerts: resolved, incident }) => {
    for (const alert of resolved) {
      await broadcaster.alertResolved(
        { alertId: String(alert._id), incidentId: alert.incidentId, reason: alert.resolvedReason ?? 'closed', at: (alert.resolvedAt ?? incident.updatedAt).toISOString() },
        // Everyone the acknowledgement reaches: whoever lists alerts on the on-call screen.
        { ...alertAudience(incident), roles: incident.restricted ? alertAudience(incident).roles : ['oncall', 'analyst', 'manager', 'dpo'] },
      );
    }
  });
  // Durable: a persisted job tells every device the alert was pushed to who acknowledged it (best effort, once).
  events
    .on('alert.acknowledged', ({ alert }) => push.acknowledged(alert))
    .on('alert.test-acknowledged', ({ alert }) => push.acknowledged(alert));
  events
    .on('scheduler.stalled', ({ since, at }) => broadcaster.schedulerStalled(since, at))
    .on('scheduler.recovered', ({ at }) => broadcaster.schedulerRecovered(at));

  // Sessions end in the database first (durable: a written state), then the sockets drop (in-process).
  events
    .on('user.deactivated', ({ userId }) => auth.revokeAllFor(userId, 'user deactivated or password changed'))
    .on('user.deactivated', ({ userId }) => broadcaster.disconnectUser(userId))
    .on('user.password-changed', ({ userId, keepSessionId }) => auth.revokeAllFor(userId, 'user deactivated or password changed', keepSessionId))
    .on('user.password-changed', ({ userId, keepSessionId }) => broadcaster.disconnectUser(userId, keepSessionId))
    .on('user.roles-changed', ({ userId }) => broadcaster.userAccessChanged(userId))
    .on('session.ended', ({ sessionId }) => broadcaster.disconnectSession(sessionId));
}
