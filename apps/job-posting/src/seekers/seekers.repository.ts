import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { maskPhone, standing } from '@lingong/domain';

export interface SeekerSummary {
  id: string;
  name: string;
  /** An erased profile's name is a placeholder (已注销), not a person's. */
  erased: boolean;
  phone: string | null;
  phoneMasked: string | null;
  reliability: number;
  rating: number | null;
}

/**
 * Seekers as job-posting needs them: read from worker-profile's `workers` table (read only),
 * with reliability from the seeker figures this service keeps as bookings change, and rating from its ratings.
 */
@Injectable()
export class SeekersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active profile of a signed-in seeker, or null. */
  async idForAccount(accountId: string, manager?: EntityManager): Promise<string | null> {
    const rows = (await (manager ?? this.dataSource).query(`SELECT id FROM workers WHERE account_id = $1 AND status = 'active'`, [
      accountId,
    ])) as {
      id: string;
    }[];
    return rows[0]?.id ?? null;
  }

  /**
   * The seeker's status as a booking sees it, or null when there is no such profile. FOR KEY SHARE
   * waits for an erasure holding the profile (worker-profile locks it FOR UPDATE) and holds it off
   * until the booking commits: a booking either sees the erasure, or is made before it and is then
   * cancelled by the erasure flow.
   */
  async statusForBooking(manager: EntityManager, workerId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT status FROM workers WHERE id = $1 FOR KEY SHARE`, [workerId])) as { status: string }[];
    return rows[0]?.status ?? null;
  }

  /** Name, phone, and the standing (reliability, rating) their bookings and ratings earn them. */
  async summaries(ids: string[]): Promise<Map<string, SeekerSummary>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT w.id, w.name, w.phone, w.status = 'erased' AS erased,
              coalesce(f.completed, 0) AS completed, coalesce(f.no_shows, 0) AS "noShows", coalesce(f.late_cancellations, 0) AS "lateCancellations",
              (SELECT avg(r.stars)::float FROM ratings r WHERE r.worker_id = w.id AND r.rater = 'employer') AS "averageStars"
         FROM workers w LEFT JOIN seeker_figures f ON f.worker_id = w.id
        WHERE w.id = ANY($1)`,
      [ids],
    )) as {
      id: string;
      name: string;
      phone: string | null;
      erased: boolean;
      completed: number;
      noShows: number;
      lateCancellations: number;
      averageStars: number | null;
    }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          erased: row.erased,
          phone: row.phone,
          phoneMasked: row.phone ? maskPhone(row.phone) : null,
          ...standing(row),
        },
      ]),
    );
  }
}
