/** Every message the server pushes to dashboards, with its payload. */
export interface ServerToClientEvents {
  'session:expired': (payload: { at: string }) => void;
  'incident:updated': (payload: { id: string; version: number; updatedAt: string }) => void;
  'alert:fired': (payload: AlertMessage) => void;
}

/** Every message a dashboard may send; each is authorised on the server. */
export interface ClientToServerEvents {
  'incident:watch': (payload: { incidentId: string }, reply: (result: { ok: boolean; error?: string }) => void) => void;
  'incident:unwatch': (payload: { incidentId: string }) => void;
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
}
