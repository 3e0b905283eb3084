import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OfferSettings, SmsSettings } from '@lingong/config';
import { toMarketIso } from '@lingong/domain';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { parseQuietHours, type QuietHours } from '@lingong/sms';
import { BookingsClient, type BookingAnswer } from '../bookings-client/bookings.client';
import { CandidatesRepository, type ShiftRow } from '../candidates/candidates.repository';
import { CandidatesService } from '../candidates/candidates.service';
import type { Offer } from './offer.entity';
import { offerExpiry, offerSendTime, stillWorthOffering } from './offer-timing';
import { OffersRepository } from './offers.repository';

/** Answers that mean the place is gone: the seeker gets a polite SMS, not a booking. */
export const placeGone: ReadonlySet<string> = new Set(['SHIFT_FULL', 'SHIFT_NOT_OPEN']);

/** What the worker does with an offer's SMS: send it now (answerable until `expiresAt`), wait until the morning, or nothing. */
export type SendDecision = { action: 'send'; expiresAt: string } | { action: 'wait'; until: string } | { action: 'none' };

/** What an expiry found: expired (the next candidate is asked), accepted (a booking under the offer's key was found), or nothing due. */
export type ExpiryOutcome = 'expired' | 'accepted' | 'unchanged';

/**
 * Offers: the best candidates not yet asked who agreed to SMS hear of a shift by SMS; an offer
 * answered no or left to expire passes to the next candidate, until the shift is full or about to
 * start. Offers wait out the quiet hours, and the time to answer counts from the send.
 */
@Injectable()
export class OffersService {
  private readonly quietHours: QuietHours | null;

  constructor(
    private readonly offers: OffersRepository,
    private readonly candidates: CandidatesRepository,
    private readonly ranking: CandidatesService,
    private readonly bookings: BookingsClient,
    private readonly settings: OfferSettings,
    private readonly clock: Clock,
    sms: SmsSettings,
  ) {
    this.quietHours = parseQuietHours(sms.SMS_QUIET_HOURS);
  }

  /**
   * The matching run when a shift opens, for the worker, which sends the offers at once: so they
   * get no `offer.created` events (in a publish storm those were a relay, a job and a look-up per
   * offer, sending nothing). Answers the offers made and the shift's other offers still waiting
   * for an answer: run again after its sending was cut short, the caller sends what it missed, and
   * sending is idempotent, so nobody hears twice.
   */
  async run(shiftId: string): Promise<{ offered: number; offerIds: string[] }> {
    const { made, pendingBefore } = await this.offerMore(shiftId, undefined, 'caller');
    return { offered: made.length, offerIds: [...made, ...pendingBefore] };
  }

  /**
   * Offers the shift to up to `count` more candidates (default: as many as the cap allows). However
   * often it is called, no more than OFFERS_PER_PLACE per remaining place stand at once: a client's
   * `count` only asks for fewer. Answers the ids of the offers made; their `offer.created` events
   * send them.
   */
  async offerNext(shiftId: string, count?: number): Promise<string[]> {
    return (await this.offerMore(shiftId, count, 'events')).made;
  }

  /**
   * `offerNext`, sent by its events or by the caller (`run`); also answers the shift's offers that
   * were pending before (none when the shift can take no offers: sending them would withdraw them).
   */
  private async offerMore(
    shiftId: string,
    count: number | undefined,
    sentBy: 'events' | 'caller',
  ): Promise<{ made: string[]; pendingBefore: string[] }> {
    const now = this.clock.now();
    const shift = await this.candidates.shift(shiftId);
    const sendAt = offerSendTime(now, this.quietHours);
    if (!shift || shift.status !== 'open' || shift.employerSuspended || !stillWorthOffering(sendAt, shift.startsAt))
      return { made: [], pendingBefore: [] };
    const asked = await this.offers.askedFor(shiftId);
    const pendingBefore = asked.pendingIds;
    const room = shift.remaining * this.settings.OFFERS_PER_PLACE - pendingBefore.length;
    const wanted = Math.min(count ?? room, room);
    if (wanted <= 0) return { made: [], pendingBefore };
    // Only people who agreed to SMS and have not replied T: an offer is not a service message.
    const { ranked: chosen } = await this.ranking.topCandidates(shift, now, { limit: wanted, smsConsent: true, exclude: asked.workerIds });
    // As planned; set again when the SMS actually goes (the worker asks `send`).
    const expiresAt = offerExpiry(sendAt, shift.startsAt, this.settings.OFFER_MINUTES);
    return this.offers.transaction(async (manager) => {
      // Runs for one shift at once (a reply, an expiry, an employer's clicks) queue here, and the
      // room is counted again under the lock: what was read above may have been taken meanwhile.
      const standing = await this.offers.lockShiftOffers(manager, shiftId);
      const roomNow = standing.remaining * this.settings.OFFERS_PER_PLACE - standing.pending;
      const created = await this.offers.insert(
        manager,
        chosen.slice(0, Math.max(0, roomNow)).map((candidate) => ({
          shiftId,
          workerId: candidate.seeker.id,
          phone: candidate.seeker.phone,
          score: candidate.score,
          expiresAt,
        })),
      );
      if (sentBy === 'events') for (const offer of created) await recordEvent(manager, 'offer.created', { offerId: offer.id });
      return { made: created.map((offer) => offer.id), pendingBefore };
    });
  }

  /** Offers the employer (or staff) asks for. A suspended employer is told why rather than answered "nobody fitted". */
  async offerOnRequest(shift: ShiftRow, count?: number): Promise<number> {
    if (shift.employerSuspended) {
      throw new DomainException(
        'EMPLOYER_SUSPENDED',
        '该用工方已被暂停，不能发出邀请 / This employer is suspended and cannot make offers',
        403,
      );
    }
    return (await this.offerNext(shift.id, count)).length;
  }

