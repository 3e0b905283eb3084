import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { IsDefined, IsInt, IsOptional } from 'class-validator';
import {
  IsAfter,
  IsAtMostHoursAfter,
  IsCalendarDay,
  IsCreditCode,
  IsIsoWithOffset,
  IsMainlandPhone,
  IsResidentId,
  NestedArrayOf,
  NestedObject,
} from './validation.decorators';

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
      expect(messages({ startsAt: 'nope' })).toEqual(['startsAt must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)']);
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

  describe('IsIsoWithOffset, within the market era', () => {
    it.each(['0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '9999-12-31T17:00:00+08:00'])('refuses %s', (v) => {
      expect(messages({ startsAt: v, endsAt: '2099-01-01T00:00:00Z' })).toContain('startsAt must be between 2000-01-01 and 2099-12-31');
      expect(messages({ startsAt: '2001-01-01T00:00:00Z', endsAt: v })).toContain('endsAt must be between 2000-01-01 and 2099-12-31');
    });

    it('takes the first and last instants of the era', () => {
      expect(messages({ startsAt: '2000-01-01T00:00:00Z', endsAt: '2099-12-31T23:59:59Z' })).toEqual([]);
    });
  });
});

describe('IsAtMostHoursAfter', () => {
  class Span {
    @IsIsoWithOffset() startsAt = '2026-12-02T08:00:00+08:00';
    @IsIsoWithOffset() @IsAtMostHoursAfter('startsAt', 24) endsAt = '2026-12-02T17:00:00+08:00';
  }
  const problems = (patch: Partial<Span>) =>
    validateSync(Object.assign(new Span(), patch)).flatMap((e) => Object.values(e.constraints ?? {}));

  it('takes a span of up to the hours given, and no more', () => {
    expect(problems({ endsAt: '2026-12-03T08:00:00+08:00' })).toEqual([]);
    expect(problems({ endsAt: '2026-12-03T08:00:01+08:00' })).toEqual(['endsAt must be at most 24 hours after startsAt']);
    expect(problems({ endsAt: '2099-12-31T17:00:00+08:00' })).toEqual(['endsAt must be at most 24 hours after startsAt']);
  });

  it('leaves malformed times to the format check', () => {
    expect(problems({ startsAt: 'soon' })).toEqual(['startsAt must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)']);
  });
});

describe('IsCalendarDay', () => {
  class Certificate {
    @IsCalendarDay() expiresOn: unknown = '2027-06-30';
  }
  it.each(['2027-02-30', '0000-01-01', '2100-01-01', '27-06-30', 20270630, null])('refuses %p', (value) => {
    expect(validateSync(Object.assign(new Certificate(), { expiresOn: value }))).toHaveLength(1);
  });
  it('takes a real day', () => {
    expect(validateSync(new Certificate())).toEqual([]);
  });
});

describe('NestedObject and NestedArrayOf', () => {
  class Pay {
    @IsInt() amountFen!: number;
  }
  class Input {
    @IsDefined() @NestedObject(() => Pay) pay!: Pay;
    @IsOptional() @NestedArrayOf(() => Pay, 3) history?: Pay[];
  }
  const problems = (plain: object) =>
    validateSync(plainToInstance(Input, plain)).flatMap(function flat(e): string[] {
      return [...Object.values(e.constraints ?? {}), ...(e.children ?? []).flatMap(flat)];
    });

  it('takes the objects they name', () => {
    expect(problems({ pay: { amountFen: 1 }, history: [{ amountFen: 2 }] })).toEqual([]);
  });

  it.each([[[]], [[{ amountFen: 1 }]], ['22000'], [22000], [true]])('refuses pay of %p: an object belongs there', (pay) => {
    expect(problems({ pay })).toContain('pay must be an object');
  });

  it('validates inside the object', () => {
    expect(problems({ pay: { amountFen: 'x' } })).toEqual(['amountFen must be an integer number']);
  });

  it.each([[[[]]], [[[{ amountFen: 1 }]]], [['x']], [[1]], [[null]]])('refuses a list item of %p: each must be an object', (history) => {
    expect(problems({ pay: { amountFen: 1 }, history })).toContain('each item of history must be an object');
  });

  it('refuses more items than allowed, and a non-list', () => {
    expect(problems({ pay: { amountFen: 1 }, history: Array.from({ length: 4 }, () => ({ amountFen: 1 })) })).toEqual([
      'history must contain no more than 3 elements',
    ]);
    expect(problems({ pay: { amountFen: 1 }, history: { amountFen: 1 } })).toContain('history must be an array');
  });
});
