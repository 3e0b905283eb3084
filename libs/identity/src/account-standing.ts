import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SignedInAccount } from './account';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database could not say whether a token's account still stands: the caller fails closed. */
export class AccountCheckUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the sign-in check could not be made: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'AccountCheckUnavailable';
  }
}

/**
 * Whether the account behind a verified token still stands, so that erasing a seeker or disabling a
 * staff account ends its tokens at once rather than after their 8 hours. One primary-key read of
 * web's `accounts` (read only here) per signed-in request: a fraction of a millisecond, against a
 * cache that would let a revoked token live on. Service tokens name no account and are not looked up.
 */
@Injectable()
export class AccountStanding {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * False when the account is gone (an erased seeker's), disabled, or its tokens were revoked after
   * this one was issued (a generation counter rather than a time: `iat` has whole seconds, and a
   * token issued in the second of a revocation would otherwise be either wrongly kept or wrongly refused).
   */
  async stands(account: SignedInAccount, generation: number): Promise<boolean> {
    if (account.role === 'service') return true;
    if (!uuid.test(account.id)) return false;
    let rows: { disabled: boolean; generation: number }[];
    try {
      rows = (await this.dataSource.query(
        `SELECT disabled_at IS NOT NULL AS disabled, token_generation AS generation FROM accounts WHERE id = $1 AND role = $2`,
        [account.id, account.role],
      )) as { disabled: boolean; generation: number }[];
    } catch (error) {
      throw new AccountCheckUnavailable(error);
    }
    const row = rows[0];
    return Boolean(row) && !row!.disabled && row!.generation === generation;
  }
}
