/**
 * The risk assessment engine: pure and deterministic (no I/O, no clock). It reads an incident's facts
 * and returns the ENISA severity with every factor, the likelihood and severity of harm to people, the
 * risk level, the recommendation (Art. 33, Art. 34, Art. 34(3)), the reasons in bokmål and English, and
 * the facts whose absence could change the answer. Unknown facts are treated conservatively.
 */
import { CATEGORY_LABELS } from '../../../notifications/labels.js';
import type { Count } from '../incidents/incident.model.js';
import type {
  AVAILABILITY_IMPACTS, BREACH_TYPES, CAUSE_KINDS, DataCategory, EXFILTRATION, MISUSE, REACH_EFFORT, RECIPIENT_TYPES, UNAUTHORISED_ACCESS,
} from '../incidents/incident.vocabulary.js';

export const METHOD_VERSION = 'breach-clock-risk/1.0';

/** The facts the engine reads: a subset of the incident, with nothing the engine does not use. */
export interface RiskFacts {
  breachTypes: (typeof BREACH_TYPES)[number][];
  causeKind: (typeof CAUSE_KINDS)[number];
  dataCategories: DataCategory[];
  subjects: { count: Count; vulnerable: boolean | null; canBeReached: boolean | null; reachEffort: (typeof REACH_EFFORT)[number] };
  encryption: { dataEncrypted: boolean | null; stateOfTheArt: boolean | null; keyCompromised: boolean | null };
  backup: { available: boolean | null; restored: boolean | null; restoreHours: number | null };
  availabilityImpact: (typeof AVAILABILITY_IMPACTS)[number];
  exfiltration: (typeof EXFILTRATION)[number];
  unauthorisedAccess: (typeof UNAUTHORISED_ACCESS)[number];
  misuseObserved: (typeof MISUSE)[number];
  recipients: { type: (typeof RECIPIENT_TYPES)[number]; confirmedDeletion: boolean | null };
  /** Measures taken after the breach, with when. */
  mitigations: { what: string; at: string | null }[];
}

export interface Sentence {
  code: string;
  article: string;
  en: string;
  nb: string;
}

export interface MissingFact {
  fact: string;
  question: { en: string; nb: string };
}

export type RiskLevel = 'unlikely' | 'risk' | 'high';
export type Exemption = 'encrypted' | 'mitigated' | 'disproportionate' | null;

export interface Assessment {
  method: string;
  severity: {
    score: number;
    band: 'low' | 'medium' | 'high' | 'very high';
    dpc: { base: number; baseCategory: string; adjustments: { delta: number; reason: string }[]; value: number };
    ei: { value: number; reason: string };
    cb: { factor: 'confidentiality' | 'integrity' | 'availability' | 'malicious'; value: number; reason: string }[];
    outsideFormula: { individuals: string; unintelligible: boolean };
  };
  likelihood: { level: 0 | 1 | 2 | 3; label: string; byType: { type: string; level: number; reason: string }[] };
  harm: { level: 1 | 2 | 3 | 4; label: string; reasons: string[] };
  risk: RiskLevel;
  recommendation: { notifySA: boolean; notifySubjects: boolean; exemption: Exemption; publicCommunication: boolean };
  reasons: Sentence[];
  missingFacts: MissingFact[];
}

