import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Walk-ins without a phone are candidates at the referral desk (never offered by SMS): the
 * nearest-first walk's index holds every active seeker with a location, phone or not. The offers'
 * walk adds its phone condition to what it reads through the index.
 */
export class ReachWithoutPhone1796800100000 implements MigrationInterface {
  name = 'ReachWithoutPhone1796800100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_reach"`);
    await queryRunner.query(
      `CREATE INDEX "workers_reach" ON "workers" USING gist ("max_distance_km", "location") WHERE "status" = 'active' AND "location" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_reach"`);
    await queryRunner.query(
      `CREATE INDEX "workers_reach" ON "workers" USING gist ("max_distance_km", "location") WHERE "status" = 'active' AND "phone" IS NOT NULL AND "location" IS NOT NULL`,
    );
  }
}
