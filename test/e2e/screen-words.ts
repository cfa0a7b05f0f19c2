import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DASHBOARD_MESSAGES } from '../../notifications/messages/dashboard.messages.js';
import { CATEGORY_LABELS, CONSEQUENCE_LABELS, type Lang } from '../../notifications/labels.js';
import { projectRoot } from '../../server/db/build-ferretdb.js';
import { OBLIGATION_KINDS } from '../../server/domains/obligations/obligation.view.js';
import { CLOCK_STATES, DATA_CATEGORIES, STOP_REASONS } from '../../server/domains/incidents/incident.vocabulary.js';

const tokens = (text: string): string[] => (text.toLowerCase().match(/\p{L}{2,}/gu) ?? []);

/** A parameter object whose every field is a placeholder: a sentence rendered with it shows its fixed words. */
const placeholders = (value: unknown) => new Proxy({}, { get: (_t, key) => (key === Symbol.toPrimitive ? undefined : value) });

/** Every word the dashboard's catalogue can put on screen in one language, the data-category and consequence labels with them. */
export function catalogueWords(lang: Lang): Set<string> {
  const words = new Set<string>();
  for (const entry of Object.values(DASHBOARD_MESSAGES) as Record<Lang, (p: unknown) => string>[]) {
    for (const value of ['', 1, 2]) {
      try {
        for (const w of tokens(entry[lang](placeholders(value)))) words.add(w);
      } catch {
        // A sentence that needs a real list or number: its other renderings give its words.
      }
    }
  }
  for (const labels of [CATEGORY_LABELS, CONSEQUENCE_LABELS]) for (const l of Object.values(labels)) for (const w of tokens(l[lang])) words.add(w);
  // The assessment's sentences and the timeline's come from the server's catalogue, worded there in both languages.
  for (const file of ['risk.messages.ts', 'incident.messages.ts', 'format.messages.ts']) {
    for (const w of tokens(readFileSync(join(projectRoot, 'notifications', 'messages', file), 'utf8'))) words.add(w);
  }
  // Dates: weekday and month names as Intl writes them in this language.
  const locale = lang === 'nb' ? 'nb-NO' : 'en-GB';
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(2026, i, 5 + (i % 7), 12));
    for (const style of ['short', 'long'] as const) {
      for (const w of tokens(new Intl.DateTimeFormat(locale, { month: style, timeZone: 'Europe/Oslo' }).format(d))) words.add(w);
      for (const w of tokens(new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'Europe/Oslo' }).format(new Date(Date.UTC(2026, 0, 5 + (i % 7), 12))))) words.add(w);
    }
  }
  words.add('utc');
  return words;
}

const KEBAB_CODES = new Set<string>([...OBLIGATION_KINDS, ...STOP_REASONS, ...CLOCK_STATES].filter((c) => c.includes('-')));
const SNAKE_CODES = new Set<string>(DATA_CATEGORIES.filter((c) => c.includes('_')));

/**
 * Raw codes that must never reach a reader: milestone keys, vocabulary codes, field paths, camelCase names.
 * Role codes too, but "analyst" is also the English word for the role.
 */
export function rawCodes(text: string, lang: 'nb' | 'en' = 'nb'): string[] {
  const withoutEmails = text.replace(/\S+@\S+/g, ' ');
  const found = [
    ...(withoutEmails.match(/\b(?:h\d{1,3}|overdue-\d+)\b/g) ?? []),
    ...(withoutEmails.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []).filter((c) => SNAKE_CODES.has(c) || c.includes('_')),
    ...(withoutEmails.match(/\b[a-z]+(?:-[a-z]+)+\b/g) ?? []).filter((c) => KEBAB_CODES.has(c)),
    ...(withoutEmails.match(/\b[a-z]+\.[a-z][A-Za-z]+\b/g) ?? []),
    ...(withoutEmails.match(/\b[a-z]+[A-Z][a-zA-Z]+\b/g) ?? []),
    ...(withoutEmails.match(lang === 'en' ? /\b(?:dpo|oncall)\b/g : /\b(?:dpo|oncall|analyst)\b/g) ?? []),
  ];
  return [...new Set(found)];
}

/**
 * The text a reader sees on the page in its own language: folded sections opened, and anything marked as
 * being in another language (the language switch, a notice in English) or a rendered notice (pre, frames) left out.
 */
export async function visibleText(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    const lang = document.documentElement.lang;
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('pre, iframe, script, style, option:not(:checked)')) continue;
      const marked = el.closest('[lang]');
      if (marked && marked !== document.documentElement && marked.lang !== lang) continue;
      if (!el.checkVisibility()) continue;
      out.push(n.nodeValue);
    }
    document.querySelectorAll('[aria-label]').forEach((e) => out.push(e.getAttribute('aria-label')));
    return out.join(' ');
  })()`)) as string;
}

/** Words on the page that are neither in the catalogue for its language nor in the data the test typed. */
export function strangeWords(text: string, allowed: Set<string>, userData: Set<string>): string[] {
  const withoutEmails = text.replace(/\S+@\S+/g, ' ');
  const strange = [...new Set(tokens(withoutEmails).filter((w) => !allowed.has(w) && !userData.has(w)))];
  // Each with the words around it, so a failure says where it was.
  return strange.map((w) => {
    const at = withoutEmails.toLowerCase().search(new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'u'));
    return `${w} (“…${withoutEmails.slice(Math.max(0, at - 30), at + w.length + 30).replace(/\s+/g, ' ')}…”)`;
  });
}

export const wordsOf = (...texts: string[]): Set<string> => new Set(texts.flatMap(tokens));
