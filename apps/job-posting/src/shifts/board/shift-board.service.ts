import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '@lingong/platform';
import { shiftView } from '../shift.view';
import type { ListShiftsQuery } from './list-shifts.query';
import { ShiftBoardRepository } from './shift-board.repository';

@Injectable()
export class ShiftBoardService {
  constructor(private readonly board: ShiftBoardRepository) {}

  async list(query: ListShiftsQuery) {
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeCursor(query.cursor, ['startsAt', 'id'] as const) : undefined;
    const rows = await this.board.list({
      status: query.status ?? 'open',
      street: query.street,
      category: query.category,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      after: after && { startsAt: new Date(after.startsAt), id: after.id },
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor({ startsAt: last.startsAt.toISOString(), id: last.id }) : null;
    return { items: page.map(shiftView), nextCursor };
  }
}
