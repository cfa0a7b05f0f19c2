import { formatCount, formatMoment, joinList, type Count } from '../format.js';
import type { Lang } from './catalogue.js';
import { BREACH_TYPE_LABELS, CATEGORY_LABELS, CONSEQUENCE_LABELS } from './vocabulary.messages.js';
import type { Catalogue, MessageOf, NoParams } from './catalogue.js';

type Words = Readonly<Record<Lang, string>>;

/**
 * Each field as the screens name it, by its path in the incident (and in requests), for the timeline's
 * changes and for errors that name a field. A path not listed is named by its nearest listed parent.
 */
export const FIELD_LABELS = {
  '(root)': { nb: 'Forespørselen', en: 'The request' },
  '(body)': { nb: 'Innholdet', en: 'The body' },
  title: { nb: 'Hva har skjedd', en: 'What happened' },
  description: { nb: 'Beskrivelse (intern)', en: 'Description (internal)' },
  outwardDescription: { nb: 'Beskrivelse for meldinger og varsler', en: 'Description for notices' },
  adviceToSubjects: { nb: 'Råd til de berørte', en: 'Advice to the people' },
  status: { nb: 'Status', en: 'Status' },
  breachTypes: { nb: 'Type brudd', en: 'Type of breach' },
  cause: { nb: 'Årsak', en: 'Cause' },
  'cause.kind': { nb: 'Type årsak', en: 'Kind of cause' },
  'cause.vector': { nb: 'Hvordan det skjedde', en: 'How it happened' },
  'cause.description': { nb: 'Årsak', en: 'Cause' },
  role: { nb: 'Vår rolle', en: 'Our role' },
  controller: { nb: 'Behandlingsansvarlig', en: 'Controller' },
  'controller.name': { nb: 'Behandlingsansvarlig', en: 'Controller' },
  'controller.contact': { nb: 'Kontakt hos behandlingsansvarlig', en: "Controller's contact" },
  'controller.targetAt': { nb: 'Frist for å varsle behandlingsansvarlig', en: 'Target for informing the controller' },
  'controller.informedAt': { nb: 'Behandlingsansvarlig varslet', en: 'Controller informed' },
  occurred: { nb: 'Når det skjedde', en: 'When it happened' },
  'occurred.from': { nb: 'Skjedde fra', en: 'Happened from' },
  'occurred.to': { nb: 'Skjedde til', en: 'Happened until' },
  'occurred.approximate': { nb: 'Omtrentlig tidspunkt', en: 'Approximate time' },
  detected: { nb: 'Oppdaget', en: 'Detected' },
  'detected.at': { nb: 'Oppdaget', en: 'Detected' },
  'detected.by': { nb: 'Oppdaget av', en: 'Detected by' },
  awareness: { nb: 'Kjennskap til bruddet', en: 'Awareness' },
  'awareness.at': { nb: 'Kjent fra', en: 'Aware since' },
  awareAt: { nb: 'Kjent fra', en: 'Aware since' },
  at: { nb: 'Tidspunkt', en: 'Time' },
  evidence: { nb: 'Hva gjorde bruddet rimelig sikkert?', en: 'What made the breach reasonably certain?' },
  awarenessEvidence: { nb: 'Hva gjorde bruddet rimelig sikkert?', en: 'What made the breach reasonably certain?' },
  reason: { nb: 'Begrunnelse', en: 'Reason' },
  awarenessReason: { nb: 'Begrunnelse', en: 'Reason' },
  'clock.deadline': { nb: 'Frist', en: 'Deadline' },
  'clock.state': { nb: 'Klokke', en: 'Clock' },
  dataCategories: { nb: 'Typer personopplysninger', en: 'Kinds of personal data' },
  dataDetail: { nb: 'Hvor mye opplysningene sier om hver person', en: 'How much the data says about each person' },
  sensitiveRelationship: { nb: 'Avslører et sensitivt forhold', en: 'Reveals a sensitive relationship' },
  subjects: { nb: 'Berørte personer', en: 'People affected' },
  'subjects.groups': { nb: 'Grupper av berørte', en: 'Groups of people affected' },
  'subjects.count': { nb: 'Antall berørte personer', en: 'Number of people affected' },
  'subjects.vulnerable': { nb: 'Sårbare personer', en: 'Vulnerable people' },
  'subjects.canBeReached': { nb: 'Kan nås hver for seg', en: 'Can be reached one by one' },
  'subjects.reachEffort': { nb: 'Innsats for å nå dem', en: 'Effort to reach them' },
  'subjects.reachNote': { nb: 'Merknad om å nå dem', en: 'Note on reaching them' },
  records: { nb: 'Antall poster', en: 'Number of records' },
  systems: { nb: 'Berørte systemer', en: 'Systems affected' },
  dataLocation: { nb: 'Hvor dataene er nå', en: 'Where the data is now' },
  encryption: { nb: 'Kryptering', en: 'Encryption' },
  'encryption.dataEncrypted': { nb: 'Dataene var kryptert', en: 'The data was encrypted' },
  'encryption.stateOfTheArt': { nb: 'Oppdatert kryptering', en: 'State-of-the-art encryption' },
  'encryption.keyCompromised': { nb: 'Nøkkelen er kompromittert', en: 'The key is compromised' },
  'encryption.keyCustody': { nb: 'Hvor nøkkelen var', en: 'Where the key was kept' },
  backup: { nb: 'Sikkerhetskopi', en: 'Backup' },
  'backup.available': { nb: 'Sikkerhetskopi finnes', en: 'A backup exists' },
  'backup.restored': { nb: 'Gjenopprettet', en: 'Restored' },
  'backup.restoreHours': { nb: 'Timer til gjenoppretting', en: 'Hours to restore' },
  'backup.note': { nb: 'Merknad om sikkerhetskopi', en: 'Note on the backup' },
  availabilityImpact: { nb: 'Utilgjengelighet', en: 'Loss of availability' },
  outageHarmedPeople: { nb: 'Utilgjengeligheten skadet personer', en: 'The outage harmed people' },
  exfiltration: { nb: 'Kopiert ut', en: 'Exfiltration' },
  unauthorisedAccess: { nb: 'Uvedkommendes tilgang', en: 'Unauthorised access' },
  misuseObserved: { nb: 'Misbruk observert', en: 'Misuse observed' },
  recipients: { nb: 'Mottakere', en: 'Recipients' },
  'recipients.type': { nb: 'Hvem fikk opplysningene', en: 'Who received the data' },
  'recipients.confirmedDeletion': { nb: 'Mottakeren har bekreftet sletting', en: 'The recipient confirmed deletion' },
  'recipients.count': { nb: 'Antall mottakere', en: 'Number of recipients' },
  'recipients.note': { nb: 'Merknad om mottakerne', en: 'Note on the recipients' },
  neutralised: { nb: 'Opplysningene er gjort uskadelige', en: 'The data was neutralised' },
  likelyConsequences: { nb: 'Hva kan skje med de berørte', en: 'What could happen to the people' },
  consequences: { nb: 'Sannsynlige konsekvenser', en: 'Likely consequences' },
  measuresTaken: { nb: 'Tiltak som er gjennomført', en: 'Measures taken' },
  measuresPlanned: { nb: 'Tiltak som er planlagt', en: 'Measures planned' },
  mitigations: { nb: 'Avbøtende tiltak', en: 'Mitigations' },
  owner: { nb: 'Ansvarlig', en: 'Owner' },
  ownerId: { nb: 'Ansvarlig', en: 'Owner' },
  assignees: { nb: 'Tildelt', en: 'Assigned to' },
  restricted: { nb: 'Begrenset tilgang', en: 'Restricted access' },
  closure: { nb: 'Lukking', en: 'Closure' },
  followUp: { nb: 'Oppfølging', en: 'Follow-up' },
  version: { nb: 'Versjon', en: 'Version' },
  sentAt: { nb: 'Sendt', en: 'Sent' },
  channel: { nb: 'Kanal', en: 'Channel' },
  reference: { nb: 'Referanse', en: 'Reference' },
  phase: { nb: 'Fase', en: 'Phase' },
  noticeId: { nb: 'Melding', en: 'Notice' },
  delayReasons: { nb: 'Grunner til forsinkelsen', en: 'Reasons for the delay' },
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
} as const satisfies Record<string, Words>;

