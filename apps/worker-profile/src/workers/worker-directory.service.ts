import { BadRequestException, Injectable } from '@nestjs/common';
import { isWithinMarketEra } from '@lingong/domain';
import { decodeCursor, encodeCursor } from '@lingong/platform';
import type { ListWorkersQuery } from './dto/list-workers.query';
import { WorkerDirectoryRepository } from './worker-directory.repository';
import { WorkerPresenter } from './worker.presenter';
import type { WorkerAnswer } from './worker.view';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const utcMicros = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A cursor is client input: only a position this service could have written reaches SQL. */
function position(cursor: string): { createdAt: string; id: string } {
  const { createdAt, id } = decodeCursor(cursor, ['createdAt', 'id'] as const);
  const time = Date.parse(createdAt);
  // A real instant PostgreSQL can hold (year 0 decodes in JavaScript but fails in SQL).
  const calendarDate = isWithinMarketEra(time) && new Date(time).toISOString().slice(0, 19) === createdAt.slice(0, 19);
  if (!uuid.test(id) || !utcMicros.test(createdAt) || !calendarDate) {
    throw new BadRequestException(['cursor is invalid; pass the nextCursor of the previous page']);
  }
  return { createdAt, id };
}

/** Staff look people up at the desk: by phone, street or skill, newest first. */
@Injectable()
export class WorkerDirectoryService {
  constructor(
    private readonly directory: WorkerDirectoryRepository,
    private readonly presenter: WorkerPresenter,
  ) {}

  async list(query: ListWorkersQuery): Promise<{ items: WorkerAnswer[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const rows = await this.directory.list({
      phone: query.phone,
      text: query.q || undefined,
      street: query.street,
      skill: query.skill,
      after: query.cursor ? position(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.presenter.many(
        page.map((row) => row.worker),
        'staff',
      ),
      nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
    };
  }
}
