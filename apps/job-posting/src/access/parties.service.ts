import { Injectable } from '@nestjs/common';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { DomainException } from '@lingong/platform';
import type { EntityManager } from 'typeorm';
import type { Employer } from '../employers/employer.entity';
import { EmployersRepository } from '../employers/employers.repository';
import { SeekersRepository } from '../seekers/seekers.repository';

/** Who the caller is in job-posting's terms: staff, an employer (by its profile) or a seeker (by theirs). */
@Injectable()
export class PartiesService {
  constructor(
    private readonly employers: EmployersRepository,
    private readonly seekers: SeekersRepository,
  ) {}

  /** `manager` inside a transaction, so the look-up uses the connection the transaction holds. */
  async employerIdOf(account: SignedInAccount, manager?: EntityManager): Promise<string | null> {
    if (account.role !== 'employer') return null;
    return (await this.employers.findByAccount(account.id, manager))?.id ?? null;
  }

  /** The caller's seeker profile id; a seeker without a profile is told to create one. */
  async requireWorkerId(account: SignedInAccount): Promise<string> {
    const id = account.role === 'worker' ? await this.seekers.idForAccount(account.id) : null;
    if (!id)
      throw new DomainException('WORKER_PROFILE_REQUIRED', '请先填写求职资料 / Create your seeker profile first (POST /api/workers)', 409);
    return id;
  }

  async workerIdOf(account: SignedInAccount, manager?: EntityManager): Promise<string | null> {
    return account.role === 'worker' ? this.seekers.idForAccount(account.id, manager) : null;
  }

  /** Staff act for any employer; an employer only for itself. */
  async mayActFor(account: SignedInAccount, employerId: string, manager?: EntityManager): Promise<boolean> {
    return isStaff(account) || (await this.employerIdOf(account, manager)) === employerId;
  }

  /** The same rule when the employer is already loaded: no second look-up. */
  mayManage(account: SignedInAccount, employer: Employer): boolean {
    return isStaff(account) || employer.accountId === account.id;
  }

  /** A suspended employer can no longer post or publish. */
  usable(employer: Employer): Employer {
    if (employer.suspendedAt) throw new DomainException('EMPLOYER_SUSPENDED', '该用工方已被暂停 / This employer is suspended', 403);
    return employer;
  }
}
