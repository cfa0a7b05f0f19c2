import type { AlertMessage } from '../domains/alerts/alert.presenter.js';

/** Every message the server pushes to dashboards, with its payload. */
export interface ServerToClientEvents {
  'session:expired': (payload: { at: string }) => void;
  'incident:updated': (payload: { id: string; version: number; updatedAt: string }) => void;
  'alert:fired': (payload: AlertMessage) => void;
  'alert:acknowledged': (payload: { alertId: string; incidentId: string; by: string; at: string }) => void;
  /** What the alert was about was done (filed, closed, …): it leaves the active list. */
  'alert:resolved': (payload: { alertId: string; incidentId: string; reason: string; at: string }) => void;
  'scheduler:stalled': (payload: { since: string | null; at: string }) => void;
  'scheduler:recovered': (payload: { at: string }) => void;
}

/** Every message a dashboard may send; each is authorised on the server. */
export interface ClientToServerEvents {
  'incident:watch': (payload: { incidentId: string }, reply: (result: { ok: boolean; error?: string }) => void) => void;
  'incident:unwatch': (payload: { incidentId: string }) => void;
  /** Alerts fired after a moment that the caller may see, for a dashboard that was disconnected. */
  'alerts:replay': (payload: { since: string }, reply: (result: { ok: boolean; alerts?: AlertMessage[]; error?: string }) => void) => void;
}

export type { AlertMessage } from '../domains/alerts/alert.presenter.js';
