export type Lang = 'nb' | 'en';

const nb = {
  appName: 'Breach Clock', board: 'Saker', newIncident: 'Ny sak', oncall: 'Vakt', templates: 'Maler', register: 'Register', signOut: 'Logg ut',
  signIn: 'Logg inn', email: 'E-post', password: 'Passord', title: 'Hva har skjedd?', description: 'Beskrivelse', awareNow: 'Vi er kjent med bruddet nå (klokken starter)',
  triage: 'Triage (ikke bekreftet ennå)', create: 'Opprett sak', deadline: 'Frist', left: 'igjen', overdue: 'Fristen er passert', noDeadline: 'I triage – ingen frist ennå',
  status: 'Status', owner: 'Ansvarlig', acknowledge: 'Kvitter', acknowledged: 'Kvittert', alerts: 'Aktive varsler', onCallNow: 'På vakt nå', nobody: 'Ingen',
  exportCsv: 'Last ned CSV', approve: 'Godkjenn', reject: 'Avvis', assess: 'Vurder risiko', preview: 'Forhåndsvis melding', timeline: 'Tidslinje', clock: 'Klokke',
  language: 'English', stalled: 'Planleggeren har stoppet – varsler går kanskje ikke ut!', fnrWarning: 'Teksten inneholder fødselsnummer.', missing: 'Mangler',
  draft: 'Lag utkast', approveNotice: 'Godkjenn melding', notified: 'Meldt', month: 'Måned', hoursToNotify: 'Timer til melding',
  alerted: 'varslet', restricted: 'begrenset tilgang', notices: 'Meldinger', submissions: 'Innsendt til Datatilsynet', copy: 'Kopier',
  line72: 'Grønt: innen 72 timer. Rødt: etter fristen.', admin: 'Admin', auditOk: 'Revisjonsloggen er hel', auditBroken: 'Revisjonsloggen er brutt',
  conflict: 'Noen andre har endret saken i mellomtiden. Last inn på nytt og prøv igjen.', mainMenu: 'Hovedmeny', languageCode: 'en',
  facts: 'Fakta', edit: 'Rediger', save: 'Lagre', cancel: 'Avbryt', saved: 'Lagret', consequences: 'Sannsynlige konsekvenser',
  measuresTaken: 'Tiltak som er gjennomført', measuresPlanned: 'Tiltak som er planlagt', dataLocation: 'Hvor dataene er nå', systems: 'Berørte systemer (ett per linje)',
  dataCategories: 'Typer personopplysninger', subjectCount: 'Antall berørte personer (omtrent)', recordCount: 'Antall poster (omtrent)', countKind: 'Hvor sikkert',
  breachTypes: 'Type brudd', role: 'Vår rolle', cause: 'Årsak', awareness: 'Kjennskap til bruddet', declareAware: 'Erklær kjennskap (start klokken)',
  correctAware: 'Korriger tidspunktet', awareAt: 'Kjent fra', evidence: 'Hva gjorde bruddet rimelig sikkert?', reason: 'Begrunnelse',
  decision: 'Beslutning', recordDecision: 'Registrer beslutning', notifySA: 'Meld til Datatilsynet', notifySubjects: 'Varsle de berørte', exemption: 'Unntak (art. 34 nr. 3)',
  none: 'Ingen', recommendation: 'Anbefaling', risk: 'Risiko', recordSubmission: 'Registrer innsending', sentAt: 'Sendt', channel: 'Kanal', reference: 'Referanse (Altinn)',
  phase: 'Fase', delayReasons: 'Grunner til forsinkelsen (kreves etter fristen)', notNotifiable: 'Ikke meldepliktig', resume: 'Gjenåpne klokken', closeIncident: 'Lukk saken',
  reopen: 'Gjenåpne saken', notABreach: 'Det var ikke et brudd på personopplysningssikkerheten', actions: 'Handlinger', nextAction: 'Neste steg',
  versions: 'Versjoner', diff: 'Vis endringer', newVersion: 'Ny versjon', submit: 'Send til godkjenning', comment: 'Kommentar', subjectLine: 'Emne', bodyHtml: 'HTML', bodyText: 'Ren tekst',
  sample: 'Forhåndsvisning mot eksempelsaken', author: 'Forfatter', version: 'Versjon', kind: 'Type', inForce: 'i bruk', users: 'Brukere', rotas: 'Vaktlister',
  newRota: 'Ny vaktliste', likelyConsequencesQuestion: 'Hva kan skje med de berørte? (det risikovurderingen veier)', newUser: 'Ny bruker', initialPassword: 'Første passord (minst 12 tegn; brukeren bytter det)', name: 'Navn', members: 'Medlemmer (i rekkefølge)', secondLine: 'Andrelinje', startsAt: 'Første vaktskifte', webhookUrl: 'Webhook (Slack/Teams)',
  channels: 'Varslingskanaler', emailOn: 'E-post', roles: 'Roller', active: 'Aktiv', nextHandover: 'Neste vaktskifte', late: 'for sent', escalated: 'eskalert',
  dueWithin: 'Frist innen (timer)', filter: 'Filter', all: 'Alle', search: 'Søk', showing: 'viser', milestones: 'Milepæler', hoursLeft: 'timer igjen',
  w_triage: 'Triage', w_open: 'Åpen', w_closed: 'Lukket', w_running: 'går', w_stopped: 'stoppet', w_not_started: 'ikke startet', w_notified: 'meldt',
  w_not_notifiable: 'ikke meldepliktig', w_not_a_breach: 'ikke et brudd', w_controller_informed: 'behandlingsansvarlig varslet', w_draft: 'utkast',
  w_submitted: 'til godkjenning', w_approved: 'godkjent', w_rejected: 'avvist', w_superseded: 'erstattet', w_sent: 'sendt', w_authority: 'Datatilsynet',
  w_subject: 'de berørte', w_public: 'offentlig', w_controller: 'behandlingsansvarlig', w_processor: 'databehandler', w_complete: 'fullstendig', w_initial: 'foreløpig',
  w_supplementary: 'supplerende', w_final: 'endelig', w_altinn: 'Altinn', w_email: 'e-post', w_post: 'post', w_phone: 'telefon', w_low: 'lav', w_medium: 'middels',
  w_high: 'høy', w_risk: 'risiko', w_unlikely: 'neppe risiko', w_none: 'ingen', w_encrypted: 'kryptert/uleselig', w_mitigated: 'tiltak fjerner høy risiko', w_disproportionate: 'uforholdsmessig innsats',
  w_exact: 'nøyaktig', w_estimate: 'anslag', w_range: 'intervall', w_unknown: 'ukjent', w_confidentiality: 'konfidensialitet', w_integrity: 'integritet', w_availability: 'tilgjengelighet',
  w_milestone: 'milepæl', w_overdue: 'fristen passert', w_deadline: 'frist', w_yes: 'ja', w_no: 'nei', w_pending: 'venter', w_failed: 'feilet',
};
const en: typeof nb = {
  appName: 'Breach Clock', board: 'Incidents', newIncident: 'New incident', oncall: 'On call', templates: 'Templates', register: 'Register', signOut: 'Sign out',
  signIn: 'Sign in', email: 'E-mail', password: 'Password', title: 'What happened?', description: 'Description', awareNow: 'We are aware of the breach now (the clock starts)',
  triage: 'Triage (not confirmed yet)', create: 'Create incident', deadline: 'Deadline', left: 'left', overdue: 'Deadline passed', noDeadline: 'In triage – no deadline yet',
  status: 'Status', owner: 'Owner', acknowledge: 'Acknowledge', acknowledged: 'Acknowledged', alerts: 'Active alerts', onCallNow: 'On call now', nobody: 'Nobody',
  exportCsv: 'Download CSV', approve: 'Approve', reject: 'Reject', assess: 'Assess risk', preview: 'Preview notice', timeline: 'Timeline', clock: 'Clock',
  language: 'Norsk', stalled: 'The scheduler has stopped – alerts may not go out!', fnrWarning: 'The text contains national identity numbers.', missing: 'Missing',
  draft: 'Draft', approveNotice: 'Approve notice', notified: 'Notified', month: 'Month', hoursToNotify: 'Hours to notify',
  alerted: 'alerted', restricted: 'restricted', notices: 'Notices', submissions: 'Filed with Datatilsynet', copy: 'Copy',
  line72: 'Green: within 72 hours. Red: after the deadline.', admin: 'Admin', auditOk: 'The audit log is intact', auditBroken: 'The audit log is broken',
  conflict: 'Someone else changed this incident meanwhile. Reload and try again.', mainMenu: 'Main menu', languageCode: 'nb',
  facts: 'Facts', edit: 'Edit', save: 'Save', cancel: 'Cancel', saved: 'Saved', consequences: 'Likely consequences',
  measuresTaken: 'Measures taken', measuresPlanned: 'Measures planned', dataLocation: 'Where the data is now', systems: 'Systems affected (one per line)',
  dataCategories: 'Kinds of personal data', subjectCount: 'People affected (approximately)', recordCount: 'Records affected (approximately)', countKind: 'How certain',
  breachTypes: 'Breach type', role: 'Our role', cause: 'Cause', awareness: 'Awareness', declareAware: 'Declare awareness (start the clock)',
  correctAware: 'Correct the time', awareAt: 'Aware since', evidence: 'What made the breach reasonably certain?', reason: 'Reason',
  decision: 'Decision', recordDecision: 'Record decision', notifySA: 'Notify Datatilsynet', notifySubjects: 'Tell the people affected', exemption: 'Exemption (Art. 34(3))',
  none: 'None', recommendation: 'Recommendation', risk: 'Risk', recordSubmission: 'Record a filing', sentAt: 'Sent', channel: 'Channel', reference: 'Reference (Altinn)',
  phase: 'Phase', delayReasons: 'Reasons for the delay (required after the deadline)', notNotifiable: 'Not notifiable', resume: 'Restart the clock', closeIncident: 'Close incident',
  reopen: 'Reopen incident', notABreach: 'It was not a personal-data breach', actions: 'Actions', nextAction: 'Next step',
  versions: 'Versions', diff: 'Show changes', newVersion: 'New version', submit: 'Submit for approval', comment: 'Comment', subjectLine: 'Subject', bodyHtml: 'HTML', bodyText: 'Plain text',
  sample: 'Preview against the sample incident', author: 'Author', version: 'Version', kind: 'Kind', inForce: 'in force', users: 'Users', rotas: 'Rotas',
  newRota: 'New rota', likelyConsequencesQuestion: 'What could happen to the people? (what the risk assessment weighs)', newUser: 'New user', initialPassword: 'First password (at least 12 characters; the user changes it)', name: 'Name', members: 'Members (in order)', secondLine: 'Second line', startsAt: 'First handover', webhookUrl: 'Webhook (Slack/Teams)',
  channels: 'Alert channels', emailOn: 'E-mail', roles: 'Roles', active: 'Active', nextHandover: 'Next handover', late: 'late', escalated: 'escalated',
  dueWithin: 'Due within (hours)', filter: 'Filter', all: 'All', search: 'Search', showing: 'showing', milestones: 'Milestones', hoursLeft: 'hours left',
  w_triage: 'Triage', w_open: 'Open', w_closed: 'Closed', w_running: 'running', w_stopped: 'stopped', w_not_started: 'not started', w_notified: 'notified',
  w_not_notifiable: 'not notifiable', w_not_a_breach: 'not a breach', w_controller_informed: 'controller informed', w_draft: 'draft',
  w_submitted: 'awaiting approval', w_approved: 'approved', w_rejected: 'rejected', w_superseded: 'superseded', w_sent: 'sent', w_authority: 'Datatilsynet',
  w_subject: 'people affected', w_public: 'public', w_controller: 'controller', w_processor: 'processor', w_complete: 'complete', w_initial: 'initial',
  w_supplementary: 'supplementary', w_final: 'final', w_altinn: 'Altinn', w_email: 'e-mail', w_post: 'post', w_phone: 'phone', w_low: 'low', w_medium: 'medium',
  w_high: 'high', w_risk: 'a risk', w_unlikely: 'unlikely to be a risk', w_none: 'none', w_encrypted: 'encrypted/unintelligible', w_mitigated: 'measures remove the high risk', w_disproportionate: 'disproportionate effort',
  w_exact: 'exact', w_estimate: 'estimate', w_range: 'range', w_unknown: 'unknown', w_confidentiality: 'confidentiality', w_integrity: 'integrity', w_availability: 'availability',
  w_milestone: 'milestone', w_overdue: 'deadline passed', w_deadline: 'deadline', w_yes: 'yes', w_no: 'no', w_pending: 'pending', w_failed: 'failed',
};

export type Key = keyof typeof nb;
let lang: Lang = (localStorage.getItem('lang') as Lang | null) ?? 'nb';

export const t = (key: Key): string => (lang === 'nb' ? nb : en)[key];
/** A translation when there is one for this key. */
export const maybeT = (key: string): string | undefined => (lang === 'nb' ? nb : en)[key as Key] as string | undefined;
export const currentLang = (): Lang => lang;
export function toggleLang(): void {
  lang = lang === 'nb' ? 'en' : 'nb';
  localStorage.setItem('lang', lang);
  document.documentElement.lang = lang;
}

/** Oslo time for people; UTC on hover. */
export function osloTime(iso: string | null): { text: string; title: string } {
  if (!iso) return { text: '–', title: '' };
  const d = new Date(iso);
  const text = new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: 'Europe/Oslo', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(d);
  return { text, title: `${d.toISOString().replace('.000Z', 'Z')} UTC` };
}

/** "12 t 04 min" style countdown from milliseconds. */
export function countdown(ms: number): string {
  const neg = ms < 0;
  const total = Math.abs(Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${neg ? '−' : ''}${h}:${pad(m)}:${pad(s)}`;
}
