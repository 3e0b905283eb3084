import { BadRequestException, Injectable } from '@nestjs/common';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import type { CreateWorkerDto } from './dto/create-worker.dto';
import type { Worker } from './worker.entity';
import { WorkersRepository } from './workers.repository';

@Injectable()
export class WorkersService {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly clock: Clock,
  ) {}

  /** A seeker creates their own profile; staff register a walk-in by phone, with the consent the person gave at the desk. */
  async create(account: SignedInAccount, input: CreateWorkerDto): Promise<Worker> {
    const staff = isStaff(account);
    if (staff && !input.phone) throw new BadRequestException(['phone is required when staff register a walk-in']);
    if (!staff && input.phone !== undefined) throw new BadRequestException(['phone is taken from your sign-in; leave it out']);
    const created = await this.workers.create({
      accountId: staff ? null : account.id,
      phone: staff ? input.phone! : account.phone,
      name: input.name,
      street: input.street,
      lat: input.lat,
      lng: input.lng,
      maxDistanceKm: input.maxDistanceKm ?? 10,
      skills: input.skills,
      certificates: input.certificates ?? [],
      availability: input.availability ?? [],
      expectedDailyPayFen: input.expectedDailyPayFen ?? null,
      hasSmartphone: input.hasSmartphone,
      consentDataProcessingAt: this.clock.now(),
      consentSms: input.consent.sms,
      registeredBy: staff ? account.id : null,
    });
    if (!created) throw new DomainException('WORKER_EXISTS', '该手机号已登记 / A profile for this phone already exists', 409);
    return created;
  }

  async mine(account: SignedInAccount): Promise<Worker> {
    const worker = (await this.workers.findByAccount(account.id)) ?? (await this.workers.claimWalkIn(account.phone, account.id));
    if (!worker) throw new NotFoundDomainException('Worker profile');
    return worker;
  }
}
