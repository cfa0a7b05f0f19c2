import type { Actor } from '../access/actor.js';
import type { Incident } from '../incidents/incident.model.js';
import type { Alert } from './alert.model.js';

export interface AlertEvents {
  /** Newly recorded alerts, pushed to the dashboards, to be taken to people (several at once from a batch). */
  'alert.fired': { alerts: Alert[] };
  /** What these alerts were about was done (the incident as written then): they stop escalating. */
  'alert.resolved': { alerts: Alert[]; incident: Incident };
  'alert.acknowledged': { alert: Alert; incident: Incident; by: Actor; at: Date };
  /** A person acknowledged their own test alert (it has no incident). */
  'alert.test-acknowledged': { alert: Alert };
  /** The dead-man's switch: no heartbeat from the scheduler since `since`. */
  'scheduler.stalled': { since: Date | null; at: Date };
  'scheduler.recovered': { at: Date };
}
