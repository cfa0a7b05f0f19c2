import { DateTime } from 'luxon';
import type { Lang } from './messages/catalogue.js';

/** A number as the incident records it: exact, estimated, a range, or not yet known. */
export interface Count {
  kind: 'exact' | 'estimate' | 'range' | 'unknown';
  value: number | null;
  min: number | null;
  max: number | null;
}

/** Groups thousands with a space, as Norwegian (and SI) style writes them: 1 200. */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** What a notice says where a fact is not established yet: it will follow (Art. 33(4)). */
export const PENDING: Record<Lang, string> = { nb: 'ikke avklart – ettersendes', en: 'not yet established – to follow' };

/** A count as a notice says it: exact, "about", a range, or not yet known (then it will follow). */
export function formatCount(count: Count, lang: Lang): string {
  switch (count.kind) {
    case 'exact':
      return groupDigits(count.value ?? 0);
    case 'estimate':
      return `${lang === 'nb' ? 'om lag' : 'about'} ${groupDigits(count.value ?? 0)}`;
    case 'range':
      return lang === 'nb' ? `mellom ${groupDigits(count.min ?? 0)} og ${groupDigits(count.max ?? 0)}` : `between ${groupDigits(count.min ?? 0)} and ${groupDigits(count.max ?? 0)}`;
    default:
      return PENDING[lang];
  }
}

/** A moment in Oslo time, as a reader in Norway expects it. */
export function formatMoment(at: Date | null | undefined, lang: Lang): string {
  if (!at) return lang === 'nb' ? 'ikke kjent' : 'not known';
  const oslo = DateTime.fromJSDate(at, { zone: 'Europe/Oslo' });
  return lang === 'nb'
    ? oslo.setLocale('nb').toFormat("d. LLLL yyyy 'kl.' HH:mm")
    : `${oslo.setLocale('en-GB').toFormat('d LLLL yyyy, HH:mm')} (Oslo time)`;
}

export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'nb' ? 'og' : 'and'} ${items.at(-1)}`;
}
