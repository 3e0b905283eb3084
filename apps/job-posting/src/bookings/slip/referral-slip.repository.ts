import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PayUnit, Settlement } from '@lingong/domain';

export interface ReferralSlipRow {
  bookingId: string;
  status: string;
  source: string;
  bookedAt: Date;
  seekerName: string;
  shiftId: string;
  title: string;
  street: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  payAmountFen: number;
  payUnit: PayUnit;
  settlement: Settlement;
  employerName: string;
  contactName: string;
  /** The employer's sign-in phone (web's accounts, read here); null for one staff registered without an account. */
  contactPhone: string | null;
}

/** What a referral slip says: the booking, its shift, the seeker's name and whom to ask for. Reads only. */
@Injectable()
export class ReferralSlipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(bookingId: string): Promise<ReferralSlipRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT b.id AS "bookingId", b.status, b.source, b.created_at AS "bookedAt", w.name AS "seekerName",
              s.id AS "shiftId", s.title, s.street, s.address, b.starts_at AS "startsAt", b.ends_at AS "endsAt",
              b.pay_amount_fen AS "payAmountFen", b.pay_unit AS "payUnit", s.settlement,
              e.name AS "employerName", e.contact_name AS "contactName", a.phone AS "contactPhone"
         FROM bookings b
         JOIN shifts s ON s.id = b.shift_id
         JOIN employers e ON e.id = b.employer_id
         JOIN workers w ON w.id = b.worker_id
         LEFT JOIN accounts a ON a.id = e.account_id
        WHERE b.id = $1 AND w.status <> 'erased'`,
      [bookingId],
    )) as ReferralSlipRow[];
    return row ?? null;
  }
}
