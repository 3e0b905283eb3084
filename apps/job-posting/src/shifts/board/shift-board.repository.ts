import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { ShiftStatus } from '@lingong/domain';
import { Shift } from '../shift.entity';

export interface ShiftFilter {
  status: ShiftStatus;
  street?: string;
  category?: string;
  from?: Date;
  to?: Date;
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** Reads for the board: filters, search and keyset paging over open shifts. */
@Injectable()
export class ShiftBoardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keyset page in board order (start time, then id), served by the `shifts_board` index. */
  list(filter: ShiftFilter): Promise<Shift[]> {
    const query = this.dataSource.getRepository(Shift).createQueryBuilder('shift').where('shift.status = :status', { status: filter.status });
    if (filter.street) query.andWhere('shift.street = :street', { street: filter.street });
    if (filter.category) query.andWhere('shift.category = :category', { category: filter.category });
    if (filter.from) query.andWhere('shift.startsAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('shift.startsAt < :to', { to: filter.to });
    if (filter.after) {
      const { startsAt, id } = filter.after;
      query.andWhere(
        new Brackets((page) =>
          page
            .where('shift.startsAt > :afterStart', { afterStart: startsAt })
            .orWhere('shift.startsAt = :afterStart AND shift.id > :afterId', { afterId: id }),
        ),
      );
    }
    return query.orderBy('shift.startsAt', 'ASC').addOrderBy('shift.id', 'ASC').limit(filter.limit + 1).getMany();
  }
}
