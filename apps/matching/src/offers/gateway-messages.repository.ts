import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const POLL_MS = 100;

/** The gateway requests already acted on (matching's table `gateway_messages`). */
@Injectable()
export class GatewayMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims `key` for this request: true when nobody holds it (or its memory has run out). One
   * statement, so two identical requests at once cannot both claim it. Expired rows are swept on the way.
   */
  async claim(key: string, now: Date, until: Date): Promise<boolean> {
    await this.dataSource.query(
      `DELETE FROM gateway_messages WHERE key IN (SELECT key FROM gateway_messages WHERE expires_at <= $1 AND key <> $2 LIMIT 100)`,
      [now, key],
    );
    const claimed = (await this.dataSource.query(
      `INSERT INTO gateway_messages (key, answer, received_at, expires_at) VALUES ($1, NULL, $2, $3)
       ON CONFLICT (key) DO UPDATE SET answer = NULL, received_at = EXCLUDED.received_at, expires_at = EXCLUDED.expires_at
        WHERE gateway_messages.expires_at <= EXCLUDED.received_at
       RETURNING key`,
      [key, now, until],
    )) as unknown[];
    return claimed.length > 0;
  }

  async record(key: string, answer: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(`UPDATE gateway_messages SET answer = $2 WHERE key = $1`, [key, JSON.stringify(answer)]);
  }

  /** The first request failed before acting: forget it, so the gateway's retry is acted on. */
  async release(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM gateway_messages WHERE key = $1 AND answer IS NULL`, [key]);
  }

  /**
   * The first request's answer, waiting for it (polling, up to `timeoutMs`) while it is being
   * handled: `released` when the first request gave up (the key is free again), undefined when it
   * is still working when time is up.
   */
  async awaitAnswer(key: string, timeoutMs: number): Promise<Record<string, unknown> | 'released' | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = (await this.dataSource.query(`SELECT answer FROM gateway_messages WHERE key = $1`, [key])) as {
        answer: Record<string, unknown> | null;
      }[];
      if (rows.length === 0) return 'released';
      if (rows[0]!.answer) return rows[0]!.answer;
      if (Date.now() >= deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
