import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a consent was given at the market (the desk, e.g. 综合服务区 1 号窗口), beside who recorded it and when. */
export class ConsentDesk1796800000000 implements MigrationInterface {
  name = 'ConsentDesk1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "worker_consents" ADD "location" character varying(60)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "worker_consents" DROP COLUMN "location"`);
  }
}
