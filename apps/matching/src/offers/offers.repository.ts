import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
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

  /**
   * Takes the shift's offer lock for this transaction (concurrent runs for one shift wait here) and
   * reads, under it, the places left and the offers still waiting for an answer.
   */
  async lockShiftOffers(manager: EntityManager, shiftId: string): Promise<{ remaining: number; pending: number }> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`offers:${shiftId}`]);
    const rows = (await manager.query(
      `SELECT greatest(s.headcount - s.filled, 0)::int AS remaining,
              (SELECT count(*) FROM offers o WHERE o.shift_id = s.id AND o.status = 'pending')::int AS pending
         FROM shifts s WHERE s.id = $1`,
      [shiftId],
    )) as { remaining: number; pending: number }[];
    return rows[0] ?? { remaining: 0, pending: 0 };
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

  forWorker(workerId: string, statuses?: OfferStatus[]): Promise<Offer[]> {
    return this.dataSource.getRepository(Offer).find({
      where: { workerId, ...(statuses && { status: In(statuses) }) },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }
}
