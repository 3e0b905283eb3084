import type { Schemas } from '@shared/api/types';

export type KioskShift = Schemas['KioskShift'];
export type KioskFigures = Schemas['KioskFigures'];
export type KioskSnapshot = Schemas['KioskSnapshot'];
export type KioskChange = Schemas['KioskChange'];

export interface Board {
  shifts: KioskShift[];
  figures: KioskFigures | undefined;
}

const byStart = (a: KioskShift, b: KioskShift) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/** The board after a snapshot: exactly what it says. */
export function fromSnapshot(snapshot: KioskSnapshot): Board {
  return { shifts: [...snapshot.shifts].sort(byStart), figures: snapshot.figures };
}

/** The board after one change: opened or updated shifts are put in (once), closed ones taken out. */
export function applyChange(board: Board, change: KioskChange): Board {
  const others = board.shifts.filter((shift) => shift.id !== change.shiftId);
  const shifts =
    change.type !== 'shift.closed' && change.shift && change.shift.remaining > 0 ? [...others, change.shift].sort(byStart) : others;
  return { shifts, figures: change.figures };
}

/** Shifts that have started take no more people: off the board even before the clock's event arrives. */
export function notStarted(shifts: KioskShift[], now: Date): KioskShift[] {
  return shifts.filter((shift) => Date.parse(shift.startsAt) > now.getTime());
}

/** Pages of `perPage` cards; at least one page, so an empty board still shows its message. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

export function pageOf<T>(items: T[], page: number, perPage: number): T[] {
  const last = pageCount(items.length, perPage) - 1;
  const current = Math.min(Math.max(page, 0), last);
  return items.slice(current * perPage, (current + 1) * perPage);
}
