/**
 * The EDPB's risk factors (Guidelines 9/2022, section IV.B), each a pure function of the facts that
 * returns its value, the reasons it rests on and the questions whose answers could change it.
 * docs/risk-method.md states every threshold below and why.
 */
import type { RiskMessageParams } from '../../../notifications/messages/risk.messages.js';
import type { DataCategory, LikelyConsequence } from '../incidents/incident.vocabulary.js';
import type { BreachType, Harm, Identification, Likelihood, RiskFacts, RiskLevel, Severity } from './risk-facts.js';

type Code = keyof RiskMessageParams;
type AskCode = Extract<Code, `ask.${string}`>;

/** A reason as data: a message code with its parameters, the provision it applies, and the facts it rests on. */
export type Reason = { [C in Code]: { code: C; params: RiskMessageParams[C]; article: string; facts: string[] } }[Code];
/** A fact whose answer could change the assessment, asked as a question from the catalogue. */
export interface MissingFact {
  fact: string;
  question: { [C in AskCode]: { code: C; params: RiskMessageParams[C] } }[AskCode];
}

/** Builds a reason; the catalogue's parameter map types its parameters. */
export function reason<C extends Code>(code: C, params: RiskMessageParams[C], article: string, facts: string[] = []): Reason {
  return { code, params, article, facts } as Reason;
}

/** Builds the question for a missing fact from its catalogue code (`ask.<fact>`). */
export function ask(code: AskCode): MissingFact {
  return { fact: code.slice('ask.'.length), question: { code, params: {} } };
}

export const SOURCES = {
  type: 'EDPB Guidelines 9/2022 IV.B (type of breach)',
  nature: 'EDPB Guidelines 9/2022 IV.B (nature, sensitivity and volume of personal data)',
  identification: 'EDPB Guidelines 9/2022 IV.B (ease of identification)',
  consequences: 'EDPB Guidelines 9/2022 IV.B (severity of consequences); recital 85',
  individuals: 'EDPB Guidelines 9/2022 IV.B (special characteristics of the individual)',
  controller: 'EDPB Guidelines 9/2022 IV.B (special characteristics of the data controller)',
  number: 'EDPB Guidelines 9/2022 IV.B (number of affected individuals)',
  likelihood: 'EDPB Guidelines 9/2022 IV.A; recital 76',
  matrix: 'EDPB Guidelines 9/2022 IV.A; recital 76',
} as const;

const NO_QUESTIONS: MissingFact[] = [];

// ---------------------------------------------------------------------------------------------------
// Type of breach

export interface BreachTypeFactor { types: BreachType[]; assumed: boolean; reasons: Reason[]; questions: MissingFact[] }

/** Which of confidentiality, integrity and availability were breached; unknown is read as confidentiality. */
export function breachTypeFactor(f: RiskFacts): BreachTypeFactor {
  const order: BreachType[] = ['confidentiality', 'integrity', 'availability'];
  const types = order.filter((t) => f.breachTypes.includes(t));
  if (types.length) return { types, assumed: false, reasons: [reason('type.breach', { types }, SOURCES.type, ['breachTypes'])], questions: NO_QUESTIONS };
  return { types: ['confidentiality'], assumed: true, reasons: [reason('type.assumed', {}, SOURCES.type, ['breachTypes'])], questions: [ask('ask.breachTypes')] };
}

// ---------------------------------------------------------------------------------------------------
// Nature, sensitivity and volume of the data

