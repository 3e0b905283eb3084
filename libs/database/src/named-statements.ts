import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Names for statements run again and again (a board's filters, say), so that each pooled
 * connection parses them once and may keep their plans. Every connection keeps each named
 * statement it ran until it closes, so only the first `atMost` texts get a name; any later one
 * runs unnamed, parsed each time as before.
 */
export class NamedStatements {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly atMost: number,
  ) {}

  nameOf(sql: string): string | undefined {
    let name = this.names.get(sql);
    if (!name && this.names.size < this.atMost) this.names.set(sql, (name = `${this.prefix}-${this.names.size + 1}`));
    return name;
  }

  /** Runs `sql` on the pool under its name (unnamed past the cap). */
  async query<Row extends QueryResultRow>(pool: Pool, sql: string, values: unknown[]): Promise<Row[]> {
    return (await pool.query<Row>({ name: this.nameOf(sql), text: sql, values })).rows;
  }
}

/** The `pg` pool under a TypeORM data source (PostgreSQL's), for what TypeORM's `query` cannot ask, such as a named statement. */
export function pgPool(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
