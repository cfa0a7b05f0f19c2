import type { Incident } from './incident.model.js';
import type { Submission } from './submission.model.js';

/** What an incident's writes announce; each payload carries the incident as written. */
export interface IncidentEvents {
  /** Logged, in triage or with awareness. */
  'incident.created': { incident: Incident };
  /** Every write after the first (after its timeline entry and audit record): who watches the incident hears of it. */
  'incident.changed': { before: Incident; incident: Incident; accessChanged: boolean };
  /** Facts changed through an edit; `clockInputsChanged` when the role or the controller's target moved. */
  'incident.updated': { before: Incident; incident: Incident; clockInputsChanged: boolean };
  /** Awareness declared (the clock starts) or corrected (the deadline moves). */
  'incident.awareness-declared': { incident: Incident; corrected: boolean };
  'incident.clock-stopped': { incident: Incident };
  'incident.clock-resumed': { incident: Incident };
  /** A notification to Datatilsynet entered the ledger; the first one stopped the clock. */
  'incident.submission-recorded': { incident: Incident; submission: Submission; clockStopped: boolean };
  'incident.controller-informed': { incident: Incident };
  'incident.closed': { incident: Incident };
  'incident.reopened': { incident: Incident };
}
