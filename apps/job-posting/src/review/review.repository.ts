import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Employer } from '../employers/employer.entity';
import { Shift } from '../shifts/shift.entity';

export type EmployerReviewFilter = 'unverified' | 'suspended';

export interface EmployerReviewRow {
  employer: Employer;
  openReports: number;
  shiftsPendingReview: number;
}

/** What the office reviews: shifts waiting for approval and employers to check. Reads only; bounded by `limit`. */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Soonest first (the board index on status and start), since those are the ones about to be too late. */
  pendingShifts(limit: number): Promise<Shift[]> {
    return this.dataSource.getRepository(Shift).find({
      where: { status: 'pending_review' },
      relations: { employer: true },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Newest first; the partial indexes on unverified and suspended employers keep this a short walk. */
  async employers(filter: EmployerReviewFilter, limit: number): Promise<EmployerReviewRow[]> {
    const where = filter === 'unverified' ? 'e.verified_at IS NULL' : 'e.suspended_at IS NOT NULL';
    const rows = (await this.dataSource.query(
      `SELECT e.id,
              (SELECT count(*) FROM shift_reports r WHERE r.employer_id = e.id AND r.status = 'open')::int AS "openReports",
              (SELECT count(*) FROM shifts s WHERE s.employer_id = e.id AND s.status = 'pending_review')::int AS "shiftsPendingReview"
         FROM employers e WHERE ${where} ORDER BY e.created_at DESC, e.id LIMIT $1`,
      [limit],
    )) as { id: string; openReports: number; shiftsPendingReview: number }[];
    if (rows.length === 0) return [];
    const employers = await this.dataSource.getRepository(Employer).findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(employers.map((employer) => [employer.id, employer]));
    return rows.flatMap((row) => {
      const employer = byId.get(row.id);
      return employer ? [{ employer, openReports: row.openReports, shiftsPendingReview: row.shiftsPendingReview }] : [];
    });
  }
}
