import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DatabaseSettings, loadSettings } from '@lingong/config';
import { dataSourceOptions } from '@lingong/database';
import { jobPostingEntities } from '../apps/job-posting/src/job-posting.entities';
import { matchingEntities } from '../apps/matching/src/matching.entities';
import { webEntities } from '../apps/web/src/web.entities';
import { workerProfileEntities } from '../apps/worker-profile/src/worker-profile.entities';
import { workerEntities } from '../apps/worker/src/worker.entities';

/** Every app's entities on the shared options: what `migration:generate` and the drift check compare. */
export const allEntities = [
  ...new Set([...webEntities, ...jobPostingEntities, ...workerProfileEntities, ...workerEntities, ...matchingEntities]),
];

export function createCliDataSource(env?: Record<string, string | undefined>): DataSource {
  const settings = loadSettings([DatabaseSettings], env).get(DatabaseSettings) as DatabaseSettings;
  return new DataSource(dataSourceOptions(settings, allEntities));
}

export default createCliDataSource();