/** The field's name as the screens say it; a path not listed takes its nearest listed parent's, and a list index is dropped. */
export function fieldLabel(path: string, lang: Lang): string {
  const parts = path.replace(/^(body|query|params)\./, '').split('.').filter((p) => !/^\d+$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const label = (FIELD_LABELS as Record<string, Words>)[parts.slice(0, n).join('.')];
    if (label) return label[lang];
  }
  return path;
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
  empty: { nb: '–', en: '–' },
} as const satisfies Record<string, Words>;
export type IncidentWord = keyof typeof INCIDENT_WORDS;

/** What each timeline entry says; the entry stores its kind and these parameters, and is worded when read. */
export interface TimelineMessageParams {
  'timeline.created': NoParams;
  'timeline.created-aware': NoParams;
  'timeline.updated': { fields: string[] };
  'timeline.awareness-declared': NoParams;
  'timeline.awareness-declared-controller': NoParams;
  'timeline.people-told': { channel: string; audience: string };
  'timeline.public-informed': { channel: string; audience: string };
  'timeline.awareness-corrected': { reason: string };
  'timeline.clock-stopped': { stopReason: 'notified' | 'not-notifiable' | 'not-a-breach'; note: string };
  'timeline.clock-resumed': { reason: string };
  'timeline.submission': { phase: string; channel: string };
  'timeline.controller-informed': { channel: string; note: string };
  'timeline.closed': { reason: string; notABreach: boolean };
  'timeline.reopened': { reason: string };
}
export type TimelineMessage = MessageOf<TimelineMessageParams>;

