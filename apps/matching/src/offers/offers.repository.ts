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

  /** Who has been asked for the shift (any answer), and its offers still waiting for one, oldest first. */
  async askedFor(shiftId: string): Promise<{ workerIds: Set<string>; pendingIds: string[] }> {
    // Read by the shift's index and filtered here: a shift has a few dozen offers at most, and a
    // status condition would tempt the planner into the partial index of every pending offer.
    const offers = await this.dataSource.getRepository(Offer).find({
      select: { id: true, workerId: true, status: true, createdAt: true },
      where: { shiftId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return {
      workerIds: new Set(offers.map((offer) => offer.workerId)),
      pendingIds: offers.filter((offer) => offer.status === 'pending').map((offer) => offer.id),
    };
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

  /** The offers, locked in the order of their ids (so two callers never wait on each other crosswise). */
  findManyForUpdate(manager: EntityManager, ids: readonly string[]): Promise<Offer[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(Offer).find({ where: { id: In([...ids]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
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
      const rows = (await manager.query(`UPDATE offers SET phone = NULL WHERE worker_id = $1 RETURNING shift_id AS "shiftId"`, [
        workerId,
      ])) as [{ shiftId: string }[], number];
      return { withdrawn, shiftIds: [...new Set(rows[0].map((row) => row.shiftId))] };
    });
  }

  /** The offers' clocks start: sent at `at`, each standing until its own `expiresAt`. One statement for them all. */
  async markSent(manager: EntityManager, sent: readonly { offer: Offer; expiresAt: Date }[], at: Date): Promise<void> {
    if (sent.length === 0) return;
    await manager.query(
      `UPDATE offers o SET sent_at = $1, expires_at = s.expires_at
         FROM unnest($2::uuid[], $3::timestamptz[]) AS s(id, expires_at) WHERE o.id = s.id`,
      [at, sent.map(({ offer }) => offer.id), sent.map(({ expiresAt }) => expiresAt)],
    );
    for (const { offer, expiresAt } of sent) Object.assign(offer, { sentAt: at, expiresAt });
  }

  /**
   * The offers whose seeker (worker-profile's row, read here) is still active at the offer's phone
   * and takes marketing-like SMS.
   */
  async reachableBySms(manager: EntityManager, offers: readonly Offer[]): Promise<Set<string>> {
    const withPhone = offers.filter((offer) => offer.phone !== null);
    if (withPhone.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT o.id FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS o(id, worker_id, phone)
         JOIN workers w ON w.id = o.worker_id AND w.phone = o.phone
        WHERE w.status = 'active' AND ${acceptsMarketingSmsSql('w')}`,
      [withPhone.map((offer) => offer.id), withPhone.map((offer) => offer.workerId), withPhone.map((offer) => offer.phone)],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
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
