import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { noRecord, type WorkerRecord } from '@lingong/domain';

/** Bookings that put a seeker on an employer's shift; cancelled ones and no-shows do not. */
const bookedStatuses = ['confirmed', 'checked_in', 'completed'];

/**
 * Reads of job-posting's tables (seeker_figures, bookings, ratings, shifts, employers): worker-profile never writes
 * them (DESIGN.md, one owner per table).
 */
@Injectable()
export class WorkerRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One query for a whole page of seekers: booking outcomes (the figures job-posting keeps) and employers' average stars. */
  async records(workerIds: string[]): Promise<Map<string, WorkerRecord>> {
    if (workerIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT ids.id,
              coalesce(b.completed, 0)::int AS completed,
              coalesce(b.no_shows, 0)::int AS "noShows",
              coalesce(b.late_cancellations, 0)::int AS "lateCancellations",
              r.average_stars::float8 AS "averageStars"
         FROM unnest($1::uuid[]) AS ids(id)
         LEFT JOIN seeker_figures b ON b.worker_id = ids.id
         LEFT JOIN (
           SELECT worker_id, avg(stars) AS average_stars
             FROM ratings WHERE rater = 'employer' AND worker_id = ANY($1::uuid[]) GROUP BY worker_id
         ) r ON r.worker_id = ids.id`,
      [workerIds],
    )) as (WorkerRecord & { id: string })[];
    const byId = new Map<string, WorkerRecord>(rows.map(({ id, ...record }) => [id, record]));
    return new Map(workerIds.map((id) => [id, byId.get(id) ?? noRecord]));
  }

  /** Whether the employer signed in as this account has the seeker booked on one of its shifts. */
  async isBookedBy(employerAccountId: string, workerId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM bookings b
         JOIN shifts s ON s.id = b.shift_id
         JOIN employers e ON e.id = s.employer_id
        WHERE b.worker_id = $1 AND e.account_id = $2 AND b.status = ANY($3::text[])
        LIMIT 1`,
      [workerId, employerAccountId, bookedStatuses],
    )) as unknown[];
    return rows.length > 0;
  }
}
