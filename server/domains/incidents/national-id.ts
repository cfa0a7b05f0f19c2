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
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  if (day > 40) day -= 40; // D-number
  if (month > 40) month -= 40; // H-number
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// Eleven digits, optionally written 6+5 with a space, and not part of a longer number.
const CANDIDATE = /(?<!\d)(\d{6})[ ]?(\d{5})(?!\d)/g;

/** Every national identity number in a text, as written. */
export function findNationalIdNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    if (isNationalIdNumber(`${match[1]}${match[2]}`)) found.push(match[0]);
  }
  return found;
}

/** Masks each national identity number to its birth date: "010190 12345" → "010190*****". */
export function maskNationalIdNumbers(text: string): string {
  return text.replace(CANDIDATE, (whole, birth: string, personal: string) =>
    isNationalIdNumber(`${birth}${personal}`) ? `${birth}*****` : whole,
  );
}
