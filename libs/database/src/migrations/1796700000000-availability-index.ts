import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Availability searchable by an index. A seeker's weekly windows (worker-profile's jsonb, market
 * time UTC+8) are also kept as minutes of the week, Monday 00:00 = 0, in an int4multirange that a
 * trigger derives whenever the availability is written (as workers_derive does for the location),
 * so every writer keeps it current. "Available when the shift starts" becomes one containment,
 * `availability_minutes @> market_minute_of_week(starts_at)`, answered by the reach index itself.
 *
 * The rule is the one the jsonb check applied: a window of the shift's start day whose start is at
 * or before the start minute and whose end is after it (seconds dropped). A window whose end is not
 * after its start never matched that check (an overnight window included), so it is left out here;
 * clock strings are HH:MM or 24:00 (the profile's validation), for which comparing the strings and
 * comparing the minutes agree.
 */
export class AvailabilityIndex1796700000000 implements MigrationInterface {
  name = 'AvailabilityIndex1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION market_minute_of_week(at timestamptz) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ((extract(isodow FROM at AT TIME ZONE 'Asia/Shanghai')::int - 1) * 1440
                + extract(hour FROM at AT TIME ZONE 'Asia/Shanghai')::int * 60
                + extract(minute FROM at AT TIME ZONE 'Asia/Shanghai')::int) $$`);
    await queryRunner.query(`CREATE FUNCTION weekly_minutes(availability jsonb) RETURNS int4multirange LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(range_agg(int4range(
                 (a.day - 1) * 1440 + split_part(a.start, ':', 1)::int * 60 + split_part(a.start, ':', 2)::int,
                 (a.day - 1) * 1440 + split_part(a."end", ':', 1)::int * 60 + split_part(a."end", ':', 2)::int)), '{}')
          FROM jsonb_to_recordset(availability) AS a(day int, start text, "end" text)
         WHERE a.day BETWEEN 1 AND 7 AND a.start < a."end"
           AND a.start ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' AND a."end" ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' $$`);
    await queryRunner.query(`ALTER TABLE "workers" ADD "availability_minutes" int4multirange NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE FUNCTION workers_availability() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        NEW.availability_minutes := weekly_minutes(NEW.availability);
        RETURN NEW; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER workers_availability BEFORE INSERT OR UPDATE OF availability ON "workers" FOR EACH ROW EXECUTE FUNCTION workers_availability()`,
    );
    await queryRunner.query(`UPDATE "workers" SET availability = availability`);
    // The reach walk's index, now also answering availability: a probe reads only those free then.
    await queryRunner.query(`DROP INDEX "public"."workers_reach"`);
    await queryRunner.query(
      `CREATE INDEX "workers_reach" ON "workers" USING gist ("max_distance_km", "location", "availability_minutes") WHERE "status" = 'active' AND "phone" IS NOT NULL AND "location" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_reach"`);
    await queryRunner.query(
      `CREATE INDEX "workers_reach" ON "workers" USING gist ("max_distance_km", "location") WHERE "status" = 'active' AND "phone" IS NOT NULL AND "location" IS NOT NULL`,
    );
    await queryRunner.query(`DROP TRIGGER workers_availability ON "workers"`);
    await queryRunner.query(`DROP FUNCTION workers_availability()`);
    await queryRunner.query(`ALTER TABLE "workers" DROP COLUMN "availability_minutes"`);
    await queryRunner.query(`DROP FUNCTION weekly_minutes(jsonb)`);
    await queryRunner.query(`DROP FUNCTION market_minute_of_week(timestamptz)`);
  }
}
