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
};

export type Key = keyof typeof nb;
let lang: Lang = (localStorage.getItem('lang') as Lang | null) ?? 'nb';

export const t = (key: Key): string => (lang === 'nb' ? nb : en)[key];
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
