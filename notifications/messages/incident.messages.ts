import { formatCount, formatDecimal, formatMoment, groupDigits, joinList, type Count } from '../format.js';
import type { Lang } from './catalogue.js';
import { CATEGORY_LABELS, CONSEQUENCE_LABELS } from './vocabulary.messages.js';
import type { Catalogue, MessageOf, NoParams } from './catalogue.js';
import { DASHBOARD_MESSAGES, type DashboardMessageParams } from './dashboard.messages.js';
import { SCREEN_FIELDS } from './screen-fields.js';

type Words = Readonly<Record<Lang, string>>;

/**
 * The names of fields no dashboard form asks for by this path (parents, request fields, users' and rotas'
 * fields); a fact the facts form asks is named as the form names it (`SCREEN_FIELDS`).
 */
export const FIELD_LABELS = {
  '(root)': { nb: 'Forespørselen', en: 'The request' },
  '(body)': { nb: 'Innholdet', en: 'The body' },
  '(field)': { nb: 'Et felt', en: 'A field' },
  assessmentId: { nb: 'Vurderingen', en: 'The assessment' },
  adviceToSubjects: { nb: 'Råd til de berørte', en: 'Advice to the people' },
  cause: { nb: 'Årsak', en: 'Cause' },
  controller: { nb: 'Behandlingsansvarlig', en: 'Controller' },
  occurred: { nb: 'Når det skjedde', en: 'When it happened' },
  detected: { nb: 'Oppdaget', en: 'Detected' },
  awareness: { nb: 'Kjennskap til bruddet', en: 'Awareness' },
  awareAt: { nb: 'Kjent fra', en: 'Aware since' },
  at: { nb: 'Tidspunkt', en: 'Time' },
  evidence: { nb: 'Hva gjorde bruddet rimelig sikkert?', en: 'What made the breach reasonably certain?' },
  awarenessEvidence: { nb: 'Hva gjorde bruddet rimelig sikkert?', en: 'What made the breach reasonably certain?' },
  reason: { nb: 'Begrunnelse', en: 'Reason' },
  awarenessReason: { nb: 'Begrunnelse', en: 'Reason' },
  subjects: { nb: 'Berørte personer', en: 'People affected' },
  encryption: { nb: 'Kryptering', en: 'Encryption' },
  backup: { nb: 'Sikkerhetskopi', en: 'Backup' },
  'backup.note': { nb: 'Merknad om sikkerhetskopi', en: 'Note on the backup' },
  recipients: { nb: 'Mottakere', en: 'Recipients' },
  version: { nb: 'Versjon', en: 'Version' },
  sentAt: { nb: 'Sendt', en: 'Sent' },
  channel: { nb: 'Kanal', en: 'Channel' },
  reference: { nb: 'Referanse', en: 'Reference' },
  phase: { nb: 'Fase', en: 'Phase' },
  noticeId: { nb: 'Melding', en: 'Notice' },
  followUpDueAt: { nb: 'Frist for oppfølging', en: 'Follow-up due' },
  note: { nb: 'Merknad', en: 'Note' },
  notABreach: { nb: 'Ikke et brudd', en: 'Not a breach' },
  name: { nb: 'Navn', en: 'Name' },
  email: { nb: 'E-post', en: 'E-mail' },
  password: { nb: 'Passord', en: 'Password' },
  currentPassword: { nb: 'Nåværende passord', en: 'Current password' },
  newPassword: { nb: 'Nytt passord', en: 'New password' },
  roles: { nb: 'Roller', en: 'Roles' },
  phone: { nb: 'Telefon', en: 'Phone' },
  locale: { nb: 'Språk', en: 'Language' },
  active: { nb: 'Aktiv', en: 'Active' },
  alertChannels: { nb: 'Varslingskanaler', en: 'Alert channels' },
  'alertChannels.webhookUrl': { nb: 'Webhook', en: 'Webhook' },
  members: { nb: 'Medlemmer', en: 'Members' },
  secondLine: { nb: 'Andrelinje', en: 'Second line' },
  webhookUrl: { nb: 'Webhook', en: 'Webhook' },
  endpoint: { nb: 'Adressen til varslingstjenesten', en: 'The push service address' },
  keys: { nb: 'Enhetens nøkler', en: "The device's keys" },
  'keys.p256dh': { nb: 'Enhetens offentlige nøkkel', en: "The device's public key" },
  'keys.auth': { nb: 'Enhetens hemmelighet', en: "The device's secret" },
  deviceName: { nb: 'Navn på enheten', en: 'Device name' },
  oldAuth: { nb: 'Enhetens tidligere abonnement', en: "The device's earlier subscription" },
  replaces: { nb: 'Enhetens tidligere varsling, som ikke lenger er gyldig', en: "The device's earlier push, no longer valid" },
  oldEndpoint: { nb: 'Enhetens tidligere abonnement', en: "The device's earlier subscription" },
  noticeText: { nb: 'Meldingsteksten', en: 'The notice text' },
  token: { nb: 'Lenken', en: 'The link' },
  refreshToken: { nb: 'Innloggingen', en: 'The sign-in' },
  id: { nb: 'Det du ba om', en: 'What you asked for' },
  clock: { nb: 'Klokke', en: 'Clock' },
  cursor: { nb: 'Siden', en: 'The page' },
  beforeSeq: { nb: 'Siden', en: 'The page' },
  limit: { nb: 'Antall', en: 'How many' },
  q: { nb: 'Søk', en: 'Search' },
  sort: { nb: 'Sortering', en: 'Sort order' },
  view: { nb: 'Visning', en: 'View' },
  dueWithinHours: { nb: 'Frist innen (timer)', en: 'Due within (hours)' },
  overdue: { nb: 'Fristen er passert', en: 'Overdue' },
  format: { nb: 'Format', en: 'Format' },
  maskNationalIds: { nb: 'Masker fødselsnumre', en: 'Mask national identity numbers' },
  targetId: { nb: 'Hva loggen gjelder', en: 'What the log is about' },
  targetType: { nb: 'Hva loggen gjelder', en: 'What the log is about' },
  from: { nb: 'Fra', en: 'From' },
  to: { nb: 'Til', en: 'To' },
} as const satisfies Record<string, Words>;

