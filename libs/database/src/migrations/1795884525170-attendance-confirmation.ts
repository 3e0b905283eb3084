import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceConfirmation1795884525170 implements MigrationInterface {
  name = 'AttendanceConfirmation1795884525170';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookings" ADD "attendance_requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "bookings" ADD "attendance_confirmed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookings" DROP COLUMN "attendance_confirmed_at"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP COLUMN "attendance_requested_at"`);
  }
}
