import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, IsNull, MoreThan, type FindOptionsWhere } from 'typeorm';
import type { Shift } from '../shifts/shift.entity';
import { employerSuspendedSql } from '../employers/employer-suspension';
import { Booking, type BookingStatus } from './booking.entity';

export const activeBookingStatuses = ['confirmed', 'checked_in', 'completed'] as const;

/** Bookings that still hold a place: what calling the shift off cancels. */
const standingStatuses: BookingStatus[] = ['confirmed', 'checked_in'];

@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Takes one place on an open shift that has not started, of an employer not suspended: a conditional update, so concurrent
   * bookings queue on the row and none can take the shift past its headcount. Null when refused.
   */
  async takePlace(manager: EntityManager, shiftId: string, now: Date): Promise<Shift | null> {
    const [rows] = (await manager.query(
      `UPDATE shifts SET filled = filled + 1, updated_at = now(),
              status = CASE WHEN filled + 1 = headcount THEN 'filled' ELSE status END
        WHERE id = $1 AND status = 'open' AND filled < headcount AND starts_at > $2
          AND NOT ${employerSuspendedSql('shifts')}
        RETURNING id, employer_id AS "employerId", starts_at AS "startsAt", ends_at AS "endsAt", employment_type AS "employmentType",
                  pay_amount_fen AS "payAmountFen", pay_unit AS "payUnit", settlement, headcount, filled, status`,
      [shiftId, now],
    )) as [Shift[], number];
    return rows[0] ?? null;
  }

  /** Gives a place back; a full shift that has not started opens again (filled ⇄ open). */
  async releasePlace(manager: EntityManager, shiftId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE shifts SET filled = filled - 1, updated_at = now(),
              status = CASE WHEN status = 'filled' AND starts_at > $2 THEN 'open' ELSE status END
        WHERE id = $1 AND filled > 0`,
      [shiftId, now],
    );
  }

  /**
   * Serialises one seeker's bookings. Two overlapping bookings of one person attempted at once
   * would otherwise each wait on the other's exclusion-constraint check, and PostgreSQL would end
   * one as a deadlock instead of DOUBLE_BOOKING; and the weekly part-time sum could be raced.
   */
  async lockSeeker(manager: EntityManager, workerId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`booking:${workerId}`]);
  }

  partTimeBookingsAround(manager: EntityManager, workerId: string, employerId: string, from: Date, to: Date): Promise<Booking[]> {
    return manager
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .where('booking.workerId = :workerId AND booking.employerId = :employerId', { workerId, employerId })
      .andWhere(`booking.employmentType = 'part_time' AND booking.status IN (:...statuses)`, { statuses: activeBookingStatuses })
      .andWhere('booking.endsAt > :from AND booking.startsAt < :to', { from, to })
      .getMany();
  }

  hasActiveBooking(manager: EntityManager, shiftId: string, workerId: string): Promise<boolean> {
    return manager.getRepository(Booking).existsBy({ shiftId, workerId, status: In([...activeBookingStatuses]) });
  }

  insert(manager: EntityManager, values: Partial<Booking>): Promise<Booking> {
    const bookings = manager.getRepository(Booking);
    return bookings.save(bookings.create(values));
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Booking | null> {
    return manager.getRepository(Booking).findOneBy({ id });
  }

  findByIdempotencyKey(key: string): Promise<Booking | null> {
    return this.dataSource.getRepository(Booking).findOneBy({ idempotencyKey: key });
  }

  findForUpdate(manager: EntityManager, id: string): Promise<Booking | null> {
    return manager.getRepository(Booking).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, booking: Booking): Promise<Booking> {
    return manager.getRepository(Booking).save(booking);
  }

  /** Bookings a cancelled shift takes with it: confirmed, and checked in (check-in opens before the start). */
  standingOnShift(manager: EntityManager, shiftId: string): Promise<Booking[]> {
    return manager.getRepository(Booking).find({ where: { shiftId, status: In(standingStatuses) }, lock: { mode: 'pessimistic_write' } });
  }

  /** The same bookings, read without a lock: what a cancellation would take with it. */
  standingOn(shiftId: string): Promise<Booking[]> {
    return this.dataSource
      .getRepository(Booking)
      .find({ where: { shiftId, status: In(standingStatuses) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Which of these seekers are booked with the employer (PIPL: only then does it see their name and
   * phone): a booking on one of its shifts that stands or was worked. A cancelled or released
   * booking, or a no-show, does not count.
   */
  async bookedWithEmployer(employerId: string, workerIds: string[]): Promise<Set<string>> {
    if (workerIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .select('DISTINCT booking.workerId', 'workerId')
      .where('booking.employerId = :employerId AND booking.workerId IN (:...workerIds) AND booking.status IN (:...statuses)', {
        employerId,
        workerIds,
        statuses: activeBookingStatuses,
      })
      .getRawMany<{ workerId: string }>();
    return new Set(rows.map((row) => row.workerId));
  }

  /** A seeker's confirmed bookings that have not started, locked: what their erasure cancels. */
  futureForSeeker(manager: EntityManager, workerId: string, now: Date): Promise<Booking[]> {
    return manager.getRepository(Booking).find({
      where: { workerId, status: 'confirmed', startsAt: MoreThan(now) },
      order: { startsAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  list(where: FindOptionsWhere<Booking>, limit: number): Promise<Booking[]> {
    return this.dataSource.getRepository(Booking).find({ where, order: { startsAt: 'DESC', id: 'ASC' }, take: limit });
  }

  /** Completed work whose pay is past its settlement date and not marked paid: for staff to follow up. */
  unpaid(now: Date, limit: number): Promise<Booking[]> {
    return this.dataSource.getRepository(Booking).find({
      where: { status: 'completed', paidAt: IsNull(), settleBy: LessThan(now) },
      order: { settleBy: 'ASC' },
      take: limit,
    });
  }
}
