import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A shift's alerts go to up to a thousand of its street's seekers who take SMS, priority groups
 * first, in an order of their own for each shift. Drawn by sorting the whole street on a hash, at
 * 100,000 seekers a street that read 47,000 heap pages and took 0.6 to 4 s per shift. These hold
 * each street's SMS takers in id order with what the choice reads (phone, skills), so a shift's
 * alerts are read from a point of their own onwards and stop at the thousandth: 45 ms.
 */
export class AlertAudienceIndex1797700000000 implements MigrationInterface {
  name = 'AlertAudienceIndex1797700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, group] of [
      ['workers_alert_audience', `"priority_group" = 'none'`],
      ['workers_alert_audience_first', `"priority_group" <> 'none'`],
    ])
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "workers" ("street", "id") INCLUDE ("phone", "skills")
          WHERE "status" = 'active' AND "phone" IS NOT NULL AND ("consent_sms" AND "sms_opt_out_at" IS NULL) AND ${group}`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_alert_audience_first"`);
    await queryRunner.query(`DROP INDEX "public"."workers_alert_audience"`);
  }
}
