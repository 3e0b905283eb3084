import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '@lingong/platform';
import { strictMock } from '../../../../test/support/strict-mock';
import type { Worker } from './worker.entity';
import type { DirectoryRow, WorkerDirectoryRepository } from './worker-directory.repository';
import { WorkerDirectoryService } from './worker-directory.service';
import type { WorkerPresenter } from './worker.presenter';

const row = (n: number): DirectoryRow => {
  const id = `00000000-0000-4000-8000-00000000000${n}`;
  return { worker: { id } as Worker, position: { createdAt: `2026-05-01T02:00:0${n}.123456Z`, id } };
};

function setup(rows: DirectoryRow[]) {
  const list = jest.fn(async () => rows);
  const many = jest.fn(async (workers: Worker[]) => workers.map((worker) => ({ id: worker.id })));
  const service = new WorkerDirectoryService(strictMock<WorkerDirectoryRepository>({ list }), strictMock<WorkerPresenter>({ many }));
  return { service, list, many };
}

describe('WorkerDirectoryService.list', () => {
  it('fetches one row beyond the page to know whether another follows, and continues after the last row shown', async () => {
    const { service, list, many } = setup([row(3), row(2), row(1)]);
    const page = await service.list({ limit: 2, skill: 'loading' });
    expect(list).toHaveBeenCalledWith({ phone: undefined, street: undefined, skill: 'loading', after: undefined, limit: 2 });
    expect(many).toHaveBeenCalledWith([row(3).worker, row(2).worker], 'staff');
    expect(decodeCursor(page.nextCursor!, ['createdAt', 'id'])).toEqual(row(2).position);

    await service.list({ limit: 2, cursor: page.nextCursor! });
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ after: row(2).position }));
  });

  it('ends with a null cursor', async () => {
    expect((await setup([row(1)]).service.list({})).nextCursor).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'nope'],
    ['a date that does not exist', encodeCursor({ createdAt: '2026-02-31T00:00:00.000000Z', id: row(1).position.id })],
    ['SQL in the time', encodeCursor({ createdAt: "2026-05-01T02:00:00.123456Z'--", id: row(1).position.id })],
    ['an id that is no uuid', encodeCursor({ createdAt: row(1).position.createdAt, id: '1 OR 1=1' })],
  ])('refuses a cursor with %s before any SQL runs', async (_, cursor) => {
    const { service, list } = setup([]);
    await expect(service.list({ cursor })).rejects.toBeInstanceOf(BadRequestException);
    expect(list).not.toHaveBeenCalled();
  });
});
