import { MigrationInterface, QueryRunner } from 'typeorm';

export class UrgentSmsLane1797100000000 implements MigrationInterface {
  name = 'UrgentSmsLane1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Messages written before this were all queued on `notifications`, which is where `false` sends the sweep to look.
    await queryRunner.query(`ALTER TABLE "notifications" ADD "urgent" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "batch_id" character varying(100)`);
    await queryRunner.query(`CREATE INDEX "notifications_batch" ON "notifications"  ("batch_id") WHERE "batch_id" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_batch"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "batch_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "urgent"`);
  }
}
