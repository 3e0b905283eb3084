import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface MarketCounts {
  shiftsPosted: number;
  peopleNeeded: number;
  placesFilled: number;
  bookings: number;
  seekersServed: number;
  priorityServed: number;
  medianMinutesToFill: number | null;
}

/** The day's (or any window's) figures, read from the services' tables. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(from: Date, to: Date): Promise<MarketCounts> {
    const rows = (await this.dataSource.query(
      `WITH posted AS (
         SELECT id, headcount, published_at FROM shifts WHERE published_at >= $1 AND published_at < $2
       ), active AS (
         SELECT b.* FROM bookings b WHERE b.status IN ('confirmed', 'checked_in', 'completed')
       ), fill_times AS (
         -- minutes from publishing to the booking that took the last place
         SELECT extract(epoch FROM (nth.created_at - p.published_at)) / 60 AS minutes
           FROM posted p
           JOIN LATERAL (SELECT a.created_at FROM active a WHERE a.shift_id = p.id ORDER BY a.created_at OFFSET p.headcount - 1 LIMIT 1) nth ON true
       ), served AS (
         SELECT DISTINCT a.worker_id, w.priority_group FROM active a JOIN workers w ON w.id = a.worker_id WHERE a.created_at >= $1 AND a.created_at < $2
       )
       SELECT (SELECT count(*) FROM posted)::int AS "shiftsPosted",
              (SELECT coalesce(sum(headcount), 0) FROM posted)::int AS "peopleNeeded",
              (SELECT count(*) FROM active a JOIN posted p ON p.id = a.shift_id)::int AS "placesFilled",
              (SELECT count(*) FROM bookings WHERE created_at >= $1 AND created_at < $2)::int AS bookings,
              (SELECT count(*) FROM served)::int AS "seekersServed",
              (SELECT count(*) FROM served WHERE priority_group <> 'none')::int AS "priorityServed",
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FROM fill_times) AS "medianMinutesToFill"`,
      [from, to],
    )) as (Omit<MarketCounts, 'medianMinutesToFill'> & { medianMinutesToFill: number | null })[];
    const row = rows[0]!;
    return { ...row, medianMinutesToFill: row.medianMinutesToFill === null ? null : Math.round(Number(row.medianMinutesToFill)) };
  }

  /** Hours and earnings of every active seeker in the window, zeros included: what the Gini is taken over. */
  async workPerSeeker(from: Date, to: Date): Promise<{ hours: number; earningsFen: number }[]> {
    const rows = (await this.dataSource.query(
      `SELECT coalesce(sum(b.minutes_worked), 0) / 60.0 AS hours, coalesce(sum(b.pay_owed_fen), 0) AS "earningsFen"
         FROM workers w
         LEFT JOIN bookings b ON b.worker_id = w.id AND b.status = 'completed' AND b.checked_out_at >= $1 AND b.checked_out_at < $2
        WHERE w.status = 'active' GROUP BY w.id`,
      [from, to],
    )) as { hours: string; earningsFen: string }[];
    return rows.map((row) => ({ hours: Number(row.hours), earningsFen: Number(row.earningsFen) }));
  }
}
