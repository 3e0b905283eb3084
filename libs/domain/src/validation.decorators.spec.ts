import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { IsAfter, IsCreditCode, IsIsoWithOffset, IsMainlandPhone, IsResidentId } from './validation.decorators';

class Dto {
  @IsMainlandPhone() phone: unknown = '13800138000';
  @IsResidentId() idNumber: unknown = '11010519491231002X';
  @IsCreditCode() creditCode: unknown = '91350100M000100Y43';
  @IsIsoWithOffset() startsAt: unknown = '2024-05-01T08:00:00+08:00';
  @IsIsoWithOffset() @IsAfter('startsAt') endsAt: unknown = '2024-05-01T01:00:00Z';
}

function messages(patch: Partial<Dto>): string[] {
  const dto = Object.assign(new Dto(), patch);
  return validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('validation decorators', () => {
  it('accepts a valid object', () => {
    expect(messages({})).toEqual([]);
  });

  it('names the property in each message', () => {
    expect(messages({ phone: '12800138000' })).toEqual(['phone must be a mainland mobile number (11 digits starting 13-19)']);
    expect(messages({ idNumber: '110105194912310021' })).toEqual([
      'idNumber must be a valid 18-character resident identity number (GB 11643)',
    ]);
    expect(messages({ creditCode: '91350100M000100Y44' })).toEqual([
      'creditCode must be a valid 18-character unified social credit code (GB 32100)',
    ]);
  });

  it('rejects non-string values', () => {
    expect(messages({ phone: 13800138000, idNumber: null, creditCode: undefined })).toHaveLength(3);
  });

  describe('IsAfter', () => {
    it('requires endsAt strictly after startsAt, comparing instants across offsets', () => {
      expect(messages({ endsAt: '2024-05-01T00:00:00Z' })).toEqual(['endsAt must be after startsAt']);
      expect(messages({ endsAt: '2024-05-01T00:00:01Z' })).toEqual([]);
    });

    it('leaves unparseable values to the format validators', () => {
      expect(messages({ startsAt: 'nope' })).toEqual([
        'startsAt must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)',
      ]);
    });
  });

  describe('IsIsoWithOffset', () => {
    it.each(['2024-05-01T08:00:00Z', '2024-05-01T08:00+08:00', '2024-02-29T23:59:59.123-05:30', '2024-05-01T08:00:00.123456789Z'])(
      'accepts %s',
      (v) => expect(messages({ startsAt: v, endsAt: '2099-01-01T00:00:00Z' })).toEqual([]),
    );

    it.each([
      '2024-05-01T08:00:00', // no offset: ambiguous local time
      '2024-05-01',
      '2024-05-01 08:00:00Z',
      '2024-02-30T08:00:00Z', // Date.parse alone would accept this
      '2023-02-29T08:00:00Z',
      '2024-05-01T24:00:00Z',
      '2024-05-01T08:00:60Z',
      '2024-05-01T08:00:00+0800',
      '2024-05-01T08:00:00+24:00',
    ])('rejects %s', (v) => {
      expect(messages({ startsAt: v, endsAt: '2099-01-01T00:00:00Z' })).toEqual([
        'startsAt must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)',
      ]);
    });
  });
});
