import { MigrationInterface, QueryRunner } from 'typeorm';

export class ErasureAndRevocation1796100000000 implements MigrationInterface {
  name = 'ErasureAndRevocation1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "erasures" ("worker_id" uuid NOT NULL, "phone_hash" character varying(64), "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_680d6c359f2894ba4a2e1e597c6" PRIMARY KEY ("worker_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "erasures_phone_hash" ON "erasures"  ("phone_hash") WHERE "phone_hash" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "token_generation" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "worker_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "caused_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "notifications_worker" ON "notifications"  ("worker_id") WHERE "worker_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "offers" ALTER COLUMN "phone" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offers" ALTER COLUMN "phone" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."notifications_worker"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "caused_at"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "worker_id"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "token_generation"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`DROP INDEX "public"."erasures_phone_hash"`);
    await queryRunner.query(`DROP TABLE "erasures"`);
  }
}
