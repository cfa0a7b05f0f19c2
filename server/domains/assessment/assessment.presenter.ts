import { sayBoth } from '../../../notifications/messages/index.js';
import type { AssessmentRecord, DecisionRecord } from './assessment.model.js';

type StoredSentence = { en: string; nb: string };
type StoredReason = AssessmentRecord['result']['reasons'][number] | (StoredSentence & { code: string; article: string });
type StoredQuestion = AssessmentRecord['result']['missingFacts'][number] | { fact: string; question: StoredSentence };

/** A reason with its sentences; assessments stored by method 1 already carry theirs. */
function presentReason(r: StoredReason) {
  if ('en' in r) return r;
  return { code: r.code, params: r.params, article: r.article, facts: r.facts, ...sayBoth(r) };
}

function presentQuestion(m: StoredQuestion) {
  return 'en' in m.question ? m : { fact: m.fact, code: m.question.code, question: sayBoth(m.question) };
}

type Enisa = AssessmentRecord['result']['enisa'];

/** ENISA's second opinion with each of its parts worded; method 1 stored it as `severity` instead. */
function presentEnisa(e: Enisa | undefined) {
  if (!e) return undefined;
  return {
    ...e,
    dpc: { ...e.dpc, parts: e.dpc.parts.map(presentReason) },
    ei: { ...e.ei, part: presentReason(e.ei.part) },
    cb: e.cb.map((c) => ({ ...c, part: presentReason(c.part) })),
  };
}

/** An assessment as it leaves the server: its reasons and questions worded in bokmål and English both. */
export function presentAssessment(a: AssessmentRecord) {
  const result = a.result as AssessmentRecord['result'] & { reasons: StoredReason[]; missingFacts: StoredQuestion[] };
  return {
    id: String(a._id), incidentId: a.incidentId, facts: a.facts, ...a.result, method: a.method,
    reasons: result.reasons.map(presentReason), missingFacts: result.missingFacts.map(presentQuestion),
    enisa: presentEnisa(result.enisa as Enisa | undefined),
    createdBy: a.createdBy, createdAt: a.createdAt.toISOString(),
  };
}

/** A decision as it leaves the server, with its review flag. */
export function presentDecision(d: DecisionRecord) {
  return {
    id: String(d._id), incidentId: d.incidentId, assessmentId: d.assessmentId, notifySA: d.notifySA, notifySubjects: d.notifySubjects,
    exemption: d.exemption, publicCommunication: d.publicCommunication, followsRecommendation: d.followsRecommendation, reason: d.reason,
    evidence: { ...d.evidence, measuresAt: d.evidence.measuresAt ? d.evidence.measuresAt.toISOString() : null },
    decidedBy: d.decidedBy, decidedAt: d.decidedAt.toISOString(),
    review: { needed: d.review.needed, since: d.review.since ? d.review.since.toISOString() : null, changed: d.review.changed },
  };
}
