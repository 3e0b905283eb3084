import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reliability1796300000000 implements MigrationInterface {
  name = 'Reliability1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookings" ADD "idempotency_key" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" ADD "confirm_started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "offers" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "matters_until" TIMESTAMP WITH TIME ZONE`);
    // Offers made before this went out at once; plans left confirming may be finished by the sweep.
    await queryRunner.query(`UPDATE "offers" SET "sent_at" = "created_at"`);
    await queryRunner.query(`UPDATE "dispatch_plans" SET "confirm_started_at" = "created_at" WHERE "status" = 'confirming'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "bookings_idempotency_key" ON "bookings"  ("idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "offers_pending_expiry" ON "offers"  ("expires_at") WHERE "status" = 'pending'`);
    await queryRunner.query(
      `CREATE INDEX "notifications_unsent" ON "notifications"  ("updated_at") WHERE "status" IN ('queued', 'sending')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_unsent"`);
    await queryRunner.query(`DROP INDEX "public"."offers_pending_expiry"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "matters_until"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP COLUMN "sent_at"`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" DROP COLUMN "confirm_started_at"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP COLUMN "idempotency_key"`);
  }
}
