import { currentLang } from './words.js';

const locale = () => (currentLang() === 'nb' ? 'nb-NO' : 'en-GB');
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale()}|${key}`;
  let f = cache.get(id);
  if (!f) cache.set(id, (f = new Intl.DateTimeFormat(locale(), options)));
  return f;
}

/** A moment as people in Norway read it: Oslo time, in the reader's language. */
export function osloTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return formatter('oslo', {
    timeZone: 'Europe/Oslo',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The same moment in UTC, stated beside a deadline. */
export function utcTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${formatter('utc', { timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))} UTC`;
}

export const osloDate = (iso: string) => formatter('date', { timeZone: 'Europe/Oslo', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
export const osloMonth = (iso: string) => formatter('month', { timeZone: 'Europe/Oslo', month: 'short', year: 'numeric' }).format(new Date(iso));

export const number = (n: number): string => new Intl.NumberFormat(locale()).format(n);

/** "leder eller personvernombud", "Kari, Per og Ola": a list as a sentence says it in the reader's language. */
export const listOf = (items: string[], type: 'conjunction' | 'disjunction'): string => new Intl.ListFormat(locale(), { type }).format(items);

export { countdown, sincePassed } from './durations.js';

/** Oslo's offset from UTC at an instant, in milliseconds. */
function osloOffset(ms: number): number {
  const parts = Object.fromEntries(
    formatter('parts', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(ms / 1000) * 1000;
}

/** Time inputs are read and written in Oslo time, whatever zone the browser is in; the API takes UTC instants. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  return new Date(ms + osloOffset(ms)).toISOString().slice(0, 16);
}
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  let utc = wall - osloOffset(wall);
  utc = wall - osloOffset(utc);
  return new Date(utc).toISOString();
}
export const nowLocalInput = () => toLocalInput(new Date().toISOString());
