import { MigrationInterface, QueryRunner } from 'typeorm';

export class QuietHours1795879969169 implements MigrationInterface {
  name = 'QuietHours1795879969169';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "send_after" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "send_after"`);
  }
}
