import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from './labels.js';
import { formatMoment } from './format.js';
import { renderNotice, type RenderedNotice } from './render.js';

const here = dirname(fileURLToPath(import.meta.url));
const source = (lang: Lang) => {
  const read = (ext: string) => readFileSync(join(here, 'templates', 'alert', `${lang}.${ext}`), 'utf8');
  return { subject: read('subject.hbs').trim(), html: read('html.hbs'), text: read('text.hbs') };
};
const sources: Record<Lang, ReturnType<typeof source>> = { nb: source('nb'), en: source('en') };

export interface AlertFacts {
  alertId: string;
  kind: string;
  milestone: string;
  hoursElapsed: number;
  deadline: Date | null;
  late: boolean;
  title: string;
  ref: string;
  incidentUrl: string;
  ackUrl: string;
  escalated: boolean;
  organisation: string;
}

/** What an alert says, in a person's language: one phrase per kind of alert. */
export function milestoneText(a: Pick<AlertFacts, 'kind' | 'milestone' | 'hoursElapsed'>, lang: Lang): string {
  const h = a.hoursElapsed;
  const nb = lang === 'nb';
  switch (a.kind) {
    case 'milestone':
      return a.milestone === 'deadline'
        ? nb ? '72-timersfristen er nådd' : 'The 72-hour deadline has been reached'
        : nb ? `${h} timer siden virksomheten ble kjent med bruddet – ${72 - h} timer igjen` : `${h} hours since awareness – ${72 - h} hours left`;
    case 'overdue':
      return nb ? `Fristen er overskredet med ${h - 72} timer` : `The deadline was missed by ${h - 72} hours`;
    case 'triage-overrun':
      return nb ? `Triage har pågått i over ${h} timer uten avklaring` : `Triage has run for over ${h} hours without a decision`;
    case 'follow-up-due':
      return nb ? 'Oppfølging av trinnvis melding til Datatilsynet er forfalt' : 'The follow-up to a phased notification is due';
    case 'controller-notice-due':
      return nb ? 'Behandlingsansvarlig er ennå ikke varslet' : 'The controller has not been informed yet';
    default:
      return a.milestone;
  }
}

/** Free text on one line: in a plain-text mail, a line break in a title would let it write lines of its own. */
const oneLine = (value: string) => value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();

/** The alert e-mail (HTML and text) from the same private Handlebars instance as the notices. */
export function renderAlertEmail(facts: AlertFacts, lang: Lang): RenderedNotice {
  const context = {
    ...facts,
    title: oneLine(facts.title),
    ref: oneLine(facts.ref),
    lang,
    date: formatMoment(new Date(), lang),
    incident: { ref: facts.ref },
    deadline: formatMoment(facts.deadline, lang),
    milestoneText: milestoneText(facts, lang),
  };
  return renderNotice(`alert:${lang}`, sources[lang], context as never);
}

/** The JSON a webhook receives: Slack and Teams incoming webhooks read `text`; others read the fields. */
export function webhookPayload(facts: AlertFacts, lang: Lang, level: number) {
  const text = `${milestoneText(facts, lang)}: ${oneLine(facts.title)} (${oneLine(facts.ref)}). ${lang === 'nb' ? 'Frist' : 'Deadline'}: ${formatMoment(facts.deadline, lang)}. ${facts.incidentUrl}`;
  return {
    text,
    alertId: facts.alertId,
    kind: facts.kind,
    milestone: facts.milestone,
    hoursElapsed: facts.hoursElapsed,
    deadline: facts.deadline ? facts.deadline.toISOString() : null,
    late: facts.late,
    escalationLevel: level,
    incident: { ref: facts.ref, title: facts.title, url: facts.incidentUrl },
  };
}
