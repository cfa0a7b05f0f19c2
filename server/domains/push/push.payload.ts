import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import type { Alert } from '../alerts/alert.model.js';

/** What the service worker receives (encrypted) and shows; every sentence already in the recipient's language. */
export interface PushPayload {
  v: 1;
  alertId: string;
  incidentId: string | null;
  ref: string;
  /** The notification's title: reference and incident title. */
  title: string;
  /** What is due, the time left, and the deadline in Oslo time with UTC beside it. */
  body: string;
  due: string;
  timeLeft: string | null;
  deadline: string | null;
  dueAt: string;
  deadlineAt: string | null;
  /** When the time left was worked out; a device that receives the push much later leaves that line out. */
  sentAt: string;
  /** Opened on a tap; this and ackUrl are paths on the dashboard's own origin, where the service worker lives. */
  url: string;
  /** Where the "Acknowledge" action POSTs `{ token }`. */
  ackUrl: string;
  ackToken: string;
  lang: Lang;
  actions: { ack: string; open: string };
  acked: string;
  ackFailed: string;
  test: boolean;
}

/**
 * Sent to every device an alert was pushed to once someone acknowledges it: the notification still
 * showing there is replaced by one saying who did, so nobody acts on it again.
 */
export interface AcknowledgedPayload {
  v: 1;
  type: 'acknowledged';
  alertId: string;
  title: string;
  body: string;
  url: string;
  lang: Lang;
}

export function acknowledgedPayload(alert: Alert, lang: Lang): AcknowledgedPayload {
  const test = alert.kind === 'test';
  return {
    v: 1,
    type: 'acknowledged',
    alertId: String(alert._id),
    title: say({ code: 'push.title', params: { ref: alert.incidentRef, title: cut(alert.title) } }, lang),
    body: say({ code: 'push.acked-by', params: { name: alert.acknowledgedBy?.name ?? '' } }, lang),
    url: test ? '/#/oncall' : `/#/incidents/${alert.incidentId}`,
    lang,
  };
}

/** Push services take about 4 kB; a long title is cut so the rest always fits. */
const TITLE_MAX = 120;
const cut = (s: string) => (s.length > TITLE_MAX ? `${s.slice(0, TITLE_MAX - 1)}…` : s);

export function pushPayload(alert: Alert, lang: Lang, at: { now: Date; ackToken: string }): PushPayload {
  const alertId = String(alert._id);
  const test = alert.kind === 'test';
  const due = say({ code: 'push.due', params: { kind: alert.kind, milestone: alert.milestone, hoursElapsed: alert.hoursElapsed } }, lang);
  const timeLeft = alert.deadline ? say({ code: 'push.left', params: { ms: alert.deadline.getTime() - at.now.getTime() } }, lang) : null;
  const deadline = alert.deadline ? say({ code: 'push.deadline', params: { at: alert.deadline } }, lang) : null;
  return {
    v: 1,
    alertId,
    incidentId: test ? null : alert.incidentId,
    ref: alert.incidentRef,
    title: say({ code: 'push.title', params: { ref: alert.incidentRef, title: cut(alert.title) } }, lang),
    body: [due, timeLeft, deadline].filter(Boolean).join('\n'),
    due,
    timeLeft,
    deadline,
    dueAt: alert.dueAt.toISOString(),
    deadlineAt: alert.deadline ? alert.deadline.toISOString() : null,
    sentAt: at.now.toISOString(),
    url: test ? '/#/oncall' : `/#/incidents/${alert.incidentId}`,
    ackUrl: `/api/alerts/${alertId}/push-ack`,
    ackToken: at.ackToken,
    lang,
    actions: { ack: say({ code: 'push.action.ack', params: {} }, lang), open: say({ code: 'push.action.open', params: {} }, lang) },
    acked: say({ code: 'push.acked', params: { ref: alert.incidentRef } }, lang),
    ackFailed: say({ code: 'push.ack-failed', params: {} }, lang),
    test,
  };
}
