import { addHours, HOUR_MS } from '../../lib/clock.js';
import type { Alert } from '../alerts/alert.model.js';
import type { Incident } from '../incidents/incident.model.js';
import type { ClockView, MilestoneAlertView } from '../incidents/incident.presenter.js';
import { milestonesUntilDeadline, nextMilestone, presentMoment, type ClockSettings } from './clock.rules.js';

export interface ClockViewSettings extends ClockSettings {
  triageLimitHours: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** How an incident's clock reads at `now`, with the milestone alerts fired so far. */
export function presentClock(incident: Incident, alerts: Alert[], now: Date, settings: ClockViewSettings): ClockView {
  const milestoneAlerts = alerts.filter((a) => a.kind === 'milestone' || a.kind === 'overdue');
  const awareAt = incident.awareness?.at ?? null;
  const deadline = incident.clock.deadline;
  const reference = incident.clock.state === 'stopped' && incident.clock.stoppedAt ? incident.clock.stoppedAt : now;
  const alertView = (a: Alert): MilestoneAlertView => ({ id: String(a._id), firedAt: a.firedAt.toISOString(), late: a.late, acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null });
  const triageLimitAt = addHours(incident.triageStartedAt, settings.triageLimitHours);
  const next = awareAt && incident.clock.state === 'running' ? nextMilestone(awareAt, now, settings) : null;
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
      ? milestonesUntilDeadline(awareAt, settings).map((m) => {
          const fired = milestoneAlerts.find((a) => a.milestone === m.key && a.dueAt.getTime() === m.dueAt.getTime());
          return { key: m.key, hours: m.hours, dueAt: m.dueAt.toISOString(), passed: m.dueAt <= now, alert: fired ? alertView(fired) : null };
        })
      : [],
    overdueAlerts: milestoneAlerts.filter((a) => a.kind === 'overdue').map((a) => ({ milestone: a.milestone, ...alertView(a) })),
    next: next ? { key: next.key, hours: next.hours, dueAt: next.dueAt.toISOString() } : null,
    triage: {
      startedAt: incident.triageStartedAt.toISOString(),
      limitAt: triageLimitAt.toISOString(),
      overrun: !incident.awareness && incident.status === 'triage' && now > triageLimitAt,
    },
  };
}
