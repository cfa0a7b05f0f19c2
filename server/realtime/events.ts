/** Every message the server pushes to dashboards, with its payload. */
export interface ServerToClientEvents {
  'session:expired': (payload: { at: string }) => void;
  'incident:updated': (payload: { id: string; version: number; updatedAt: string }) => void;
  'alert:fired': (payload: AlertMessage) => void;
  'alert:acknowledged': (payload: { alertId: string; incidentId: string; by: string; at: string }) => void;
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
  /** Who has been told on a channel beyond the dashboard so far (empty when the alert first fires). */
  told?: { userId: string; name: string; channels: string[] }[];
}
