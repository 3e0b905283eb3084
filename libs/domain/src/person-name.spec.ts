import { describe, expect, it } from '@jest/globals';
import { maskName } from './person-name';

describe('maskName', () => {
  it.each([
    ['王建国', '王某'],
    ['李明', '李某'],
    ['欧阳娜娜', '欧阳某'],
    ['司马光', '司马某'],
    ['欧阳', '欧某'], // two characters: a surname and a given name, not a compound surname alone
    [' 陈芳 ', '陈某'],
    ['John Smith', 'J某'],
    ['𠀋明', '𠀋某'], // a character outside the basic plane stays whole
    ['', '某'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
