import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fairness medians (hours and pay of the last 30 market days over active seekers), kept by
 * matching in one row instead of computed for rankings: the worker's sweep asks matching to
 * recompute them once they are a few minutes old (they move slowly), and rankings read the row.
 */
export class FairnessMedians1796700200000 implements MigrationInterface {
  name = 'FairnessMedians1796700200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "fairness_medians" (
        "id" smallint NOT NULL DEFAULT 1,
        "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "median_hours_last_30_days" double precision NOT NULL,
        "median_earnings_last_30_days_fen" double precision NOT NULL,
        CONSTRAINT "fairness_medians_one_row" CHECK ("id" = 1),
        CONSTRAINT "fairness_medians_pk" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "fairness_medians"`);
  }
}