/** What each category can lead to when it reaches the wrong hands, and how badly (EDPB IV.B; ENISA's data categories). */
export const DATA_HARM: Record<DataCategory, { harm: Harm; severity: Severity }> = {
  work_contact: { harm: 'nuisance', severity: 0 },
  identity: { harm: 'nuisance', severity: 1 },
  contact: { harm: 'nuisance', severity: 1 },
  date_of_birth: { harm: 'nuisance', severity: 1 },
  employment: { harm: 'nuisance', severity: 1 },
  education: { harm: 'nuisance', severity: 1 },
  vehicle: { harm: 'nuisance', severity: 1 },
  family_status: { harm: 'nuisance', severity: 1 },
  purchase_history: { harm: 'nuisance', severity: 1 },
  children: { harm: 'nuisance', severity: 1 },
  images: { harm: 'reputation', severity: 2 },
  location: { harm: 'distress', severity: 2 },
  communications: { harm: 'reputation', severity: 2 },
  communications_billing: { harm: 'distress', severity: 2 },
  financial: { harm: 'financial_loss', severity: 2 },
  insurance: { harm: 'financial_loss', severity: 2 },
  credentials: { harm: 'identity_fraud', severity: 2 },
  payment_card: { harm: 'financial_loss', severity: 3 },
  national_id_number: { harm: 'identity_fraud', severity: 3 },
  special_category_health: { harm: 'discrimination', severity: 3 },
  special_category_genetic: { harm: 'discrimination', severity: 3 },
  special_category_biometric: { harm: 'identity_fraud', severity: 3 },
  special_category_ethnic_origin: { harm: 'discrimination', severity: 3 },
  special_category_political: { harm: 'discrimination', severity: 3 },
  special_category_religious: { harm: 'discrimination', severity: 3 },
  special_category_trade_union: { harm: 'discrimination', severity: 3 },
  special_category_sex_life: { harm: 'discrimination', severity: 3 },
  special_category_unspecified: { harm: 'discrimination', severity: 3 },
  criminal_offences: { harm: 'reputation', severity: 3 },
  unspecified: { harm: 'unassessed', severity: 2 },
};
/** Data that blocking or replacing makes useless to a fraudster. */
const NEUTRALISABLE: DataCategory[] = ['payment_card', 'credentials'];

export interface DataNatureFactor {
  categories: DataCategory[];
  /** The worst harm the data allows, after detail and neutralisation. */
  top: { harm: Harm; severity: Severity; categories: DataCategory[] };
  limitedDetail: boolean;
  relationship: boolean;
  neutralised: DataCategory[];
  reasons: Reason[];
  questions: MissingFact[];
}

const lower = (s: Severity): Severity => (s > 1 ? ((s - 1) as Severity) : s);

/** How badly the data itself could hurt the people: category, depth of detail, and what the controller's records reveal. */
export function dataNatureFactor(f: RiskFacts): DataNatureFactor {
  const categories = f.dataCategories.length ? [...new Set(f.dataCategories)] : (['unspecified'] as DataCategory[]);
  const questions: MissingFact[] = categories.includes('unspecified') ? [ask('ask.dataCategories')] : [];
  const limitedDetail = f.dataDetail === 'limited';
  if (f.dataDetail === 'unknown' && categories.some((c) => c !== 'unspecified' && DATA_HARM[c].severity >= 2)) questions.push(ask('ask.dataDetail'));
  // Blocking cards after fraud has begun does not undo it.
  const neutralised = f.neutralised === true && f.misuseObserved !== 'confirmed' ? categories.filter((c) => NEUTRALISABLE.includes(c)) : [];
  const each = categories.map((c) => {
    const base = neutralised.includes(c) ? { harm: 'nuisance' as Harm, severity: 1 as Severity } : DATA_HARM[c];
    return { categories: [c], harm: base.harm, severity: limitedDetail ? lower(base.severity) : base.severity };
  });
  const relationship = f.sensitiveRelationship === true;
  // Being a client of a clinic, child welfare or a debt collector says something by itself (EDPB IV.B, controller).
  if (relationship) each.push({ categories, harm: 'discrimination', severity: 3 });
  const worst = Math.max(...each.map((e) => e.severity)) as Severity;
  const topHarm = each.find((e) => e.severity === worst)!.harm;
  const top = { harm: topHarm, severity: worst, categories: [...new Set(each.filter((e) => e.severity === worst && e.harm === topHarm).flatMap((e) => e.categories))] };
  const reasons: Reason[] = [reason('data.nature', { categories: top.categories, harm: top.harm, severity: top.severity }, SOURCES.nature, ['dataCategories'])];
  if (limitedDetail) reasons.push(reason('data.limited-detail', {}, SOURCES.nature, ['dataDetail']));
  if (neutralised.length) reasons.push(reason('data.neutralised', { categories: neutralised }, 'Art. 34(3)(b)', ['neutralised']));
  if (relationship) reasons.push(reason('data.relationship', {}, SOURCES.controller, ['sensitiveRelationship']));
  return { categories, top, limitedDetail, relationship, neutralised, reasons, questions };
}

