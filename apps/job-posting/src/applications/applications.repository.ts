import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isPgError, PgErrorCode } from '@lingong/database';
import { Application, type ApplicationStatus } from './application.entity';

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when this seeker already has an open application for the shift. */
  async create(values: Pick<Application, 'shiftId' | 'workerId' | 'note'>): Promise<Application | null> {
    const applications = this.dataSource.getRepository(Application);
    try {
      return await applications.save(applications.create({ ...values, status: 'pending' }));
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) return null;
      throw error;
    }
  }

  findById(id: string): Promise<Application | null> {
    return this.dataSource.getRepository(Application).findOneBy({ id });
  }

  /** The first applicants, oldest first; capped (a shift takes at most 500 people) so no list is unbounded. */
  forShift(shiftId: string): Promise<Application[]> {
    return this.dataSource.getRepository(Application).find({ where: { shiftId }, order: { createdAt: 'ASC', id: 'ASC' }, take: 1000 });
  }

  forWorker(workerId: string): Promise<Application[]> {
    return this.dataSource.getRepository(Application).find({ where: { workerId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  /** Moves a pending application on; false when it was no longer pending (decided meanwhile). */
  async decide(id: string, to: ApplicationStatus, at: Date, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Application)
      .set({ status: to, decidedAt: at })
      .where(`id = :id AND status = 'pending'`, { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
