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

const fixed: Record<string, { nb: string; en: string }> = {
  '01-01': { nb: 'Første nyttårsdag', en: "New Year's Day" },
  '05-01': { nb: 'Arbeidernes dag', en: 'Labour Day' },
  '05-17': { nb: 'Grunnlovsdag', en: 'Constitution Day' },
  '12-25': { nb: 'Første juledag', en: 'Christmas Day' },
  '12-26': { nb: 'Andre juledag', en: "St Stephen's Day" },
};

const easterOffsets: [number, { nb: string; en: string }][] = [
  [-3, { nb: 'Skjærtorsdag', en: 'Maundy Thursday' }],
  [-2, { nb: 'Langfredag', en: 'Good Friday' }],
  [0, { nb: 'Første påskedag', en: 'Easter Sunday' }],
  [1, { nb: 'Andre påskedag', en: 'Easter Monday' }],
  [39, { nb: 'Kristi himmelfartsdag', en: 'Ascension Day' }],
  [49, { nb: 'Første pinsedag', en: 'Whit Sunday' }],
  [50, { nb: 'Andre pinsedag', en: 'Whit Monday' }],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The Norwegian public holiday (helligdag or høytidsdag) on a calendar date, if any. */
export function norwegianHoliday(year: number, month: number, day: number): { nb: string; en: string } | undefined {
  const fixedHoliday = fixed[`${pad(month)}-${pad(day)}`];
  if (fixedHoliday) return fixedHoliday;
  const easter = easterSunday(year);
  const easterUtc = Date.UTC(year, easter.month - 1, easter.day);
  const offset = Math.round((Date.UTC(year, month - 1, day) - easterUtc) / 86_400_000);
  return easterOffsets.find(([days]) => days === offset)?.[1];
}
