import { describe, expect, it } from '@jest/globals';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';

// Check characters verified independently (weighted sum mod 31 by hand / separate script).
const VALID = [
  '91350100M000100Y43', // sum 1640, 1640 mod 31 = 28, 31 - 28 = 3
  '91110000600037341L',
  '91110108551385082Q',
  '91440300708461136T',
  '91350100M000100Y30', // sum mod 31 = 0, so 31 - 0 = 31 is written as 0
];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code)).toBe(code[17]);
  });

  it('accepts lowercase input', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });

  it.each([
    ['tampered check char', '91350100M000100Y44'],
    ['tampered body', '91350100M000100Y53'],
    ['tampered check char', '91110000600037341K'],
    ['forbidden letter I', '91350100I000100Y43'],
    ['forbidden letter O', '9135010OM000100Y43'],
    ['forbidden letter Z', '91350100Z000100Y43'],
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y433'],
    ['empty', ''],
  ])('rejects %s: %s', (_why, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });
});
