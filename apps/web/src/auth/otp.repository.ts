import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { OtpCode } from './otp-code.entity';

@Injectable()
export class OtpRepository {
  /** Serialises code requests and checks per phone, so two at once cannot both slip under a limit. */
  async lockPhone(manager: EntityManager, phone: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`otp:${phone}`]);
  }

  async sendTimesSince(manager: EntityManager, phone: string, since: Date): Promise<Date[]> {
    const rows = await manager.getRepository(OtpCode).find({
      select: { createdAt: true },
      where: { phone, createdAt: MoreThan(since) },
      order: { createdAt: 'DESC' },
    });
    return rows.map((row) => row.createdAt);
  }

  async create(manager: EntityManager, values: Pick<OtpCode, 'phone' | 'codeHash' | 'expiresAt' | 'requestedFrom' | 'createdAt'>) {
    return manager.getRepository(OtpCode).save(manager.getRepository(OtpCode).create(values));
  }

  latestFor(manager: EntityManager, phone: string): Promise<OtpCode | null> {
    return manager.getRepository(OtpCode).findOne({ where: { phone }, order: { createdAt: 'DESC' } });
  }

  async recordAttempt(manager: EntityManager, id: string, consumedAt: Date | null): Promise<void> {
    await manager
      .getRepository(OtpCode)
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1', ...(consumedAt ? { consumedAt } : {}) })
      .where('id = :id', { id })
      .execute();
  }
}
