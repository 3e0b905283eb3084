import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSignInFailures1796200100000 implements MigrationInterface {
  name = 'StaffSignInFailures1796200100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_sign_in_failures" ("phone" character varying(11) NOT NULL, "failures" integer NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6f225a2bb2b9cb0942b3e008c80" PRIMARY KEY ("phone"))`,
    );
    await queryRunner.query(`CREATE INDEX "staff_sign_in_failures_last_failed" ON "staff_sign_in_failures"  ("last_failed_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."staff_sign_in_failures_last_failed"`);
    await queryRunner.query(`DROP TABLE "staff_sign_in_failures"`);
  }
}
