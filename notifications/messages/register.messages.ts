import type { Catalogue, MessageOf, NoParams } from './catalogue.js';

/** The register's columns, in the order a reader sees them. */
export const REGISTER_COLUMNS = [
  'ref', 'title', 'status', 'role', 'controller', 'controllerInformedAt', 'created', 'aware', 'deadline', 'breachTypes', 'dataCategories', 'subjects', 'records',
  'notified', 'notifiedAt', 'hoursToNotify', 'late', 'delayReasons', 'submissions', 'decision', 'decisionReason', 'decidedBy',
  'art34', 'art34Ground', 'art34At', 'consequences', 'measuresTaken', 'closedAt', 'closedReason',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** What was decided about Datatilsynet. */
export type RegisterDecision = 'notify' | 'not-notifiable' | 'not-a-breach' | 'undecided';
/** What became of telling the people (Art. 34). */
export type Art34Outcome = 'told' | 'public' | 'exemption' | 'not-required' | 'owed' | 'undecided' | 'controller';
export type Art34Ground = 'encrypted' | 'mitigated' | 'disproportionate';

export interface RegisterMessageParams {
  'register.sheet': NoParams;
  'register.column': { column: RegisterColumn };
  'register.status': { status: 'triage' | 'open' | 'closed' };
  'register.yes-no': { value: boolean };
  'register.role': { role: 'controller' | 'processor' };
  'register.breach-type': { type: 'confidentiality' | 'integrity' | 'availability' };
  'register.decision': { decision: RegisterDecision };
  'register.art34': { outcome: Art34Outcome };
  'register.ground': { ground: Art34Ground; evidence: string };
  /** A decision that follows the recommendation with no reasoning written: the assessment's reasons for it. */
  'register.follows-recommendation': { reasons: string };
}

export type RegisterMessage = MessageOf<RegisterMessageParams>;

const COLUMNS: Record<RegisterColumn, { nb: string; en: string }> = {
  ref: { nb: 'Referanse', en: 'Reference' },
  title: { nb: 'Tittel', en: 'Title' },
  status: { nb: 'Status', en: 'Status' },
  role: { nb: 'Vår rolle', en: 'Our role' },
  controller: { nb: 'Behandlingsansvarlig (når vi er databehandler)', en: 'Controller (when we are processor)' },
  controllerInformedAt: { nb: 'Behandlingsansvarlig varslet (norsk tid)', en: 'Controller informed (Oslo time)' },
  created: { nb: 'Registrert (norsk tid)', en: 'Logged (Oslo time)' },
  aware: { nb: 'Kjent med bruddet (norsk tid)', en: 'Became aware (Oslo time)' },
  deadline: { nb: 'Frist 72 timer (norsk tid)', en: '72-hour deadline (Oslo time)' },
  breachTypes: { nb: 'Type brudd', en: 'Type of breach' },
  dataCategories: { nb: 'Typer personopplysninger', en: 'Categories of personal data' },
  subjects: { nb: 'Berørte personer', en: 'People affected' },
  records: { nb: 'Berørte registreringer', en: 'Records affected' },
  notified: { nb: 'Meldt til Datatilsynet', en: 'Notified to Datatilsynet' },
  notifiedAt: { nb: 'Meldt (norsk tid)', en: 'Notified (Oslo time)' },
  hoursToNotify: { nb: 'Timer til melding', en: 'Hours to notification' },
  late: { nb: 'Etter 72 timer', en: 'After 72 hours' },
  delayReasons: { nb: 'Årsaker til forsinkelsen', en: 'Reasons for the delay' },
  submissions: { nb: 'Innsendinger', en: 'Submissions' },
  decision: { nb: 'Beslutning', en: 'Decision' },
  decisionReason: { nb: 'Begrunnelse', en: 'Reasoning' },
  decidedBy: { nb: 'Besluttet av', en: 'Decided by' },
  art34: { nb: 'De berørte (art. 34)', en: 'The people affected (Art. 34)' },
  art34Ground: { nb: 'Unntak og dokumentasjon (art. 34 nr. 3)', en: 'Exemption and evidence (Art. 34(3))' },
  art34At: { nb: 'De berørte informert (norsk tid)', en: 'People told (Oslo time)' },
  consequences: { nb: 'Konsekvenser', en: 'Consequences' },
  measuresTaken: { nb: 'Tiltak', en: 'Measures taken' },
  closedAt: { nb: 'Lukket (norsk tid)', en: 'Closed (Oslo time)' },
  closedReason: { nb: 'Begrunnelse for lukking', en: 'Reason for closing' },
};

const DECISION: Record<RegisterDecision, { nb: string; en: string }> = {
  notify: { nb: 'Meldes til Datatilsynet', en: 'Notify Datatilsynet' },
  'not-notifiable': { nb: 'Ikke meldepliktig (neppe risiko)', en: 'Not notifiable (unlikely to be a risk)' },
  'not-a-breach': { nb: 'Ikke et brudd på personopplysningssikkerheten', en: 'Not a personal data breach' },
  undecided: { nb: 'Ikke besluttet', en: 'Not decided' },
};

const ART34: Record<Art34Outcome, { nb: string; en: string }> = {
  told: { nb: 'Informert', en: 'Told' },
  public: { nb: 'Informert ved offentlig kunngjøring (art. 34 nr. 3 bokstav c)', en: 'Told by public communication (Art. 34(3)(c))' },
  exemption: { nb: 'Unntatt (art. 34 nr. 3)', en: 'Exempt (Art. 34(3))' },
  'not-required': { nb: 'Ikke påkrevd (ikke høy risiko)', en: 'Not required (no high risk)' },
  owed: { nb: 'Skal informeres, ikke gjort ennå', en: 'To be told, not yet done' },
  undecided: { nb: 'Ikke besluttet', en: 'Not decided' },
  controller: { nb: 'Den behandlingsansvarlige avgjør', en: 'For the controller to decide' },
};

const GROUND: Record<Art34Ground, { nb: string; en: string }> = {
  encrypted: { nb: 'Bokstav a: opplysningene var uleselige for uvedkommende (kryptert)', en: '(a): the data was unintelligible to anyone unauthorised (encrypted)' },
  mitigated: { nb: 'Bokstav b: senere tiltak gjør at den høye risikoen ikke lenger er sannsynlig', en: '(b): later measures mean the high risk is no longer likely to materialise' },
  disproportionate: { nb: 'Bokstav c: å nå hver enkelt ville kreve uforholdsmessig stor innsats', en: '(c): reaching each person would take disproportionate effort' },
};

export const REGISTER_MESSAGES: Catalogue<RegisterMessageParams> = {
  'register.sheet': { nb: () => 'Avviksprotokoll', en: () => 'Breach register' },
  'register.column': { nb: (p) => COLUMNS[p.column].nb, en: (p) => COLUMNS[p.column].en },
  'register.status': {
    nb: (p) => ({ triage: 'Under avklaring', open: 'Åpen', closed: 'Lukket' })[p.status],
    en: (p) => ({ triage: 'In triage', open: 'Open', closed: 'Closed' })[p.status],
  },
  'register.yes-no': { nb: (p) => (p.value ? 'Ja' : 'Nei'), en: (p) => (p.value ? 'Yes' : 'No') },
  'register.role': {
    nb: (p) => ({ controller: 'Behandlingsansvarlig', processor: 'Databehandler' })[p.role],
    en: (p) => ({ controller: 'Controller', processor: 'Processor' })[p.role],
  },
  'register.breach-type': {
    nb: (p) => ({ confidentiality: 'konfidensialitet', integrity: 'integritet', availability: 'tilgjengelighet' })[p.type],
    en: (p) => p.type,
  },
  'register.decision': { nb: (p) => DECISION[p.decision].nb, en: (p) => DECISION[p.decision].en },
  'register.art34': { nb: (p) => ART34[p.outcome].nb, en: (p) => ART34[p.outcome].en },
  'register.follows-recommendation': { nb: (p) => `Følger anbefalingen: ${p.reasons}`, en: (p) => `Follows the recommendation: ${p.reasons}` },
  'register.ground': {
    nb: (p) => `${GROUND[p.ground].nb}${p.evidence ? `. ${p.evidence}` : ''}`,
    en: (p) => `${GROUND[p.ground].en}${p.evidence ? `. ${p.evidence}` : ''}`,
  },
};
