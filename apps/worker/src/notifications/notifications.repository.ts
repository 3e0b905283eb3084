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
  /**
   * When the message stops mattering (a code's expiry, the start of the shift it reminds of): it is
   * retried until then and given up (`expired`) after. Without one, a day after it is written.
   */
  mattersUntil?: Date;
  /** A sign-in code, sealed: `text` holds CODE_PLACEHOLDER in its place. */
  sealedCode?: string;
}

/** A message taken for sending; a sign-in code's text still holds the placeholder, the code sealed beside it. */
export type ClaimedMessage = Pick<Notification, 'id' | 'phone' | 'text' | 'kind' | 'attempts' | 'status' | 'sealedCode'>;

/** A message as written: signed, its quiet-hours wait and lifetime decided. */
export type MessageRow = Omit<NewMessage, 'mattersUntil'> & {
  sendAfter: Date | null;
  mattersUntil: Date;
  phoneHash: string;
  /** The job that sends it with others (see Notification.batchId); none: a job of its own. */
  batchId?: string;
};

/** A message still to send, and how: its own job on the urgent or the bulk queue, or its batch's job. */
export interface PendingMessage {
  id: string;
  sendAfter: Date | null;
  urgent: boolean;
  batchId: string | null;
}

export type IdleMessage = Pick<PendingMessage, 'id' | 'urgent' | 'batchId'> & { mattersUntil: Date | null };

/** Alerts of one event may take a phone to `perDay` alerts in 24 hours, not past it (that event's own alerts, written before a retry, do not count). */
export interface AlertCap {
  perDay: number;
  eventId: string;
}

/**
 * "Still to send", for statements that find their rows by id, key or batch. Written so that the
 * planner cannot match it to the `notifications_unsent` partial index: with statistics taken when
 * nearly every message was sent, it reads that index as tiny and scans it whole, every queued
 * message, to find one row (2.8 ms a claim with 6,000 alerts queued; 0.05 ms through the key).
 */
const stillToSend = (row = 'notifications') => `(${row}.status IN ('queued', 'sending')) IS TRUE`;

/** Taken (per transaction) while a batch of alerts is checked against the per-phone cap and written. */
const SHIFT_ALERT_CAP_LOCK = 7_300_202_612;

@Injectable()
export class NotificationsRepository {
  private alertBatches: Promise<unknown> = Promise.resolve();
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the messages (a key seen before is left as it is) and returns the ids of those still
   * waiting to be sent, including ones written by an earlier, interrupted attempt.
   */
  async insertPending(messages: MessageRow[], alertCap?: AlertCap): Promise<PendingMessage[]> {
    if (messages.length === 0) return [];
    const incoming = messages.map((m) => ({
      dedupe_key: m.dedupeKey,
      phone: m.phone,
      kind: m.kind,
      text: m.text,
      sealed_code: m.sealedCode ?? null,
      send_after: m.sendAfter,
      matters_until: m.mattersUntil,
      worker_id: m.workerId ?? null,
      phone_hash: m.phoneHash,
      caused_at: m.causedAt,
      urgent: m.urgent,
      batch_id: m.batchId ?? null,
    }));
    if (!alertCap) return this.write(incoming);
    // Alert batches of this process take their turn before they take a connection: waiting for the
    // cap's lock inside a transaction would park connections that offers and codes need.
    const turn = this.alertBatches.then(() => this.write(incoming, alertCap));
    this.alertBatches = turn.catch(() => undefined);
    return turn;
  }

