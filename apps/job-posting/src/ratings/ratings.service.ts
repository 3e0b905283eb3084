import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SignedInAccount } from '@lingong/identity';
import { isPgError, PgErrorCode } from '@lingong/database';
import { DomainException, NotFoundDomainException } from '@lingong/platform';
import { BookingLifecycleService } from '../bookings/booking-lifecycle.service';
import { BookingsRepository } from '../bookings/bookings.repository';
import { Rating } from './rating.entity';

/** Ratings both ways once a booking completes: the employer rates the worker, the worker the employer. */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingsRepository,
    private readonly lifecycle: BookingLifecycleService,
  ) {}

  async rate(account: SignedInAccount, bookingId: string, stars: number, comment: string | undefined) {
    const booking = await this.bookings.findById(bookingId);
    const side = booking && (await this.lifecycle.sideOf(account, booking));
    if (!booking || !side) throw new NotFoundDomainException('Booking');
    if (booking.status !== 'completed') throw new DomainException('BOOKING_NOT_COMPLETED', 'Ratings open once the work is completed', 409);
    const ratings = this.dataSource.getRepository(Rating);
    try {
      const rating = await ratings.save(
        ratings.create({
          bookingId,
          rater: side,
          workerId: booking.workerId,
          employerId: booking.employerId,
          stars,
          comment: comment ?? null,
        }),
      );
      return { id: rating.id, bookingId, rater: rating.rater, stars: rating.stars, comment: rating.comment };
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation))
        throw new DomainException('ALREADY_RATED', 'You have already rated this booking', 409);
      throw error;
    }
  }
}
