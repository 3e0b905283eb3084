// GB 32100-2015: 31-character alphabet (no I, O, Z, S, V) and weights 3^i mod 31 (i = 0..16).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  // 31 - (sum mod 31), where a result of 31 is written as 0.
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Upper-cased code if it has a valid charset, length and check character, else null. */
export function normalizeCreditCode(code: string): string | null {
  if (typeof code !== 'string') return null;
  const v = code.trim().toUpperCase();
  return SHAPE.test(v) && creditCodeCheckChar(v) === v[17] ? v : null;
}

export function isValidCreditCode(code: string): boolean {
  return normalizeCreditCode(code) !== null;
}