// ENISA base scores of the data processing context (DPC): simple 1, behavioural 2, financial 3, sensitive 4.
const DPC_BASE: Record<DataCategory, { score: number; label: string }> = {
  identity: { score: 1, label: 'simple' },
  contact: { score: 1, label: 'simple' },
  date_of_birth: { score: 1, label: 'simple' },
  employment: { score: 1, label: 'simple' },
  education: { score: 1, label: 'simple' },
  vehicle: { score: 1, label: 'simple' },
  family_status: { score: 1, label: 'simple' },
  children: { score: 1, label: 'simple' },
  images: { score: 2, label: 'behavioural' },
  location: { score: 2, label: 'behavioural' },
  communications: { score: 2, label: 'behavioural' },
  communications_billing: { score: 2, label: 'behavioural' },
  purchase_history: { score: 2, label: 'behavioural' },
  financial: { score: 3, label: 'financial' },
  payment_card: { score: 3, label: 'financial' },
  insurance: { score: 3, label: 'financial' },
  // In Norway the fødselsnummer is the key to identity theft, especially with an address (Datatilsynet).
  national_id_number: { score: 3, label: 'national identity number' },
  // Credentials take the category of what they unlock; unknown, so treated as financial.
  credentials: { score: 3, label: 'credentials' },
  special_category_health: { score: 4, label: 'special category (Art. 9)' },
  special_category_genetic: { score: 4, label: 'special category (Art. 9)' },
  special_category_biometric: { score: 4, label: 'special category (Art. 9)' },
  special_category_ethnic_origin: { score: 4, label: 'special category (Art. 9)' },
  special_category_political: { score: 4, label: 'special category (Art. 9)' },
  special_category_religious: { score: 4, label: 'special category (Art. 9)' },
  special_category_trade_union: { score: 4, label: 'special category (Art. 9)' },
  special_category_sex_life: { score: 4, label: 'special category (Art. 9)' },
  special_category_unspecified: { score: 4, label: 'special category (Art. 9)' },
  criminal_offences: { score: 4, label: 'criminal offences (Art. 10)' },
  unspecified: { score: 2, label: 'not yet known' },
};

const IDENTIFYING: DataCategory[] = ['identity', 'national_id_number', 'date_of_birth', 'images', 'special_category_biometric', 'special_category_genetic'];
/** Facts whose absence leaves the exposure itself in doubt. */
const MATERIAL_FACTS = [
  'breachTypes', 'dataCategories', 'encryption.dataEncrypted', 'encryption.keyCompromised', 'encryption.stateOfTheArt',
  'unauthorisedAccess', 'exfiltration', 'recipients.type', 'backup.restoreHours',
];
const LIKELIHOOD_LABEL = ['negligible', 'low', 'likely', 'very likely'] as const;
const HARM_LABEL = ['', 'limited', 'significant', 'serious', 'very serious'] as const;

/** The number of people, as a lower bound when known. */
function peopleLowerBound(count: Count): number | null {
  if (count.kind === 'unknown') return null;
  if (count.kind === 'range') return count.min;
  return count.value;
}

function describeCount(count: Count): string {
  if (count.kind === 'unknown') return 'unknown';
  if (count.kind === 'range') return `${count.min}–${count.max}`;
  return `${count.kind === 'estimate' ? 'about ' : ''}${count.value}`;
}

/** Whether state-of-the-art encryption made the data unintelligible to anyone who got it (Art. 34(3)(a)). */
export function isUnintelligible(f: RiskFacts): boolean {
  return f.encryption.dataEncrypted === true && f.encryption.stateOfTheArt === true && f.encryption.keyCompromised === false;
}