const word = (code: string, lang: Lang) => (INCIDENT_WORDS as Record<string, Words>)[code]?.[lang] ?? code;
const withNote = (note: string) => (note ? `: ${note}` : '');
/** How people were told: the channel worded, then who (as the DPO wrote it). */
const how = (p: { channel: string; audience: string }, lang: Lang) => `${word(p.channel, lang)}${p.audience ? `: ${p.audience}` : ''}`;

export const TIMELINE_MESSAGES: Catalogue<TimelineMessageParams> = {
  'timeline.created': { nb: () => 'Saken registrert i triage', en: () => 'Incident logged in triage' },
  'timeline.created-aware': { nb: () => 'Saken registrert; kjennskap erklært, klokken startet', en: () => 'Incident logged; awareness declared, clock started' },
  'timeline.updated': {
    nb: (p) => `Endret ${p.fields.map((f) => fieldLabel(f, 'nb').toLowerCase()).join(', ')}`,
    en: (p) => `Changed ${p.fields.map((f) => fieldLabel(f, 'en').toLowerCase()).join(', ')}`,
  },
  'timeline.awareness-declared': { nb: () => 'Kjennskap erklært; 72-timersklokken startet', en: () => 'Awareness declared; the 72-hour clock started' },
  'timeline.awareness-declared-controller': {
    nb: () => 'Kjennskap erklært; klokken for å varsle behandlingsansvarlig startet',
    en: () => 'Awareness declared; the clock to inform the controller started',
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
    nb: (p) => `Melding registrert (${word(p.phase, 'nb')}, ${word(p.channel, 'nb')})`,
    en: (p) => `Notification recorded (${word(p.phase, 'en')}, ${word(p.channel, 'en')})`,
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
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const WORD_TABLES: Readonly<Record<string, Words>>[] = [INCIDENT_WORDS, CATEGORY_LABELS, CONSEQUENCE_LABELS, BREACH_TYPE_LABELS];

/** A recorded value as a person reads it: times in Oslo time, codes as words, yes/no, counts, lists, names. */
export function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return INCIDENT_WORDS.empty[lang];
  if (value instanceof Date) return formatMoment(value, lang);
  if (typeof value === 'boolean') return INCIDENT_WORDS[value ? 'yes' : 'no'][lang];
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatMoment(new Date(value), lang);
    for (const table of WORD_TABLES) if (Object.hasOwn(table, value)) return table[value]![lang];
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? joinList(value.map((v) => valueText(v, lang)), lang) : INCIDENT_WORDS.empty[lang];
  const record = value as Record<string, unknown>;
  if (typeof record.kind === 'string' && 'value' in record) return formatCount(record as unknown as Count, lang);
  if (typeof record.name === 'string') return record.name;
  if (typeof record.what === 'string') return `${record.what}${record.at ? ` (${valueText(record.at, lang)})` : ''}`;
  return Object.values(record).filter((v) => v !== null && v !== '').map((v) => valueText(v, lang)).join(', ') || INCIDENT_WORDS.empty[lang];
}
