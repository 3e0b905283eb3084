import { MigrationInterface, QueryRunner } from 'typeorm';

export class KioskFigures1796500000000 implements MigrationInterface {
  name = 'KioskFigures1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "bookings_created" ON "bookings" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."bookings_created"`);
  }
}
