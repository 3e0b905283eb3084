import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A question we sent to a phone and that still waits for its 1 or 2. */
export interface OpenQuestion {
  kind: 'offer' | 'attendance';
  /** The offer's id, or the booking's for an attendance question. */
  id: string;
  workerId: string;
}

/** Bookings asked about the evening before and not yet answered, of the seeker with phone $1, at $2. */
const openAttendanceQuestions = `
  SELECT 'attendance' AS kind, b.id, b.worker_id AS "workerId", b.attendance_requested_at AS asked_at
    FROM workers w JOIN bookings b ON b.worker_id = w.id
   WHERE w.phone = $1 AND w.erased_at IS NULL AND b.status = 'confirmed'
     AND b.attendance_requested_at IS NOT NULL AND b.attendance_confirmed_at IS NULL AND b.starts_at > $2`;

/**
 * What a reply answers: the latest open question sent to that phone, whether an offer (matching's)
 * or the evening request to confirm a booking (job-posting's booking, read here, written there).
 * An offer of a shift the person is already booked on is no question: a "1" the evening before then
 * confirms attendance instead of meeting ALREADY_BOOKED.
 */
@Injectable()
export class OpenQuestionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async latestFor(phone: string, now: Date): Promise<OpenQuestion | null> {
    const rows = (await this.dataSource.query(
      `SELECT kind, id, "workerId" FROM (
         SELECT 'offer' AS kind, o.id, o.worker_id AS "workerId", o.sent_at AS asked_at
           FROM offers o
          WHERE o.phone = $1 AND o.status = 'pending' AND o.sent_at IS NOT NULL AND o.expires_at > $2
            -- An offer of a shift the person has since been booked on (a referral, an application) asks nothing more.
            AND NOT EXISTS (
              SELECT 1 FROM bookings b
               WHERE b.shift_id = o.shift_id AND b.worker_id = o.worker_id AND b.status IN ('confirmed', 'checked_in', 'completed'))
         UNION ALL ${openAttendanceQuestions}
       ) questions
       ORDER BY asked_at DESC LIMIT 1`,
      [phone, now],
    )) as OpenQuestion[];
    return rows[0] ?? null;
  }

  /** Every booking this phone was asked to confirm and has not: one "1" answers them all. */
  openAttendanceFor(phone: string, now: Date): Promise<OpenQuestion[]> {
    return this.dataSource.query(`${openAttendanceQuestions} ORDER BY asked_at`, [phone, now]) as Promise<OpenQuestion[]>;
  }
}
