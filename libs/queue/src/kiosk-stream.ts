import type { PayUnit, Settlement, ShiftCategory, EmploymentType } from '@lingong/domain';

/**
 * The kiosk boards' feed: a Redis stream that the worker appends a board change to when a domain
 * event moves a shift on or off the public board (or changes its places left), and that the front
 * door reads once and fans out to every connected screen over server-sent events. The entry id is
 * the SSE id, so a screen that reconnects resumes where it left off.
 */
export const kioskStreamKey = (prefix: string) => `${prefix}:kiosk`;
/** Shift ids the feed last announced as on the board, so a change is named opened, updated or closed. */
export const kioskOnBoardKey = (prefix: string) => `${prefix}:kiosk:on-board`;
/** Entries kept (approximately): far more than a screen misses in a reconnect; older ones get a fresh snapshot. */
export const KIOSK_STREAM_MAXLEN = 10_000;

/** What a board shows of a shift: public facts only (as the public board `GET /api/shifts`). */
export interface KioskShift {
  id: string;
  title: string;
  category: ShiftCategory;
  employmentType: EmploymentType;
  street: string;
  address: string;
  startsAt: string;
  endsAt: string;
  pay: { amountFen: number; unit: PayUnit; settlement: Settlement };
  headcount: number;
  remaining: number;
}

/** Today's figures along the board's edge (market day, Asia/Shanghai). */
export interface KioskFigures {
  /** Shifts on the board: open, not started, of an employer not suspended. */
  openShifts: number;
  /** Places still to fill on those shifts. */
  peopleNeeded: number;
  /** Bookings made today and not cancelled. */
  bookedToday: number;
}

export const kioskChangeTypes = ['shift.opened', 'shift.updated', 'shift.closed'] as const;
export type KioskChangeType = (typeof kioskChangeTypes)[number];

/** One entry of the stream, as the worker writes it (the figures of the whole market and of the shift's street). */
export interface KioskStreamEntry {
  type: KioskChangeType;
  /** The shift as the board shows it; on `shift.closed`, only what says which one left. */
  shift: KioskShift | { id: string; street: string };
  figures: KioskFigures;
  streetFigures: KioskFigures;
}

/** A shift as job-posting reads it for the feed: where it stands now. */
export interface KioskShiftReading {
  shift: KioskShift;
  onBoard: boolean;
  /** Was ever on the board (published); a shift that never was is never announced, even as closed. */
  published: boolean;
  figures: KioskFigures;
  streetFigures: KioskFigures;
}

/** What made the board change: one shift, a booking on one, or every shift of an employer. */
export type KioskTrigger = { shiftId: string } | { bookingId: string } | { employerId: string };
