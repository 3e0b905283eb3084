import { MigrationInterface, QueryRunner } from 'typeorm';

export class Offers1795882176649 implements MigrationInterface {
  name = 'Offers1795882176649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shift_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "phone" character varying(11) NOT NULL, "score" double precision NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "booking_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "offers_phone_pending" ON "offers"  ("phone", "created_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "offers_one_per_shift_and_seeker" ON "offers"  ("shift_id", "worker_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."offers_one_per_shift_and_seeker"`);
    await queryRunner.query(`DROP INDEX "public"."offers_phone_pending"`);
    await queryRunner.query(`DROP TABLE "offers"`);
  }
}
