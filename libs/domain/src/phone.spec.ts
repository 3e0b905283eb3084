import { describe, expect, it } from '@jest/globals';
import { maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['+8619912345678', '19912345678'],
    [' 138 0013 8000 ', '13800138000'],
  ])('accepts %p', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['12800138000', '1380013800', '23800138000', '138001380001', '1380013800a', '', '+1 13800138000', '0086-13800138000'])(
    'rejects %p',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks invalid input completely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
});
