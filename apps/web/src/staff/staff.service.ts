import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BootstrapAdminSettings } from '@lingong/config';
import { DomainException } from '@lingong/platform';
import { AccountsRepository } from '../accounts/accounts.repository';
import { hashPassword } from '../accounts/password';
import type { CreateStaffDto } from '../auth/dto/auth.dto';

@Injectable()
export class StaffService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly bootstrap: BootstrapAdminSettings,
  ) {}

  async create(input: CreateStaffDto) {
    const account = await this.accounts.createWithPassword({
      phone: input.phone,
      role: 'staff',
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    if (!account) throw new DomainException('STAFF_EXISTS', `A staff account for ${input.phone} already exists`, 409);
    return { id: account.id, phone: account.phone, role: account.role, name: account.name };
  }

  /** The first admin comes from settings; an existing admin (and their changed password) is left alone. */
  async onApplicationBootstrap(): Promise<void> {
    // Checked and normalised with the other settings at start.
    const phone = this.bootstrap.BOOTSTRAP_ADMIN_PHONE;
    const created = await this.accounts.createWithPassword({
      phone,
      role: 'admin',
      name: '管理员',
      passwordHash: await hashPassword(this.bootstrap.BOOTSTRAP_ADMIN_PASSWORD),
    });
    if (created) this.logger.log(`bootstrap admin ${phone} created`);
  }
}
