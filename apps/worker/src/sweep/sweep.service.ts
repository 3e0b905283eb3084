import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SmsSettings } from '@lingong/config';
import { Clock } from '@lingong/platform';
import { QueueName } from '@lingong/queue';
import { earliestSendTime, parseQuietHours, type QuietHours } from '@lingong/sms';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { OfferNoticesService } from '../offers/offer-notices.service';
import { OutboxRelayService } from '../outbox-relay/outbox-relay.service';
import { ServicesClient } from '../services-client/services.client';
import { SweepRepository } from './sweep.repository';

/** What one pass fixed; logged, and kept as the sweep job's return value (readable on the staff queue board). */
export interface SweepReport {
  offersExpired: number;
  /** Pending offers whose booking had been made before an interruption: finished as accepted. */
  offersAccepted: number;
  offersSent: number;
  outboxRequeued: number;
  jobsRetried: number;
  notificationsRequeued: number;
  notificationsExpired: number;
  dispatchPlansFinished: number;
  /** Not a fix but routine: 1 when matching's stored fairness medians were old enough to be recomputed. */
  fairnessMediansRefreshed: number;
  /** Items it could not fix this time (e.g. matching away); tried again next pass. */
  errors: number;
}

const SECOND_MS = 1_000;
/** Leeway for the regular path (the expiry job, the relay's poll, a message's retry) before the sweep steps in. */
const OVERDUE_OFFER_MS = 30 * SECOND_MS;
const UNSENT_OFFER_MS = 60 * SECOND_MS;
const LEFT_IN_OUTBOX_MS = 30 * SECOND_MS;
const IDLE_MESSAGE_MS = 120 * SECOND_MS;
const INTERRUPTED_DISPATCH_MS = 300 * SECOND_MS;
/** Failed event and reminder jobs are tried again for a day; after that they stay failed on the board, given up. */
const FAILED_JOB_RETRY_WINDOW_MS = 24 * 3_600 * SECOND_MS;
/** Per pass and kind: a backlog is worked off over several passes rather than in one long one. */
const BATCH = 200;

