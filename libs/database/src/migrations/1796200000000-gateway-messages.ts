import { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewayMessages1796200000000 implements MigrationInterface {
  name = 'GatewayMessages1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "gateway_messages" ("key" character varying(200) NOT NULL, "answer" jsonb, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_777518133becd6c4a9ce470b2e3" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "gateway_messages_expires" ON "gateway_messages"  ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."gateway_messages_expires"`);
    await queryRunner.query(`DROP TABLE "gateway_messages"`);
  }
}
