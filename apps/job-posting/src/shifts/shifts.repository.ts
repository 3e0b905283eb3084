import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import type { ShiftStatus } from '@lingong/domain';
import { Shift } from './shift.entity';

export interface ShiftFilter {
  status: ShiftStatus;
  street?: string;
  category?: string;
  from?: Date;
  to?: Date;
  after?: { startsAt: Date; id: string };
  limit: number;
}

@Injectable()
export class ShiftsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Shift | null> {
    return manager.getRepository(Shift).findOneBy({ id });
  }

  /** Locks the row for a status change, so two publishes cannot both emit an event. */
  findForUpdate(manager: EntityManager, id: string): Promise<Shift | null> {
    return manager.getRepository(Shift).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, shift: Shift): Promise<Shift> {
    return manager.getRepository(Shift).save(shift);
  }

  create(manager: EntityManager, values: Partial<Shift>): Promise<Shift> {
    const shifts = manager.getRepository(Shift);
    return shifts.save(shifts.create(values));
  }

  /** Keyset page in board order (start time, then id), served by the `shifts_board` index. */
  list(filter: ShiftFilter): Promise<Shift[]> {
    const query = this.dataSource
      .getRepository(Shift)
      .createQueryBuilder('shift')
      .where('shift.status = :status', { status: filter.status });
    if (filter.street) query.andWhere('shift.street = :street', { street: filter.street });
    if (filter.category) query.andWhere('shift.category = :category', { category: filter.category });
    if (filter.from) query.andWhere('shift.startsAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('shift.startsAt < :to', { to: filter.to });
    if (filter.after) {
      const { startsAt, id } = filter.after;
      query.andWhere(
        new Brackets((page) =>
          page.where('shift.startsAt > :afterStart', { afterStart: startsAt }).orWhere('shift.startsAt = :afterStart AND shift.id > :afterId', {
            afterId: id,
          }),
        ),
      );
    }
    return query.orderBy('shift.startsAt', 'ASC').addOrderBy('shift.id', 'ASC').limit(filter.limit + 1).getMany();
  }
}
