import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import type { Alert } from './alert.model.js';
import type { Delivery } from './delivery.model.js';
import type { Told } from './dispatcher.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** An alert as the API lists it. */
export function presentAlert(a: Alert) {
  return {
    id: String(a._id),
    incidentId: a.incidentId,
    incidentRef: a.incidentRef,
    title: a.title,
    kind: a.kind,
    milestone: a.milestone,
    hoursElapsed: a.hoursElapsed,
    deadline: iso(a.deadline),
    dueAt: a.dueAt.toISOString(),
    firedAt: a.firedAt.toISOString(),
    late: a.late,
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    resolvedAt: iso(a.resolvedAt),
    resolvedReason: a.resolvedReason ?? null,
  };
}

/** The alert as the on-call view shows it: who has been told, the escalation step reached and when the next goes out. */
export const presentAlertView = (a: Alert, told: Told[]) => ({
  ...presentAlert(a),
  told,
  escalationStep: a.escalationStep ?? 0,
  nextEscalationAt: iso(a.nextEscalationAt),
});

/** Alerts as the lists show them, each with who has been told of it (`AlertDispatcher.toldOf`). */
export const presentAlertViews = (alerts: Alert[], told: Map<string, Told[]>) => alerts.map((a) => presentAlertView(a, told.get(String(a._id)) ?? []));

/** An alert as it is pushed to dashboards (socket `alert:fired`, and the replay on reconnect). */
export interface AlertMessage {
  alertId: string;
  incidentId: string;
  kind: string;
  milestone: string;
  hoursElapsed: number;
  deadline: string;
  dueAt: string;
  sentAt: string;
  late: boolean;
  title: string;
  /** 0 for the first step; 1 second line, 2 managers and the DPO. */
  escalationLevel?: number;
  incidentRef?: string;
  /** The same as escalationLevel, under the name the alert view uses. */
  escalationStep?: number;
  nextEscalationAt?: string | null;
  /**
   * Who has been told on a channel beyond the dashboard so far; absent when that is not known yet (the first
   * fire goes to the dashboards before any e-mail, webhook or push is sent).
   */
  told?: Told[];
}

/** An alert as pushed to dashboards; `told` when it is known (a replay, an escalation), never an empty list standing in for "not yet". */
export function presentAlertMessage(alert: Alert, told?: Told[]): AlertMessage {
  return {
    alertId: String(alert._id),
    incidentId: alert.incidentId,
    kind: alert.kind,
    milestone: alert.milestone,
    hoursElapsed: alert.hoursElapsed,
    deadline: alert.deadline ? alert.deadline.toISOString() : '',
    dueAt: alert.dueAt.toISOString(),
    sentAt: (alert.pushedAt ?? alert.firedAt).toISOString(),
    late: alert.late,
    title: alert.title,
    incidentRef: alert.incidentRef,
    escalationStep: alert.escalationStep ?? 0,
    nextEscalationAt: iso(alert.nextEscalationAt),
    ...(told ? { told } : {}),
  };
}

/** Why a delivery failed, in the reader's language (one recorded before the words were kept reads as recorded). */
export const deliveryError = (d: Delivery, lang: Lang): string | null => (d.failure ? say(d.failure, lang) : d.lastError);

/** One delivery of an alert: channel, recipient (and the name people know it by: a device's), attempts, status, last error in the reader's language. */
export function presentDelivery(d: Delivery, lang: Lang, recipientName: string = d.recipient) {
  return {
    id: String(d._id), channel: d.channel, recipient: d.recipient, recipientName, level: d.level, status: d.status, attempts: d.attempts,
    lastError: deliveryError(d, lang), createdAt: d.createdAt.toISOString(), sentAt: iso(d.sentAt),
  };
}
