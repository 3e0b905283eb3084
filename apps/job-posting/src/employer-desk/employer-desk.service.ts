import { BadRequestException, Injectable } from '@nestjs/common';
import { MarketRuleSettings } from '@lingong/config';
import { maskName, toMarketIso } from '@lingong/domain';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { bookingView } from '../bookings/booking.view';
import { BookingsRepository } from '../bookings/bookings.repository';
import { SeekersRepository } from '../seekers/seekers.repository';
import type { CreateShiftDto } from '../shifts/dto/create-shift.dto';
import type { Shift } from '../shifts/shift.entity';
import { shiftView } from '../shifts/shift.view';
import { ShiftsRepository } from '../shifts/shifts.repository';
import { ShiftsService } from '../shifts/shifts.service';
import { EmployerDeskRepository } from './employer-desk.repository';

const WEEK_MS = 7 * 86_400_000;
const MY_SHIFTS_LIMIT = 200;

/** What the employer's pages need beyond the market's common routes: its shifts, who is on one, a copy for next week. */
@Injectable()
export class EmployerDeskService {
  constructor(
    private readonly desk: EmployerDeskRepository,
    private readonly shifts: ShiftsRepository,
    private readonly posting: ShiftsService,
    private readonly bookings: BookingsRepository,
    private readonly seekers: SeekersRepository,
    private readonly parties: PartiesService,
    private readonly clock: Clock,
    private readonly rules: MarketRuleSettings,
  ) {}

  postingRules() {
    return {
      minimumWageTier: this.rules.MINIMUM_WAGE_TIER,
      employerLateCancellationHours: this.rules.EMPLOYER_LATE_CANCELLATION_HOURS,
      employerCancellationCompensationHours: this.rules.EMPLOYER_CANCELLATION_COMPENSATION_HOURS,
      checkInOpensMinutes: this.rules.CHECK_IN_OPENS_MINUTES,
    };
  }

  async myShifts(account: SignedInAccount) {
    const employerId = await this.parties.employerIdOf(account);
    if (!employerId)
      throw new DomainException(
        'EMPLOYER_PROFILE_REQUIRED',
        '请先填写用工方资料 / Create your employer profile first (POST /api/employers)',
        409,
      );
    const rows = await this.desk.shiftsOf(employerId, MY_SHIFTS_LIMIT);
    return rows.map(({ shift, pendingApplications }) => ({ ...shiftView(shift), pendingApplications }));
  }

  /**
   * The people booked on a shift, each with their booking. Names and phones as the privacy rules
   * say (docs/privacy.md): in full while the person is booked with this employer, else surname with
   * 某 and a masked phone; staff see both.
   */
  async roster(account: SignedInAccount, shiftId: string) {
    const shift = await this.managedShift(account, shiftId);
    const bookings = await this.desk.bookingsOn(shift.id);
    const workerIds = [...new Set(bookings.map((booking) => booking.workerId))];
    const [seekers, booked, rated] = await Promise.all([
      this.seekers.summaries(workerIds),
      isStaff(account) ? Promise.resolve(null) : this.bookings.bookedWithEmployer(shift.employerId, workerIds),
      this.desk.ratedByEmployer(bookings.map((booking) => booking.id)),
    ]);
    return bookings.map((booking) => {
      const seeker = seekers.get(booking.workerId);
      const known = !booked || booked.has(booking.workerId);
      return {
        booking: bookingView(booking),
        worker: seeker
          ? {
              id: seeker.id,
              name: known || seeker.erased ? seeker.name : maskName(seeker.name),
              phoneMasked: seeker.phoneMasked,
              ...(known && seeker.phone !== null && { phone: seeker.phone }),
              reliability: seeker.reliability,
              rating: seeker.rating,
            }
          : null,
        ratedByEmployer: rated.has(booking.id),
      };
    });
  }

  /**
   * A new draft with the shift's details, starting at `startsAt` or, by default, the same time a
   * week on (as many weeks as it takes to be in the future), lasting as long. Posted through the
   * same path as any shift, so the minimum wage and part-time rules are checked for the new dates.
   */
  async copy(account: SignedInAccount, shiftId: string, startsAt: string | undefined): Promise<Shift> {
    const shift = await this.managedShift(account, shiftId);
    const length = shift.endsAt.getTime() - shift.startsAt.getTime();
    let start = startsAt ? new Date(startsAt).getTime() : shift.startsAt.getTime() + WEEK_MS;
    if (!startsAt) {
      const now = this.clock.now().getTime();
      while (start <= now) start += WEEK_MS;
    } else if (start <= this.clock.now().getTime()) {
      throw new BadRequestException(['startsAt must be in the future']);
    }
    const input: CreateShiftDto = {
      ...(isStaff(account) && { employerId: shift.employerId }),
      title: shift.title,
      description: shift.description,
      category: shift.category,
      employmentType: shift.employmentType,
      street: shift.street,
      address: shift.address,
      lat: shift.lat,
      lng: shift.lng,
      startsAt: toMarketIso(new Date(start)),
      endsAt: toMarketIso(new Date(start + length)),
      headcount: shift.headcount,
      pay: { amountFen: shift.payAmountFen, unit: shift.payUnit, settlement: shift.settlement },
      requirements: { skills: shift.requiredSkills, certificates: shift.requiredCertificates },
      publish: false,
    };
    return this.posting.create(account, input);
  }

  private async managedShift(account: SignedInAccount, shiftId: string): Promise<Shift> {
    const shift = await this.shifts.findById(shiftId);
    if (!shift || !(await this.parties.mayActFor(account, shift.employerId))) throw new NotFoundDomainException('Shift');
    return shift;
  }
}