/** Runs the method on a set of facts. */
export function assess(f: RiskFacts): Assessment {
  const reasons: Sentence[] = [];
  const missing: MissingFact[] = [];
  const say = (code: string, article: string, en: string, nb: string) => reasons.push({ code, article, en, nb });
  const ask = (fact: string, en: string, nb: string) => missing.push({ fact, question: { en, nb } });

  const has = (t: (typeof BREACH_TYPES)[number]) => f.breachTypes.includes(t);
  const categories = f.dataCategories.length ? f.dataCategories : (['unspecified'] as DataCategory[]);
  if (!f.dataCategories.length || f.dataCategories.includes('unspecified')) {
    ask('dataCategories', 'Which categories of personal data are involved?', 'Hvilke kategorier personopplysninger gjelder det?');
  }
  if (!f.breachTypes.length) {
    ask('breachTypes', 'Is it a breach of confidentiality, integrity or availability?', 'Gjelder bruddet konfidensialitet, integritet eller tilgjengelighet?');
  }
  const people = peopleLowerBound(f.subjects.count);
  if (people === null) ask('subjects.count', 'About how many people are affected?', 'Omtrent hvor mange personer er berørt?');
  const vulnerable = f.subjects.vulnerable === true || categories.includes('children');
  if (f.subjects.vulnerable === null && !categories.includes('children')) {
    ask('subjects.vulnerable', 'Are children, patients or other vulnerable people among those affected?', 'Er barn, pasienter eller andre sårbare blant de berørte?');
  }
  const special = categories.some((c) => DPC_BASE[c].score === 4);
  const unintelligible = isUnintelligible(f);

  // --- ENISA: SE = DPC × EI + CB ----------------------------------------------------------------
  const top = categories.reduce((best, c) => (DPC_BASE[c].score > DPC_BASE[best].score ? c : best), categories[0]!);
  const base = DPC_BASE[top].score;
  const adjustments: { delta: number; reason: string }[] = [];
  if (vulnerable && base < 4) adjustments.push({ delta: 1, reason: 'the people are vulnerable (children, patients or similar)' });
  if (people !== null && people >= 10_000 && base < 4) adjustments.push({ delta: 0.5, reason: `a large volume (${describeCount(f.subjects.count)} people)` });
  if (people !== null && people < 10 && base <= 2 && !vulnerable) adjustments.push({ delta: -1, reason: `only ${describeCount(f.subjects.count)} people, and ordinary data: little insight into them` });
  const dpc = Math.min(4, Math.max(1, base + adjustments.reduce((s, a) => s + a.delta, 0)));

  const identifying = categories.some((c) => IDENTIFYING.includes(c));
  const ei = identifying
    ? { value: 1, reason: 'the data names the people directly' }
    : categories.includes('contact')
      ? { value: 0.75, reason: 'contact details identify people with little effort' }
      : categories.every((c) => c === 'credentials')
        ? { value: 0.5, reason: 'pseudonymous accounts: identifying someone needs other data' }
        : { value: 0.75, reason: 'identification is likely possible with the data involved' };

  const cb: Assessment['severity']['cb'] = [];
  // "Encrypted only" counts as readable unless the encryption facts show the key is safe.
  const readableExposure = has('confidentiality') && !unintelligible && f.unauthorisedAccess !== 'none';
  if (has('confidentiality')) {
    if (!readableExposure || f.exfiltration === 'ruled_out') {
      cb.push({ factor: 'confidentiality', value: 0, reason: unintelligible ? 'only unintelligible (encrypted) data was exposed' : 'no evidence that readable data left our control' });
    } else if (['trusted_known', 'untrusted_known', 'malicious_known'].includes(f.recipients.type)) {
      cb.push({ factor: 'confidentiality', value: 0.25, reason: 'disclosed to a known number of identified recipients' });
    } else {
      cb.push({ factor: 'confidentiality', value: 0.5, reason: 'disclosed to unknown or untrusted recipients, or published' });
    }
  }
  if (has('integrity')) {
    if (f.misuseObserved === 'confirmed') cb.push({ factor: 'integrity', value: 0.5, reason: 'altered data has been used against the people' });
    else if (f.backup.restored === true) cb.push({ factor: 'integrity', value: 0, reason: 'altered data was restored correctly' });
    else cb.push({ factor: 'integrity', value: 0.25, reason: 'altered data may have been used' });
  }
  if (has('availability')) {
    const quick = f.backup.restored === true && (f.backup.restoreHours ?? 0) <= 24;
    if (f.availabilityImpact === 'none' || (f.availabilityImpact === 'temporary' && quick)) {
      cb.push({ factor: 'availability', value: 0, reason: 'the data could be recovered without difficulty' });
    } else if (f.availabilityImpact === 'permanent') {
      cb.push({ factor: 'availability', value: 0.5, reason: 'the data is lost for good' });
    } else {
      cb.push({ factor: 'availability', value: 0.25, reason: 'the data was unavailable for a while' });
    }
  }
  if (f.causeKind === 'malicious') cb.push({ factor: 'malicious', value: 0.5, reason: 'caused with malicious intent' });
  const score = Math.round((dpc * ei.value + cb.reduce((s, c) => s + c.value, 0)) * 100) / 100;
  const band = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very high';

  // --- Severity of harm to the people if the breach's effects materialise (1–4) --------------------
  const harmReasons: string[] = [];
  let harm = Math.min(4, Math.max(1, dpc)) as number;
  harmReasons.push(`${DPC_BASE[top].label} data (${top.replace(/_/g, ' ')})`);
  if (vulnerable && base < 4) harmReasons.push('vulnerable people');
  harm = Math.round(harm);
  const harmLevel = Math.min(4, Math.max(1, harm)) as 1 | 2 | 3 | 4;

  // --- Likelihood that harm materialises, per breach type (0–3) ------------------------------------
  const byType: Assessment['likelihood']['byType'] = [];
  if (has('confidentiality')) {
    let level: number;
    let reason: string;
    if (f.encryption.dataEncrypted === null) {
      ask('encryption.dataEncrypted', 'Was the data encrypted? With state-of-the-art encryption and a safe key the risk would be unlikely (Art. 34(3)(a)).', 'Var dataene kryptert? Med sikker kryptering og nøkkelen i behold ville risikoen vært usannsynlig (art. 34 nr. 3 a).');
    } else if (f.encryption.dataEncrypted && f.encryption.keyCompromised === null) {
      ask('encryption.keyCompromised', 'Was the key stored with the data, or could whoever got the data also get the key?', 'Var nøkkelen lagret sammen med dataene, eller kan den som fikk dataene også ha fått nøkkelen?');
    } else if (f.encryption.dataEncrypted && f.encryption.stateOfTheArt === null) {
      ask('encryption.stateOfTheArt', 'Was the encryption (or hashing) state of the art?', 'Var krypteringen (eller hashingen) i tråd med beste praksis?');
    }
    if (unintelligible) {
      level = 0;
      reason = 'the data was encrypted with a state-of-the-art method and the key is safe, so it is unintelligible';
    } else if (f.misuseObserved === 'confirmed') {
      level = 3;
      reason = 'misuse of the data has been seen';
    } else if (f.unauthorisedAccess === 'none') {
      level = 0;
      reason = 'nobody unauthorised got at the data';
    } else if (f.exfiltration === 'ruled_out' && f.unauthorisedAccess !== 'confirmed') {
      level = 1;
      reason = 'evidence rules out that the data left our systems';
    } else {
      switch (f.recipients.type) {
        case 'none':
          level = 0;
          reason = 'the data reached nobody';
          break;
        case 'trusted_known':
          level = f.recipients.confirmedDeletion === true ? 0 : 1;
          reason = f.recipients.confirmedDeletion === true ? 'a trusted recipient got it and confirmed deletion' : 'a trusted recipient, bound to confidentiality, got it';
          break;
        case 'untrusted_known':
          level = f.recipients.confirmedDeletion === true ? 1 : 2;
          reason = f.recipients.confirmedDeletion === true
            ? 'identified recipients got it and confirmed they deleted it'
            : 'identified recipients, not bound to confidentiality, got it';
          break;
        case 'malicious_known':
          level = 2;
          reason = 'a known person who acted deliberately has the data; their further intentions cannot be vouched for';
          break;
        default:
          level = f.unauthorisedAccess === 'confirmed' || f.exfiltration === 'confirmed' || f.recipients.type === 'public' ? 3 : 2;
          reason = f.recipients.type === 'public'
            ? 'the data was published'
            : `readable data ${level === 3 ? 'is' : 'may be'} in the hands of an unknown or malicious party`;
      }
      if (f.recipients.type === 'unknown') ask('recipients.type', 'Who got the data: a trusted recipient, an identified person, an unknown attacker, or the public?', 'Hvem fikk dataene: en betrodd mottaker, en kjent person, en ukjent angriper eller offentligheten?');
      if (f.unauthorisedAccess === 'unknown') ask('unauthorisedAccess', 'Did anyone unauthorised actually read the data?', 'Har noen uvedkommende faktisk lest dataene?');
      if (f.exfiltration === 'unknown') ask('exfiltration', 'Can logs show whether data was copied out?', 'Kan logger vise om data ble kopiert ut?');
    }
    byType.push({ type: 'confidentiality', level, reason });
  }
  if (has('availability')) {
    const critical = special || vulnerable;
    let level: number;
    let reason: string;
    const hours = f.backup.restoreHours;
    if (f.availabilityImpact === 'none') {
      level = 0;
      reason = 'the data stayed available';
    } else if (f.availabilityImpact === 'permanent') {
      level = 3;
      reason = 'the data is lost and no copy restores it';
    } else if (f.availabilityImpact === 'temporary' && hours !== null && hours <= 24 && f.backup.restored === true) {
      level = critical ? 2 : 1;
      reason = critical ? `even ${hours} hours without this data can harm the people it concerns` : `restored from backup within ${hours} hours`;
    } else {
      level = 2;
      reason = hours !== null ? `the data was unavailable for ${hours} hours` : 'the data was unavailable for an unknown time';
      if (hours === null) ask('backup.restoreHours', 'How long was the data unavailable, and was it restored from backup?', 'Hvor lenge var dataene utilgjengelige, og ble de gjenopprettet fra sikkerhetskopi?');
    }
    byType.push({ type: 'availability', level, reason });
  }
  if (has('integrity')) {
    const level = f.misuseObserved === 'confirmed' ? 3 : f.backup.restored === true ? 1 : 2;
    byType.push({ type: 'integrity', level, reason: level === 3 ? 'altered data has been used against the people' : level === 1 ? 'the altered data was restored' : 'altered data may still be in use' });
  }
  if (f.misuseObserved === 'unknown' && !unintelligible && byType.some((b) => b.level >= 1)) {
    ask('misuseObserved', 'Has any misuse of the data been seen (fraud attempts, phishing, publication)?', 'Er det sett misbruk av dataene (svindelforsøk, phishing, publisering)?');
  }
  const likelihood = (byType.length ? Math.max(...byType.map((b) => b.level)) : 2) as 0 | 1 | 2 | 3;

  // --- Risk level: likelihood × severity (EDPB), conservative when in doubt -------------------------
  let risk: RiskLevel;
  // Unlikely: nothing readable reached anyone, or a low likelihood of limited harm (likelihood + harm ≤ 3).
  if (likelihood === 0) risk = 'unlikely';
  else if (likelihood >= 2 && harmLevel >= 3) risk = 'high';
  else if (likelihood + harmLevel <= 3) risk = 'unlikely';
  else risk = 'risk';
  // When in doubt, notify: a low reading that rests on unknown facts about exposure is not enough.
  const inDoubt = missing.some((m) => MATERIAL_FACTS.includes(m.fact));
  if (risk === 'unlikely' && likelihood > 0 && inDoubt) risk = 'risk';

  // --- Art. 34(3) grounds --------------------------------------------------------------------------
  let exemption: Exemption = null;
  let publicCommunication = false;
  const readableFacts = { ...f, encryption: { ...f.encryption, dataEncrypted: false } };
  const wouldBeHighIfReadable = unintelligible && risk !== 'high' && assess(readableFacts).risk === 'high';
  if (wouldBeHighIfReadable || (unintelligible && risk === 'unlikely' && has('confidentiality'))) exemption = 'encrypted';

  let notifySA = risk !== 'unlikely';
  let notifySubjects = risk === 'high';
  // (b): the same breach before the recipients' confirmed deletion was high risk; now it is not.
  const beforeDeletion = f.recipients.confirmedDeletion === true && f.misuseObserved !== 'confirmed'
    ? assess({ ...f, recipients: { ...f.recipients, confirmedDeletion: null } })
    : undefined;
  if (beforeDeletion?.risk === 'high' && risk !== 'high') {
    exemption = 'mitigated';
    notifySA = true;
  }
  if (risk === 'high') {
    if (f.subjects.reachEffort === 'disproportionate' || f.subjects.canBeReached === false) {
      exemption = 'disproportionate';
      notifySubjects = false;
      publicCommunication = true;
    } else if (f.subjects.canBeReached === null && f.subjects.reachEffort === 'unknown') {
      ask('subjects.canBeReached', 'Can the people be reached individually, and at what effort?', 'Kan de berørte nås enkeltvis, og med hvilken innsats?');
    }
  }

  // --- Reasons -------------------------------------------------------------------------------------
  const cats = categories.map((c) => c.replace(/_/g, ' ')).join(', ');
  say('severity', 'ENISA', `ENISA severity ${score} (${band}): data processing context ${dpc} (${DPC_BASE[top].label} data: ${cats}) × ease of identification ${ei.value} + circumstances ${cb.reduce((s, c) => s + c.value, 0)}.`,
    `ENISA-alvorlighet ${score} (${bandNb(band)}): behandlingskontekst ${dpc} × identifiserbarhet ${ei.value} + omstendigheter ${cb.reduce((s, c) => s + c.value, 0)}.`);
  for (const b of byType) {
    say(`likelihood.${b.type}`, 'Art. 33(1), recital 76', `${capital(b.type)}: ${b.reason} (likelihood ${LIKELIHOOD_LABEL[b.level]}).`,
      `${typeNb(b.type)}: ${reasonNb(b.reason)} (sannsynlighet: ${likelihoodNb(b.level)}).`);
  }
  say('harm', 'recital 75', `If it materialises, the harm would be ${HARM_LABEL[harmLevel]}: ${harmReasons.join(', ')}.`,
    `Om skaden inntreffer, blir den ${harmNb(harmLevel)}: ${CATEGORY_LABELS[top].nb}${vulnerable && base < 4 ? ', sårbare personer' : ''}.`);
  if (risk === 'unlikely') {
    say('outcome.unlikely', 'Art. 33(1)', 'The breach is unlikely to result in a risk to the people: Datatilsynet need not be notified, but the breach must be documented (Art. 33(5)).',
      'Bruddet vil neppe medføre risiko for de berørte: Datatilsynet trenger ikke varsles, men bruddet skal dokumenteres (art. 33 nr. 5).');
  } else if (risk === 'risk') {
    say('outcome.risk', 'Art. 33(1)', 'A risk to the people cannot be ruled out: notify Datatilsynet within 72 hours of awareness.',
      'Risiko for de berørte kan ikke utelukkes: varsle Datatilsynet innen 72 timer etter at virksomheten ble kjent med bruddet.');
    say('outcome.no-subjects', 'Art. 34(1)', 'The risk is not high, so the people need not be told individually.',
      'Risikoen er ikke høy, så de berørte trenger ikke varsles enkeltvis.');
  } else {
    say('outcome.high', 'Art. 33(1), Art. 34(1)', 'The risk to the people is high: notify Datatilsynet within 72 hours and tell the people without undue delay.',
      'Risikoen for de berørte er høy: varsle Datatilsynet innen 72 timer og informer de berørte uten ugrunnet opphold.');
  }
  if (exemption === 'encrypted') {
    say('exemption.encrypted', 'Art. 34(3)(a)', 'The data was unintelligible to anyone unauthorised (state-of-the-art encryption, key not compromised); record how the key is kept.',
      'Dataene var uforståelige for uvedkommende (sikker kryptering, nøkkelen ikke kompromittert); dokumenter hvordan nøkkelen oppbevares.');
  } else if (exemption === 'mitigated') {
    say('exemption.mitigated', 'Art. 34(3)(b)', 'The recipients are known and confirmed deletion, so the high risk is no longer likely to materialise; record what was done and when.',
      'Mottakerne er kjent og har bekreftet sletting, så den høye risikoen vil neppe inntreffe; dokumenter hva som ble gjort og når.');
  } else if (exemption === 'disproportionate') {
    say('exemption.disproportionate', 'Art. 34(3)(c)', 'Reaching each person would take disproportionate effort: a public communication must inform them as effectively instead.',
      'Å nå hver enkelt vil kreve uforholdsmessig innsats: informer i stedet gjennom en offentlig kunngjøring som når dem like effektivt.');
  }
  if (risk !== 'high' && missing.length) {
    say('doubt', 'EDPB Guidelines 9/2022', 'Facts are missing; where doubt remains, notify.', 'Fakta mangler; er det tvil, bør bruddet varsles.');
  }

  return {
    method: METHOD_VERSION,
    severity: {
      score,
      band,
      dpc: { base, baseCategory: top, adjustments, value: dpc },
      ei,
      cb,
      outsideFormula: { individuals: describeCount(f.subjects.count), unintelligible },
    },
    likelihood: { level: likelihood, label: LIKELIHOOD_LABEL[likelihood], byType },
    harm: { level: harmLevel, label: HARM_LABEL[harmLevel], reasons: harmReasons },
    risk,
    recommendation: { notifySA, notifySubjects, exemption, publicCommunication },
    reasons,
    missingFacts: dedupe(missing),
  };
}

