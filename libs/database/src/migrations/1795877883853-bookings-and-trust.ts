import { MigrationInterface, QueryRunner } from 'typeorm';

export class BookingsAndTrust1795877883853 implements MigrationInterface {
  name = 'BookingsAndTrust1795877883853';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // PostGIS for distances, btree_gist for the exclusion constraint on bookings.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shift_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "note" character varying(500), "status" character varying(16) NOT NULL DEFAULT 'pending', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "applications_worker" ON "applications"  ("worker_id", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "applications_one_open_per_shift" ON "applications"  ("shift_id", "worker_id") WHERE "status" IN ('pending', 'accepted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shift_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "application_id" uuid, "source" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'confirmed', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "period" tstzrange NOT NULL, "employment_type" character varying(16) NOT NULL, "pay_amount_fen" integer NOT NULL, "pay_unit" character varying(8) NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_out_at" TIMESTAMP WITH TIME ZONE, "minutes_worked" integer, "pay_owed_fen" integer, "compensation_fen" integer, "settle_by" TIMESTAMP WITH TIME ZONE, "cancelled_by" character varying(16), "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "late_cancellation" boolean NOT NULL DEFAULT false, "paid_at" TIMESTAMP WITH TIME ZONE, "payment_confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bookings_pay_positive" CHECK ("pay_amount_fen" > 0), CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("worker_id" WITH =, "period" WITH &&) WHERE ("status" IN ('confirmed', 'checked_in', 'completed')), CONSTRAINT "PK_bee6805982cc1e248e94ce94957" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "bookings_shift" ON "bookings"  ("shift_id") `);
    await queryRunner.query(`CREATE INDEX "bookings_worker" ON "bookings"  ("worker_id", "starts_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "bookings_one_active_per_shift" ON "bookings"  ("shift_id", "worker_id") WHERE "status" IN ('confirmed', 'checked_in', 'completed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "rater" character varying(8) NOT NULL, "worker_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "stars" integer NOT NULL, "comment" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ratings_once_per_side" UNIQUE ("booking_id", "rater"), CONSTRAINT "ratings_stars_range" CHECK ("stars" BETWEEN 1 AND 5), CONSTRAINT "PK_0f31425b073219379545ad68ed9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "shift_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shift_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "reason" character varying(16) NOT NULL, "detail" character varying(1000), "status" character varying(16) NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_808f8755e3b47b0c9327f750205" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "shift_reports_shift" ON "shift_reports"  ("shift_id") `);
    await queryRunner.query(
      `CREATE TABLE "worker_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "worker_id" uuid NOT NULL, "purpose" character varying(24) NOT NULL, "granted" boolean NOT NULL, "recorded_by" uuid, "channel" character varying(8) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3271436bd0d1092517c217f549c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "worker_consents_worker" ON "worker_consents"  ("worker_id", "recorded_at") `);
    await queryRunner.query(`ALTER TABLE "employers" ADD "suspension_reason" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "shifts" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "shifts" ADD "cancel_reason" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "shifts" ADD "location" geography(Point,4326)`);
    await queryRunner.query(`ALTER TABLE "shifts" ADD "search_bigrams" text array`);
    await queryRunner.query(`ALTER TABLE "workers" ADD "resident_id_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "workers" ADD CONSTRAINT "UQ_131d1a6eb74db4b98481081e178" UNIQUE ("resident_id_hash")`);
    await queryRunner.query(`ALTER TABLE "workers" ADD "resident_id_last4" character varying(4)`);
    await queryRunner.query(`ALTER TABLE "workers" ADD "location" geography(Point,4326)`);
    await queryRunner.query(`ALTER TABLE "workers" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "workers" ALTER COLUMN "lat" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "workers" ALTER COLUMN "lng" DROP NOT NULL`);
    // Written by hand: columns derived by triggers, so every writer gets them right.
    // Chinese search: most words have two characters, which pg_trgm cannot index; a GIN index over
    // the distinct character bigrams of title and description can (see ../shared/STACK.md).
    await queryRunner.query(`CREATE FUNCTION text_bigrams(input text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(array_agg(DISTINCT pair), '{}') FROM (
              SELECT substr(lower(input), i, 2) AS pair FROM generate_series(1, greatest(char_length(input) - 1, 0)) AS i
            ) AS pairs WHERE pair !~ '\\s' $$`);
    await queryRunner.query(`CREATE FUNCTION shifts_derive() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            NEW.location := ST_SetSRID(ST_MakePoint(NEW.lng, NEW.lat), 4326)::geography;
            NEW.search_bigrams := text_bigrams(NEW.title || ' ' || NEW.description);
            RETURN NEW; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER shifts_derive BEFORE INSERT OR UPDATE OF lat, lng, title, description ON "shifts" FOR EACH ROW EXECUTE FUNCTION shifts_derive()`,
    );
    await queryRunner.query(`UPDATE "shifts" SET lat = lat`);
    await queryRunner.query(`ALTER TABLE "shifts" ALTER COLUMN "location" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "shifts" ALTER COLUMN "search_bigrams" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "shifts_search_bigrams" ON "shifts" USING gin ("search_bigrams")`);
    await queryRunner.query(`CREATE FUNCTION workers_derive() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            NEW.location := CASE WHEN NEW.lat IS NULL OR NEW.lng IS NULL THEN NULL
                                 ELSE ST_SetSRID(ST_MakePoint(NEW.lng, NEW.lat), 4326)::geography END;
            RETURN NEW; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER workers_derive BEFORE INSERT OR UPDATE OF lat, lng ON "workers" FOR EACH ROW EXECUTE FUNCTION workers_derive()`,
    );
    await queryRunner.query(`UPDATE "workers" SET lat = lat`);
    // The booked period as a range, [start, end): adjacent shifts do not overlap.
    await queryRunner.query(`CREATE FUNCTION bookings_derive() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            NEW.period := tstzrange(NEW.starts_at, NEW.ends_at, '[)');
            RETURN NEW; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER bookings_derive BEFORE INSERT OR UPDATE OF starts_at, ends_at ON "bookings" FOR EACH ROW EXECUTE FUNCTION bookings_derive()`,
    );
    await queryRunner.query(`CREATE INDEX "shifts_location" ON "shifts" USING gist ("location") `);
    await queryRunner.query(`CREATE INDEX "workers_location" ON "workers" USING gist ("location") `);
    await queryRunner.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "FK_29e485abd786649b13acc990c9e" FOREIGN KEY ("shift_id") REFERENCES "shifts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER bookings_derive ON "bookings"`);
    await queryRunner.query(`DROP FUNCTION bookings_derive()`);
    await queryRunner.query(`DROP TRIGGER workers_derive ON "workers"`);
    await queryRunner.query(`DROP FUNCTION workers_derive()`);
    await queryRunner.query(`DROP INDEX "public"."shifts_search_bigrams"`);
    await queryRunner.query(`DROP TRIGGER shifts_derive ON "shifts"`);
    await queryRunner.query(`DROP FUNCTION shifts_derive()`);
    await queryRunner.query(`DROP FUNCTION text_bigrams(text)`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP CONSTRAINT "FK_29e485abd786649b13acc990c9e"`);
    await queryRunner.query(`DROP INDEX "public"."workers_location"`);
    await queryRunner.query(`DROP INDEX "public"."shifts_location"`);
    await queryRunner.query(`ALTER TABLE "workers" ALTER COLUMN "lng" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "workers" ALTER COLUMN "lat" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "workers" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "workers" DROP COLUMN "location"`);
    await queryRunner.query(`ALTER TABLE "workers" DROP COLUMN "resident_id_last4"`);
    await queryRunner.query(`ALTER TABLE "workers" DROP CONSTRAINT "UQ_131d1a6eb74db4b98481081e178"`);
    await queryRunner.query(`ALTER TABLE "workers" DROP COLUMN "resident_id_hash"`);
    await queryRunner.query(`ALTER TABLE "shifts" DROP COLUMN "search_bigrams"`);
    await queryRunner.query(`ALTER TABLE "shifts" DROP COLUMN "location"`);
    await queryRunner.query(`ALTER TABLE "shifts" DROP COLUMN "cancel_reason"`);
    await queryRunner.query(`ALTER TABLE "shifts" DROP COLUMN "cancelled_at"`);
    await queryRunner.query(`ALTER TABLE "employers" DROP COLUMN "suspension_reason"`);
    await queryRunner.query(`DROP INDEX "public"."worker_consents_worker"`);
    await queryRunner.query(`DROP TABLE "worker_consents"`);
    await queryRunner.query(`DROP INDEX "public"."shift_reports_shift"`);
    await queryRunner.query(`DROP TABLE "shift_reports"`);
    await queryRunner.query(`DROP TABLE "ratings"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_one_active_per_shift"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_worker"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_shift"`);
    await queryRunner.query(`DROP TABLE "bookings"`);
    await queryRunner.query(`DROP INDEX "public"."applications_one_open_per_shift"`);
    await queryRunner.query(`DROP INDEX "public"."applications_worker"`);
    await queryRunner.query(`DROP TABLE "applications"`);
  }
}
