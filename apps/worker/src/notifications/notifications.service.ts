import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Queue } from 'bullmq';
import { AuthSettings, SmsSettings } from '@lingong/config';
import { openSealedText } from '@lingong/identity';
import { QueueName, type QueueJobs } from '@lingong/queue';
import { Clock } from '@lingong/platform';
import { earliestSendTime, parseQuietHours, signed, SmsProvider, SmsTemporaryFailure, withCode, type QuietHours } from '@lingong/sms';
import { PhoneHasher } from '../erasure/phone-hasher';
import { NotificationsRepository, type NewMessage } from './notifications.repository';

type NotificationsQueue = Queue<QueueJobs['notifications']['sms.send'], unknown, 'sms.send'>;

/** A message that says nothing of when it stops mattering is given up a day after it was written. */
const DEFAULT_LIFETIME_MS = 24 * 3_600_000;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly provider: SmsProvider,
    private readonly settings: SmsSettings,
    private readonly clock: Clock,
    @InjectQueue(QueueName.notifications) private readonly queue: NotificationsQueue,
    private readonly phones: PhoneHasher,
    private readonly auth: AuthSettings,
  ) {
    this.quietHours = parseQuietHours(settings.SMS_QUIET_HOURS);
  }

  private readonly quietHours: QuietHours | null;

  /**
   * Records each message once (by its dedupe key) and queues its send, job id = notification id.
   * Non-urgent messages written in quiet hours are delayed to 07:00, not dropped. A message caused
   * before its phone was erased is not written at all.
   */
  async send(messages: NewMessage[]): Promise<number> {
    const now = this.clock.now();
    // Stored signed, so the row (and /api/dev/sms) holds exactly what the person receives.
    const pending = await this.notifications.insertPending(
      messages.map(({ urgent, mattersUntil, ...message }) => {
        const sendAfter = earliestSendTime(now, urgent, this.quietHours);
        return {
          ...message,
          text: signed(this.settings.SMS_SIGNATURE, message.text),
          sendAfter: sendAfter > now ? sendAfter : null,
          phoneHash: this.phones.hash(message.phone),
          mattersUntil: mattersUntil ?? new Date(now.getTime() + DEFAULT_LIFETIME_MS),
        };
      }),
    );
    await this.queue.addBulk(
      pending.map(({ id, sendAfter }) => ({
        name: 'sms.send' as const,
        data: { notificationId: id },
        opts: { jobId: id, ...(sendAfter && { delay: Math.max(0, new Date(sendAfter).getTime() - now.getTime()) }) },
      })),
    );
    return pending.length;
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
    const message = await this.notifications.claim(notificationId, this.clock.now());
    if (!message || message.status === 'expired') return;
    try {
      const receipt = await this.provider.send({ id: message.id, phone: message.phone, text: this.textToSend(message) });
      await this.notifications.markSent(message.id, this.provider.name, receipt.providerMessageId);
    } catch (error) {
      const temporary = error instanceof SmsTemporaryFailure;
      await this.notifications.markFailed(message.id, (error as Error).message, !temporary);
      throw temporary ? error : new UnrecoverableError((error as Error).message);
    }
  }
}