// ---------------------------------------------------------------------------------------------------
// Ease of identification

const NAMING: DataCategory[] = ['identity', 'national_id_number', 'images', 'special_category_biometric', 'special_category_genetic'];

/** How easily the data points at particular people (ENISA's ease of identification). */
export function identificationFactor(f: RiskFacts): { identification: Identification; ei: number; reasons: Reason[] } {
  const categories = f.dataCategories;
  const identification: Identification = categories.some((c) => NAMING.includes(c))
    ? 'maximum'
    : categories.length > 0 && categories.every((c) => c === 'credentials')
      ? 'limited'
      : 'significant';
  const ei = { limited: 0.5, significant: 0.75, maximum: 1 }[identification];
  const reasons = identification === 'limited' ? [reason('data.pseudonymous', {}, SOURCES.identification, ['dataCategories'])] : [];
  return { identification, ei, reasons };
}

// ---------------------------------------------------------------------------------------------------
// Severity of consequences: what could happen to the people

/** How serious each consequence a person records is (EDPB IV.B; Datatilsynet's examples of high risk). */
export const CONSEQUENCE_SEVERITY: Record<LikelyConsequence, Severity> = {
  physical_safety: 4,
  identity_fraud: 3,
  financial_loss: 3,
  discrimination: 3,
  reputation: 3,
  professional_secrecy: 3,
  distress: 2,
};
/** Consequences that unavailability alone can cause; the others need someone to read the data. */
const OUTAGE_CONSEQUENCES: LikelyConsequence[] = ['physical_safety', 'financial_loss', 'distress'];

/** The consequences a person recorded, optionally only those of a kind, with the worst one's severity. */
export function recordedConsequences(f: RiskFacts, only?: LikelyConsequence[]): { consequences: LikelyConsequence[]; severity: Severity } {
  const consequences = [...new Set(f.likelyConsequences)].filter((c) => !only || only.includes(c));
  const severity = Math.max(0, ...consequences.map((c) => CONSEQUENCE_SEVERITY[c])) as Severity;
  return { consequences, severity };
}

// ---------------------------------------------------------------------------------------------------
// The people: how many, and how vulnerable

export interface PeopleFactor { lowerBound: number | null; many: boolean; vulnerable: boolean; reasons: Reason[]; questions: MissingFact[] }

/** At this many people, limited harm that is likely is a risk, and a stranger's copy is likelier to be misused. */
export const MANY_PEOPLE = 100;
/** At this many recipients not bound by confidentiality, an exposure is wide. */
export const MANY_RECIPIENTS = 10;

/** How many people (the lower bound of the count) and whether they are vulnerable. */
export function peopleFactor(f: RiskFacts): PeopleFactor {
  const count = f.subjects.count;
  const lowerBound = count.kind === 'unknown' ? null : count.kind === 'range' ? count.min : count.value;
  const vulnerable = f.subjects.vulnerable === true || f.dataCategories.includes('children');
  const reasons: Reason[] = [reason('people.count', { count }, SOURCES.number, ['subjects.count'])];
  if (vulnerable) reasons.push(reason('people.vulnerable', {}, SOURCES.individuals, ['subjects.vulnerable', 'dataCategories']));
  const questions: MissingFact[] = [];
  if (lowerBound === null) questions.push(ask('ask.subjects.count'));
  if (f.subjects.vulnerable === null && !vulnerable) questions.push(ask('ask.subjects.vulnerable'));
  return { lowerBound, many: lowerBound !== null && lowerBound >= MANY_PEOPLE, vulnerable, reasons, questions };
}

