import { BadRequestException } from '@nestjs/common';
import { isWithinMarketEra } from '@lingong/domain';
import { decodeCursor, encodeCursor } from '@lingong/platform';
import { boardSorts, type BoardPosition, type BoardSort, type Point } from './shift-board.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Exactly what Date#toISOString writes, so no forged key reaches PostgreSQL out of its range. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INVALID = 'cursor is invalid; pass the nextCursor of the previous page';

const pointKey = (point: Point) => `${point.lat},${point.lng}`;

/**
 * A board cursor names the sort it was made for, the last row's sort key (as text: an ISO time,
 * fen, or metres) and its id; a distance cursor also names its point, since distances from
 * another point do not continue the same order.
 */
export function encodeBoardCursor(position: BoardPosition, near?: Point): string {
  switch (position.sort) {
    case 'startsAt':
      return encodeCursor({ sort: position.sort, key: position.startsAt.toISOString(), id: position.id });
    case 'pay':
      return encodeCursor({ sort: position.sort, key: String(position.payFen), id: position.id });
    case 'distance':
      return encodeCursor({ sort: position.sort, key: String(position.meters), id: position.id, near: near ? pointKey(near) : '' });
  }
}

export function decodeBoardCursor(cursor: string, sort: BoardSort, near?: Point): BoardPosition {
  const { sort: madeFor, key, id } = decodeCursor(cursor, ['sort', 'key', 'id'] as const);
  if (madeFor !== sort) {
    const known = (boardSorts as readonly string[]).includes(madeFor);
    throw new BadRequestException([
      known ? `cursor was made for sort=${madeFor}, not sort=${sort}; keep the sort while paging, or start again without cursor` : INVALID,
    ]);
  }
  if (!UUID.test(id)) throw new BadRequestException([INVALID]);
  switch (sort) {
    case 'startsAt': {
      const startsAt = new Date(key);
      if (!ISO_UTC.test(key) || !isWithinMarketEra(startsAt.getTime())) throw new BadRequestException([INVALID]);
      return { sort, startsAt, id };
    }
    case 'pay': {
      // Pay is an int column: at most nine digits keeps the parameter in its range.
      const payFen = Number(key);
      if (!/^\d{1,9}$/.test(key)) throw new BadRequestException([INVALID]);
      return { sort, payFen, id };
    }
    case 'distance': {
      const meters = Number(key);
      if (key.trim() === '' || !Number.isFinite(meters) || meters < 0) throw new BadRequestException([INVALID]);
      const madeNear = (decodeCursor(cursor, ['near'] as const) as { near: string }).near;
      if (!near || madeNear !== pointKey(near)) {
        throw new BadRequestException(['cursor was made for another near point; keep near while paging, or start again without cursor']);
      }
      return { sort, meters, id };
    }
  }
}
