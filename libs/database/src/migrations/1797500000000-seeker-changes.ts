import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a seeker's matching facts last changed, for matching's in-memory pool of seekers to pick up
 * just what changed before each ranking: `changed_at` on workers (the profile, status, consent) and
 * on seeker_figures (booking outcomes; every change to the daily work figures also touches these).
 * Set by triggers to the moment of the write, whichever code path (or script) writes, so no writer
 * can forget it; indexed, so "what changed since" is a short range scan.
 */
export class SeekerChanges1797500000000 implements MigrationInterface {
  name = 'SeekerChanges1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION touch_changed_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        NEW.changed_at := clock_timestamp();
        RETURN NEW; END $$`);
    for (const table of ['workers', 'seeker_figures']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "changed_at" timestamptz NOT NULL DEFAULT now()`);
      await queryRunner.query(`CREATE INDEX "${table}_changed" ON "${table}" ("changed_at")`);
      await queryRunner.query(
        `CREATE TRIGGER "${table}_changed" BEFORE INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION touch_changed_at()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['workers', 'seeker_figures']) {
      await queryRunner.query(`DROP TRIGGER "${table}_changed" ON "${table}"`);
      await queryRunner.query(`DROP INDEX "public"."${table}_changed"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "changed_at"`);
    }
    await queryRunner.query(`DROP FUNCTION touch_changed_at()`);
  }
}
