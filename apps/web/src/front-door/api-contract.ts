import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The merged OpenAPI document of every public route, generated from the services' code by
 * `npm run api:generate` and checked in beside the pages' generated client (relative to the
 * working directory, as `.env` is). `npm run api:check` fails when it is stale.
 */
export const API_CONTRACT_PATH = 'apps/web/client/shared/api/openapi.json';

export function readApiContract(): OpenAPIObject {
  const path = resolve(API_CONTRACT_PATH);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as OpenAPIObject;
  } catch (error) {
    throw new Error(`The API contract ${path} cannot be read (run \`npm run api:generate\`): ${(error as Error).message}`, {
      cause: error,
    });
  }
}
