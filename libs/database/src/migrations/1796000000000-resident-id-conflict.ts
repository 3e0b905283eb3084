import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResidentIdConflict1796000000000 implements MigrationInterface {
  name = 'ResidentIdConflict1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workers" ADD "resident_id_conflict_hash" character varying(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workers" DROP COLUMN "resident_id_conflict_hash"`);
  }
}