/** A code of the dashboard's catalogue that takes no parameters, in one language. */
const dashboardWord = (code: keyof DashboardMessageParams, lang: Lang) => (DASHBOARD_MESSAGES[code] as Record<Lang, (p: unknown) => string>)[lang]({});

/**
 * The field's name as the screens say it, for the timeline's changes and for errors that name a field:
 * a path not listed takes its nearest listed parent's, and a list index is dropped.
 */
export function fieldLabel(path: string, lang: Lang): string {
  const parts = path.replace(/^(body|query|params)\./, '').split('.').filter((p) => !/^\d+$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    const screen = SCREEN_FIELDS[key];
    if (screen) return dashboardWord(screen, lang);
    const label = (FIELD_LABELS as Record<string, Words>)[key];
    if (label) return label[lang];
  }
  return FIELD_LABELS['(field)'][lang];
}

/** Codes the incident stores, as people read them. */
export const INCIDENT_WORDS = {
  triage: { nb: 'triage', en: 'triage' },
  open: { nb: 'åpen', en: 'open' },
  closed: { nb: 'lukket', en: 'closed' },
  'not-started': { nb: 'ikke startet', en: 'not started' },
  running: { nb: 'går', en: 'running' },
  stopped: { nb: 'stoppet', en: 'stopped' },
  notified: { nb: 'meldt til Datatilsynet', en: 'notified to Datatilsynet' },
  'not-notifiable': { nb: 'ikke meldepliktig', en: 'not notifiable' },
  'not-a-breach': { nb: 'ikke et brudd', en: 'not a breach' },
  'controller-informed': { nb: 'behandlingsansvarlig varslet', en: 'controller informed' },
  controller: { nb: 'behandlingsansvarlig', en: 'controller' },
  processor: { nb: 'databehandler', en: 'processor' },
  complete: { nb: 'fullstendig', en: 'complete' },
  initial: { nb: 'foreløpig', en: 'initial' },
  supplementary: { nb: 'supplerende', en: 'supplementary' },
  final: { nb: 'endelig', en: 'final' },
  altinn: { nb: 'Altinn', en: 'Altinn' },
  email: { nb: 'e-post', en: 'e-mail' },
  post: { nb: 'post', en: 'post' },
  phone: { nb: 'telefon', en: 'phone' },
  letter: { nb: 'brev', en: 'letter' },
  sms: { nb: 'SMS', en: 'text message' },
  web: { nb: 'nettsiden', en: 'the website' },
  yes: { nb: 'ja', en: 'yes' },
  no: { nb: 'nei', en: 'no' },
  empty: { nb: 'ikke oppgitt', en: 'not given' },
} as const satisfies Record<string, Words>;
export type IncidentWord = keyof typeof INCIDENT_WORDS;

