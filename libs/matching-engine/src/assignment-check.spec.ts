import { describe, expect, it } from '@jest/globals';
import type { AssignmentInput } from './assignment';
import { checkAssignments } from './assignment-check';

const at = (hour: number) => new Date(Date.UTC(2026, 11, 2, hour));
const input: AssignmentInput = {
  shifts: [
    { id: 'morning', headcount: 1, startsAt: at(0), endsAt: at(4) },
    { id: 'midday', headcount: 2, startsAt: at(3), endsAt: at(7) },
    { id: 'evening', headcount: 1, startsAt: at(6), endsAt: at(10) },
  ],
  seekers: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  scores: new Map([
    [
      'morning',
      new Map([
        ['a', 80],
        ['b', 60],
      ]),
    ],
    [
      'midday',
      new Map([
        ['a', 70],
        ['b', 50],
        ['c', 40],
      ]),
    ],
    [
      'evening',
      new Map([
        ['a', 90],
        ['c', 0],
      ]),
    ],
  ]),
};

describe('checkAssignments', () => {
  it('scores a valid hand-made plan and lists the places left', () => {
    const checked = checkAssignments(input, [
      { shiftId: 'morning', seekerId: 'b' },
      { shiftId: 'evening', seekerId: 'a' },
      { shiftId: 'midday', seekerId: 'c' },
    ]);
    expect(checked).toEqual({
      ok: true,
      plan: {
        assignments: [
          { shiftId: 'morning', seekerId: 'b', score: 60 },
          { shiftId: 'evening', seekerId: 'a', score: 90 },
          { shiftId: 'midday', seekerId: 'c', score: 40 },
        ],
        totalScore: 190,
        unfilled: [{ shiftId: 'midday', missing: 1 }],
      },
    });
  });

  it('allows one person on two shifts that do not overlap (morning ends before evening starts)', () => {
    const checked = checkAssignments(input, [
      { shiftId: 'morning', seekerId: 'a' },
      { shiftId: 'evening', seekerId: 'a' },
    ]);
    expect(checked.ok).toBe(true);
  });

  it('lists every broken rule: unknown shift, not a candidate (or a zero score), twice, over headcount, overlapping', () => {
    const checked = checkAssignments(input, [
      { shiftId: 'night', seekerId: 'a' },
      { shiftId: 'evening', seekerId: 'c' },
      { shiftId: 'morning', seekerId: 'c' },
      { shiftId: 'morning', seekerId: 'a' },
      { shiftId: 'morning', seekerId: 'a' },
      { shiftId: 'morning', seekerId: 'b' },
      { shiftId: 'midday', seekerId: 'a' },
    ]);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { code: 'SHIFT_NOT_IN_PLAN', shiftId: 'night', seekerId: 'a' },
        { code: 'NOT_A_CANDIDATE', shiftId: 'evening', seekerId: 'c' },
        { code: 'NOT_A_CANDIDATE', shiftId: 'morning', seekerId: 'c' },
        { code: 'LISTED_TWICE', shiftId: 'morning', seekerId: 'a' },
        { code: 'OVERLAPPING_SHIFTS', shiftId: 'midday', seekerId: 'a', otherShiftId: 'morning' },
        { code: 'OVER_HEADCOUNT', shiftId: 'morning' },
      ],
    });
  });

  it('accepts an empty plan: every place unfilled', () => {
    expect(checkAssignments(input, [])).toEqual({
      ok: true,
      plan: {
        assignments: [],
        totalScore: 0,
        unfilled: [
          { shiftId: 'morning', missing: 1 },
          { shiftId: 'midday', missing: 2 },
          { shiftId: 'evening', missing: 1 },
        ],
      },
    });
  });
});
