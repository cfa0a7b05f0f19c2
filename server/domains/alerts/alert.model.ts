import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { RESOLVED_REASONS, type ResolvedReason } from './alert.rules.js';

export const ALERT_KINDS = ['milestone', 'overdue', 'triage-overrun', 'follow-up-due', 'controller-notice-due', 'test'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * A fired alert. Its key (incident, what, due time) is unique: the alert is recorded before anyone is
 * told, so a retried job, a second instance or a restart finds it already there and does not send it again.
 */
export interface Alert {
  _id: Types.ObjectId;
  key: string;
  incidentId: string;
  incidentRef: string;
  title: string;
  restricted: boolean;
  kind: AlertKind;
  milestone: string;
  hoursElapsed: number;
  deadline: Date | null;
  dueAt: Date;
  firedAt: Date;
  late: boolean;
  /** Set once the alert was pushed to sockets; null after a crash between record and push, which recovery re-sends. */
  pushedAt: Date | null;
  /** Set once its e-mail and webhook dispatch was queued; null after a crash before that, which recovery redoes. */
  handedOnAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: { id: string; name: string } | null;
  /** The escalation step reached (0: on call; 1: second line; 2: managers and the DPO). */
  escalationStep: number;
  /** When the next step goes out unless someone acknowledges; null when there is none. */
  nextEscalationAt: Date | null;
  /** A test alert (kind 'test') goes to this one person only, and has no incident. */
  forUser: string | null;
  /** Set when what the alert is about was done (filed, closed, …): it stops escalating and leaves the active list. */
  resolvedAt: Date | null;
  resolvedReason: ResolvedReason | null;
}

const alertSchema = new Schema<Alert>(
  {
    key: { type: String, required: true },
    incidentId: { type: String, required: true },
    incidentRef: { type: String, required: true },
    title: { type: String, required: true },
    restricted: { type: Boolean, default: false },
    kind: { type: String, enum: ALERT_KINDS, required: true },
    milestone: { type: String, required: true },
    hoursElapsed: { type: Number, required: true },
    deadline: { type: Date, default: null },
    dueAt: { type: Date, required: true },
    firedAt: { type: Date, required: true },
    late: { type: Boolean, required: true },
    pushedAt: { type: Date, default: null },
    handedOnAt: { type: Date, default: null },
    acknowledgedAt: { type: Date, default: null },
    acknowledgedBy: { type: new Schema({ id: String, name: String }, { _id: false }), default: null },
    escalationStep: { type: Number, default: 0 },
    nextEscalationAt: { type: Date, default: null },
    forUser: { type: String, default: null },
    resolvedAt: { type: Date, default: null },
    resolvedReason: { type: String, enum: [...RESOLVED_REASONS, null], default: null },
  },
  { versionKey: false },
);
// Exactly once: one alert per (incident, what, due time).
alertSchema.index({ key: 1 }, { unique: true });
// Serves an incident's alerts and the on-call list, newest first.
alertSchema.index({ incidentId: 1, firedAt: -1 });
alertSchema.index({ firedAt: -1 });
// Serves recovery of alerts recorded but never pushed.
alertSchema.index({ pushedAt: 1, firedAt: 1 });

export function alertModel(connection: Connection): Model<Alert> {
  return connection.models.Alert ?? connection.model<Alert>('Alert', alertSchema);
}
