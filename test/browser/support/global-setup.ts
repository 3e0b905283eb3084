import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import migrateTemplate from '../../support/global-setup';

const root = resolve(__dirname, '../../..');
const built = join(root, 'dist/client/.vite/manifest.json');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * The browser tests drive the built pages as the front door serves them: build the client first,
 * only when a source is newer than the last build, then migrate the template database as e2e does.
 */
export default async function globalSetup(): Promise<void> {
  const sources = ['apps/web/client', 'libs/domain/src', 'package-lock.json'].map((path) => newest(join(root, path)));
  if (!existsSync(built) || Math.max(...sources) > statSync(built).mtimeMs) {
    console.log('\nbuilding the client (npm run build:client)…');
    execFileSync('npm', ['run', '--silent', 'build:client'], { cwd: root, stdio: 'inherit' });
  }
  await migrateTemplate();
}
