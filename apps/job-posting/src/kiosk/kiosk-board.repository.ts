import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NamedStatements, pgPool } from '@lingong/database';
import { employerSuspendedSql } from '../employers/employer-suspension';
import type { Shift } from '../shifts/shift.entity';

/** What the kiosk reads of a shift; `on_board` is the board's one rule, computed in SQL beside the figures. */
export interface KioskShiftRow extends Pick<
  Shift,
  'id' | 'title' | 'category' | 'employmentType' | 'street' | 'address' | 'headcount' | 'filled' | 'settlement'
> {
  startsAt: Date;
  endsAt: Date;
  payAmountFen: number;
  payUnit: Shift['payUnit'];
  onBoard: boolean;
  published: boolean;
}

export interface KioskFigureRow {
  openShifts: number;
  peopleNeeded: number;
  bookedToday: number;
}

/** On the board: open (so not filled), not started, of an employer not suspended. */
const ON_BOARD = (alias: string) => `(${alias}.status = 'open' AND ${alias}.starts_at > $1 AND NOT ${employerSuspendedSql(alias)})`;

const COLUMNS = `s.id, s.title, s.category, s.employment_type AS "employmentType", s.street, s.address, s.headcount, s.filled,
  s.settlement, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.pay_amount_fen AS "payAmountFen", s.pay_unit AS "payUnit",
  ${ON_BOARD('s')} AS "onBoard", s.published_at IS NOT NULL AS published`;

/** Reads for the kiosk boards: the board's shifts and today's figures. The SQL of the feed lives here only. */
@Injectable()
export class KioskBoardRepository {
  /** The figures' one statement is planned once per connection: its plan took longer than its run (3 ms against 2.6). */
  private readonly named = new NamedStatements('kiosk-board', 1);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The board, soonest first, at most `limit` shifts (a screen pages through them). */
  board(now: Date, street: string | undefined, limit: number): Promise<KioskShiftRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM shifts s WHERE ${ON_BOARD('s')} AND ($2::text IS NULL OR s.street = $2)
        ORDER BY s.starts_at, s.id LIMIT $3`,
      [now, street ?? null, limit],
    );
  }

  /** The shifts a trigger concerns: one shift, the shift of a booking, or an employer's shifts that could be on the board. */
  shifts(now: Date, trigger: { shiftId?: string; bookingId?: string; employerId?: string }): Promise<KioskShiftRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM shifts s
        WHERE s.id = $2
           OR s.id = (SELECT b.shift_id FROM bookings b WHERE b.id = $3)
           OR (s.employer_id = $4 AND s.status IN ('open', 'filled') AND s.starts_at > $1)`,
      [now, trigger.shiftId ?? null, trigger.bookingId ?? null, trigger.employerId ?? null],
    );
  }

  /**
   * Today's figures for the market, or for one street. A publish storm refreshes them with every
   * shift, so each is read from an index: the open shifts once for both of their figures (from
   * `shifts_open_figures`), and today's bookings with their shift's street looked up one by one
   * (joined, the planner hashed every shift ever posted to match a hundred bookings).
   */
  async figures(now: Date, midnight: Date, street: string | undefined): Promise<KioskFigureRow> {
    const [row] = await this.named.query<KioskFigureRow>(
      pgPool(this.dataSource),
      `SELECT board."openShifts", board."peopleNeeded",
              (SELECT count(*)::int FROM bookings b
                WHERE b.created_at >= $2 AND b.status <> 'cancelled'
                  AND ($3::text IS NULL OR (SELECT s.street FROM shifts s WHERE s.id = b.shift_id) = $3)) AS "bookedToday"
         FROM (SELECT count(*)::int AS "openShifts", coalesce(sum(s.headcount - s.filled), 0)::int AS "peopleNeeded"
                 FROM shifts s WHERE ${ON_BOARD('s')} AND ($3::text IS NULL OR s.street = $3)) board`,
      [now, midnight, street ?? null],
    );
    return row!;
  }
}
