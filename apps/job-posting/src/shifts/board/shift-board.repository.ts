import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Shift } from '../shift.entity';
import { applyBoardFilter, applyBoardOrder, DISTANCE_ALIAS } from './shift-board.query-builder';
import type { BoardFilter } from './shift-board.types';

export interface BoardRow {
  shift: Shift;
  /** Metres from `near`, when the filter has one. */
  meters?: number;
}

/**
 * The one board query of a filter: its SQL is what GET /shifts runs, and what the benchmark's raw
 * floor (bench/floor.ts) runs, so the two cannot drift apart.
 */
export function boardQuery(dataSource: DataSource, filter: BoardFilter): SelectQueryBuilder<Shift> {
  const query = dataSource.getRepository(Shift).createQueryBuilder('shift');
  return applyBoardOrder(applyBoardFilter(query, filter), filter).limit(filter.limit);
}

/** Reads for the board: filters, search and keyset paging over public shifts. The SQL lives here and in the query builder. */
@Injectable()
export class ShiftBoardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `filter.limit` rows after `filter.after`, in the filter's sort order. */
  async list(filter: BoardFilter): Promise<BoardRow[]> {
    const query = boardQuery(this.dataSource, filter);
    if (!filter.near) return (await query.getMany()).map((shift) => ({ shift }));
    // No joins, so raw rows and entities correspond one to one, in order.
    const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
    return entities.map((shift, index) => ({ shift, meters: Number(raw[index]?.[DISTANCE_ALIAS]) }));
  }
}
