import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountRole } from '@lingong/identity';
import { Account } from './account.entity';

@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOneBy({ id });
  }

  findWithPassword(phone: string, roles: AccountRole[]): Promise<Account | null> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('account')
      .addSelect('account.passwordHash')
      .where('account.phone = :phone AND account.role IN (:...roles)', { phone, roles })
      .orderBy('account.role', 'ASC')
      .getOne();
  }

  /** The account for (phone, role), created on first sign-in; concurrent sign-ins get the same row. */
  async findOrCreate(manager: EntityManager, phone: string, role: AccountRole): Promise<Account> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Account)
      .values({ phone, role })
      .orIgnore()
      .execute();
    return manager.getRepository(Account).findOneByOrFail({ phone, role });
  }

  /** Creates a password account unless (phone, role) exists; returns null when it did. */
  async createWithPassword(values: { phone: string; role: AccountRole; name: string | null; passwordHash: string }) {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Account)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.findById(id) : null;
  }
}