const raise = (s: Severity): Severity => (s >= 1 && s < 4 ? ((s + 1) as Severity) : s);

/** Severity of the consequences of reading or altering the data: its nature, what was recorded, and who the people are. */
export function exposureSeverity(nature: DataNatureFactor, identification: Identification, f: RiskFacts, people: PeopleFactor): { severity: Severity; harm: Harm } {
  let severity = nature.top.severity;
  let harm = nature.top.harm;
  if (identification === 'limited') severity = lower(severity);
  const recorded = recordedConsequences(f);
  if (recorded.severity > severity) {
    severity = recorded.severity;
    harm = recorded.consequences.find((c) => CONSEQUENCE_SEVERITY[c] === recorded.severity)!;
  }
  return { severity: people.vulnerable ? raise(severity) : severity, harm };
}

/** Severity of the consequences of being without the data: care, payments, or little at all. */
export function outageSeverity(nature: DataNatureFactor, f: RiskFacts, people: PeopleFactor): { severity: Severity; harm: Harm; reasons: Reason[] } {
  const c = nature.categories;
  let found: { harm: Harm; severity: Severity };
  if (c.includes('special_category_health')) found = { harm: 'physical_safety', severity: 3 };
  else if (c.some((x) => ['financial', 'payment_card', 'insurance', 'employment'].includes(x))) found = { harm: 'financial_loss', severity: 2 };
  else if (c.includes('unspecified')) found = { harm: 'unassessed', severity: 2 };
  else if (c.every((x) => x === 'work_contact')) found = { harm: 'inconvenience', severity: 0 };
  else found = { harm: 'inconvenience', severity: 1 };
  const recorded = recordedConsequences(f, OUTAGE_CONSEQUENCES);
  if (recorded.severity > found.severity) found = { harm: recorded.consequences.find((x) => CONSEQUENCE_SEVERITY[x] === recorded.severity)!, severity: recorded.severity };
  const severity = people.vulnerable ? raise(found.severity) : found.severity;
  return { severity, harm: found.harm, reasons: [reason('avail.severity', { harm: found.harm, severity }, SOURCES.consequences, ['dataCategories', 'likelyConsequences', 'subjects.vulnerable'])] };
}

// ---------------------------------------------------------------------------------------------------
// Likelihood, per type of breach

export interface LikelihoodFactor { likelihood: Likelihood; reasons: Reason[]; questions: MissingFact[] }

/** Whether state-of-the-art encryption made the data unintelligible to anyone who got it (Art. 34(3)(a)). */
export function isUnintelligible(f: RiskFacts): boolean {
  return f.encryption.dataEncrypted === true && f.encryption.stateOfTheArt === true && f.encryption.keyCompromised === false;
}

