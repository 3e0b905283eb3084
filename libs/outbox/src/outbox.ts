import type { EntityManager } from 'typeorm';
import type { DomainEventPayloads, DomainEventType } from '@lingong/queue';
import { OutboxEvent } from './outbox-event.entity';

/** PostgreSQL channel the relay listens on; a trigger on insert notifies it. */
export const OUTBOX_CHANNEL = 'outbox_event';

/**
 * Records an event in the caller's transaction: it is relayed if and only if the change commits.
 * Returns the event id, which becomes the job id downstream.
 */
export async function recordEvent<T extends DomainEventType>(
  manager: EntityManager,
  type: T,
  payload: DomainEventPayloads[T],
): Promise<string> {
  const rows = (await manager.query(
    `INSERT INTO ${manager.getRepository(OutboxEvent).metadata.tableName} (type, payload) VALUES ($1, $2) RETURNING id`,
    [type, JSON.stringify(payload)],
  )) as { id: string }[];
  return rows[0]!.id;
}
