import type { TimelineMessage } from '../../../notifications/messages/incident.messages.js';
import type { PersonRef } from '../incidents/incident.model.js';
import type { AssessmentRecord, DecisionRecord } from './assessment.model.js';

/** What the assessment's writes announce. */
export interface AssessmentEvents {
  /** The engine ran on the incident's facts and its result was stored. */
  'assessment.run': { incidentId: string; by: PersonRef; assessment: AssessmentRecord };
  /** A person decided on notification (before the decision's effect on the clock is written). */
  'decision.recorded': { incidentId: string; by: PersonRef; decision: DecisionRecord };
}

/** What the timeline says of an assessment: the level found and the recommendation. */
export function assessedEntry(a: AssessmentRecord): TimelineMessage {
  const rec = a.result.recommendation;
  return { code: 'timeline.assessed', params: { risk: a.result.risk, notifySA: rec.notifySA, notifySubjects: rec.notifySubjects, exemption: rec.exemption ?? null } };
}

/** What the timeline says of a decision: the choice, the Art. 34(3) ground with its evidence, and the reasoning. */
export function decidedEntry(d: DecisionRecord): TimelineMessage {
  const ev = d.evidence;
  const evidence = d.exemption === 'encrypted' ? ev.keyCustody : d.exemption === 'mitigated' ? ev.measuresTaken : d.exemption === 'disproportionate' ? ev.whyDisproportionate : '';
  return {
    code: 'timeline.decided',
    params: {
      notifySA: d.notifySA, notifySubjects: d.notifySubjects, exemption: d.exemption, evidence,
      measuresAt: d.exemption === 'mitigated' && ev.measuresAt ? ev.measuresAt.toISOString() : null, reason: d.reason,
    },
  };
}