/** How likely harm is once data may have been read: who holds it, whether it is readable, whether misuse is seen. */
export function confidentialityLikelihood(f: RiskFacts, people: PeopleFactor): LikelihoodFactor {
  const questions: MissingFact[] = [];
  if (f.encryption.dataEncrypted === null) questions.push(ask('ask.encryption.dataEncrypted'));
  else if (f.encryption.dataEncrypted && f.encryption.keyCompromised === null) questions.push(ask('ask.encryption.keyCompromised'));
  else if (f.encryption.dataEncrypted && f.encryption.stateOfTheArt === null) questions.push(ask('ask.encryption.stateOfTheArt'));
  const at = (likelihood: Likelihood, code: Exclude<Extract<Code, `conf.${string}`>, 'conf.wide-exposure'>, facts: string[]): LikelihoodFactor => ({
    likelihood,
    reasons: [reason(code as 'conf.misuse-seen', { likelihood }, SOURCES.likelihood, facts)],
    questions,
  });
  // Misuse seen trumps every claim that the data was safe.
  if (f.misuseObserved === 'confirmed') return at(3, 'conf.misuse-seen', ['misuseObserved']);
  if (isUnintelligible(f)) return at(0, 'conf.unintelligible', ['encryption']);
  if (f.unauthorisedAccess === 'none') return at(0, 'conf.no-access', ['unauthorisedAccess']);
  if (f.recipients.type === 'none') return at(0, 'conf.reached-nobody', ['recipients.type']);
  if (f.recipients.type === 'public') return at(3, 'conf.published', ['recipients.type']);
  if (f.recipients.type === 'unknown') questions.push(ask('ask.recipients.type'));
  if (f.unauthorisedAccess === 'unknown') questions.push(ask('ask.unauthorisedAccess'));
  if (f.exfiltration === 'unknown' && ['malicious_unknown', 'malicious_known', 'unknown'].includes(f.recipients.type)) questions.push(ask('ask.exfiltration'));
  if (f.misuseObserved === 'unknown') questions.push(ask('ask.misuseObserved'));

  let found: LikelihoodFactor;
  const deleted = f.recipients.confirmedDeletion === true;
  if (f.exfiltration === 'ruled_out' && f.unauthorisedAccess !== 'confirmed') found = at(1, 'conf.exfiltration-ruled-out', ['exfiltration', 'unauthorisedAccess']);
  else {
    switch (f.recipients.type) {
      case 'trusted_known':
        found = deleted ? at(0, 'conf.trusted-deleted', ['recipients']) : at(1, 'conf.trusted', ['recipients']);
        break;
      case 'untrusted_known':
        found = deleted ? at(1, 'conf.untrusted-deleted', ['recipients']) : at(2, 'conf.untrusted', ['recipients']);
        break;
      case 'malicious_known':
        found = at(2, 'conf.malicious-known', ['recipients.type']);
        break;
      case 'malicious_unknown':
        found = f.unauthorisedAccess === 'confirmed' || f.exfiltration === 'confirmed'
          ? at(3, 'conf.criminal-has-data', ['recipients.type', 'unauthorisedAccess', 'exfiltration'])
          : at(2, 'conf.criminal-may-have-data', ['recipients.type', 'unauthorisedAccess', 'exfiltration']);
        break;
      case 'unknown_finder':
        found = at(2, 'conf.finder', ['recipients.type']);
        break;
      default:
        found = at(2, 'conf.recipient-unknown', ['recipients.type']);
    }
  }
  // Every person whose readable data a stranger holds is one more chance of misuse; so is every extra recipient.
  const wideRecipients = f.recipients.count !== null && f.recipients.count >= MANY_RECIPIENTS;
  if (found.likelihood >= 1 && found.likelihood < 3 && f.recipients.type !== 'trusted_known' && (people.many || wideRecipients)) {
    const likelihood = (found.likelihood + 1) as Likelihood;
    found = {
      likelihood,
      reasons: [...found.reasons, reason('conf.wide-exposure', { people: people.many ? people.lowerBound : null, recipients: wideRecipients ? f.recipients.count : null, likelihood }, SOURCES.number, ['subjects.count', 'recipients.count'])],
      questions,
    };
  }
  return found;
}

/** Restored within this many hours, an outage is short: a working day. */
export const SHORT_OUTAGE_HOURS = 24;

