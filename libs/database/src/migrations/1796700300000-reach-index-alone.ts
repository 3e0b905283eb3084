import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reach index (travel distance, location, availability; partial on the seekers who may be
 * candidates) is the one spatial index on seekers. With the plain location index beside it the
 * planner priced a ring's per-distance probe a hair cheaper on the location index and took it at
 * small sizes, reading every seeker in the radius for each of the hundred travel distances (a
 * ranking over 6,000 seekers went from about 20 ms to 0.5–1 s). Every query on seekers by place
 * is matching's and asks only for candidates, which the reach index holds, KNN order included.
 */
export class ReachIndexAlone1796700300000 implements MigrationInterface {
  name = 'ReachIndexAlone1796700300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_location"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "workers_location" ON "workers" USING gist ("location") `);
  }
}