/** Job states in which BullMQ will still run a message's job; any other means nobody will send it. */
const LIVE_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * The periodic sweep (a BullMQ job scheduler, every SWEEP_EVERY_SECONDS): every piece of work
 * either finishes or is given up by a rule. Overdue offers are expired through matching (which
 * releases what they held and asks the next candidate); unsent offers are sent; outbox events
 * left unrelayed are relayed; failed event and reminder jobs are retried for a day; messages with
 * no live job are queued again or, past their time, expired; interrupted dispatch confirmations
 * are run again; and matching's fairness medians are kept fresh. Every step is safe to repeat: it
 * acts through the same idempotent paths.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger(SweepService.name);
  private readonly quietHours: QuietHours | null;

  constructor(
    private readonly sweep: SweepRepository,
    private readonly notifications: NotificationsRepository,
    private readonly offers: OfferNoticesService,
    private readonly relay: OutboxRelayService,
    private readonly services: ServicesClient,
    private readonly clock: Clock,
    sms: SmsSettings,
    @InjectQueue(QueueName.notifications) private readonly messages: Queue,
    @InjectQueue(QueueName.smsUrgent) private readonly urgentMessages: Queue,
    @InjectQueue(QueueName.domainEvents) private readonly events: Queue,
    @InjectQueue(QueueName.bookingReminders) private readonly reminders: Queue,
  ) {
    this.quietHours = parseQuietHours(sms.SMS_QUIET_HOURS);
  }

  async run(): Promise<SweepReport> {
    const report: SweepReport = {
      offersExpired: 0,
      offersAccepted: 0,
      offersSent: 0,
      outboxRequeued: 0,
      jobsRetried: 0,
      notificationsRequeued: 0,
      notificationsExpired: 0,
      dispatchPlansFinished: 0,
      fairnessMediansRefreshed: 0,
      errors: 0,
    };
    await this.step(report, () => this.relayLeftBehind(report));
    await this.step(report, () => this.expireOverdueOffers(report));
    await this.step(report, () => this.sendUnsentOffers(report));
    await this.step(report, () => this.finishDispatchPlans(report));
    await this.step(report, () => this.retryFailedJobs(report));
    await this.step(report, () => this.requeueIdleMessages(report));
    await this.step(report, async () => {
      if (await this.services.refreshFairnessMedians()) report.fairnessMediansRefreshed += 1;
    });
    const fixed = Object.entries(report).some(([kind, count]) => kind !== 'fairnessMediansRefreshed' && count > 0);
    if (fixed) this.logger.log({ sweep: report }, 'sweep fixed work left behind');
    else this.logger.debug({ sweep: report }, 'sweep found nothing left behind');
    return report;
  }

  private async relayLeftBehind(report: SweepReport): Promise<void> {
    report.outboxRequeued += await this.relay.relayLeftBehind(this.ago(LEFT_IN_OUTBOX_MS));
  }

  private async expireOverdueOffers(report: SweepReport): Promise<void> {
    for (const offerId of await this.sweep.overdueOffers(this.ago(OVERDUE_OFFER_MS), BATCH)) {
      await this.step(report, async () => {
        const outcome = await this.services.expireOffer(offerId);
        if (outcome === 'expired') report.offersExpired += 1;
        if (outcome === 'accepted') report.offersAccepted += 1;
      });
    }
  }

  /** In the quiet hours unsent offers are waiting for the morning, as they should. */
  private async sendUnsentOffers(report: SweepReport): Promise<void> {
    const now = this.clock.now();
    if (earliestSendTime(now, false, this.quietHours) > now) return;
    for (const offerId of await this.sweep.unsentOffers(this.ago(UNSENT_OFFER_MS), BATCH)) {
      await this.step(report, async () => {
        await this.offers.send(offerId);
        report.offersSent += 1;
      });
    }
  }

  private async finishDispatchPlans(report: SweepReport): Promise<void> {
    for (const planId of await this.sweep.interruptedDispatchPlans(this.ago(INTERRUPTED_DISPATCH_MS), BATCH)) {
      await this.step(report, async () => {
        await this.services.finishDispatchPlan(planId);
        report.dispatchPlansFinished += 1;
      });
    }
  }

  /** Handlers re-read their rows and check status, so an event or reminder tried again acts at most once. */
  private async retryFailedJobs(report: SweepReport): Promise<void> {
    const since = this.ago(FAILED_JOB_RETRY_WINDOW_MS).getTime();
    for (const queue of [this.events, this.reminders]) {
      for (const job of await queue.getFailed(0, BATCH - 1)) {
        if (job.timestamp + (job.opts.delay ?? 0) < since) continue;
        await this.step(report, async () => {
          await job.retry('failed');
          report.jobsRetried += 1;
        });
      }
    }
  }

  /**
   * A message still to send whose job is gone or finished (lost, or its tries ran out) is queued
   * again, or expired if too late. Its job is its own, on the queue of its urgency, or its batch's
   * (a shift's alerts); queued again, it gets one of its own.
   */
  private async requeueIdleMessages(report: SweepReport): Promise<void> {
    const now = this.clock.now();
    for (const message of await this.notifications.idleUnsent(this.ago(IDLE_MESSAGE_MS), now, BATCH)) {
      await this.step(report, async () => {
        const queue = message.urgent ? this.urgentMessages : this.messages;
        const state = await queue.getJobState(message.id);
        if (LIVE_STATES.has(state)) return;
        if (message.batchId && LIVE_STATES.has(await this.messages.getJobState(message.batchId))) return;
        if (message.mattersUntil && message.mattersUntil <= now) {
          if (await this.notifications.expire(message.id, now)) report.notificationsExpired += 1;
          return;
        }
        if (state !== 'unknown') await queue.remove(message.id);
        await queue.add('sms.send', { notificationId: message.id }, { jobId: message.id });
        report.notificationsRequeued += 1;
      });
    }
  }

  private ago(ms: number): Date {
    return new Date(this.clock.now().getTime() - ms);
  }

  private async step(report: SweepReport, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      report.errors += 1;
      this.logger.warn(`sweep step failed, next pass tries again: ${(error as Error).message}`);
    }
  }
}
