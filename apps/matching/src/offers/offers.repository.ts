import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { acceptsMarketingSmsSql } from '@lingong/domain';
import { Offer, type OfferStatus } from './offer.entity';

@Injectable()
export class OffersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async askedFor(shiftId: string): Promise<{ workerIds: Set<string>; pending: number }> {
    const offers = await this.dataSource.getRepository(Offer).find({ select: { workerId: true, status: true }, where: { shiftId } });
    return { workerIds: new Set(offers.map((offer) => offer.workerId)), pending: offers.filter((offer) => offer.status === 'pending').length };
  }

  /** New offers; one per shift and seeker ever, so a retried run asks nobody twice. */
  async insert(manager: EntityManager, offers: Pick<Offer, 'shiftId' | 'workerId' | 'phone' | 'score' | 'expiresAt'>[]): Promise<Offer[]> {
    if (offers.length === 0) return [];
    const result = await manager.createQueryBuilder().insert().into(Offer).values(offers).orIgnore().returning('*').execute();
    return result.raw as Offer[];
  }

  findForUpdate(manager: EntityManager, id: string): Promise<Offer | null> {
    return manager.getRepository(Offer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async settle(manager: EntityManager, offer: Offer, status: OfferStatus, at: Date, bookingId: string | null = null): Promise<Offer> {
    Object.assign(offer, { status, answeredAt: at, bookingId });
    return manager.getRepository(Offer).save(offer);
  }

  /** Starts the offer's clock: sent now, answerable until `expiresAt`. */
  async markSent(manager: EntityManager, offer: Offer, at: Date, expiresAt: Date): Promise<Offer> {
    Object.assign(offer, { sentAt: at, expiresAt });
    return manager.getRepository(Offer).save(offer);
  }

  /** Whether the seeker (worker-profile's row, read here) is still active at that phone and takes marketing-like SMS. */
  async seekerAcceptsSms(manager: EntityManager, workerId: string, phone: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM workers w WHERE w.id = $1 AND w.phone = $2 AND w.status = 'active' AND ${acceptsMarketingSmsSql('w')}`,
      [workerId, phone],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The booking job-posting made under this offer's id as idempotency key (job-posting's row, read here), if any. */
  async bookingMadeFor(manager: EntityManager, offerId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT id FROM bookings WHERE idempotency_key = $1`, [offerId])) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  forWorker(workerId: string, statuses?: OfferStatus[]): Promise<Offer[]> {
    return this.dataSource.getRepository(Offer).find({
      where: { workerId, ...(statuses && { status: In(statuses) }) },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }
}
