import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Queue } from 'bullmq';
import { AuthSettings, SmsSettings } from '@lingong/config';
import { openSealedText } from '@lingong/identity';
import { QueueName, type JobName, type QueueJobs } from '@lingong/queue';
import { Clock } from '@lingong/platform';
import {
  earliestSendTime,
  parseQuietHours,
  signed,
  SmsProvider,
  SmsTemporaryFailure,
  withCode,
  type QuietHours,
  type SmsReceipt,
} from '@lingong/sms';
import { PhoneHasher } from '../erasure/phone-hasher';
import { UrgentWork } from './urgent-work';
import {
  NotificationsRepository,
  type AlertCap,
  type ClaimedMessage,
  type MessageRow,
  type NewMessage,
  type PendingMessage,
} from './notifications.repository';

export type BulkSmsQueue = Queue<QueueJobs['notifications'][JobName<'notifications'>], unknown, JobName<'notifications'>>;
export type UrgentSmsQueue = Queue<QueueJobs['sms-urgent']['sms.send'], unknown, 'sms.send'>;

/**
 * Messages one batch job sends at once: a batch of alerts takes a few gateway connections, not
 * all of them (and the urgent queue has workers of its own besides).
 */
const BATCH_PARALLEL_SENDS = 4;

/**
 * Messages a batch job claims, and then marks sent, in one statement each. Two statements per
 * message made a storm's alerts thousands of round trips to PostgreSQL, and on a busy machine
 * each one takes CPU from the offers and codes that must not wait.
 */
const BATCH_CLAIM = 50;

