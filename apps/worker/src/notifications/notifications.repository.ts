import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Notification } from './notification.entity';

export interface NewMessage {
  dedupeKey: string;
  phone: string;
  kind: string;
  text: string;
  /** Sign-in codes and changes to today's work; everything else waits out the quiet hours. */
  urgent: boolean;
  /** A sign-in code, sealed: `text` holds CODE_PLACEHOLDER in its place. */
  sealedCode?: string;
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
  async insertPending(messages: (Omit<NewMessage, 'urgent'> & { sendAfter: Date | null })[]): Promise<PendingMessage[]> {
    if (messages.length === 0) return [];
    const rows = (await this.dataSource.query(
      `WITH incoming AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(dedupe_key text, phone text, kind text, text text, sealed_code text, send_after timestamptz)
       ), inserted AS (
         INSERT INTO notifications (dedupe_key, phone, kind, text, sealed_code, send_after)
         SELECT dedupe_key, phone, kind, text, sealed_code, send_after FROM incoming
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, send_after
       )
       SELECT id, send_after AS "sendAfter" FROM inserted
       UNION
       SELECT n.id, n.send_after FROM notifications n JOIN incoming i ON i.dedupe_key = n.dedupe_key WHERE n.status IN ('queued', 'sending')`,
      [
        JSON.stringify(
          messages.map((m) => ({ dedupe_key: m.dedupeKey, phone: m.phone, kind: m.kind, text: m.text, sealed_code: m.sealedCode ?? null, send_after: m.sendAfter })),
        ),
      ],
    )) as PendingMessage[];
    return rows;
  }

  /**
   * Takes a message for sending. A row left in `sending` by a worker killed mid-send is taken
   * again; the provider receives the same id as idempotency key, so the person gets one SMS.
   */
  async claim(id: string): Promise<Notification | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'sending') AND phone <> ''
        RETURNING id, phone, text, kind, attempts, sealed_code AS "sealedCode"`,
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

  /**
   * PIPL erasure, in one statement: messages to the phone until then keep their kind and (if sent)
   * status for the figures, not the person; unsent ones, including one being sent at this moment,
   * fail and can no longer be claimed (`claim` needs a phone, `markFailed` a row still sending).
   */
  async forgetPhone(phone: string, before: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notifications
          SET phone = '', text = '[已注销]', sealed_code = NULL, updated_at = now(),
              status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
              last_error = CASE WHEN status IN ('queued', 'sending') THEN 'erased' ELSE last_error END
        WHERE phone = $1 AND created_at <= $2`,
      [phone, before],
    )) as [unknown, number];
    return count;
  }

  /** A receipt moves a sent message to delivered or failed; receipts for unknown ids change nothing. */
  async recordDelivery(providerMessageId: string, status: 'delivered' | 'failed'): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = $2, updated_at = now() WHERE provider_message_id = $1 AND status IN ('sent', 'delivered')`,
      [providerMessageId, status],
    );
  }
}
