import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { acceptsMarketingSmsSql } from '@lingong/domain';
import type { ShiftSummary } from '@lingong/sms';

export interface OpenShift extends ShiftSummary {
  id: string;
  requiredSkills: string[];
  publishedAt: Date;
}

/** Reads shifts (job-posting's) and seekers (worker-profile's); writes nothing. */
@Injectable()
export class ShiftAlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async openShift(id: string): Promise<OpenShift | null> {
    const rows = (await this.dataSource.query(
      `SELECT id, title, category, street, starts_at, ends_at, pay_amount_fen, pay_unit, headcount - filled AS remaining, required_skills, published_at
         FROM shifts WHERE id = $1 AND status = 'open' AND starts_at > now()`,
      [id],
    )) as Record<string, unknown>[];
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id as string,
      title: row.title as string,
      category: row.category as string,
      street: row.street as string,
      startsAt: row.starts_at as Date,
      endsAt: row.ends_at as Date,
      payAmountFen: row.pay_amount_fen as number,
      payUnit: row.pay_unit as string,
      remaining: row.remaining as number,
      requiredSkills: row.required_skills as string[],
      publishedAt: row.published_at as Date,
    };
  }

  /**
   * Phones of active seekers on the shift's street who hold every needed skill and agreed to
   * alerts (and have not replied T), and have not had `perDay` alerts in the last 24 hours; at most
   * `perShift` of them, priority groups first, each group read in id order from a point drawn from
   * the event's id and round to the start, so each shift tells a different share of a crowded
   * street. Ids are random, so everyone is about as likely to be in a shift's share. This event's
   * own alerts do not count, and the draw is the event's: a retried event (say Redis failed after
   * the rows were written) must find the same phones, or their written messages would never be
   * queued.
   *
   * Each part walks the `workers_alert_audience` indexes in order and stops once it has enough; the
   * parts are read in the order written (PostgreSQL appends UNION ALL's parts one after another).
   * The skill test is kept from the GIN index (`IS TRUE`): its estimate is far too low for common
   * skills, and the planner then read the whole street to sort it.
   */
  async phonesToAlert(eventId: string, street: string, skills: string[], perDay: number, perShift: number): Promise<string[]> {
    const wanted = JSON.stringify(skills.map((code) => ({ code })));
    const part = (group: string, from: string) =>
      `(SELECT w.phone FROM workers w
         WHERE w.status = 'active' AND w.phone IS NOT NULL AND ${acceptsMarketingSmsSql('w')} AND ${group}
           AND w.street = $1 AND w.id ${from} md5($4)::uuid AND (w.skills @> $2::jsonb) IS TRUE
           AND (SELECT count(*) FROM notifications n
                 WHERE n.phone = w.phone AND n.kind = 'shift_alert' AND n.created_at > now() - interval '24 hours'
                   AND n.dedupe_key NOT LIKE $4 || ':%') < $3
         ORDER BY w.id LIMIT $5)`;
    const first = `w.priority_group <> 'none'`;
    const rest = `w.priority_group = 'none'`;
    const rows = (await this.dataSource.query(
      `SELECT phone FROM (${part(first, '>=')} UNION ALL ${part(first, '<')} UNION ALL ${part(rest, '>=')} UNION ALL ${part(rest, '<')}) chosen
        LIMIT $5`,
      [street, wanted, perDay, eventId, perShift],
    )) as { phone: string }[];
    return rows.map((row) => row.phone);
  }
}