/** A message that says nothing of when it stops mattering is given up a day after it was written. */
const DEFAULT_LIFETIME_MS = 24 * 3_600_000;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly provider: SmsProvider,
    private readonly settings: SmsSettings,
    private readonly clock: Clock,
    @InjectQueue(QueueName.notifications) private readonly bulk: BulkSmsQueue,
    @InjectQueue(QueueName.smsUrgent) private readonly urgent: UrgentSmsQueue,
    private readonly phones: PhoneHasher,
    private readonly auth: AuthSettings,
    private readonly urgentWork: UrgentWork,
  ) {
    this.quietHours = parseQuietHours(settings.SMS_QUIET_HOURS);
  }

  private readonly quietHours: QuietHours | null;

  /**
   * Records each message once (by its dedupe key) and queues its send, job id = notification id:
   * urgent ones on `sms-urgent`, the rest on `notifications`. Non-urgent messages written in quiet
   * hours are delayed to 07:00, not dropped. A message caused before its phone was erased is not
   * written at all.
   */
  async send(messages: NewMessage[]): Promise<number> {
    const now = this.clock.now();
    const pending = (await this.notifications.insertPending(messages.map((message) => this.row(message, now)))).filter(
      (message) => message.batchId === null,
    );
    const jobs = (lane: PendingMessage[]) =>
      lane.map(({ id, sendAfter }) => ({
        name: 'sms.send' as const,
        data: { notificationId: id },
        opts: { jobId: id, ...(sendAfter && { delay: Math.max(0, new Date(sendAfter).getTime() - now.getTime()) }) },
      }));
    const urgent = pending.filter((message) => message.urgent);
    const bulk = pending.filter((message) => !message.urgent);
    if (urgent.length > 0) await this.urgent.addBulk(jobs(urgent));
    if (bulk.length > 0) await this.bulk.addBulk(jobs(bulk));
    return pending.length;
  }

  /**
   * Records messages (each once, by its dedupe key) to be sent together by the job `batchId`
   * (deliverBatch), which the caller is. Returns how many of them are still to send.
   */
  async writeBatch(batchId: string, messages: NewMessage[], alertCap?: AlertCap): Promise<number> {
    const now = this.clock.now();
    return (
      await this.notifications.insertPending(
        messages.map((message) => ({ ...this.row(message, now), batchId })),
        alertCap,
      )
    ).length;
  }

  /**
   * Sends what is still to send of a batch, a few at a time. Returns when it is to be tried again
   * if its messages wait out the quiet hours; otherwise sends them. A temporary failure (gateway
   * down, throttled) ends this try and is thrown, so the job is tried again with capped backoff;
   * what was sent is not sent again (sent messages are not claimed), a refusal is final for its
   * message alone.
   */
  async deliverBatch(batchId: string): Promise<Date | null> {
    const pending = await this.notifications.pendingInBatch(batchId);
    const now = this.clock.now();
    const waitUntil = Math.max(0, ...pending.map((message) => (message.sendAfter ? new Date(message.sendAfter).getTime() : 0)));
    if (waitUntil > now.getTime()) return new Date(waitUntil);
    for (let at = 0; at < pending.length; at += BATCH_CLAIM) {
      await this.urgentWork.giveWay();
      const claimed = await this.notifications.claim(
        pending.slice(at, at + BATCH_CLAIM).map((message) => message.id),
        this.clock.now(),
      );
      const toSend = claimed.filter((message) => message.status !== 'expired');
      const receipts: { id: string; providerMessageId: string }[] = [];
      let temporary: Error | undefined;
      const sender = async () => {
        for (let next = toSend.shift(); next && !temporary; next = toSend.shift()) {
          try {
            receipts.push({ id: next.id, providerMessageId: (await this.sendClaimed(next)).providerMessageId });
          } catch (error) {
            if (!(error instanceof UnrecoverableError)) temporary ??= error as Error;
          }
        }
      };
      await Promise.all(Array.from({ length: BATCH_PARALLEL_SENDS }, sender));
      // Those claimed but not tried after a temporary failure stay `sending`: the job's next try takes them again.
      await this.notifications.markSent(this.provider.name, receipts);
      if (temporary) throw temporary;
    }
    return null;
  }

  /** A message as stored: signed, so the row (and /api/dev/sms) holds exactly what the person receives. */
  private row({ mattersUntil, ...message }: NewMessage, now: Date): MessageRow {
    const sendAfter = earliestSendTime(now, message.urgent, this.quietHours);
    return {
      ...message,
      text: signed(this.settings.SMS_SIGNATURE, message.text),
      sendAfter: sendAfter > now ? sendAfter : null,
      phoneHash: this.phones.hash(message.phone),
      mattersUntil: mattersUntil ?? new Date(now.getTime() + DEFAULT_LIFETIME_MS),
    };
  }

  /** Whether the message with this dedupe key has been written (whatever became of it since). */
  written(dedupeKey: string): Promise<boolean> {
    return this.notifications.written(dedupeKey);
  }

  recordDelivery(providerMessageId: string, status: 'delivered' | 'failed'): Promise<void> {
    return this.notifications.recordDelivery(providerMessageId, status);
  }

  /** What the person receives: a sign-in code is put in only now, from its sealed form. */
  private textToSend(message: { text: string; sealedCode: string | null }): string {
    if (!message.sealedCode) return message.text;
    const code = openSealedText(this.auth.JWT_SECRET, message.sealedCode);
    // Sealed under another JWT_SECRET (it was changed meanwhile): a code that cannot be sent is a final failure.
    if (code === null) throw new Error('the sign-in code cannot be unsealed with this JWT_SECRET');
    return withCode(message.text, code);
  }

  /**
   * Sends one message. Returns quietly when it was already sent, or given up because it stopped
   * mattering (`expired`). A temporary failure (gateway down, throttled) puts it back and throws,
   * so the queue tries again with capped backoff; a refusal (`failed`) is final.
   */
  async deliver(notificationId: string): Promise<void> {
    const [message] = await this.notifications.claim([notificationId], this.clock.now());
    if (!message || message.status === 'expired') return;
    const receipt = await this.sendClaimed(message);
    await this.notifications.markSent(this.provider.name, [{ id: message.id, providerMessageId: receipt.providerMessageId }]);
  }

  /**
   * Hands a claimed message to the provider. A temporary failure (gateway down, throttled) puts it
   * back and is thrown as it is, so the queue tries again with capped backoff; a refusal is marked
   * `failed` for good and thrown as an UnrecoverableError.
   */
  private async sendClaimed(message: ClaimedMessage): Promise<SmsReceipt> {
    try {
      return await this.provider.send({ id: message.id, phone: message.phone, text: this.textToSend(message) });
    } catch (error) {
      const temporary = error instanceof SmsTemporaryFailure;
      await this.notifications.markFailed(message.id, (error as Error).message, !temporary);
      throw temporary ? error : new UnrecoverableError((error as Error).message);
    }
  }
}