/** What each timeline entry says; the entry stores its kind and these parameters, and is worded when read. */
export interface TimelineMessageParams {
  'timeline.created': NoParams;
  /** `reason`: why the time of awareness lies in the past (entries from before it have none). */
  'timeline.created-aware': { reason?: string };
  'timeline.updated': { fields: string[] };
  'timeline.awareness-declared': { reason?: string };
  'timeline.awareness-declared-controller': { reason?: string };
  'timeline.people-told': { channel: string; audience: string };
  'timeline.public-informed': { channel: string; audience: string };
  'timeline.awareness-corrected': { reason: string };
  'timeline.clock-stopped': { stopReason: 'notified' | 'not-notifiable' | 'not-a-breach'; note: string };
  'timeline.clock-resumed': { reason: string };
  'timeline.submission': { phase: string; channel: string; reference?: string };
  'timeline.notified': { phase: string; channel: string; reference: string };
  'timeline.decided-not-notifiable': { reason: string };
  'timeline.decided-notify': NoParams;
  'timeline.controller-informed': { channel: string; note: string };
  'timeline.closed': { reason: string; notABreach: boolean };
  'timeline.reopened': { reason: string };
  /** The risk assessment ran: the level it found and what it recommends. */
  'timeline.assessed': { risk: string; notifySA: boolean; notifySubjects: boolean; exemption: string | null };
  /**
   * A decision on notification: what was decided, the Art. 34(3) ground and its evidence (as the DPO wrote it;
   * `measuresAt` an instant), and the reasoning.
   */
  'timeline.decided': { notifySA: boolean; notifySubjects: boolean; exemption: string | null; evidence: string; measuresAt: string | null; reason: string };
  'timeline.notice-drafted': { kind: string; phase: string; lang: string };
  'timeline.notice-approved': { kind: string; phase: string };
  /** How many people a list of them holds (people are kept by id). */
  'timeline.people': { n: number };
  /** One changed field under an entry: its name as the screens say it, then both values as text. */
  'timeline.change': { label: string; from: string; to: string };
}
export type TimelineMessage = MessageOf<TimelineMessageParams>;

const word = (code: string, lang: Lang) => (INCIDENT_WORDS as Record<string, Words>)[code]?.[lang] ?? code;
const withNote = (note: string) => (note ? `: ${note}` : '');
/** A closed-vocabulary value as the dashboard words it (`risk.high`, `exemption.encrypted`, `noticeKind.subject`). */
const dashboardValue = (prefix: string, value: string, lang: Lang) => {
  const code = `${prefix}.${value}`;
  return Object.hasOwn(DASHBOARD_MESSAGES, code) ? dashboardWord(code as keyof DashboardMessageParams, lang) : word(value, lang);
};
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);
const backdated = { nb: (reason = '') => (reason ? `. Tidspunktet ligger tilbake i tid: ${reason}` : ''), en: (reason = '') => (reason ? `. The time lies in the past: ${reason}` : '') };
const LANGUAGE_NAMES: Readonly<Record<string, Words>> = { nb: { nb: 'bokmål', en: 'Norwegian' }, en: { nb: 'engelsk', en: 'English' } };
/** How people were told: the channel worded, then who (as the DPO wrote it). */
const how = (p: { channel: string; audience: string }, lang: Lang) => `${word(p.channel, lang)}${p.audience ? `: ${p.audience}` : ''}`;

