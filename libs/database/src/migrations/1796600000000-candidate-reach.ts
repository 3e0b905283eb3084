import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate ranking walks seekers nearest-first by reach (distance over their own travel distance):
 * one probe per travel distance of this index, each reading only the seekers within that radius.
 * The travel distance is bounded as the profile form already bounds it (1–100 km), so the walk
 * knows every value there can be.
 */
export class CandidateReach1796600000000 implements MigrationInterface {
  name = 'CandidateReach1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "workers" ADD CONSTRAINT "workers_max_distance_range" CHECK ("max_distance_km" BETWEEN 1 AND 100)`,
    );
    await queryRunner.query(
      `CREATE INDEX "workers_reach" ON "workers" USING gist ("max_distance_km", "location") WHERE "status" = 'active' AND "phone" IS NOT NULL AND "location" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_reach"`);
    await queryRunner.query(`ALTER TABLE "workers" DROP CONSTRAINT "workers_max_distance_range"`);
  }
}