/** How likely it is that people are harmed by not having the data, from how long it was gone and whether anyone felt it. */
export function availabilityLikelihood(f: RiskFacts, critical: boolean): LikelihoodFactor {
  const at = (likelihood: Likelihood, code: 'avail.none' | 'avail.lost' | 'avail.harmed' | 'avail.duration-unknown' | 'avail.impact-unknown', facts: string[], questions: MissingFact[] = []): LikelihoodFactor =>
    ({ likelihood, reasons: [reason(code, { likelihood }, SOURCES.likelihood, facts)], questions });
  const hours = f.backup.restoreHours;
  if (f.availabilityImpact === 'none') return at(0, 'avail.none', ['availabilityImpact']);
  if (f.availabilityImpact === 'permanent') return at(3, 'avail.lost', ['availabilityImpact']);
  if (f.outageHarmedPeople === true) return at(3, 'avail.harmed', ['outageHarmedPeople']);
  if (f.availabilityImpact === 'unknown' && hours === null) return at(2, 'avail.impact-unknown', ['availabilityImpact'], [ask('ask.availabilityImpact')]);
  if (hours === null) return at(2, 'avail.duration-unknown', ['backup.restoreHours'], [ask('ask.backup.restoreHours')]);
  if (hours <= SHORT_OUTAGE_HOURS) {
    if (critical && f.outageHarmedPeople === null) {
      return { likelihood: 1, reasons: [reason('avail.short-critical', { hours, likelihood: 1 }, SOURCES.likelihood, ['backup.restoreHours', 'outageHarmedPeople'])], questions: [ask('ask.outageHarmedPeople')] };
    }
    return { likelihood: 0, reasons: [reason('avail.restored-quickly', { hours, likelihood: 0 }, SOURCES.likelihood, ['backup.restoreHours', 'outageHarmedPeople'])], questions: NO_QUESTIONS };
  }
  return { likelihood: 2, reasons: [reason('avail.long', { hours, likelihood: 2 }, SOURCES.likelihood, ['backup.restoreHours'])], questions: NO_QUESTIONS };
}

/** How likely altered data is to harm the people: used against them, still in use, or corrected. */
export function integrityLikelihood(f: RiskFacts): LikelihoodFactor {
  const at = (likelihood: Likelihood, code: 'integ.misuse-seen' | 'integ.corrected' | 'integ.may-be-used', facts: string[]): LikelihoodFactor =>
    ({ likelihood, reasons: [reason(code, { likelihood }, SOURCES.likelihood, facts)], questions: NO_QUESTIONS });
  if (f.misuseObserved === 'confirmed') return at(3, 'integ.misuse-seen', ['misuseObserved']);
  if (f.backup.restored === true && (f.backup.restoreHours ?? 0) <= SHORT_OUTAGE_HOURS) return at(0, 'integ.corrected', ['backup']);
  if (f.backup.restored === true) return at(1, 'integ.corrected', ['backup']);
  return at(2, 'integ.may-be-used', ['backup.restored', 'misuseObserved']);
}

// ---------------------------------------------------------------------------------------------------
// Likelihood × severity

/** EDPB likelihood × severity: rows are likelihood 1–3, columns severity 1–4 (likelihood 0 or severity 0 is no risk). */
const MATRIX: Record<1 | 2 | 3, Record<1 | 2 | 3 | 4, RiskLevel>> = {
  1: { 1: 'unlikely', 2: 'risk', 3: 'risk', 4: 'risk' },
  2: { 1: 'unlikely', 2: 'risk', 3: 'high', 4: 'high' },
  3: { 1: 'risk', 2: 'high', 3: 'high', 4: 'high' },
};

/** The risk of one type of breach; `manyPeople` is set when the number of people alone lifted "unlikely" to "risk". */
export function riskMatrix(likelihood: Likelihood, severity: Severity, people: PeopleFactor): { risk: RiskLevel; manyPeople: boolean } {
  if (likelihood === 0 || severity === 0) return { risk: 'unlikely', manyPeople: false };
  const risk = MATRIX[likelihood][severity];
  if (risk === 'unlikely' && likelihood === 2 && severity === 1 && people.many) return { risk: 'risk', manyPeople: true };
  return { risk, manyPeople: false };
}

/** Risk levels in order, to compare them. */
export const RISK_ORDER: Record<RiskLevel, number> = { unlikely: 0, risk: 1, high: 2 };
