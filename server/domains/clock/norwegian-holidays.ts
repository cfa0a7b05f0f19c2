import type { HolidayCode } from '../../../notifications/messages/clock.messages.js';
import { sayBoth } from '../../../notifications/messages/index.js';

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm; month is 1-based. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const fixed: Record<string, HolidayCode> = {
  '01-01': 'holiday.new-year',
  '05-01': 'holiday.labour-day',
  '05-17': 'holiday.constitution-day',
  '12-25': 'holiday.christmas-day',
  '12-26': 'holiday.boxing-day',
};

/** Days after Easter Sunday. */
const easterOffsets: [number, HolidayCode][] = [
  [-3, 'holiday.maundy-thursday'],
  [-2, 'holiday.good-friday'],
  [0, 'holiday.easter-sunday'],
  [1, 'holiday.easter-monday'],
  [39, 'holiday.ascension-day'],
  [49, 'holiday.whit-sunday'],
  [50, 'holiday.whit-monday'],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The Norwegian public holiday (helligdag or høytidsdag) on a calendar date, if any, named in both languages. */
export function norwegianHoliday(year: number, month: number, day: number): { nb: string; en: string } | undefined {
  const easter = easterSunday(year);
  const offset = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, easter.month - 1, easter.day)) / 86_400_000);
  const code = fixed[`${pad(month)}-${pad(day)}`] ?? easterOffsets.find(([days]) => days === offset)?.[1];
  return code ? sayBoth({ code, params: {} }) : undefined;
}
