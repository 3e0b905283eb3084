import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Writing an SMS (shared) and erasing a phone from the SMS log (exclusive) take this advisory lock,
 * so a message cannot slip between the erasure's check and its scrub: it is either written before
 * the scrub (and scrubbed) or after the erasure is on record (and refused).
 */
export const SMS_LOG_ERASURE_LOCK = 7_300_202_611;

/** How long an erased phone's hash is kept: longer than any event from before the erasure can stay in flight. */
export const ERASED_PHONE_MEMORY_DAYS = 7;

/** The worker's own part of an erasure: the SMS log, the outbox payloads, and the record of the erasure. */
@Injectable()
export class ErasureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * In one transaction, under the exclusive lock: the erasure is recorded (with the phone's hash,
   * which from now on keeps messages caused before the erasure out of the log); every message
   * about the seeker, and every one to the phone caused before the erasure, loses phone, text and
   * the dedupe key that held the phone (unsent ones fail and can no longer be claimed); events from
   * before the erasure not yet relayed forget the phone. What a new owner of the phone (signed up
   * again since) was sent or asked for is theirs and stays, however late a retry runs this.
   */
  async eraseFromSmsLog(erasure: { workerId: string; phone: string | null; phoneHash: string | null; erasedAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SMS_LOG_ERASURE_LOCK]);
      await manager.query(
        `INSERT INTO erasures (worker_id, phone_hash, erased_at) VALUES ($1, $2, $3)
         ON CONFLICT (worker_id) DO UPDATE SET phone_hash = coalesce(erasures.phone_hash, excluded.phone_hash)`,
        [erasure.workerId, erasure.phoneHash, erasure.erasedAt],
      );
      await this.scrubNotifications(manager, erasure);
      if (erasure.phone) {
        await manager.query(`UPDATE outbox_events SET payload = payload - 'phone' WHERE payload->>'phone' = $1 AND created_at <= $2`, [
          erasure.phone,
          erasure.erasedAt,
        ]);
      }
    });
  }

  private async scrubNotifications(
    manager: EntityManager,
    erasure: { workerId: string; phone: string | null; erasedAt: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE notifications
          SET phone = '', text = '[已注销]', sealed_code = NULL, dedupe_key = 'erased:' || id, worker_id = NULL, updated_at = now(),
              status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
              last_error = CASE WHEN status IN ('queued', 'sending') THEN 'erased' ELSE NULL END
        WHERE ((phone = $1 AND coalesce(caused_at, created_at) <= $3) OR worker_id = $2) AND dedupe_key NOT LIKE 'erased:%'`,
      [erasure.phone, erasure.workerId, erasure.erasedAt],
    );
  }

  async complete(workerId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE erasures SET completed_at = coalesce(completed_at, $2) WHERE worker_id = $1`, [workerId, at]);
  }

  /** Hashes of phones erased long enough ago that nothing from before can still arrive are let go. */
  async forgetOldPhoneHashes(now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE erasures SET phone_hash = NULL WHERE phone_hash IS NOT NULL AND erased_at < $1::timestamptz - make_interval(days => $2)`,
      [now, ERASED_PHONE_MEMORY_DAYS],
    );
  }
}
