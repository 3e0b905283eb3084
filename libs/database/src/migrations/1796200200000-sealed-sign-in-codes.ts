import { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedSignInCodes1796200200000 implements MigrationInterface {
  name = 'SealedSignInCodes1796200200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "sealed_code" character varying(200)`);
    // Codes already written in the clear lose their digits (they were valid five minutes; the
    // message keeps its place in the log), and unrelayed events lose theirs: sent from now on
    // they would reach people as ******, which is better than a code lingering in the clear.
    await queryRunner.query(
      `UPDATE "notifications" SET "text" = regexp_replace("text", '验证码是[0-9]{4,8}', '验证码是******') WHERE "kind" = 'otp'`,
    );
    await queryRunner.query(`UPDATE "outbox_events" SET "payload" = "payload" - 'code' WHERE "type" = 'auth.otp_requested'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "sealed_code"`);
  }
}
