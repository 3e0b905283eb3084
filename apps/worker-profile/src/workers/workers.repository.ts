import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { isPgError, PgErrorCode } from '@lingong/database';
import { Worker } from './worker.entity';

@Injectable()
export class WorkersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get workers() {
    return this.dataSource.getRepository(Worker);
  }

  /** Null when the phone or account already has a profile. */
  async create(values: Partial<Worker>): Promise<Worker | null> {
    try {
      return await this.workers.save(this.workers.create(values));
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) return null;
      throw error;
    }
  }

  findByAccount(accountId: string): Promise<Worker | null> {
    return this.workers.findOneBy({ accountId });
  }

  /** A walk-in registered by staff becomes the person's own when they first sign in with that phone. */
  async claimWalkIn(phone: string, accountId: string): Promise<Worker | null> {
    await this.workers.update({ phone, accountId: IsNull() }, { accountId });
    return this.findByAccount(accountId);
  }
}
