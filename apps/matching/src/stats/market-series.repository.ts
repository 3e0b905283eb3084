import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A market day's key, `YYYY-MM-DD` in Asia/Shanghai, as SQL buckets times. */
const marketDay = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
const activeBooking = `b.status IN ('confirmed', 'checked_in', 'completed')`;

export interface DayCount {
  day: string;
  count: number;
}

/**
 * The figures of the office's dashboard and month report, per market day, read from the services'
 * tables (writes nothing). Every query is bounded by its window and walks an index on the time it
 * buckets by (bookings_created, bookings_checked_out, shifts_published, notifications_created).
 */
@Injectable()
export class MarketSeriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async bookingsPerDay(from: Date, to: Date): Promise<DayCount[]> {
    return (await this.dataSource.query(
      `SELECT ${marketDay('b.created_at')} AS day, count(*)::int AS count FROM bookings b WHERE b.created_at >= $1 AND b.created_at < $2 GROUP BY 1`,
      [from, to],
    )) as DayCount[];
  }

  /** Distinct people in a priority group booked (and not cancelled) per day of booking. */
  async priorityServedPerDay(from: Date, to: Date): Promise<DayCount[]> {
    return (await this.dataSource.query(
      `SELECT ${marketDay('b.created_at')} AS day, count(DISTINCT b.worker_id)::int AS count
         FROM bookings b JOIN workers w ON w.id = b.worker_id
        WHERE b.created_at >= $1 AND b.created_at < $2 AND ${activeBooking} AND w.priority_group <> 'none'
        GROUP BY 1`,
      [from, to],
    )) as DayCount[];
  }

  /** Distinct people served over the window, per priority group ('none' included, for the share). */
  async servedByGroup(from: Date, to: Date): Promise<{ group: string; people: number }[]> {
    return (await this.dataSource.query(
      `SELECT w.priority_group AS "group", count(DISTINCT b.worker_id)::int AS people
         FROM bookings b JOIN workers w ON w.id = b.worker_id
        WHERE b.created_at >= $1 AND b.created_at < $2 AND ${activeBooking}
        GROUP BY 1`,
      [from, to],
    )) as { group: string; people: number }[];
  }

  /** Shifts published in the window and not called off, per category: places needed and booked. */
  async fillByCategory(from: Date, to: Date): Promise<{ category: string; needed: number; filled: number }[]> {
    return (await this.dataSource.query(
      `SELECT s.category, sum(s.headcount)::int AS needed, sum(s.filled)::int AS filled
         FROM shifts s WHERE s.published_at >= $1 AND s.published_at < $2 AND s.status <> 'cancelled'
        GROUP BY 1 ORDER BY 1`,
      [from, to],
    )) as { category: string; needed: number; filled: number }[];
  }

  /** Hours of completed work per active seeker and day of check-out: what the rolling Gini is taken over. */
  async hoursPerSeekerDay(from: Date, to: Date): Promise<{ workerId: string; day: string; hours: number }[]> {
    const rows = (await this.dataSource.query(
      `SELECT b.worker_id AS "workerId", ${marketDay('b.checked_out_at')} AS day, sum(b.minutes_worked) / 60.0 AS hours
         FROM bookings b JOIN workers w ON w.id = b.worker_id AND w.status = 'active'
        WHERE b.status = 'completed' AND b.checked_out_at >= $1 AND b.checked_out_at < $2
        GROUP BY 1, 2`,
      [from, to],
    )) as { workerId: string; day: string; hours: string }[];
    return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
  }

  async activeSeekers(): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS count FROM workers WHERE status = 'active'`)) as { count: number }[];
    return rows[0]!.count;
  }

  /** SMS written per day and how they ended: sent (or delivered), failed (or given up as too late). */
  async smsPerDay(from: Date, to: Date): Promise<{ day: string; sent: number; failed: number }[]> {
    return (await this.dataSource.query(
      `SELECT ${marketDay('n.created_at')} AS day,
              count(*) FILTER (WHERE n.status IN ('sent', 'delivered'))::int AS sent,
              count(*) FILTER (WHERE n.status IN ('failed', 'expired'))::int AS failed
         FROM notifications n WHERE n.created_at >= $1 AND n.created_at < $2 GROUP BY 1`,
      [from, to],
    )) as { day: string; sent: number; failed: number }[];
  }

  /** Completed work in the window whose wage is past its settle-by date and not marked paid. */
  async unpaidWages(from: Date, to: Date, now: Date): Promise<{ bookings: number; amountFen: number }> {
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS bookings, coalesce(sum(b.pay_owed_fen), 0)::bigint AS "amountFen"
         FROM bookings b
        WHERE b.status = 'completed' AND b.checked_out_at >= $1 AND b.checked_out_at < $2 AND b.paid_at IS NULL AND b.settle_by < $3`,
      [from, to, now],
    )) as { bookings: number; amountFen: string }[];
    return { bookings: rows[0]!.bookings, amountFen: Number(rows[0]!.amountFen) };
  }

  async reportsReceived(from: Date, to: Date): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM shift_reports WHERE created_at >= $1 AND created_at < $2`,
      [from, to],
    )) as { count: number }[];
    return rows[0]!.count;
  }
}
