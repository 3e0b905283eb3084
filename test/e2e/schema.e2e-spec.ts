import { createCliDataSource } from '../../scripts/data-source';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/**
 * The drift check (twenty's): after all migrations, generating one from the entities would
 * produce nothing. An entity changed without its migration fails here.
 */
describe('migrations and entities', () => {
  it('agree: migration:generate would find no changes', async () => {
    const database = await createTestDatabase();
    const dataSource = createCliDataSource({ ...process.env, DATABASE_NAME: database });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
      await dropTestDatabase(database);
    }
  });
});
