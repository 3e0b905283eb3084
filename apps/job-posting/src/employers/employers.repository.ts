import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isPgError, PgErrorCode } from '@lingong/database';
import { Employer } from './employer.entity';

@Injectable()
export class EmployersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get employers() {
    return this.dataSource.getRepository(Employer);
  }

  /** Inside a transaction pass its manager: a second connection while holding one can starve the pool. */
  findById(id: string, manager?: EntityManager): Promise<Employer | null> {
    return (manager?.getRepository(Employer) ?? this.employers).findOneBy({ id });
  }

  findByAccount(accountId: string, manager?: EntityManager): Promise<Employer | null> {
    return (manager?.getRepository(Employer) ?? this.employers).findOneBy({ accountId });
  }

  /** Null when the account already has an employer (one per account, kept by a unique key). */
  async create(values: Partial<Employer>): Promise<Employer | null> {
    try {
      return await this.employers.save(this.employers.create(values));
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) return null;
      throw error;
    }
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async save(employer: Employer, manager: EntityManager = this.dataSource.manager): Promise<Employer> {
    return manager.getRepository(Employer).save(employer);
  }
}
