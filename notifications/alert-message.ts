import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from './messages/catalogue.js';
import { formatMoment } from './format.js';
import { alertMessage } from './messages/clock.messages.js';
import { say } from './messages/index.js';
import { renderTemplate, type RenderedNotice } from './render.js';

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
  /** When the alert is written (the e-mail's date), from the service's clock. */
  now: Date;
}

/** What an alert says, in a person's language: one phrase per kind of alert, from the catalogue. */
export function milestoneText(a: Pick<AlertFacts, 'kind' | 'milestone' | 'hoursElapsed'>, lang: Lang): string {
  return say(alertMessage(a.kind, a.milestone, a.hoursElapsed), lang);
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
    date: formatMoment(facts.now, lang),
    incident: { ref: facts.ref },
    deadline: formatMoment(facts.deadline, lang),
    milestoneText: milestoneText(facts, lang),
  };
  return renderTemplate(`alert:${lang}`, sources[lang], context);
}

/** The JSON a webhook receives: Slack and Teams incoming webhooks read `text`; others read the fields. */
export function webhookPayload(facts: AlertFacts, lang: Lang, level: number) {
  const text = `${milestoneText(facts, lang)}: ${oneLine(facts.title)} (${oneLine(facts.ref)}). ${say({ code: 'alert.deadline-label', params: {} }, lang)}: ${formatMoment(facts.deadline, lang)}. ${facts.incidentUrl}`;
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