  private write(incoming: Record<string, unknown>[], alertCap?: AlertCap): Promise<PendingMessage[]> {
    return this.dataSource.transaction(async (manager) => {
      // Shared: writers do not wait for each other, only for an erasure scrubbing the log (ErasureRepository).
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [SMS_LOG_ERASURE_LOCK]);
      // The per-phone cap on alerts counts alerts written: batches decide it one at a time, here,
      // or two shifts' alerts written side by side would both find a phone under its cap.
      if (alertCap) await manager.query('SELECT pg_advisory_xact_lock($1)', [SHIFT_ALERT_CAP_LOCK]);
      return (await manager.query(
        `WITH incoming AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS m(dedupe_key text, phone text, kind text, text text, sealed_code text, send_after timestamptz, matters_until timestamptz,
                  worker_id uuid, phone_hash text, caused_at timestamptz, urgent boolean, batch_id text)
            WHERE NOT EXISTS (SELECT 1 FROM erasures e WHERE e.phone_hash = m.phone_hash AND e.erased_at >= m.caused_at)
              AND ($2::int IS NULL OR m.kind <> 'shift_alert' OR (
                   SELECT count(*) FROM notifications n
                    WHERE n.phone = m.phone AND n.kind = 'shift_alert' AND n.created_at > now() - interval '24 hours'
                      AND n.dedupe_key NOT LIKE $3 || ':%') < $2)
         ), inserted AS (
           INSERT INTO notifications (dedupe_key, phone, kind, text, sealed_code, send_after, matters_until, worker_id, caused_at, urgent, batch_id)
           SELECT dedupe_key, phone, kind, text, sealed_code, send_after, matters_until, worker_id, caused_at, urgent, batch_id FROM incoming
           ON CONFLICT (dedupe_key) DO NOTHING
           RETURNING id, send_after, urgent, batch_id
         )
         SELECT id, send_after AS "sendAfter", urgent, batch_id AS "batchId" FROM inserted
         UNION
         SELECT n.id, n.send_after, n.urgent, n.batch_id FROM notifications n JOIN incoming i ON i.dedupe_key = n.dedupe_key WHERE ${stillToSend('n')}`,
        [JSON.stringify(incoming), alertCap?.perDay ?? null, alertCap?.eventId ?? ''],
      )) as PendingMessage[];
    });
  }

  async written(dedupeKey: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM notifications WHERE dedupe_key = $1`, [dedupeKey])) as unknown[];
    return rows.length > 0;
  }

  /** The messages of a batch still to send, in the order written. */
  async pendingInBatch(batchId: string): Promise<PendingMessage[]> {
    return (await this.dataSource.query(
      `SELECT id, send_after AS "sendAfter", urgent, batch_id AS "batchId" FROM notifications
        WHERE batch_id = $1 AND ${stillToSend()} AND phone <> '' ORDER BY created_at, id`,
      [batchId],
    )) as PendingMessage[];
  }

  /**
   * Takes messages for sending, in the order given. A row left in `sending` by a worker killed
   * mid-send is taken again; the provider receives the same id as idempotency key, so the person
   * gets one SMS. A message that stopped mattering by `now` is not taken but given up: `expired`.
   * Ones already sent (or failed for good) are not returned.
   */
  async claim(ids: readonly string[], now: Date): Promise<ClaimedMessage[]> {
    if (ids.length === 0) return [];
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications
          SET status = CASE WHEN matters_until <= $2 THEN 'expired' ELSE 'sending' END,
              attempts = attempts + CASE WHEN matters_until <= $2 THEN 0 ELSE 1 END, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND ${stillToSend()} AND phone <> ''
        RETURNING id, phone, text, kind, attempts, status, sealed_code AS "sealedCode"`,
      [ids, now],
    )) as [ClaimedMessage[], number];
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /** Records the provider's receipts: one statement for however many were sent. */
  async markSent(provider: string, receipts: readonly { id: string; providerMessageId: string }[]): Promise<void> {
    if (receipts.length === 0) return;
    await this.dataSource.query(
      `UPDATE notifications n
          SET status = 'sent', provider = $1, provider_message_id = r.provider_message_id, sent_at = now(), updated_at = now(), last_error = NULL
         FROM unnest($2::uuid[], $3::text[]) AS r(id, provider_message_id)
        WHERE n.id = r.id`,
      [provider, receipts.map((r) => r.id), receipts.map((r) => r.providerMessageId)],
    );
  }

  /** `final`: refused for good (`failed`); otherwise back to `queued` for the next try. */
  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    // Found through the key, as in stillToSend.
    await this.dataSource.query(
      `UPDATE notifications SET status = $2, last_error = $3, updated_at = now() WHERE id = $1 AND (status = 'sending') IS TRUE`,
      [id, final ? 'failed' : 'queued', error.slice(0, 1000)],
    );
  }

  /**
   * Messages still to send whose row has not moved since `idleSince` and whose time has come:
   * candidates for the sweep, which checks each for a live job. Ones deferred to the morning wait.
   */
  async idleUnsent(idleSince: Date, now: Date, limit: number): Promise<IdleMessage[]> {
    return (await this.dataSource.query(
      `SELECT id, matters_until AS "mattersUntil", urgent, batch_id AS "batchId" FROM notifications
        WHERE status IN ('queued', 'sending') AND phone <> '' AND updated_at < $1 AND (send_after IS NULL OR send_after <= $2)
        ORDER BY updated_at LIMIT $3`,
      [idleSince, now, limit],
    )) as IdleMessage[];
  }

  /** Gives up a message that was never sent and no longer matters. */
  async expire(id: string, now: Date): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notifications SET status = 'expired', updated_at = now() WHERE id = $1 AND ${stillToSend()} AND matters_until <= $2`,
      [id, now],
    )) as [unknown, number];
    return count > 0;
  }

  /** A receipt moves a sent message to delivered or failed; receipts for unknown ids change nothing. */
  async recordDelivery(providerMessageId: string, status: 'delivered' | 'failed'): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = $2, updated_at = now() WHERE provider_message_id = $1 AND status IN ('sent', 'delivered')`,
      [providerMessageId, status],
    );
  }
}
