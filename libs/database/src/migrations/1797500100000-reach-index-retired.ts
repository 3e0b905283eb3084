import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidate walk reads matching's in-memory seeker pool now, not rings of the reach index, so
 * the index (one GiST probe per travel distance) only slowed every write to workers.
 */
export class ReachIndexRetired1797500100000 implements MigrationInterface {
  name = 'ReachIndexRetired1797500100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_reach"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "workers_reach" ON "workers" USING gist ("max_distance_km", "location") WHERE "status" = 'active' AND "location" IS NOT NULL`,
    );
  }
}
