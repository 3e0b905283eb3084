import { Injectable } from '@nestjs/common';
import { shiftView } from '../shift.view';
import type { ListShiftsQuery } from './list-shifts.query';
import { decodeBoardCursor, encodeBoardCursor } from './shift-board.cursor';
import { ShiftBoardRepository, type BoardRow } from './shift-board.repository';
import { DEFAULT_RADIUS_KM, parseNear, type BoardPosition, type BoardSort } from './shift-board.types';

const DEFAULT_LIMIT = 20;

/** The public board: turns the checked query into a filter, and a page of rows into `{items, nextCursor}`. */
@Injectable()
export class ShiftBoardService {
  constructor(private readonly board: ShiftBoardRepository) {}

  async list(query: ListShiftsQuery) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const sort = query.sort ?? 'startsAt';
    // ListShiftsQuery has checked near (and that sort=distance and radiusKm come with it).
    const point = query.near !== undefined ? (parseNear(query.near) ?? undefined) : undefined;
    const rows = await this.board.list({
      status: query.status ?? 'open',
      street: query.street,
      category: query.category,
      employmentType: query.employmentType,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      minPayFen: query.minPayFen,
      q: query.q,
      near: point && { ...point, radiusMeters: (query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000 },
      sort,
      after: query.cursor ? decodeBoardCursor(query.cursor, sort, point) : undefined,
      // One more than the page: its presence says there is a next page.
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => (point ? { ...shiftView(row.shift), distanceKm: roundKm(row.meters) } : shiftView(row.shift))),
      nextCursor: rows.length > limit && last ? encodeBoardCursor(positionOf(last, sort), point) : null,
    };
  }
}

/** Metres → km with one decimal. */
function roundKm(meters: number | undefined): number | null {
  return meters === undefined || !Number.isFinite(meters) ? null : Math.round(meters / 100) / 10;
}

function positionOf(row: BoardRow, sort: BoardSort): BoardPosition {
  switch (sort) {
    case 'startsAt':
      return { sort, startsAt: row.shift.startsAt, id: row.shift.id };
    case 'pay':
      return { sort, payFen: row.shift.payAmountFen, id: row.shift.id };
    case 'distance':
      return { sort, meters: row.meters ?? 0, id: row.shift.id };
  }
}
