import { Injectable } from '@nestjs/common';
import { marketMidnight, toMarketIso } from '@lingong/domain';
import { Clock } from '@lingong/platform';
import type { KioskFigures, KioskShift, KioskShiftReading, KioskTrigger } from '@lingong/queue';
import { KioskBoardRepository, type KioskShiftRow } from './kiosk-board.repository';

/** A screen shows this many shifts at most (paging through them); a hall has far fewer open at once. */
export const KIOSK_BOARD_LIMIT = 500;

/**
 * The kiosk boards' view of the market: the snapshot a screen starts from, and where one shift
 * stands after an event (read by the worker for the feed). One rule says what is on the board.
 */
@Injectable()
export class KioskBoardService {
  constructor(
    private readonly board: KioskBoardRepository,
    private readonly clock: Clock,
  ) {}

  async snapshot(street: string | undefined): Promise<{ shifts: KioskShift[]; figures: KioskFigures; at: string }> {
    const now = this.clock.now();
    const [rows, figures] = await Promise.all([
      this.board.board(now, street, KIOSK_BOARD_LIMIT),
      this.board.figures(now, marketMidnight(now), street),
    ]);
    return { shifts: rows.map(kioskShift), figures, at: toMarketIso(now) };
  }

  /** Each shift the trigger concerns, as it stands now, with the market's and its street's figures. */
  async readings(trigger: KioskTrigger): Promise<KioskShiftReading[]> {
    const now = this.clock.now();
    const rows = await this.board.shifts(now, trigger);
    if (rows.length === 0) return [];
    const midnight = marketMidnight(now);
    const figures = await this.board.figures(now, midnight, undefined);
    const byStreet = new Map<string, KioskFigures>();
    for (const street of new Set(rows.map((row) => row.street))) byStreet.set(street, await this.board.figures(now, midnight, street));
    return rows.map((row) => ({
      shift: kioskShift(row),
      onBoard: row.onBoard,
      published: row.published,
      figures,
      streetFigures: byStreet.get(row.street)!,
    }));
  }
}

function kioskShift(row: KioskShiftRow): KioskShift {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    employmentType: row.employmentType,
    street: row.street,
    address: row.address,
    startsAt: toMarketIso(new Date(row.startsAt)),
    endsAt: toMarketIso(new Date(row.endsAt)),
    pay: { amountFen: row.payAmountFen, unit: row.payUnit, settlement: row.settlement },
    headcount: row.headcount,
    remaining: row.headcount - row.filled,
  };
}
