import { MigrationInterface, QueryRunner } from 'typeorm';

export class OfficeReviewAndFigures1796900000000 implements MigrationInterface {
  name = 'OfficeReviewAndFigures1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shift_reports" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" ADD "solver_total_score" double precision`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" ADD "edited_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" ADD "edited_by" character varying(64)`);
    await queryRunner.query(`CREATE INDEX "employers_suspended" ON "employers"  ("created_at") WHERE "suspended_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "employers_unverified" ON "employers"  ("created_at") WHERE "verified_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "shifts_published" ON "shifts"  ("published_at") WHERE "published_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "bookings_checked_out" ON "bookings"  ("checked_out_at") WHERE "status" = 'completed'`);
    await queryRunner.query(`CREATE INDEX "shift_reports_open_employer" ON "shift_reports"  ("employer_id") WHERE "status" = 'open'`);
    await queryRunner.query(`CREATE INDEX "notifications_created" ON "notifications"  ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_created"`);
    await queryRunner.query(`DROP INDEX "public"."shift_reports_open_employer"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_checked_out"`);
    await queryRunner.query(`DROP INDEX "public"."shifts_published"`);
    await queryRunner.query(`DROP INDEX "public"."employers_unverified"`);
    await queryRunner.query(`DROP INDEX "public"."employers_suspended"`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" DROP COLUMN "edited_by"`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" DROP COLUMN "edited_at"`);
    await queryRunner.query(`ALTER TABLE "dispatch_plans" DROP COLUMN "solver_total_score"`);
    await queryRunner.query(`ALTER TABLE "shift_reports" DROP COLUMN "reviewed_at"`);
  }
}
