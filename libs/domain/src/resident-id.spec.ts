import { describe, expect, it } from '@jest/globals';
import { isValidResidentId, normalizeResidentId, residentIdCheckChar, residentIdLastFour } from './resident-id';

// Check characters verified independently (weighted sum mod 11 by hand / separate script).
const VALID = [
  '11010519491231002X', // GB 11643-1999 published example
  '440308199001011239', // sum 212, 212 mod 11 = 3 → '9'
  '310104198510120011', // sum mod 11 = 0 → '1'
  '510107200002290010', // 2000-02-29 is a leap day
];

describe('resident identity number (GB 11643-1999)', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(isValidResidentId(id)).toBe(true);
    expect(residentIdCheckChar(id)).toBe(id[17]);
  });

  it('accepts lowercase x and normalizes to X', () => {
    expect(normalizeResidentId('11010519491231002x')).toBe('11010519491231002X');
  });

  // Date cases carry a correct check character, so only the date rule can reject them.
  it.each([
    ['wrong check digit', '110105194912310021'],
    ['wrong check digit', '440308199001011238'],
    ['impossible date 1999-02-30', '110105199902300015'],
    ['1900 is not a leap year', '110105190002290017'],
    ['year before 1900', '110105189912310015'],
    ['too short', '11010519491231002'],
    ['too long', '11010519491231002X1'],
    ['letters in the body', '1101051949123A002X'],
    ['15-digit legacy form', '130503670401001'],
    ['empty', ''],
  ])('rejects %s: %s', (_why, id) => {
    expect(isValidResidentId(id)).toBe(false);
  });

  it('rejects a birth date in the future (relative to China time)', () => {
    const first17 = '11010520300101001';
    const id = first17 + residentIdCheckChar(first17);
    expect(isValidResidentId(id, new Date('2029-12-31T15:59:59Z'))).toBe(false);
    expect(isValidResidentId(id, new Date('2029-12-31T16:00:00Z'))).toBe(true);
  });

  it('returns the last four characters of valid IDs only', () => {
    expect(residentIdLastFour('11010519491231002x')).toBe('002X');
    expect(residentIdLastFour('110105194912310021')).toBeNull();
  });
});
