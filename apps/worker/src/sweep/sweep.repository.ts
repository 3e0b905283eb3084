import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What the sweep looks for in matching's tables (offers, dispatch plans): read here, changed only through matching's routes. */
@Injectable()
export class SweepRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sent offers still pending past their expiry (by `before`): their expiry job failed or was lost. */
  async overdueOffers(before: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM offers WHERE status = 'pending' AND sent_at IS NOT NULL AND expires_at < $1 ORDER BY expires_at LIMIT $2`,
      [before, limit],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Offers made before `before` and still not sent (their event or send job failed or was lost). */
  async unsentOffers(before: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM offers WHERE status = 'pending' AND sent_at IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [before, limit],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Dispatch plans whose confirming began before `before` and never ended: interrupted. */
  async interruptedDispatchPlans(before: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM dispatch_plans WHERE status = 'confirming' AND confirm_started_at < $1 ORDER BY confirm_started_at LIMIT $2`,
      [before, limit],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
