import { errorCodes, isErrorCode } from './error-codes';

describe('error codes', () => {
  it('lists each code once', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });

  it('tells a code of the list from anything else another service might answer', () => {
    expect(isErrorCode('SHIFT_FULL')).toBe(true);
    expect(['shift_full', 'SOMETHING_NEW', '', undefined, 409, { code: 'SHIFT_FULL' }, 'toString'].some(isErrorCode)).toBe(false);
  });
});
