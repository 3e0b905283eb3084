import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { recordEvent } from '@lingong/outbox';
import { Employer } from '../employers/employer.entity';
import { Shift } from './shift.entity';

@Injectable()
export class ShiftsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Shift | null> {
    return manager.getRepository(Shift).findOneBy({ id });
  }

  /** Shifts with their employers, for lists that name both (unpaid wages). */
  withEmployers(ids: string[]): Promise<Shift[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Shift).find({ where: { id: In(ids) }, relations: { employer: true } });
  }

  employerSuspended(employerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(Employer).existsBy({ id: employerId, suspendedAt: Not(IsNull()) });
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

  /**
   * Moves shifts along with time; idempotent, so a missed or repeated tick does no harm. A shift
   * leaving open or filled is announced (`shift.started`): it takes no more bookings and leaves the board.
   */
  async followClock(now: Date): Promise<{ started: number; completed: number }> {
    return this.transaction(async (manager) => {
      const [completedRows] = (await manager.query(
        `UPDATE shifts s SET status = 'completed', updated_at = now() FROM shifts old
          WHERE s.id = old.id AND s.status IN ('open', 'filled', 'in_progress') AND s.ends_at <= $1
          RETURNING s.id, old.status AS "was"`,
        [now],
      )) as [{ id: string; was: string }[], number];
      const [startedRows] = (await manager.query(
        `UPDATE shifts SET status = 'in_progress', updated_at = now() WHERE status IN ('open', 'filled') AND starts_at <= $1 AND ends_at > $1 RETURNING id`,
        [now],
      )) as [{ id: string }[], number];
      const leftTheBoard = [...completedRows.filter((row) => row.was !== 'in_progress'), ...startedRows];
      for (const { id } of leftTheBoard) await recordEvent(manager, 'shift.started', { shiftId: id });
      return { started: startedRows.length, completed: completedRows.length };
    });
  }
}
