import { describe, expect, it } from '@jest/globals';
import { explain, fieldOf } from './errors';

const texts: Record<string, string> = {
  'errors.network': '网络不通',
  'errors.unknown': '出错了',
  'errors.badInput': '请检查填写的内容',
  'errors.notFound': '找不到',
  'errors.code.OTP_INVALID': '验证码不对',
  'errors.code.OTP_RATE_LIMITED': '请 {seconds} 秒后再试',
  'errors.field.phone': '请填写 11 位手机号',
};
const t = (key: string, named: Record<string, unknown> = {}) =>
  (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(named[name]));
const te = (key: string) => key in texts;

describe('errors as people read them', () => {
  it('finds the field a validation message is about', () => {
    expect(fieldOf('phone must be a mainland mobile number')).toBe('phone');
    expect(fieldOf('pay.amountFen must be an integer')).toBe('pay');
    expect(fieldOf('an unknown thing happened')).toBe('an');
    expect(fieldOf('')).toBeUndefined();
  });

  it('says a business rule by its code, bad input by its field, and anything else plainly', () => {
    expect(explain(t, te, { statusCode: 401, error: 'Unauthorized', message: ['x'], code: 'OTP_INVALID' })).toEqual([
      { text: '验证码不对' },
    ]);
    expect(
      explain(t, te, { statusCode: 429, error: 'Too Many Requests', message: ['x'], code: 'OTP_RATE_LIMITED', retryAfterSeconds: 42 }),
    ).toEqual([{ text: '请 42 秒后再试' }]);
    expect(
      explain(t, te, { statusCode: 400, error: 'Bad Request', message: ['phone must be a mainland mobile number', 'weird must be good'] }),
    ).toEqual([
      { field: 'phone', text: '请填写 11 位手机号' },
      { field: 'weird', text: '请检查填写的内容' },
    ]);
    expect(explain(t, te, undefined)).toEqual([{ text: '网络不通' }]);
    expect(explain(t, te, { statusCode: 500, error: 'x', message: [] })).toEqual([{ text: '出错了' }]);
  });
});