export const TIMELINE_MESSAGES: Catalogue<TimelineMessageParams> = {
  'timeline.created': { nb: () => 'Saken registrert i triage', en: () => 'Incident logged in triage' },
  'timeline.created-aware': {
    nb: (p) => `Saken registrert; kjennskap erklært, klokken startet${backdated.nb(p.reason)}`,
    en: (p) => `Incident logged; awareness declared, clock started${backdated.en(p.reason)}`,
  },
  // The changes are listed under the entry, each by the form's own question.
  'timeline.updated': {
    nb: (p) => `Saken endret (${p.fields.length} felt)`,
    en: (p) => `Incident changed (${p.fields.length} ${p.fields.length === 1 ? 'field' : 'fields'})`,
  },
  'timeline.awareness-declared': {
    nb: (p) => `Kjennskap erklært; 72-timersklokken startet${backdated.nb(p.reason)}`,
    en: (p) => `Awareness declared; the 72-hour clock started${backdated.en(p.reason)}`,
  },
  'timeline.awareness-declared-controller': {
    nb: (p) => `Kjennskap erklært; klokken for å varsle behandlingsansvarlig startet${backdated.nb(p.reason)}`,
    en: (p) => `Awareness declared; the clock to inform the controller started${backdated.en(p.reason)}`,
  },
  'timeline.people-told': { nb: (p) => `De berørte ble varslet (${how(p, 'nb')})`, en: (p) => `The people affected were told (${how(p, 'en')})` },
  'timeline.public-informed': { nb: (p) => `Offentlig informasjon publisert (${how(p, 'nb')})`, en: (p) => `Public communication published (${how(p, 'en')})` },
  'timeline.awareness-corrected': { nb: (p) => `Tidspunkt for kjennskap korrigert: ${p.reason}`, en: (p) => `Awareness corrected: ${p.reason}` },
  'timeline.clock-stopped': {
    nb: (p) => `Klokken stoppet (${word(p.stopReason, 'nb')})${withNote(p.note)}`,
    en: (p) => `Clock stopped (${word(p.stopReason, 'en')})${withNote(p.note)}`,
  },
  'timeline.clock-resumed': { nb: (p) => `Klokken går igjen mot samme frist: ${p.reason}`, en: (p) => `Clock resumed against the same deadline: ${p.reason}` },
  'timeline.submission': {
    nb: (p) => `Melding til Datatilsynet registrert (${word(p.phase, 'nb')}, ${word(p.channel, 'nb')}${p.reference ? `, referanse ${p.reference}` : ''})`,
    en: (p) => `Notification to Datatilsynet recorded (${word(p.phase, 'en')}, ${word(p.channel, 'en')}${p.reference ? `, reference ${p.reference}` : ''})`,
  },
  'timeline.notified': {
    nb: (p) => `Meldt til Datatilsynet (${word(p.phase, 'nb')}, ${word(p.channel, 'nb')}${p.reference ? `, referanse ${p.reference}` : ''}); klokken stoppet`,
    en: (p) => `Notified to Datatilsynet (${word(p.phase, 'en')}, ${word(p.channel, 'en')}${p.reference ? `, reference ${p.reference}` : ''}); the clock stopped`,
  },
  'timeline.decided-not-notifiable': {
    nb: (p) => `Beslutning: ikke meldepliktig; klokken stoppet${withNote(p.reason)}`,
    en: (p) => `Decision: not notifiable; the clock stopped${withNote(p.reason)}`,
  },
  'timeline.decided-notify': {
    nb: () => 'Beslutning: meldes til Datatilsynet; klokken går igjen mot samme frist',
    en: () => 'Decision: notify Datatilsynet; the clock runs again against the same deadline',
  },
  'timeline.controller-informed': {
    nb: (p) => `Behandlingsansvarlig varslet via ${word(p.channel, 'nb')}${withNote(p.note)}`,
    en: (p) => `Controller informed via ${word(p.channel, 'en')}${withNote(p.note)}`,
  },
  'timeline.closed': {
    nb: (p) => `Lukket${p.notABreach ? ' (ikke et brudd på personopplysningssikkerheten)' : ''}: ${p.reason}`,
    en: (p) => `Closed${p.notABreach ? ' (not a personal-data breach)' : ''}: ${p.reason}`,
  },
  'timeline.reopened': { nb: (p) => `Gjenåpnet: ${p.reason}`, en: (p) => `Reopened: ${p.reason}` },
  'timeline.assessed': {
    nb: (p) =>
      `Risikovurdering kjørt: ${lowerFirst(dashboardValue('risk', p.risk, 'nb'))}. Anbefaling: ${p.notifySA ? 'meld til Datatilsynet' : 'ikke meld til Datatilsynet'}, ` +
      `${p.notifySubjects ? 'varsle de berørte' : 'ikke varsle de berørte'}${p.exemption ? ` (unntak: ${lowerFirst(dashboardValue('exemption', p.exemption, 'nb'))})` : ''}`,
    en: (p) =>
      `Risk assessment run: ${lowerFirst(dashboardValue('risk', p.risk, 'en'))}. Recommendation: ${p.notifySA ? 'notify Datatilsynet' : 'do not notify Datatilsynet'}, ` +
      `${p.notifySubjects ? 'tell the people affected' : 'do not tell the people affected'}${p.exemption ? ` (exemption: ${lowerFirst(dashboardValue('exemption', p.exemption, 'en'))})` : ''}`,
  },
  'timeline.decided': {
    nb: (p) =>
      `Beslutning registrert: ${p.notifySA ? 'meldes til Datatilsynet' : 'meldes ikke til Datatilsynet'}; ${p.notifySubjects ? 'de berørte varsles' : 'de berørte varsles ikke'}` +
      (p.exemption ? `. Unntak etter art. 34 nr. 3: ${lowerFirst(dashboardValue('exemption', p.exemption, 'nb'))}. Dokumentasjon: ${p.evidence}${p.measuresAt ? ` (på plass ${formatMoment(new Date(p.measuresAt), 'nb')})` : ''}` : '') +
      (p.reason ? `. Begrunnelse: ${p.reason}` : ''),
    en: (p) =>
      `Decision recorded: ${p.notifySA ? 'notify Datatilsynet' : 'do not notify Datatilsynet'}; ${p.notifySubjects ? 'tell the people affected' : 'do not tell the people affected'}` +
      (p.exemption ? `. Exemption under Art. 34(3): ${lowerFirst(dashboardValue('exemption', p.exemption, 'en'))}. Evidence: ${p.evidence}${p.measuresAt ? ` (in place ${formatMoment(new Date(p.measuresAt), 'en')})` : ''}` : '') +
      (p.reason ? `. Reasoning: ${p.reason}` : ''),
  },
  'timeline.notice-drafted': {
    nb: (p) => `Utkast laget: ${lowerFirst(dashboardValue('noticeKind', p.kind, 'nb'))} (${word(p.phase, 'nb')}, ${LANGUAGE_NAMES[p.lang]?.nb ?? p.lang})`,
    en: (p) => `Draft written: ${lowerFirst(dashboardValue('noticeKind', p.kind, 'en'))} (${word(p.phase, 'en')}, ${LANGUAGE_NAMES[p.lang]?.en ?? p.lang})`,
  },
  'timeline.notice-approved': {
    nb: (p) => `Godkjent: ${lowerFirst(dashboardValue('noticeKind', p.kind, 'nb'))} (${word(p.phase, 'nb')}); teksten er nå låst`,
    en: (p) => `Approved: ${lowerFirst(dashboardValue('noticeKind', p.kind, 'en'))} (${word(p.phase, 'en')}); the text is now frozen`,
  },
  'timeline.people': { nb: (p) => `${p.n} ${p.n === 1 ? 'person' : 'personer'}`, en: (p) => `${p.n} ${p.n === 1 ? 'person' : 'people'}` },
  // A question needs no colon after its question mark.
  'timeline.change': {
    nb: (p) => `${p.label}${p.label.endsWith('?') ? '' : ':'} ${p.from} → ${p.to}`,
    en: (p) => `${p.label}${p.label.endsWith('?') ? '' : ':'} ${p.from} → ${p.to}`,
  },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Free text longer than this is cut at a word in the timeline; the field itself holds all of it. */
const LONGEST_TEXT = 120;

/** The closed list each stored field's values come from, by the field's path: worded as the facts form offers them. */
const FIELD_VOCABULARY: Readonly<Record<string, string>> = {
  breachTypes: 'breachType',
  'cause.kind': 'cause',
  unauthorisedAccess: 'access',
  exfiltration: 'exfiltration',
  'recipients.type': 'recipient',
  misuseObserved: 'misuse',
  availabilityImpact: 'availability',
  dataDetail: 'dataDetail',
  'subjects.reachEffort': 'reachEffort',
  'subjects.count.kind': 'countKind',
  'records.kind': 'countKind',
  role: 'roleOfIncident',
  status: 'status',
  'clock.state': 'clockState',
  'clock.stopReason': 'stopReason',
  'controller.informedChannel': 'channel',
};
const FIELD_TABLES: Readonly<Record<string, Readonly<Record<string, Words>>>> = { dataCategories: CATEGORY_LABELS, likelyConsequences: CONSEQUENCE_LABELS };

/** Ids are for machines: a change of one is said by the name beside it (the owner's), never shown. */
export const isIdPath = (path: string): boolean => /(^|\.)(_?id|\w+Id)$/.test(path);

function codeText(field: string, code: string, lang: Lang): string | undefined {
  const table = FIELD_TABLES[field];
  if (table) return table[code]?.[lang];
  const prefix = FIELD_VOCABULARY[field];
  const key = `${prefix}.${code}`;
  return prefix && Object.hasOwn(DASHBOARD_MESSAGES, key) ? dashboardWord(key as keyof DashboardMessageParams, lang) : undefined;
}

/**
 * A recorded value of a field as a person reads it: times in Oslo time, codes as the form words them, yes
 * or no, counts, lists, people by name (several by how many), long text cut at a word. Never a raw code or id.
 */
export function valueText(field: string, value: unknown, lang: Lang): string {
  const empty = INCIDENT_WORDS.empty[lang];
  if (value === null || value === undefined || value === '') return empty;
  if (value instanceof Date) return formatMoment(value, lang);
  if (typeof value === 'boolean') return INCIDENT_WORDS[value ? 'yes' : 'no'][lang];
  if (typeof value === 'number') return Number.isInteger(value) ? groupDigits(value) : formatDecimal(value, lang);
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatMoment(new Date(value), lang);
    const worded = codeText(field, value, lang);
    if (worded !== undefined) return worded;
    return value.length > LONGEST_TEXT ? `${value.slice(0, value.lastIndexOf(' ', LONGEST_TEXT - 2))} …` : value;
  }
  if (Array.isArray(value)) {
    if (!value.length) return empty;
    // People are kept by id: the timeline says how many, and the facts form names them.
    if (field === 'assignees') return TIMELINE_MESSAGES['timeline.people'][lang]({ n: value.length });
    return joinList(value.map((v) => valueText(field, v, lang)), lang);
  }
  if (typeof value !== 'object') return empty;
  const record = value as Record<string, unknown>;
  if (typeof record.kind === 'string' && 'value' in record) {
    // A notice says an unknown count will follow; the timeline says it as the form does.
    return record.kind === 'unknown' ? dashboardWord('countKind.unknown', lang) : formatCount(record as unknown as Count, lang);
  }
  if (typeof record.name === 'string') return record.name;
  if (typeof record.what === 'string') return `${record.what}${record.at ? ` (${valueText('at', record.at, lang)})` : ''}`;
  if (typeof record.reason === 'string') return record.reason;
  const parts = Object.entries(record)
    .filter(([k, v]) => !isIdPath(k) && v !== null && v !== '' && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => valueText(`${field}.${k}`, v, lang));
  return parts.join(', ') || empty;
}
