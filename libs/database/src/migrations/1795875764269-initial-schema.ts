import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795875764269 implements MigrationInterface {
  name = 'InitialSchema1795875764269';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await queryRunner.query(
      `CREATE TABLE "outbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, "relay_attempts" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_events_unrelayed" ON "outbox_events"  ("created_at") WHERE relayed_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "employers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid, "name" character varying(100) NOT NULL, "contact_name" character varying(50) NOT NULL, "street" character varying(20) NOT NULL, "address" character varying(200) NOT NULL, "uscc" character varying(18), "verified_at" TIMESTAMP WITH TIME ZONE, "suspended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_47b2977cb6c1f5dc15c796247ff" UNIQUE ("account_id"), CONSTRAINT "PK_f2c1aea3e8d7aa3c5fba949c97d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "shifts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "title" character varying(60) NOT NULL, "description" text NOT NULL DEFAULT '', "category" character varying(20) NOT NULL, "employment_type" character varying(16) NOT NULL, "street" character varying(20) NOT NULL, "address" character varying(200) NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "headcount" integer NOT NULL, "filled" integer NOT NULL DEFAULT '0', "pay_amount_fen" integer NOT NULL, "pay_unit" character varying(8) NOT NULL, "settlement" character varying(16) NOT NULL, "required_skills" text array NOT NULL DEFAULT '{}', "required_certificates" text array NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL DEFAULT 'draft', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "shifts_pay_positive" CHECK ("pay_amount_fen" > 0), CONSTRAINT "shifts_filled_range" CHECK ("filled" >= 0 AND "filled" <= "headcount"), CONSTRAINT "shifts_headcount_range" CHECK ("headcount" BETWEEN 1 AND 500), CONSTRAINT "shifts_ends_after_starts" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_84d692e367e4d6cdf045828768c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "shifts_employer" ON "shifts"  ("employer_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "shifts_board" ON "shifts"  ("status", "starts_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phone" character varying(11) NOT NULL, "role" character varying(16) NOT NULL, "name" character varying(50), "password_hash" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "accounts_phone_role" UNIQUE ("phone", "role"), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "otp_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phone" character varying(11) NOT NULL, "code_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "consumed_at" TIMESTAMP WITH TIME ZONE, "requested_from" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d0487965ac1837d57fec4d6a26" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "otp_codes_phone_created" ON "otp_codes"  ("phone", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "workers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid, "phone" character varying(11), "name" character varying(50) NOT NULL, "street" character varying(20) NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "max_distance_km" integer NOT NULL DEFAULT '10', "skills" jsonb NOT NULL DEFAULT '[]', "certificates" jsonb NOT NULL DEFAULT '[]', "availability" jsonb NOT NULL DEFAULT '[]', "expected_daily_pay_fen" integer, "has_smartphone" boolean NOT NULL DEFAULT true, "consent_data_processing_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consent_sms" boolean NOT NULL DEFAULT false, "sms_opt_out_at" TIMESTAMP WITH TIME ZONE, "priority_group" character varying(24) NOT NULL DEFAULT 'none', "status" character varying(16) NOT NULL DEFAULT 'active', "registered_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e7eeaa7f90173266d48e851e557" UNIQUE ("account_id"), CONSTRAINT "UQ_6c44d7b306613252e80242b67b6" UNIQUE ("phone"), CONSTRAINT "PK_e950c9aba3bd84a4f193058d838" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "workers_street" ON "workers"  ("street") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" character varying(200) NOT NULL, "phone" character varying(11) NOT NULL, "kind" character varying(32) NOT NULL, "text" character varying(500) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "provider" character varying(16), "provider_message_id" character varying(100), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_1ce34a3c9fd97cd56bcb734ca9e" UNIQUE ("dedupe_key"), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_phone_created" ON "notifications"  ("phone", "created_at") `);
    // Written by hand (declared on the entities with synchronize: false):
    // skills containment (`skills @> '[{"code":"loading"}]'`) answered from an index.
    await queryRunner.query(`CREATE INDEX "workers_skills" ON "workers" USING gin ("skills" jsonb_path_ops)`);
    // Wakes the outbox relay as soon as an event commits; its polling is only the fallback.
    await queryRunner.query(
      `CREATE FUNCTION notify_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('outbox_event', ''); RETURN NULL; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER outbox_events_notify AFTER INSERT ON "outbox_events" FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_event()`,
    );
    await queryRunner.query(
      `ALTER TABLE "shifts" ADD CONSTRAINT "FK_a2195407bf3b0ba0818a8a10c63" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_events_notify ON "outbox_events"`);
    await queryRunner.query(`DROP FUNCTION notify_outbox_event()`);
    await queryRunner.query(`DROP INDEX "public"."workers_skills"`);
    await queryRunner.query(`ALTER TABLE "shifts" DROP CONSTRAINT "FK_a2195407bf3b0ba0818a8a10c63"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_phone_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."workers_street"`);
    await queryRunner.query(`DROP TABLE "workers"`);
    await queryRunner.query(`DROP INDEX "public"."otp_codes_phone_created"`);
    await queryRunner.query(`DROP TABLE "otp_codes"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP INDEX "public"."shifts_board"`);
    await queryRunner.query(`DROP INDEX "public"."shifts_employer"`);
    await queryRunner.query(`DROP TABLE "shifts"`);
    await queryRunner.query(`DROP TABLE "employers"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_events_unrelayed"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
  }
}
