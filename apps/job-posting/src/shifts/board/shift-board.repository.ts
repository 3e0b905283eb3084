import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { NamedStatements, pgPool } from '@lingong/database';
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

/** Built statements kept, by filter: a board's few shapes and pages are asked for again and again. */
const BUILT_STATEMENTS_KEPT = 500;

/** Statement shapes given a name, each prepared once per connection (see NamedStatements). */
const NAMED_STATEMENTS = 200;

/**
 * Reads for the board: filters, search and keyset paging over public shifts. The SQL lives here and
 * in the query builder; each filter's statement is built once, and its rows are read into shifts
 * column by column (the board selects the shift's own columns and no relation, so TypeORM's general
 * hydration, a third of a request's time here, has nothing to add).
 */
@Injectable()
export class ShiftBoardRepository {
  private readonly built = new Map<string, { sql: string; parameters: unknown[] }>();
  /** A filter's shape is its SQL text (its values are parameters): a board has a few dozen. */
  private readonly named = new NamedStatements('shift-board', NAMED_STATEMENTS);
  private columns?: { property: keyof Shift; alias: string }[];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `filter.limit` rows after `filter.after`, in the filter's sort order. */
  async list(filter: BoardFilter): Promise<BoardRow[]> {
    const { sql, parameters } = this.statement(filter);
    // Named: each connection parses a shape once, not at every request (with the floor unnamed, the
    // front door's board went from 0.55× its rate to 0.72×), and may keep its plan.
    const rows = await this.named.query<Record<string, unknown>>(pgPool(this.dataSource), sql, parameters);
    return rows.map((row) =>
      filter.near ? { shift: this.toShift(row), meters: Number(row[DISTANCE_ALIAS]) } : { shift: this.toShift(row) },
    );
  }

  private statement(filter: BoardFilter): { sql: string; parameters: unknown[] } {
    const key = JSON.stringify(filter);
    let statement = this.built.get(key);
    if (!statement) {
      const [sql, parameters] = boardQuery(this.dataSource, filter).getQueryAndParameters();
      statement = { sql, parameters };
      if (this.built.size >= BUILT_STATEMENTS_KEPT) this.built.delete(this.built.keys().next().value!);
      this.built.set(key, statement);
    }
    return statement;
  }

  /** A selected row as the entity: each column under the alias TypeORM selects it as, the values as the driver parsed them. */
  private toShift(row: Record<string, unknown>): Shift {
    this.columns ??= this.dataSource
      .getMetadata(Shift)
      .columns.filter((column) => column.isSelect)
      .map((column) => ({ property: column.propertyName as keyof Shift, alias: `shift_${column.databaseName}` }));
    const shift = new Shift();
    for (const { property, alias } of this.columns) if (alias in row) (shift as unknown as Record<string, unknown>)[property] = row[alias];
    return shift;
  }
}
