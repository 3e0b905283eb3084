import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Booking } from '../bookings/booking.entity';
import { Shift } from '../shifts/shift.entity';

/** Reads for the employer's desk: its shifts with what waits on them, and who is booked on one. */
@Injectable()
export class EmployerDeskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The employer's shifts, the latest start first, each with its applications still waiting. */
  async shiftsOf(employerId: string, limit: number): Promise<{ shift: Shift; pendingApplications: number }[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(Shift)
      .createQueryBuilder('shift')
      .addSelect(
        (pending) =>
          pending
            .select('count(*)::int')
            .from('applications', 'application')
            .where("application.shift_id = shift.id AND application.status = 'pending'"),
        'pending_applications',
      )
      .where('shift.employerId = :employerId', { employerId })
      .orderBy('shift.startsAt', 'DESC')
      .addOrderBy('shift.id', 'ASC')
      .limit(limit)
      .getRawAndEntities<{ pending_applications: number }>();
    return entities.map((shift, index) => ({ shift, pendingApplications: raw[index]?.pending_applications ?? 0 }));
  }

  /** Every booking ever made on the shift, those holding a place first. */
  bookingsOn(shiftId: string): Promise<Booking[]> {
    return this.dataSource.getRepository(Booking).find({ where: { shiftId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Which of these bookings the employer has rated. */
  async ratedByEmployer(bookingIds: string[]): Promise<Set<string>> {
    if (bookingIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT booking_id AS "bookingId" FROM ratings WHERE rater = 'employer' AND booking_id = ANY($1)`,
      [bookingIds],
    )) as {
      bookingId: string;
    }[];
    return new Set(rows.map((row) => row.bookingId));
  }
}
