import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MarketRuleSettings } from '@lingong/config';
import { checkMinimumWage, checkPartTimeShift } from '@lingong/domain';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import type { Employer } from '../employers/employer.entity';
import { EmployersRepository } from '../employers/employers.repository';
import type { CreateShiftDto } from './dto/create-shift.dto';
import type { Shift } from './shift.entity';
import { ShiftsRepository } from './shifts.repository';

@Injectable()
export class ShiftsService {
  constructor(
    private readonly shifts: ShiftsRepository,
    private readonly employers: EmployersRepository,
    private readonly parties: PartiesService,
    private readonly clock: Clock,
    private readonly rules: MarketRuleSettings,
  ) {}

  async create(account: SignedInAccount, input: CreateShiftDto): Promise<Shift> {
    const employer = await this.postingEmployer(account, input.employerId);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (startsAt <= this.clock.now()) throw new BadRequestException(['startsAt must be in the future']);
    this.checkLabourLaw(input, startsAt, endsAt);
    return this.shifts.transaction(async (manager) => {
      const shift = await this.shifts.create(manager, {
        employerId: employer.id,
        title: input.title,
        description: input.description ?? '',
        category: input.category,
        employmentType: input.employmentType,
        street: input.street,
        address: input.address,
        lat: input.lat,
        lng: input.lng,
        startsAt,
        endsAt,
        headcount: input.headcount,
        payAmountFen: input.pay.amountFen,
        payUnit: input.pay.unit,
        settlement: input.pay.settlement,
        requiredSkills: input.requirements?.skills ?? [],
        requiredCertificates: input.requirements?.certificates ?? [],
        status: 'draft',
      });
      return input.publish ? this.publishLocked(manager, shift, employer) : shift;
    });
  }

  async publish(account: SignedInAccount, id: string): Promise<Shift> {
    return this.shifts.transaction(async (manager) => {
      const shift = await this.shifts.findForUpdate(manager, id);
      const employer = shift && (await this.employers.findById(shift.employerId, manager));
      if (!shift || !employer || !this.parties.mayManage(account, employer)) throw new NotFoundDomainException('Shift');
      this.parties.usable(employer);
      if (shift.status === 'open' || shift.status === 'pending_review') return shift;
      if (shift.status !== 'draft') throw new DomainException('SHIFT_NOT_DRAFT', `A ${shift.status} shift cannot be published`, 409);
      if (shift.startsAt <= this.clock.now()) throw new DomainException('SHIFT_STARTED', 'This shift has already started', 409);
      return this.publishLocked(manager, shift, employer);
    });
  }

  /** Staff approve a shift of an unverified employer; it opens and seekers are told. */
  async approve(id: string): Promise<Shift> {
    return this.shifts.transaction(async (manager) => {
      const shift = await this.shifts.findForUpdate(manager, id);
      if (!shift) throw new NotFoundDomainException('Shift');
      if (shift.status === 'open') return shift;
      if (shift.status !== 'pending_review')
        throw new DomainException('SHIFT_NOT_PENDING', `A ${shift.status} shift needs no approval`, 409);
      const employer = await this.employers.findById(shift.employerId, manager);
      if (employer) this.parties.usable(employer);
      return this.open(manager, shift);
    });
  }

  /** Drafts and shifts awaiting review are visible only to their employer and staff. */
  async get(account: SignedInAccount | undefined, id: string): Promise<Shift> {
    const shift = await this.shifts.findById(id);
    if (!shift) throw new NotFoundDomainException('Shift');
    if (shift.status === 'draft' || shift.status === 'pending_review') {
      const employer = await this.employers.findById(shift.employerId);
      if (!account || !employer || !this.parties.mayManage(account, employer)) throw new NotFoundDomainException('Shift');
    }
    return shift;
  }

  /** Unverified employers' shifts wait for staff (DESIGN.md, trust); verified ones open at once. */
  private async publishLocked(manager: EntityManager, shift: Shift, employer: Employer): Promise<Shift> {
    if (employer.verifiedAt === null) {
      shift.status = 'pending_review';
      return this.shifts.save(manager, shift);
    }
    return this.open(manager, shift);
  }

  private async open(manager: EntityManager, shift: Shift): Promise<Shift> {
    shift.status = 'open';
    shift.publishedAt = this.clock.now();
    const saved = await this.shifts.save(manager, shift);
    await recordEvent(manager, 'shift.published', { shiftId: shift.id });
    return saved;
  }

  /** No pay below the minimum wage, whatever the type; part-time within 4 hours a day and 15 days' settlement. */
  private checkLabourLaw(input: CreateShiftDto, startsAt: Date, endsAt: Date): void {
    const wage = checkMinimumWage({ amountFen: input.pay.amountFen, unit: input.pay.unit, startsAt, endsAt }, this.rules.MINIMUM_WAGE_TIER);
    if (!wage.ok) throw new DomainException(wage.code, wage.message, 422, { minimumFen: wage.minimumFen, effectiveFen: wage.effectiveFen });
    const partTime = checkPartTimeShift({ employmentType: input.employmentType, startsAt, endsAt, settlement: input.pay.settlement });
    if (!partTime.ok) throw new DomainException(partTime.code, partTime.message, 422);
  }

  private async postingEmployer(account: SignedInAccount, employerId: string | undefined): Promise<Employer> {
    if (isStaff(account)) {
      if (!employerId) throw new BadRequestException(['employerId is required when staff post a shift']);
      const employer = await this.employers.findById(employerId);
      if (!employer) throw new NotFoundDomainException('Employer');
      return this.parties.usable(employer);
    }
    if (employerId !== undefined) throw new BadRequestException(['employerId is only for staff posting for an employer']);
    const employer = await this.employers.findByAccount(account.id);
    if (!employer) {
      throw new DomainException(
        'EMPLOYER_PROFILE_REQUIRED',
        '请先填写用工方资料 / Create your employer profile first (POST /api/employers)',
        409,
      );
    }
    return this.parties.usable(employer);
  }
}
