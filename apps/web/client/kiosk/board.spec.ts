import { describe, expect, it } from '@jest/globals';
import { applyChange, fromSnapshot, notStarted, pageCount, pageOf, type KioskShift } from './board';

const shift = (id: string, startsAt: string, remaining = 2): KioskShift => ({
  id,
  title: `活 ${id}`,
  category: 'loading',
  employmentType: 'temporary',
  street: '永中街道',
  address: '某路',
  startsAt,
  endsAt: startsAt.replace('T08', 'T17'),
  pay: { amountFen: 22000, unit: 'day', settlement: 'daily' },
  headcount: 3,
  remaining,
});
const figures = { openShifts: 2, peopleNeeded: 4, bookedToday: 1 };

describe('the kiosk board', () => {
  it('keeps shifts soonest first and applies opened, updated and closed changes once each', () => {
    const board = fromSnapshot({
      shifts: [shift('b', '2026-12-03T08:00:00+08:00'), shift('a', '2026-12-02T08:00:00+08:00')],
      figures,
      at: '',
    });
    expect(board.shifts.map((item) => item.id)).toEqual(['a', 'b']);

    const opened = applyChange(board, {
      type: 'shift.opened',
      shiftId: 'c',
      shift: shift('c', '2026-12-02T09:00:00+08:00'),
      figures: { ...figures, openShifts: 3 },
    });
    expect(opened.shifts.map((item) => item.id)).toEqual(['a', 'c', 'b']);
    expect(opened.figures?.openShifts).toBe(3);

    const again = applyChange(opened, { type: 'shift.opened', shiftId: 'c', shift: shift('c', '2026-12-02T09:00:00+08:00', 1), figures });
    expect(again.shifts.filter((item) => item.id === 'c')).toHaveLength(1);
    expect(again.shifts.find((item) => item.id === 'c')?.remaining).toBe(1);

    const closed = applyChange(again, { type: 'shift.closed', shiftId: 'a', figures });
    expect(closed.shifts.map((item) => item.id)).toEqual(['c', 'b']);
    expect(applyChange(closed, { type: 'shift.closed', shiftId: 'zzz', figures }).shifts).toHaveLength(2);
  });

  it('drops a shift with no places left and one that has started', () => {
    const board = fromSnapshot({ shifts: [shift('a', '2026-12-02T08:00:00+08:00')], figures, at: '' });
    expect(
      applyChange(board, { type: 'shift.updated', shiftId: 'a', shift: shift('a', '2026-12-02T08:00:00+08:00', 0), figures }).shifts,
    ).toEqual([]);
    expect(notStarted(board.shifts, new Date('2026-12-02T08:00:00+08:00'))).toEqual([]);
    expect(notStarted(board.shifts, new Date('2026-12-02T07:59:00+08:00'))).toHaveLength(1);
  });

  it('pages through long lists, and keeps a page in range when the list shrinks', () => {
    const items = Array.from({ length: 13 }, (_, index) => index);
    expect(pageCount(13, 6)).toBe(3);
    expect(pageCount(0, 6)).toBe(1);
    expect(pageOf(items, 2, 6)).toEqual([12]);
    expect(pageOf(items, 5, 6)).toEqual([12]);
    expect(pageOf([], 0, 6)).toEqual([]);
  });
});
