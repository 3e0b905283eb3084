import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL compiles a statement to machine code (JIT) once its estimated cost passes a
 * threshold. Lingong's statements are short, and the estimate of one that stops early (a LIMIT
 * over an index) is the cost of reading everything: choosing a shift's alert phones ran in 45 ms
 * and spent 630 ms more compiling 61 functions, on every shift of a publish storm. Off for the
 * database, so every connection (also through a pooler) starts without it.
 */
export class NoJit1797700100000 implements MigrationInterface {
  name = 'NoJit1797700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET jit', current_database()); END $$`);
  }
}
