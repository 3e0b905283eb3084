import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryReceipts1795883149886 implements MigrationInterface {
  name = 'DeliveryReceipts1795883149886';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "notifications_provider_message" ON "notifications"  ("provider_message_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_provider_message"`);
  }
}
