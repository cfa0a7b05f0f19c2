import { render, type Lang } from './messages/catalogue.js';
import { FORMAT_MESSAGES, type FormatMessageParams } from './messages/format.messages.js';
import type { MessageOf } from './messages/catalogue.js';

const word = (message: MessageOf<FormatMessageParams>, lang: Lang) => render(FORMAT_MESSAGES, message, lang);

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
export const PENDING: Record<Lang, string> = { nb: word({ code: 'format.pending', params: {} }, 'nb'), en: word({ code: 'format.pending', params: {} }, 'en') };

/** A count as a notice says it: exact, "about", a range, or not yet known (then it will follow). */
export function formatCount(count: Count, lang: Lang): string {
  switch (count.kind) {
    case 'exact':
      return groupDigits(count.value ?? 0);
    case 'estimate':
      return word({ code: 'format.about', params: { n: groupDigits(count.value ?? 0) } }, lang);
    case 'range':
      return word({ code: 'format.between', params: { min: groupDigits(count.min ?? 0), max: groupDigits(count.max ?? 0) } }, lang);
    default:
      return PENDING[lang];
  }
}

/** A moment in Oslo time, as a reader in Norway expects it. */
export function formatMoment(at: Date | null | undefined, lang: Lang): string {
  return at ? word({ code: 'format.moment', params: { at } }, lang) : word({ code: 'format.not-known', params: {} }, lang);
}

/** A moment in Oslo time that says so in both languages, as notices and the Altinn answers write it. */
export function formatZonedMoment(at: Date | null | undefined, lang: Lang): string {
  return at ? word({ code: 'format.moment-zoned', params: { at } }, lang) : word({ code: 'format.not-known', params: {} }, lang);
}

/** A list as a sentence says it: "a, b and c". */
export function joinList(items: readonly string[], lang: Lang): string {
  return word({ code: 'format.list', params: { items } }, lang);
}

/** A decimal number with the reader's decimal sign. */
export function formatDecimal(n: number, lang: Lang): string {
  return word({ code: 'format.decimal', params: { n } }, lang);
}
