import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkerConsent } from './worker-consent.entity';

type Row = Record<string, unknown>;

export interface WorkerHistory {
  consents: WorkerConsent[];
  bookings: Row[];
  ratingsReceived: Row[];
  ratingsGiven: Row[];
  applications: Row[];
  reports: Row[];
}

/** Everything held about one seeker beyond the profile, for the PIPL download; job-posting's tables are only read. */
@Injectable()
export class WorkerExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async history(workerId: string): Promise<WorkerHistory> {
    const read = (sql: string) => this.dataSource.query(sql, [workerId]) as Promise<Row[]>;
    const [consents, bookings, ratingsReceived, ratingsGiven, applications, reports] = await Promise.all([
      this.dataSource.getRepository(WorkerConsent).find({ where: { workerId }, order: { recordedAt: 'ASC' } }),
      read(
        `SELECT b.id, b.shift_id AS "shiftId", s.title AS "shiftTitle", b.source, b.status, b.starts_at AS "startsAt", b.ends_at AS "endsAt",
                b.employment_type AS "employmentType", b.pay_amount_fen AS "payAmountFen", b.pay_unit AS "payUnit",
                b.checked_in_at AS "checkedInAt", b.checked_out_at AS "checkedOutAt", b.minutes_worked AS "minutesWorked",
                b.pay_owed_fen AS "payOwedFen", b.compensation_fen AS "compensationFen", b.settle_by AS "settleBy",
                b.cancelled_by AS "cancelledBy", b.cancelled_at AS "cancelledAt", b.cancel_reason AS "cancelReason",
                b.late_cancellation AS "lateCancellation", b.paid_at AS "paidAt", b.payment_confirmed_at AS "paymentConfirmedAt",
                b.created_at AS "createdAt"
           FROM bookings b LEFT JOIN shifts s ON s.id = b.shift_id
          WHERE b.worker_id = $1 ORDER BY b.starts_at, b.id`,
      ),
      read(
        `SELECT booking_id AS "bookingId", stars, comment, created_at AS "createdAt"
           FROM ratings WHERE worker_id = $1 AND rater = 'employer' ORDER BY created_at, id`,
      ),
      read(
        `SELECT booking_id AS "bookingId", stars, comment, created_at AS "createdAt"
           FROM ratings WHERE worker_id = $1 AND rater = 'worker' ORDER BY created_at, id`,
      ),
      read(
        `SELECT id, shift_id AS "shiftId", status, note, created_at AS "createdAt", decided_at AS "decidedAt"
           FROM applications WHERE worker_id = $1 ORDER BY created_at, id`,
      ),
      read(
        `SELECT id, shift_id AS "shiftId", reason, detail, status, created_at AS "createdAt"
           FROM shift_reports WHERE worker_id = $1 ORDER BY created_at, id`,
      ),
    ]);
    return { consents, bookings, ratingsReceived, ratingsGiven, applications, reports };
  }
}
