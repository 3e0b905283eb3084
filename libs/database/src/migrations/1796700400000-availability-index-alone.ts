import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Availability keeps an index of its own. The reach index carried it (1796700000000) until
 * 1796800100000 rebuilt that index for walk-ins without a phone on (travel distance, location)
 * alone; a ring's probes still test availability on the row (one containment, cheap), but a query
 * over every candidate for a shift (the exhaustive check, a wide dispatch) needs to find who is
 * free then by index, or it reads the whole market: this index, beside the reach index's columns,
 * serves it (a bitmap of it with the skills index).
 */
export class AvailabilityIndexAlone1796700400000 implements MigrationInterface {
  name = 'AvailabilityIndexAlone1796700400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "workers_availability" ON "workers" USING gist ("availability_minutes") WHERE "status" = 'active' AND "location" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_availability"`);
  }
}
