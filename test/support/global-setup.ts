import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { adminQuery, TEMPLATE_DATABASE } from './test-database';

/**
 * Migrates a template database once per run (through the same CLI as `npm run migration:run`);
 * each e2e file then copies it (CREATE DATABASE … TEMPLATE), as immich does.
 */
export default async function globalSetup(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const root = resolve(__dirname, '../..');
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_NAME: TEMPLATE_DATABASE },
    stdio: 'inherit',
  });
}
