import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { decideAttempt, staffLockout, type AttemptDecision } from './staff-lockout';
import { StaffSignInFailure } from './staff-sign-in-failure.entity';

@Injectable()
export class StaffSignInFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Decides an attempt under the phone's row lock and keeps what was decided, so attempts sent at
   * once are counted one after another. Rows quiet for longer than they are remembered are swept.
   */
  async reserveAttempt(phone: string, now: Date): Promise<AttemptDecision> {
    return this.dataSource.transaction(async (manager) => {
      const rows = manager.getRepository(StaffSignInFailure);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`staff-login:${phone}`]);
      const stale = new Date(now.getTime() - 2 * staffLockout.longestLockMinutes * 60_000);
      await rows.delete({ lastFailedAt: LessThan(stale) });
      const decision = decideAttempt(await rows.findOneBy({ phone }), now);
      if (decision.allowed) await rows.save(rows.create({ phone, ...decision.record }));
      return decision;
    });
  }

  async clear(phone: string): Promise<void> {
    await this.dataSource.getRepository(StaffSignInFailure).delete({ phone });
  }
}
