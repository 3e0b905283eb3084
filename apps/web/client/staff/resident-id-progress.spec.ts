import { describe, expect, it } from '@jest/globals';
import { residentIdCheckChar } from '@lingong/domain';
import { residentIdProgress } from './resident-id-progress';

const first17 = '33030319580307002';
const valid = first17 + residentIdCheckChar(first17);
const now = new Date('2026-11-30T12:00:00+08:00');

describe('a resident ID checked as it is typed', () => {
  it('counts what is left while digits are coming', () => {
    expect(residentIdProgress('', now)).toEqual({ state: 'empty' });
    expect(residentIdProgress('   ', now)).toEqual({ state: 'empty' });
    expect(residentIdProgress('3303', now)).toEqual({ state: 'short', left: 14 });
    expect(residentIdProgress('3303 0319 5803', now)).toEqual({ state: 'short', left: 6 });
    expect(residentIdProgress(first17, now)).toEqual({ state: 'short', left: 1 });
  });

  it('judges 18 characters by the national rule, X in either case', () => {
    expect(residentIdProgress(valid, now)).toEqual({ state: 'valid', id: valid });
    const wrong = first17 + (valid.endsWith('1') ? '2' : '1');
    expect(residentIdProgress(wrong, now)).toEqual({ state: 'invalid' });
    const withX = '11010519491231002X';
    expect(residentIdProgress(withX.toLowerCase(), now)).toEqual({ state: 'valid', id: withX });
  });

  it('refuses at once what cannot become an ID, and birth dates that do not exist or lie ahead', () => {
    expect(residentIdProgress('3303a', now)).toEqual({ state: 'invalid' });
    expect(residentIdProgress(valid + '1', now)).toEqual({ state: 'invalid' });
    const feb30 = '33030319580230002';
    expect(residentIdProgress(feb30 + residentIdCheckChar(feb30), now)).toEqual({ state: 'invalid' });
    const unborn = '33030320300101002';
    expect(residentIdProgress(unborn + residentIdCheckChar(unborn), now)).toEqual({ state: 'invalid' });
  });
});
