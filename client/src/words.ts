import { DASHBOARD_MESSAGES, type DashboardMessageParams } from '../../notifications/messages/dashboard.messages.js';
import type { NoParams } from '../../notifications/messages/catalogue.js';
import { CATEGORY_LABELS, CONSEQUENCE_LABELS, type Lang } from '../../notifications/labels.js';
import type { DataCategory, LikelyConsequence } from '../../server/domains/incidents/incident.vocabulary.js';

export type { Lang };
export type Code = keyof DashboardMessageParams;
type Args<C extends Code> = DashboardMessageParams[C] extends NoParams ? [] : [DashboardMessageParams[C]];

let lang: Lang = localStorage.getItem('lang') === 'en' ? 'en' : 'nb';
document.documentElement.lang = lang;

export const currentLang = (): Lang => lang;

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('lang', next);
  document.documentElement.lang = next;
}

/** A sentence from the dashboard's part of the message catalogue, in the reader's language. */
export function t<C extends Code>(code: C, ...params: Args<C>): string {
  const entry = DASHBOARD_MESSAGES[code] as unknown as Record<Lang, (p: unknown) => string>;
  return entry[lang](params[0] ?? {});
}

/** The same, in a language the caller chooses (a notice's language, the other UI language). */
export function tIn<C extends Code>(language: Lang, code: C, ...params: Args<C>): string {
  const entry = DASHBOARD_MESSAGES[code] as unknown as Record<Lang, (p: unknown) => string>;
  return entry[language](params[0] ?? {});
}

/** A code chosen at run time (from a value the server sent) that takes no parameters. */
export function say(code: Code): string {
  return (DASHBOARD_MESSAGES[code] as unknown as Record<Lang, (p: unknown) => string>)[lang]({});
}

/** True when the code is in the catalogue: for words chosen by a value the server sends. */
export const known = (code: string): code is Code => Object.hasOwn(DASHBOARD_MESSAGES, code);

/** A closed-vocabulary value worded through the catalogue under its prefix; never the raw code. */
export function word(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.notSet');
  const code = `${prefix}.${value}`;
  return known(code) ? say(code) : t('common.unknownValue');
}

export const categoryLabel = (c: DataCategory | string): string =>
  (CATEGORY_LABELS as Record<string, Record<Lang, string>>)[c]?.[lang] ?? t('common.unknownValue');
export const consequenceLabel = (c: LikelyConsequence): string => CONSEQUENCE_LABELS[c][lang];
export const sentence = (s: { nb: string; en: string }): string => s[lang];

/** A milestone key ("h24", "deadline", "overdue-2") in words. */
export function milestoneWords(key: string): string {
  const hours = /^h(\d+)$/.exec(key);
  if (hours) return t('milestone.hours', { hours: Number(hours[1]) });
  const overdue = /^overdue-(\d+)$/.exec(key);
  if (overdue) return t('milestone.overdue', { n: Number(overdue[1]) });
  if (key === 'deadline') return t('milestone.deadline');
  if (key === 'triage') return t('milestone.triage');
  return t('milestone.other');
}