  /**
   * The worker is about to send these offers' SMS. Outside the quiet hours each offer's clock
   * starts (asked again, it answers the same); in them it says when to come back. An offer that
   * can no longer go out (the seeker withdrew SMS consent, the shift closed or starts too soon)
   * is withdrawn unsent and the next candidate asked. One transaction and a few statements for
   * however many offers: a matching run's offers go out together. Answers in the order asked.
   */
  async send(offerIds: readonly string[]): Promise<({ offerId: string } & SendDecision)[]> {
    const now = this.clock.now();
    const { decisions, withdrawnFrom } = await this.offers.transaction(async (manager) => {
      const found = new Map((await this.offers.findManyForUpdate(manager, offerIds)).map((offer) => [offer.id, offer]));
      const decisions = new Map<string, SendDecision>();
      const sendAt = offerSendTime(now, this.quietHours);
      const unsent: Offer[] = [];
      for (const offer of found.values()) {
        if (offer.status !== 'pending') continue;
        if (offer.sentAt) decisions.set(offer.id, { action: 'send', expiresAt: toMarketIso(offer.expiresAt) });
        else if (sendAt > now) decisions.set(offer.id, { action: 'wait', until: toMarketIso(sendAt) });
        else unsent.push(offer);
      }
      const shifts = new Map<string, ShiftRow | null>();
      for (const shiftId of new Set(unsent.map((offer) => offer.shiftId)))
        shifts.set(shiftId, await this.candidates.shift(shiftId, manager));
      const reachable = await this.offers.reachableBySms(manager, unsent);
      const toSend: { offer: Offer; expiresAt: Date }[] = [];
      const withdrawnFrom = new Set<string>();
      for (const offer of unsent) {
        const shift = shifts.get(offer.shiftId);
        if (
          !shift ||
          shift.status !== 'open' ||
          shift.employerSuspended ||
          !stillWorthOffering(now, shift.startsAt) ||
          !reachable.has(offer.id)
        ) {
          await this.offers.settle(manager, offer, 'withdrawn', now);
          withdrawnFrom.add(offer.shiftId);
          continue;
        }
        const expiresAt = offerExpiry(now, shift.startsAt, this.settings.OFFER_MINUTES);
        toSend.push({ offer, expiresAt });
        decisions.set(offer.id, { action: 'send', expiresAt: toMarketIso(expiresAt) });
      }
      await this.offers.markSent(manager, toSend, now);
      return { decisions, withdrawnFrom };
    });
    for (const shiftId of withdrawnFrom) await this.offerNext(shiftId);
    return offerIds.map((offerId) => ({ offerId, ...(decisions.get(offerId) ?? { action: 'none' }) }));
  }

  /**
   * Yes: book through job-posting under the offer's id as idempotency key, so a retry after a
   * lost answer or a crash finds the same booking. Asked again once accepted, it answers that
   * booking. Too late (full, started) is recorded and told politely by SMS.
   */
  async accept(offerId: string, workerId: string): Promise<BookingAnswer> {
    const outcome = await this.offers.transaction(async (manager) => {
      const offer = await this.offers.findForUpdate(manager, offerId);
      if (!offer || offer.workerId !== workerId) throw new NotFoundDomainException('Offer');
      if (offer.status === 'accepted') return { booking: await this.bookings.book(offer.shiftId, offer.workerId, 'offer', offer.id) };
      if (offer.status !== 'pending') throw new DomainException('OFFER_CLOSED', `This offer is already ${offer.status}`, 409);
      // Past its time, an offer is still accepted if its booking was made before an interruption.
      if (offer.expiresAt <= this.clock.now() && !(await this.offers.bookingMadeFor(manager, offer.id))) {
        throw new DomainException('OFFER_EXPIRED', '该邀请已过期 / This offer has expired', 409);
      }
      try {
        const booking = await this.bookings.book(offer.shiftId, offer.workerId, 'offer', offer.id);
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

  /**
   * When an offer's time is up (its delayed job in the worker, or the worker's sweep): expired,
   * and the next candidate asked. An offer whose accept was interrupted after job-posting booked
   * (a booking carries its id) is finished as accepted instead, and nobody else is asked.
   */
  async expire(offerId: string): Promise<ExpiryOutcome> {
    const now = this.clock.now();
    const settled = await this.offers.transaction(async (manager) => {
      const offer = await this.offers.findForUpdate(manager, offerId);
      if (!offer || offer.status !== 'pending') return null;
      const bookingId = await this.offers.bookingMadeFor(manager, offer.id);
      if (bookingId) return this.offers.settle(manager, offer, 'accepted', now, bookingId);
      if (!offer.sentAt || offer.expiresAt > now) return null;
      return this.offers.settle(manager, offer, 'expired', now);
    });
    if (!settled) return 'unchanged';
    if (settled.status === 'expired') await this.offerNext(settled.shiftId);
    return settled.status === 'expired' ? 'expired' : 'accepted';
  }

  /**
   * A seeker erased their data: their open offers are withdrawn and forget the phone, and the shifts
   * they were offered are offered on (a run asks nobody twice and nobody past the places left, so
   * a retried erasure asks no more). Idempotent.
   */
  async eraseSeeker(workerId: string): Promise<{ withdrawn: number }> {
    const { withdrawn, shiftIds } = await this.offers.eraseSeeker(workerId, this.clock.now());
    for (const shiftId of shiftIds) await this.offerNext(shiftId);
    return { withdrawn };
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
