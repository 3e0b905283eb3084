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
      .where('account.phone = :phone AND account.role IN (:...roles) AND account.disabled_at IS NULL', { phone, roles })
      .orderBy('account.role', 'ASC')
      .getOne();
  }

  /** The account for (phone, role), created on first sign-in; concurrent sign-ins get the same row. */
  async findOrCreate(manager: EntityManager, phone: string, role: AccountRole): Promise<Account> {
    await manager.createQueryBuilder().insert().into(Account).values({ phone, role }).orIgnore().execute();
    return manager.getRepository(Account).findOneByOrFail({ phone, role });
  }

  /**
   * Disables (or enables again) a staff or admin account. Disabling also moves the token generation
   * on, so tokens issued before stay refused after a later enable. Null when there is no such account.
   */
  async setDisabled(id: string, at: Date | null): Promise<Account | null> {
    const changes = at ? { disabledAt: at, tokenGeneration: () => 'token_generation + 1' } : { disabledAt: null };
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Account)
      .set(changes)
      .where(`id = :id AND role IN ('staff', 'admin')`, { id })
      .execute();
    return result.affected ? this.findById(id) : null;
  }

  /**
   * A seeker's erasure: their sign-in account (role worker) and every sign-in code sent to the
   * phone up to the erasure, in one transaction. Made later, they are someone signing up again and
   * stay (the erasure flow may run late, after retries). Another role on the phone (an employer
   * account) is not the seeker's and stays.
   */
  async eraseSeeker(phone: string, erasedAt: Date): Promise<{ accounts: number; codes: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [, accounts] = (await manager.query(`DELETE FROM accounts WHERE phone = $1 AND role = 'worker' AND created_at <= $2`, [
        phone,
        erasedAt,
      ])) as [unknown, number];
      const [, codes] = (await manager.query(`DELETE FROM otp_codes WHERE phone = $1 AND created_at <= $2`, [phone, erasedAt])) as [
        unknown,
        number,
      ];
      return { accounts, codes };
    });
  }

  /** The market's staff and admins, by name: whom an admin manages. */
  listStaff(): Promise<Account[]> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('account')
      .where(`account.role IN ('staff', 'admin')`)
      .orderBy('account.role', 'ASC')
      .addOrderBy('account.name', 'ASC')
      .addOrderBy('account.phone', 'ASC')
      .getMany();
  }

  /** Creates a password account unless (phone, role) exists; returns null when it did. */
  async createWithPassword(values: { phone: string; role: AccountRole; name: string | null; passwordHash: string }) {
    const result = await this.dataSource.createQueryBuilder().insert().into(Account).values(values).orIgnore().returning(['id']).execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.findById(id) : null;
  }
}
