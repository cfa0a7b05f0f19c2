import type { Alert } from './alert.model.js';

/** Why an alert no longer calls for anyone: what it was about was done, or the case ended. */
export const RESOLVED_REASONS = ['notified', 'not-notifiable', 'not-a-breach', 'clock-stopped', 'closed', 'aware', 'controller-informed', 'follow-up-filed'] as const;
export type ResolvedReason = (typeof RESOLVED_REASONS)[number];

type AlertAbout = Pick<Alert, 'kind' | 'milestone'>;
/** What of the incident the rule reads (a pure module names the shape rather than importing the incident's model). */
interface IncidentNow {
  status: string;
  clock: { state: string; stopReason: string | null };
  awareness: unknown;
  controller: { informedAt: Date | null };
  followUp: { afterSubmissionId: string } | null;
}

/**
 * Whether the obligation an alert is about has been met, and how, judged from the incident as it is
 * now; null while the alert still calls for someone. A test alert is never resolved this way.
 */
export function resolutionOf(alert: AlertAbout, incident: IncidentNow): ResolvedReason | null {
  if (alert.kind === 'test') return null;
  switch (alert.kind) {
    case 'milestone':
    case 'overdue':
      // A stopped clock says how it was met; a clock no longer running for another reason (the role changed) owes nothing either.
      if (incident.clock.state === 'stopped') return RESOLVED_REASONS.find((r) => r === incident.clock.stopReason) ?? 'clock-stopped';
      if (incident.status === 'closed') return 'closed';
      return incident.clock.state === 'running' ? null : 'clock-stopped';
    case 'triage-overrun':
      if (incident.awareness) return 'aware';
      break;
    case 'controller-notice-due':
      if (incident.controller.informedAt) return 'controller-informed';
      break;
    case 'follow-up-due':
      if (incident.followUp?.afterSubmissionId !== alert.milestone.slice('follow-up:'.length)) return 'follow-up-filed';
      break;
  }
  return incident.status === 'closed' ? 'closed' : null;
}
