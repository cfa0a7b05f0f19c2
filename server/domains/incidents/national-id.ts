const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  if (rest === 10) return undefined;
  return rest;
}

/**
 * True for an 11-digit Norwegian national identity number (fødselsnummer, D-number or H-number) whose
 * two mod-11 check digits hold and whose first six digits can be a date.
 */
export function isNationalIdNumber(candidate: string): boolean {
  if (!/^\d{11}$/.test(candidate)) return false;
  const d = [...candidate].map(Number);
  const k1 = checkDigit(d, W1);
  const k2 = k1 === undefined ? undefined : checkDigit(d, W2);
  if (k1 !== d[9] || k2 !== d[10]) return false;
  return birthDateHolds(d);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the first six digits (ddmmyy) can be a birth date, a D-number's (day + 40) or an H-number's (month + 40). */
function birthDateHolds(d: number[]): boolean {
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  if (day > 40) day -= 40;
  if (month > 40) month -= 40;
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/**
 * True for eleven digits that begin with a possible birth date, whether or not the check digits hold: a
 * mistyped fødselsnummer still points at a person, so the guard warns about it and masks it all the same.
 */
export function looksLikeNationalIdNumber(candidate: string): boolean {
  return /^\d{11}$/.test(candidate) && birthDateHolds([...candidate].map(Number));
}

// Eleven digits, optionally written 6+5 with a space, and not part of a longer number.
const CANDIDATE = /(?<!\d)(\d{6})[ ]?(\d{5})(?!\d)/g;

/** Every national identity number in a text, as written, and every run of eleven digits that looks like one. */
export function findNationalIdNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    if (looksLikeNationalIdNumber(`${match[1]}${match[2]}`)) found.push(match[0]);
  }
  return found;
}

/** Masks each national identity number, or what looks like one, to its birth date: "010190 12345" → "010190*****". */
export function maskNationalIdNumbers(text: string): string {
  return text.replace(CANDIDATE, (whole, birth: string, personal: string) =>
    looksLikeNationalIdNumber(`${birth}${personal}`) ? `${birth}*****` : whole,
  );
}
