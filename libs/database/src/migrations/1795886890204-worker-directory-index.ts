import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerDirectoryIndex1795886890204 implements MigrationInterface {
  name = 'WorkerDirectoryIndex1795886890204';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "workers_directory" ON "workers"  ("created_at", "id") WHERE "status" <> 'erased'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_directory"`);
  }
}
