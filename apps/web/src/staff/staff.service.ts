import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BootstrapAdminSettings } from '@lingong/config';
import type { SignedInAccount } from '@lingong/identity';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import type { Account } from '../accounts/account.entity';
import { AccountsRepository } from '../accounts/accounts.repository';
import { hashPassword } from '../accounts/password';
import type { CreateStaffDto } from '../auth/dto/auth.dto';

@Injectable()
export class StaffService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly bootstrap: BootstrapAdminSettings,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateStaffDto) {
    const account = await this.accounts.createWithPassword({
      phone: input.phone,
      role: 'staff',
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    if (!account) throw new DomainException('STAFF_EXISTS', `A staff account for ${input.phone} already exists`, 409);
    return this.view(account);
  }

  async list() {
    return (await this.accounts.listStaff()).map((account) => this.view(account));
  }

  /** An admin cannot lock themselves out (and with them, perhaps, the last admin). */
  async disable(admin: SignedInAccount, id: string) {
    if (id === admin.id) throw new DomainException('CANNOT_DISABLE_SELF', '不能停用自己的账号 / You cannot disable your own account', 409);
    const account = await this.accounts.setDisabled(id, this.clock.now());
    if (!account) throw new NotFoundDomainException('Staff account');
    return this.view(account);
  }

  async enable(id: string) {
    const account = await this.accounts.setDisabled(id, null);
    if (!account) throw new NotFoundDomainException('Staff account');
    return this.view(account);
  }

  private view(account: Account) {
    return { id: account.id, phone: account.phone, role: account.role, name: account.name, disabled: account.disabledAt !== null };
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
