import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seekers' figures from their bookings, kept in one place (job-posting's, as bookings are): the
 * reliability inputs that job-posting, worker-profile and matching each counted from bookings
 * in their own SQL, and the work of each market day that the 30-day hours and pay are summed from.
 *
 * - seeker_figures: per seeker, bookings completed, no-shows and late cancellations by the seeker
 *   (ever, as reliability has always counted them);
 * - seeker_work_daily: per seeker and market day (UTC+8) on which a completed booking ended, its
 *   minutes worked and pay owed.
 *
 * A trigger on bookings keeps both in the transaction that changes a booking, whichever code path
 * (or script) changes it: the old row's part is taken away and the new row's added, and an update
 * that touches none of the inputs skips it. Other services read these tables, never write them.
 */
export class SeekerFigures1796700100000 implements MigrationInterface {
  name = 'SeekerFigures1796700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "seeker_figures" (
        "worker_id" uuid NOT NULL,
        "completed" integer NOT NULL DEFAULT 0,
        "no_shows" integer NOT NULL DEFAULT 0,
        "late_cancellations" integer NOT NULL DEFAULT 0,
        CONSTRAINT "seeker_figures_pk" PRIMARY KEY ("worker_id"))`);
    await queryRunner.query(`CREATE TABLE "seeker_work_daily" (
        "worker_id" uuid NOT NULL,
        "market_day" date NOT NULL,
        "minutes_worked" integer NOT NULL DEFAULT 0,
        "earnings_fen" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "seeker_work_daily_pk" PRIMARY KEY ("worker_id", "market_day"))`);
    await queryRunner.query(`CREATE FUNCTION seeker_figures_add(b bookings, direction int) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        is_completed int := (b.status = 'completed')::int;
        is_no_show int := (b.status = 'no_show')::int;
        is_late int := (b.status = 'cancelled' AND b.cancelled_by = 'worker' AND b.late_cancellation)::int;
      BEGIN
        IF is_completed + is_no_show + is_late > 0 THEN
          INSERT INTO seeker_figures AS f (worker_id, completed, no_shows, late_cancellations)
               VALUES (b.worker_id, direction * is_completed, direction * is_no_show, direction * is_late)
          ON CONFLICT (worker_id) DO UPDATE
             SET completed = f.completed + EXCLUDED.completed, no_shows = f.no_shows + EXCLUDED.no_shows,
                 late_cancellations = f.late_cancellations + EXCLUDED.late_cancellations;
        END IF;
        IF is_completed = 1 THEN
          INSERT INTO seeker_work_daily AS d (worker_id, market_day, minutes_worked, earnings_fen)
               VALUES (b.worker_id, (b.ends_at AT TIME ZONE 'Asia/Shanghai')::date,
                       direction * coalesce(b.minutes_worked, 0), direction * coalesce(b.pay_owed_fen, 0))
          ON CONFLICT (worker_id, market_day) DO UPDATE
             SET minutes_worked = d.minutes_worked + EXCLUDED.minutes_worked, earnings_fen = d.earnings_fen + EXCLUDED.earnings_fen;
        END IF;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION bookings_figures() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM seeker_figures_add(OLD, -1); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM seeker_figures_add(NEW, 1); END IF;
        RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER bookings_figures AFTER INSERT OR DELETE ON "bookings" FOR EACH ROW EXECUTE FUNCTION bookings_figures()`,
    );
    await queryRunner.query(`CREATE TRIGGER bookings_figures_change AFTER UPDATE ON "bookings" FOR EACH ROW
        WHEN ((OLD.worker_id, OLD.status, OLD.cancelled_by, OLD.late_cancellation, OLD.ends_at, OLD.minutes_worked, OLD.pay_owed_fen)
              IS DISTINCT FROM (NEW.worker_id, NEW.status, NEW.cancelled_by, NEW.late_cancellation, NEW.ends_at, NEW.minutes_worked, NEW.pay_owed_fen))
        EXECUTE FUNCTION bookings_figures()`);
    // The history so far.
    await queryRunner.query(`INSERT INTO seeker_figures (worker_id, completed, no_shows, late_cancellations)
        SELECT worker_id,
               count(*) FILTER (WHERE status = 'completed'),
               count(*) FILTER (WHERE status = 'no_show'),
               count(*) FILTER (WHERE status = 'cancelled' AND cancelled_by = 'worker' AND late_cancellation)
          FROM bookings WHERE status IN ('completed', 'no_show', 'cancelled') GROUP BY worker_id`);
    await queryRunner.query(`INSERT INTO seeker_work_daily (worker_id, market_day, minutes_worked, earnings_fen)
        SELECT worker_id, (ends_at AT TIME ZONE 'Asia/Shanghai')::date, sum(coalesce(minutes_worked, 0)), sum(coalesce(pay_owed_fen, 0))
          FROM bookings WHERE status = 'completed' GROUP BY 1, 2`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER bookings_figures_change ON "bookings"`);
    await queryRunner.query(`DROP TRIGGER bookings_figures ON "bookings"`);
    await queryRunner.query(`DROP FUNCTION bookings_figures()`);
    await queryRunner.query(`DROP FUNCTION seeker_figures_add(bookings, int)`);
    await queryRunner.query(`DROP TABLE "seeker_work_daily"`);
    await queryRunner.query(`DROP TABLE "seeker_figures"`);
  }
}
