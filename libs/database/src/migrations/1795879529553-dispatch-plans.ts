import { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchPlans1795879529553 implements MigrationInterface {
  name = 'DispatchPlans1795879529553';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dispatch_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shift_ids" uuid array NOT NULL, "assignments" jsonb NOT NULL, "unfilled" jsonb NOT NULL, "total_score" double precision NOT NULL, "greedy_total_score" double precision NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'proposed', "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_at" TIMESTAMP WITH TIME ZONE, "outcome" jsonb, CONSTRAINT "PK_5f6479cc37fe97c05639d752246" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dispatch_plans"`);
  }
}
