/**
 * The risk assessment engine: pure and deterministic (no I/O, no clock). It reads an incident's facts,
 * weighs the EDPB's factors, crosses likelihood with severity per type of breach, applies "when in
 * doubt, notify" and the Art. 34(3) grounds, and returns the recommendation with its reasons as codes
 * and parameters. ENISA's score is computed beside it as a second opinion. docs/risk-method.md
 * documents every step.
 */
import { enisaScore, type EnisaScore } from './enisa-score.js';
import {
  availabilityLikelihood, breachTypeFactor, confidentialityLikelihood, dataNatureFactor, exposureSeverity, identificationFactor,
  integrityLikelihood, isUnintelligible, outageSeverity, peopleFactor, reason, recordedConsequences, RISK_ORDER, riskMatrix, SOURCES,
  type MissingFact, type Reason,
} from './risk-factors.js';
import type { BreachType, Exemption, Harm, Identification, Likelihood, RiskFacts, RiskLevel, Severity } from './risk-facts.js';
import type { DoubtFact } from '../../../notifications/messages/risk.messages.js';
import type { DataCategory, LikelyConsequence } from '../incidents/incident.vocabulary.js';

export type { RiskFacts, RiskLevel, Exemption, Reason, MissingFact };
export { isUnintelligible };

/** Changes whenever the same facts can lead to a different outcome. */
export const METHOD_VERSION = 'breach-clock-risk/2.1';

export interface TypeAssessment {
  type: BreachType;
  likelihood: Likelihood;
  severity: Severity;
  harm: Harm;
  risk: RiskLevel;
}

export interface Assessment {
  method: string;
  factors: {
    breachTypes: { value: BreachType[]; assumed: boolean };
    data: { categories: DataCategory[]; worstHarm: Harm; severity: Severity; limitedDetail: boolean; sensitiveRelationship: boolean; neutralised: DataCategory[] };
    identification: Identification;
    consequences: { recorded: LikelyConsequence[]; severity: Severity };
    people: { lowerBound: number | null; many: boolean; vulnerable: boolean };
    byType: TypeAssessment[];
  };
  likelihood: Likelihood;
  severity: Severity;
  risk: RiskLevel;
  recommendation: { notifySA: boolean; notifySubjects: boolean; exemption: Exemption; publicCommunication: boolean; informController: boolean };
  reasons: Reason[];
  missingFacts: MissingFact[];
  enisa: Omit<EnisaScore, 'summary'>;
}

interface Evaluation {
  byType: TypeAssessment[];
  risk: RiskLevel;
  reasons: Reason[];
  questions: MissingFact[];
  factors: Omit<Assessment['factors'], 'byType'>;
  identification: { identification: Identification; ei: number };
  people: ReturnType<typeof peopleFactor>;
}

