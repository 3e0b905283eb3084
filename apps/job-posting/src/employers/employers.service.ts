import { Injectable } from '@nestjs/common';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import type { CreateEmployerDto } from './dto/create-employer.dto';
import type { Employer } from './employer.entity';
import { EmployersRepository } from './employers.repository';

@Injectable()
export class EmployersService {
  constructor(
    private readonly employers: EmployersRepository,
    private readonly clock: Clock,
  ) {}

  /** An employer registers its own profile; staff may register one for a walk-in employer (no account yet). */
  async create(account: SignedInAccount, input: CreateEmployerDto): Promise<Employer> {
    const { accountId, ...profile } = input;
    if (accountId !== undefined && !isStaff(account)) {
      throw new DomainException('FORBIDDEN_FIELD', 'Only staff may register an employer for another account', 403);
    }
    const owner = isStaff(account) ? (accountId ?? null) : account.id;
    const created = await this.employers.create({ ...profile, uscc: profile.uscc ?? null, accountId: owner });
    if (!created) throw new DomainException('EMPLOYER_EXISTS', '此账号已有用工方资料 / This account already has an employer profile', 409);
    return created;
  }

  async mine(account: SignedInAccount): Promise<Employer> {
    const employer = await this.employers.findByAccount(account.id);
    if (!employer) throw new NotFoundDomainException('Employer profile');
    return employer;
  }

  /** Staff checked the employer (licence, address): its shifts reach the board without review. */
  async verify(id: string): Promise<Employer> {
    const employer = await this.get(id);
    employer.verifiedAt ??= this.clock.now();
    return this.employers.save(employer);
  }

  /**
   * Staff stop an employer (reports of fake shifts or unpaid wages): it can no longer post or
   * publish, and its shifts leave the board, take no new bookings and are offered to nobody until
   * it is reinstated. Bookings already made stand: staff decide.
   */
  async suspend(id: string, reason: string): Promise<Employer> {
    const employer = await this.get(id);
    const announce = employer.suspendedAt === null;
    employer.suspendedAt ??= this.clock.now();
    employer.suspensionReason = reason;
    return this.employers.transaction(async (manager) => {
      const saved = await this.employers.save(employer, manager);
      // The kiosk boards take its shifts down.
      if (announce) await recordEvent(manager, 'employer.suspended', { employerId: id });
      return saved;
    });
  }

  async reinstate(id: string): Promise<Employer> {
    const employer = await this.get(id);
    const announce = employer.suspendedAt !== null;
    employer.suspendedAt = null;
    employer.suspensionReason = null;
    return this.employers.transaction(async (manager) => {
      const saved = await this.employers.save(employer, manager);
      if (announce) await recordEvent(manager, 'employer.reinstated', { employerId: id });
      return saved;
    });
  }

  async get(id: string): Promise<Employer> {
    const employer = await this.employers.findById(id);
    if (!employer) throw new NotFoundDomainException('Employer');
    return employer;
  }
}
