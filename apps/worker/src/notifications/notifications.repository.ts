import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SMS_LOG_ERASURE_LOCK } from '../erasure/erasure.repository';
import type { Notification } from './notification.entity';

export interface NewMessage {
  dedupeKey: string;
  phone: string;
  kind: string;
  text: string;
  /** Sign-in codes and changes to today's work; everything else waits out the quiet hours. */
  urgent: boolean;
  /**
   * When what the message tells of happened (the event, the booking): a message caused before
   * its phone's owner erased their data is not written, however late its event is handled.
   */
  causedAt: Date;
  /** The seeker the message is about, when one is (to them, or naming them to an employer): their erasure finds it. */
  workerId?: string;
}

export interface PendingMessage {
  id: string;
  sendAfter: Date | null;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the messages (a key seen before is left as it is) and returns the ids of those still
   * waiting to be sent, including ones written by an earlier, interrupted attempt.
   */
  async insertPending(messages: (Omit<NewMessage, 'urgent'> & { sendAfter: Date | null; phoneHash: string })[]): Promise<PendingMessage[]> {
    if (messages.length === 0) return [];
    const incoming = messages.map((m) => ({
      dedupe_key: m.dedupeKey,
      phone: m.phone,
      kind: m.kind,
      text: m.text,
      send_after: m.sendAfter,
      worker_id: m.workerId ?? null,
      phone_hash: m.phoneHash,
      caused_at: m.causedAt,
    }));
    return this.dataSource.transaction(async (manager) => {
      // Shared: writers do not wait for each other, only for an erasure scrubbing the log (ErasureRepository).
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [SMS_LOG_ERASURE_LOCK]);
      return (await manager.query(
        `WITH incoming AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS m(dedupe_key text, phone text, kind text, text text, send_after timestamptz, worker_id uuid, phone_hash text, caused_at timestamptz)
            WHERE NOT EXISTS (SELECT 1 FROM erasures e WHERE e.phone_hash = m.phone_hash AND e.erased_at >= m.caused_at)
         ), inserted AS (
           INSERT INTO notifications (dedupe_key, phone, kind, text, send_after, worker_id, caused_at)
           SELECT dedupe_key, phone, kind, text, send_after, worker_id, caused_at FROM incoming
           ON CONFLICT (dedupe_key) DO NOTHING
           RETURNING id, send_after
         )
         SELECT id, send_after AS "sendAfter" FROM inserted
         UNION
         SELECT n.id, n.send_after FROM notifications n JOIN incoming i ON i.dedupe_key = n.dedupe_key WHERE n.status IN ('queued', 'sending')`,
        [JSON.stringify(incoming)],
      )) as PendingMessage[];
    });
  }

  /**
   * Takes a message for sending. A row left in `sending` by a worker killed mid-send is taken
   * again; the provider receives the same id as idempotency key, so the person gets one SMS.
   */
  async claim(id: string): Promise<Notification | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'sending') AND phone <> ''
        RETURNING id, phone, text, kind, attempts`,
      [id],
    )) as [Notification[], number];
    return rows[0] ?? null;
  }

  async markSent(id: string, provider: string, providerMessageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', provider = $2, provider_message_id = $3, sent_at = now(), updated_at = now(), last_error = NULL
        WHERE id = $1`,
      [id, provider, providerMessageId],
    );
  }

  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = $2, last_error = $3, updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id, final ? 'failed' : 'queued', error.slice(0, 1000)],
    );
  }

  /** A receipt moves a sent message to delivered or failed; receipts for unknown ids change nothing. */
  async recordDelivery(providerMessageId: string, status: 'delivered' | 'failed'): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = $2, updated_at = now() WHERE provider_message_id = $1 AND status IN ('sent', 'delivered')`,
      [providerMessageId, status],
    );
  }
}
