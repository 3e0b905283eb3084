import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BookingSummary } from '@lingong/sms';

/** A booking as its SMS speak of it, with who to tell. */
export interface BookingFacts extends BookingSummary {
  id: string;
  shiftId: string;
  workerId: string;
  status: string;
  cancelledBy: string | null;
  compensationFen: number | null;
  bookedAt: Date;
  seekerName: string;
  /** Null once the seeker has erased their data. */
  phone: string | null;
  /** The employer's sign-in phone; null for an employer staff registered without an account. */
  employerPhone: string | null;
}

/** An offer as its SMS speak of it. */
export interface OfferFacts extends BookingSummary {
  /** Null once the seeker has erased their data. */
  phone: string | null;
  status: string;
  expiresAt: Date;
  offeredAt: Date;
}

/**
 * What the worker's SMS say about a booking or an offer. Reads job-posting's bookings and shifts,
 * worker-profile's seekers, web's accounts and matching's offers; writes nothing there.
 */
@Injectable()
export class NoticeFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(bookingId: string): Promise<BookingFacts | null> {
    const rows = (await this.dataSource.query(
      `SELECT b.id, b.shift_id AS "shiftId", b.worker_id AS "workerId", s.title, s.street, s.address, b.starts_at AS "startsAt", b.ends_at AS "endsAt",
              b.pay_amount_fen AS "payAmountFen", b.pay_unit AS "payUnit", b.status, b.cancelled_by AS "cancelledBy",
              b.compensation_fen AS "compensationFen", b.created_at AS "bookedAt",
              w.name AS "seekerName", w.phone, a.phone AS "employerPhone"
         FROM bookings b
         JOIN shifts s ON s.id = b.shift_id
         JOIN workers w ON w.id = b.worker_id
         JOIN employers e ON e.id = b.employer_id
         LEFT JOIN accounts a ON a.id = e.account_id
        WHERE b.id = $1`,
      [bookingId],
    )) as BookingFacts[];
    return rows[0] ?? null;
  }

  async offer(offerId: string): Promise<OfferFacts | null> {
    return (await this.offers([offerId])).get(offerId) ?? null;
  }

  /** `offer` for many offers in one read, by id. */
  async offers(offerIds: readonly string[]): Promise<Map<string, OfferFacts>> {
    const rows = (await this.dataSource.query(
      `SELECT o.id, s.title, s.street, s.address, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.pay_amount_fen AS "payAmountFen",
              s.pay_unit AS "payUnit", o.phone, o.status, o.expires_at AS "expiresAt", o.created_at AS "offeredAt"
         FROM offers o JOIN shifts s ON s.id = o.shift_id WHERE o.id = ANY($1::uuid[])`,
      [offerIds],
    )) as (OfferFacts & { id: string })[];
    return new Map(rows.map(({ id, ...facts }) => [id, facts]));
  }
}
