import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface PendingEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Oldest unrelayed events (written before `before`, when given), locked; SKIP LOCKED lets
   * several worker replicas, and the sweep beside the relay, relay side by side.
   */
  claimBatch(manager: EntityManager, size: number, before?: Date): Promise<PendingEvent[]> {
    return manager.query(
      `SELECT id, type, payload, created_at FROM outbox_events
        WHERE relayed_at IS NULL AND ($2::timestamptz IS NULL OR created_at < $2)
        ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [size, before ?? null],
    );
  }

  /**
   * A sign-in code (sealed; in the clear in rows written before codes were sealed) leaves the outbox
   * once it is on the queue: web keeps only its hash, and so should the log. So does a phone: the
   * job carries it for as long as the work needs it.
   */
  async markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE outbox_events SET relayed_at = now(), relay_attempts = relay_attempts + 1, payload = payload - 'code' - 'sealedCode' - 'phone' WHERE id = ANY($1)`,
      [ids],
    );
  }
}