/** The factors and the matrix, before doubt and before the Art. 34(3) grounds. */
function evaluate(f: RiskFacts): Evaluation {
  const types = breachTypeFactor(f);
  const nature = dataNatureFactor(f);
  const identification = identificationFactor(f);
  const people = peopleFactor(f);
  const recorded = recordedConsequences(f);
  const reasons: Reason[] = [...types.reasons, ...nature.reasons, ...identification.reasons];
  if (recorded.consequences.length) reasons.push(reason('consequences.recorded', recorded, SOURCES.consequences, ['likelyConsequences']));
  reasons.push(...people.reasons);
  const questions: MissingFact[] = [...types.questions, ...nature.questions, ...people.questions];

  const exposure = exposureSeverity(nature, identification.identification, f, people);
  const byType: TypeAssessment[] = [];
  const matrixReasons: Reason[] = [];
  for (const type of types.types) {
    let likelihood: Likelihood;
    let severity: Severity;
    let harm: Harm;
    if (type === 'availability') {
      const outage = outageSeverity(nature, f, people);
      const critical = outage.severity >= 3;
      const l = availabilityLikelihood(f, critical);
      ({ likelihood } = l);
      ({ severity, harm } = outage);
      reasons.push(...l.reasons, ...outage.reasons);
      questions.push(...l.questions);
    } else {
      const l = type === 'confidentiality' ? confidentialityLikelihood(f, people) : integrityLikelihood(f);
      ({ likelihood } = l);
      ({ severity, harm } = exposure);
      reasons.push(...l.reasons);
      questions.push(...l.questions);
    }
    const cell = riskMatrix(likelihood, severity, people);
    byType.push({ type, likelihood, severity, harm, risk: cell.risk });
    matrixReasons.push(reason('matrix.type', { type, likelihood, severity, risk: cell.risk }, SOURCES.matrix, ['breachTypes']));
    if (cell.manyPeople && people.lowerBound !== null) matrixReasons.push(reason('matrix.many-people', { people: people.lowerBound }, SOURCES.number, ['subjects.count']));
  }
  const risk = byType.reduce<RiskLevel>((worst, t) => (RISK_ORDER[t.risk] > RISK_ORDER[worst] ? t.risk : worst), 'unlikely');
  return {
    byType,
    risk,
    reasons: [...reasons, ...matrixReasons],
    questions,
    factors: {
      breachTypes: { value: types.types, assumed: types.assumed },
      data: { categories: nature.categories, worstHarm: nature.top.harm, severity: nature.top.severity, limitedDetail: nature.limitedDetail, sensitiveRelationship: nature.relationship, neutralised: nature.neutralised },
      identification: identification.identification,
      consequences: { recorded: recorded.consequences, severity: recorded.severity },
      people: { lowerBound: people.lowerBound, many: people.many, vulnerable: people.vulnerable },
    },
    identification,
    people,
  };
}

/** Each unknown fact that decides exposure, with the worst value it could turn out to have. */
const WORST_CASE: [DoubtFact, (f: RiskFacts) => RiskFacts | null][] = [
  ['subjects.count', (f) => (f.subjects.count.kind === 'unknown' ? { ...f, subjects: { ...f.subjects, count: { kind: 'estimate', value: 1_000, min: null, max: null } } } : null)],
  ['subjects.vulnerable', (f) => (f.subjects.vulnerable === null ? { ...f, subjects: { ...f.subjects, vulnerable: true } } : null)],
  ['unauthorisedAccess', (f) => (f.unauthorisedAccess === 'unknown' ? { ...f, unauthorisedAccess: 'confirmed' } : null)],
  ['exfiltration', (f) => (f.exfiltration === 'unknown' ? { ...f, exfiltration: 'confirmed' } : null)],
  ['recipients.type', (f) => (f.recipients.type === 'unknown' ? { ...f, recipients: { ...f.recipients, type: 'malicious_unknown' } } : null)],
  ['availabilityImpact', (f) => (f.availabilityImpact === 'unknown' ? { ...f, availabilityImpact: 'permanent' } : null)],
  ['backup.restoreHours', (f) => (f.backup.restoreHours === null ? { ...f, backup: { ...f.backup, restoreHours: 1_000 } } : null)],
];

function dedupe(list: MissingFact[]): MissingFact[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.fact) ? false : (seen.add(m.fact), true)));
}