function dedupe(list: MissingFact[]): MissingFact[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.fact) ? false : (seen.add(m.fact), true)));
}

/** The bokmål of each likelihood reason the engine gives (numbers carried over). */
const REASONS_NB: [RegExp, string][] = [
  [/^the data was encrypted with a state-of-the-art method and the key is safe, so it is unintelligible$/, 'dataene var kryptert med en sikker metode og nøkkelen er i behold, så de er uleselige'],
  [/^misuse of the data has been seen$/, 'misbruk av dataene er observert'],
  [/^nobody unauthorised got at the data$/, 'ingen uvedkommende fikk tilgang til dataene'],
  [/^evidence rules out that the data left our systems$/, 'bevis utelukker at dataene forlot systemene våre'],
  [/^the data reached nobody$/, 'dataene nådde ingen'],
  [/^a trusted recipient got it and confirmed deletion$/, 'en betrodd mottaker fikk dataene og har bekreftet sletting'],
  [/^a trusted recipient, bound to confidentiality, got it$/, 'en betrodd mottaker med taushetsplikt fikk dataene'],
  [/^identified recipients got it and confirmed they deleted it$/, 'kjente mottakere fikk dataene og har bekreftet sletting'],
  [/^identified recipients, not bound to confidentiality, got it$/, 'kjente mottakere uten taushetsplikt fikk dataene'],
  [/^a known person who acted deliberately has the data; their further intentions cannot be vouched for$/, 'en kjent person som handlet med vilje har dataene; vi kan ikke gå god for hva vedkommende vil gjøre'],
  [/^the data was published$/, 'dataene er publisert'],
  [/^readable data is in the hands of an unknown or malicious party$/, 'lesbare data er hos en ukjent eller ondsinnet aktør'],
  [/^readable data may be in the hands of an unknown or malicious party$/, 'lesbare data kan være hos en ukjent eller ondsinnet aktør'],
  [/^the data stayed available$/, 'dataene var hele tiden tilgjengelige'],
  [/^the data is lost and no copy restores it$/, 'dataene er tapt og kan ikke gjenopprettes'],
  [/^even ([\d.]+) hours without this data can harm the people it concerns$/, 'selv $1 timer uten disse dataene kan skade de berørte'],
  [/^restored from backup within ([\d.]+) hours$/, 'gjenopprettet fra sikkerhetskopi innen $1 timer'],
  [/^the data was unavailable for ([\d.]+) hours$/, 'dataene var utilgjengelige i $1 timer'],
  [/^the data was unavailable for an unknown time$/, 'dataene var utilgjengelige i ukjent tid'],
  [/^altered data has been used against the people$/, 'endrede data er brukt mot de berørte'],
  [/^the altered data was restored$/, 'de endrede dataene er gjenopprettet'],
  [/^altered data may still be in use$/, 'endrede data kan fortsatt være i bruk'],
];

function reasonNb(en: string): string {
  for (const [pattern, nb] of REASONS_NB) if (pattern.test(en)) return en.replace(pattern, nb);
  return en;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const typeNb = (t: string) => ({ confidentiality: 'Konfidensialitet', integrity: 'Integritet', availability: 'Tilgjengelighet' })[t] ?? t;
const likelihoodNb = (l: number) => ['ubetydelig', 'lav', 'sannsynlig', 'svært sannsynlig'][l]!;
const harmNb = (l: number) => ['', 'begrenset', 'betydelig', 'alvorlig', 'svært alvorlig'][l]!;
const bandNb = (b: string) => ({ low: 'lav', medium: 'middels', high: 'høy', 'very high': 'svært høy' })[b] ?? b;
