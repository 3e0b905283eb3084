import { BadRequestException, Injectable } from '@nestjs/common';
import type { FindOptionsWhere } from 'typeorm';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { Clock, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { SeekersRepository } from '../seekers/seekers.repository';
import { ShiftsRepository } from '../shifts/shifts.repository';
import type { Booking } from './booking.entity';
import { bookingView } from './booking.view';
import { BookingsRepository } from './bookings.repository';
import type { ListBookingsQuery } from './dto/booking.dto';

/** Who sees which bookings: a seeker their own, an employer those on its shifts, staff all. */
@Injectable()
export class BookingQueriesService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly parties: PartiesService,
    private readonly seekers: SeekersRepository,
    private readonly clock: Clock,
  ) {}

  async list(account: SignedInAccount, query: ListBookingsQuery): Promise<Booking[]> {
    const limit = query.limit ?? 50;
    if (isStaff(account)) {
      return this.bookings.list(
        { ...(query.shiftId && { shiftId: query.shiftId }), ...(query.workerId && { workerId: query.workerId }) },
        limit,
      );
    }
    if (query.workerId) throw new BadRequestException(['workerId is a staff filter']);
    if (account.role === 'worker') {
      const where: FindOptionsWhere<Booking> = { workerId: await this.parties.requireWorkerId(account) };
      return this.bookings.list(query.shiftId ? { ...where, shiftId: query.shiftId } : where, limit);
    }
    if (!query.shiftId) throw new BadRequestException(['shiftId is required: name one of your shifts']);
    const shift = await this.shifts.findById(query.shiftId);
    if (!shift || !(await this.parties.mayActFor(account, shift.employerId))) throw new NotFoundDomainException('Shift');
    return this.bookings.list({ shiftId: query.shiftId }, limit);
  }

  /** Unpaid wages past their settlement date, with who is owed, for staff to follow up. */
  async unpaid() {
    const owed = await this.bookings.unpaid(this.clock.now(), 200);
    const seekers = await this.seekers.summaries([...new Set(owed.map((booking) => booking.workerId))]);
    const shifts = new Map(
      (await this.shifts.withEmployers([...new Set(owed.map((booking) => booking.shiftId))])).map((shift) => [shift.id, shift]),
    );
    return owed.map((booking) => {
      const shift = shifts.get(booking.shiftId);
      return {
        ...bookingView(booking),
        worker: seekers.get(booking.workerId) ?? null,
        shiftTitle: shift?.title ?? '',
        employerName: shift?.employer?.name ?? '',
      };
    });
  }
}
