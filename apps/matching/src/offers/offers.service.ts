import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OfferSettings } from '@lingong/config';
import { toMarketIso } from '@lingong/domain';
import { defaultWeights, rankCandidates } from '@lingong/matching-engine';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { BookingsClient } from '../bookings-client/bookings.client';
import { CandidatesRepository } from '../candidates/candidates.repository';
import { CandidatesService } from '../candidates/candidates.service';
import type { Offer } from './offer.entity';
import { OffersRepository } from './offers.repository';

const MINUTE_MS = 60_000;
/** Answers that mean the place is gone: the seeker gets a polite SMS, not a booking. */
export const placeGone: ReadonlySet<string> = new Set(['SHIFT_FULL', 'SHIFT_NOT_OPEN']);

/**
 * Offers: the best candidates not yet asked hear of a shift by SMS; an offer answered no or left
 * to expire passes to the next candidate, until the shift is full or about to start.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly offers: OffersRepository,
    private readonly candidates: CandidatesRepository,
    private readonly ranking: CandidatesService,
    private readonly bookings: BookingsClient,
    private readonly settings: OfferSettings,
    private readonly clock: Clock,
  ) {}

  /**
   * Offers the shift to up to `count` more candidates (default: as many as the cap allows). However
   * often it is called, no more than OFFERS_PER_PLACE per remaining place stand at once: a client's
   * `count` only asks for fewer.
   */
  async offerNext(shiftId: string, count?: number): Promise<number> {
    const now = this.clock.now();
    const shift = await this.candidates.shift(shiftId);
    if (!shift || shift.status !== 'open' || shift.employerSuspended || shift.startsAt.getTime() - now.getTime() < 30 * MINUTE_MS) return 0;
    const asked = await this.offers.askedFor(shiftId);
    const room = shift.remaining * this.settings.OFFERS_PER_PLACE - asked.pending;
    const wanted = Math.min(count ?? room, room);
    if (wanted <= 0) return 0;
    const fresh = (await this.candidates.candidatesFor(shiftId, now)).filter((seeker) => !asked.workerIds.has(seeker.id));
    const chosen = rankCandidates(shift, fresh, await this.ranking.fairnessContext(now), defaultWeights).slice(0, wanted);
    // Shorter when the start is near: never more than a quarter of the time left.
    const stands = Math.min(this.settings.OFFER_MINUTES * MINUTE_MS, (shift.startsAt.getTime() - now.getTime()) / 4);
    const expiresAt = new Date(now.getTime() + stands);
    return this.offers.transaction(async (manager) => {
      // Runs for one shift at once (a reply, an expiry, an employer's clicks) queue here, and the
      // room is counted again under the lock: what was read above may have been taken meanwhile.
      const standing = await this.offers.lockShiftOffers(manager, shiftId);
      const roomNow = standing.remaining * this.settings.OFFERS_PER_PLACE - standing.pending;
      const created = await this.offers.insert(
        manager,
        chosen
          .slice(0, Math.max(0, roomNow))
          .map((candidate) => ({ shiftId, workerId: candidate.seeker.id, phone: candidate.seeker.phone, score: candidate.score, expiresAt })),
      );
      for (const offer of created) await recordEvent(manager, 'offer.created', { offerId: offer.id });
      return created.length;
    });
  }

  /** Yes: book through job-posting. Too late (full, started) is recorded and told politely by SMS. */
  async accept(offerId: string, workerId: string) {
    const outcome = await this.offers.transaction(async (manager) => {
      const offer = await this.answerable(manager, offerId, workerId);
      try {
        const booking = await this.bookings.book(offer.shiftId, offer.workerId, 'offer');
        await this.offers.settle(manager, offer, 'accepted', this.clock.now(), booking.id);
        return { booking };
      } catch (error) {
        const code = (error as DomainException).code;
        if (!placeGone.has(code)) throw error;
        await this.offers.settle(manager, offer, 'too_late', this.clock.now());
        await recordEvent(manager, 'offer.too_late', { offerId });
        return { refused: error as DomainException };
      }
    });
    if (outcome.refused) throw outcome.refused;
    return outcome.booking;
  }

  async decline(offerId: string, workerId: string): Promise<Offer> {
    const declined = await this.offers.transaction(async (manager) =>
      this.offers.settle(manager, await this.answerable(manager, offerId, workerId), 'declined', this.clock.now()),
    );
    await this.offerNext(declined.shiftId);
    return declined;
  }

  /** Called when an offer's time is up (a delayed job in the worker); the next candidate is asked. */
  async expire(offerId: string): Promise<void> {
    const expired = await this.offers.transaction(async (manager) => {
      const offer = await this.offers.findForUpdate(manager, offerId);
      if (!offer || offer.status !== 'pending' || offer.expiresAt > this.clock.now()) return null;
      return this.offers.settle(manager, offer, 'expired', this.clock.now());
    });
    if (expired) await this.offerNext(expired.shiftId);
  }

  async mine(workerId: string) {
    return (await this.offers.forWorker(workerId)).map((offer) => ({
      id: offer.id,
      shiftId: offer.shiftId,
      status: offer.status,
      score: offer.score,
      expiresAt: toMarketIso(offer.expiresAt),
    }));
  }

  private async answerable(manager: EntityManager, offerId: string, workerId: string): Promise<Offer> {
    const offer = await this.offers.findForUpdate(manager, offerId);
    if (!offer || offer.workerId !== workerId) throw new NotFoundDomainException('Offer');
    if (offer.status !== 'pending') throw new DomainException('OFFER_CLOSED', `This offer is already ${offer.status}`, 409);
    if (offer.expiresAt <= this.clock.now()) throw new DomainException('OFFER_EXPIRED', '该邀请已过期 / This offer has expired', 409);
    return offer;
  }
}
