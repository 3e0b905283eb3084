import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { Worker } from './worker.entity';

export interface WorkerFilter {
  phone?: string;
  /** Part of the name, or digits of the phone. */
  text?: string;
  street?: string;
  skill?: string;
  /** The position of the last row seen; `createdAt` in UTC to the microsecond (`2026-05-01T02:00:00.123456Z`). */
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface DirectoryRow {
  worker: Worker;
  /** created_at to the microsecond, as PostgreSQL holds it: a JavaScript Date would drop digits and skip rows. */
  position: { createdAt: string; id: string };
}

/** Staff look-up of seekers, newest first, keyset-paged by (created_at, id); erased profiles are gone from it. */
@Injectable()
export class WorkerDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: WorkerFilter): Promise<DirectoryRow[]> {
    const query = this.dataSource
      .getRepository(Worker)
      .createQueryBuilder('worker')
      .addSelect(`to_char(worker.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'position_created_at')
      .where(`worker.status <> 'erased'`);
    if (filter.phone) query.andWhere('worker.phone = :phone', { phone: filter.phone });
    if (filter.text) {
      // The text is data, never a pattern: LIKE's wildcards in it match themselves.
      const literal = filter.text.replace(/[\\%_]/g, (character) => `\\${character}`);
      const digits = /^\d{3,11}$/.test(filter.text);
      query.andWhere(digits ? 'worker.phone LIKE :pattern' : 'worker.name ILIKE :pattern', { pattern: `%${literal}%` });
    }
    if (filter.street) query.andWhere('worker.street = :street', { street: filter.street });
    // Containment, so the GIN index `workers_skills` (jsonb_path_ops) serves it.
    if (filter.skill) query.andWhere('worker.skills @> :skill::jsonb', { skill: JSON.stringify([{ code: filter.skill }]) });
    if (filter.after) {
      const { createdAt, id } = filter.after;
      query.andWhere(
        new Brackets((page) =>
          page
            .where('worker.createdAt < :afterCreatedAt::timestamptz', { afterCreatedAt: createdAt })
            .orWhere('(worker.createdAt = :afterCreatedAt::timestamptz AND worker.id < :afterId)', { afterId: id }),
        ),
      );
    }
    const { entities, raw } = await query
      .orderBy('worker.createdAt', 'DESC')
      .addOrderBy('worker.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawAndEntities<{ worker_id: string; position_created_at: string }>();
    const positions = new Map(raw.map((row) => [row.worker_id, row.position_created_at]));
    return entities.map((worker) => ({ worker, position: { createdAt: positions.get(worker.id)!, id: worker.id } }));
  }
}