/** Runs the method on a set of facts; `deadlinePassed` when the 72 hours ran out with nothing filed, so the advice is to notify now. */
export function assess(f: RiskFacts, when: { deadlinePassed: boolean } = { deadlinePassed: false }): Assessment {
  const base = evaluate(f);
  const reasons: Reason[] = [];
  if (f.role === 'processor') reasons.push(reason('processor.inform-controller', {}, 'Art. 33(2); EDPB Guidelines 9/2022 II.A.4', ['role']));
  reasons.push(...base.reasons);
  const questions = [...base.questions];

  // When in doubt, notify: an "unlikely" that an unknown fact could overturn is a risk.
  let risk = base.risk;
  if (risk === 'unlikely') {
    const doubts = WORST_CASE.filter(([, worst]) => {
      const alt = worst(f);
      return alt !== null && evaluate(alt).risk !== 'unlikely';
    }).map(([fact]) => fact);
    if (doubts.length) {
      risk = 'risk';
      reasons.push(reason('outcome.doubt', { facts: doubts }, 'Art. 33(1); EDPB Guidelines 9/2022 IV.A', doubts));
    }
  }

  const notifySA = risk !== 'unlikely';
  let notifySubjects = risk === 'high';
  let exemption: Exemption = null;
  let publicCommunication = false;
  const exemptionReasons: Reason[] = [];

  // (a): encryption decided the outcome if the same breach with readable data would have been a high risk;
  // below that the people need not be told anyway, and an exemption from telling them means nothing.
  if (isUnintelligible(f) && base.byType.some((t) => t.type === 'confidentiality') && f.misuseObserved !== 'confirmed') {
    const readable = evaluate({
      ...f,
      encryption: { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null },
      unauthorisedAccess: f.unauthorisedAccess === 'encrypted_only' ? 'possible' : f.unauthorisedAccess,
    });
    if (readable.risk === 'high' && RISK_ORDER[readable.risk] > RISK_ORDER[risk]) {
      exemption = 'encrypted';
      exemptionReasons.push(reason('exemption.encrypted', {}, 'Art. 34(3)(a); EDPB Guidelines 9/2022 III.D', ['encryption']));
    }
  }
  // (b): measures taken after the breach turned a high risk into one no longer likely to materialise.
  const measures = [...(f.recipients.confirmedDeletion === true ? (['deletion'] as const) : []), ...(f.neutralised === true ? (['neutralised'] as const) : [])];
  if (!exemption && measures.length && risk !== 'high' && f.misuseObserved !== 'confirmed') {
    const before = evaluate({ ...f, recipients: { ...f.recipients, confirmedDeletion: null }, neutralised: null });
    if (before.risk === 'high') {
      exemption = 'mitigated';
      exemptionReasons.push(reason('exemption.mitigated', { measures: [...measures] }, 'Art. 34(3)(b); EDPB Guidelines 9/2022 III.D', ['recipients.confirmedDeletion', 'neutralised', 'mitigations']));
    }
  }
  // (c): the people must still learn of a high risk, through a public communication instead.
  if (risk === 'high') {
    if (f.subjects.reachEffort === 'disproportionate' || f.subjects.canBeReached === false) {
      exemption = 'disproportionate';
      notifySubjects = false;
      publicCommunication = true;
      exemptionReasons.push(reason('exemption.disproportionate', {}, 'Art. 34(3)(c); EDPB Guidelines 9/2022 III.D', ['subjects.reachEffort', 'subjects.canBeReached']));
    } else if (f.subjects.canBeReached === null && f.subjects.reachEffort === 'unknown') {
      questions.push({ fact: 'subjects.canBeReached', question: { code: 'ask.subjects.canBeReached', params: {} } });
    }
  }
  if (risk !== 'high' && !f.likelyConsequences.length) questions.push({ fact: 'likelyConsequences', question: { code: 'ask.likelyConsequences', params: {} } });

  const outcome = risk === 'unlikely'
    ? reason('outcome.unlikely', {}, 'Art. 33(1), Art. 33(5)')
    : risk === 'risk'
      ? reason(when.deadlinePassed ? 'outcome.risk-late' : 'outcome.risk', {}, 'Art. 33(1), Art. 34(1)')
      : reason(when.deadlinePassed ? 'outcome.high-late' : 'outcome.high', {}, 'Art. 33(1), Art. 34(1)');
  const enisa = enisaScore(f, base.identification, base.people);
  const { summary, ...enisaParts } = enisa;
  return {
    method: METHOD_VERSION,
    factors: { ...base.factors, byType: base.byType },
    likelihood: Math.max(...base.byType.map((t) => t.likelihood)) as Likelihood,
    severity: Math.max(...base.byType.map((t) => t.severity)) as Severity,
    risk,
    recommendation: { notifySA, notifySubjects, exemption, publicCommunication, informController: f.role === 'processor' },
    reasons: [...reasons, outcome, ...exemptionReasons, summary],
    missingFacts: dedupe(questions),
    enisa: enisaParts,
  };
}
