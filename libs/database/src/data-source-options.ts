import type { DataSourceOptions } from 'typeorm';
import type { DatabaseSettings } from '@lingong/config';
import { migrations } from './migrations';

type EntityClass = NonNullable<DataSourceOptions['entities']> extends (infer E)[] | Record<string, infer E> ? E : never;

/**
 * The one set of connection options, shared by the apps and the migration CLI, so both see the
 * same schema. Schema changes are migrations; `synchronize` stays off.
 */
export function dataSourceOptions(settings: DatabaseSettings, entities: EntityClass[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    host: settings.DATABASE_HOST,
    port: settings.DATABASE_PORT,
    username: settings.DATABASE_USER,
    password: settings.DATABASE_PASSWORD,
    database: settings.DATABASE_NAME,
    uuidExtension: 'pgcrypto',
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // A request that waits 10 s for a free connection is answered 503 (retry) rather than held for ever.
    extra: { max: settings.DATABASE_POOL_SIZE, connectionTimeoutMillis: 10_000, application_name: 'lingong' },
  };
}
