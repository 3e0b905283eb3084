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

  /**
   * A seeker erased their data: open offers are withdrawn (a reply or the expiry no longer finds
   * them) and no offer keeps the phone. Returns the shifts of the offers they had been made, whose
   * places may now go to the next candidates.
   */
  async eraseSeeker(workerId: string, now: Date): Promise<{ withdrawn: number; shiftIds: string[] }> {
    return this.transaction(async (manager) => {
      const [, withdrawn] = (await manager.query(
        `UPDATE offers SET status = 'withdrawn', answered_at = $2 WHERE worker_id = $1 AND status = 'pending'`,
        [workerId, now],
      )) as [unknown, number];
      const rows = (await manager.query(`UPDATE offers SET phone = NULL WHERE worker_id = $1 RETURNING shift_id AS "shiftId"`, [workerId])) as [
        { shiftId: string }[],
        number,
      ];
      return { withdrawn, shiftIds: [...new Set(rows[0].map((row) => row.shiftId))] };
    });
  }

  forWorker(workerId: string, statuses?: OfferStatus[]): Promise<Offer[]> {
    return this.dataSource.getRepository(Offer).find({
      where: { workerId, ...(statuses && { status: In(statuses) }) },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }
}
