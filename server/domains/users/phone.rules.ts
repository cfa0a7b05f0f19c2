/**
 * A phone number the on-call rota and the DPO contact point can ring: digits and spaces, an optional leading
 * +, and 8 to 15 digits in all (a Norwegian number's eight digits as they are; 15 is the longest E.164 allows).
 * Empty means no number.
 */
export function isPhoneNumber(value: string): boolean {
  if (value === '') return true;
  if (!/^\+?[\d ]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}
