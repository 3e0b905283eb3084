import 'reflect-metadata';
import './quiet-nest-logs';
import { basename, dirname } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { describeHttpApp, mergeOpenApiDocuments, type ContractPart } from '@lingong/platform';
import { JobPostingModule } from '../../apps/job-posting/src/job-posting.module';
import { MatchingModule } from '../../apps/matching/src/matching.module';
import { API_CONTRACT_PATH } from '../../apps/web/src/front-door/api-contract';
import { serviceRoutes } from '../../apps/web/src/front-door/service-routes';
import { WebModule } from '../../apps/web/src/web.module';
import { WorkerProfileModule } from '../../apps/worker-profile/src/worker-profile.module';

/** Where the contract lives: checked in, served by the front door at /docs, typed for the pages' client beside it. */
export const CONTRACT_DIR = dirname(API_CONTRACT_PATH);
export const CONTRACT_FILES = { document: basename(API_CONTRACT_PATH), types: 'schema.d.ts' } as const;

/** Each tag the operations carry, described, in reading order. */
const tags: Record<string, string> = {
  'sign-in': 'SMS codes for seekers and employers, passwords for staff; every other route takes the accessToken as a bearer token.',
  staff: 'Staff accounts, created by admins.',
  employers: 'Employer profiles, their verification and suspension.',
  shifts: 'Posting, publishing, approving and cancelling shifts; the public board.',
  applications: 'Seekers apply; employers and staff accept (a booking) or reject.',
  bookings: 'Who works which shift: attendance, cancellation, pay and ratings.',
  trust: 'Seekers report shifts; staff review the reports.',
  workers: 'Seekers’ profiles, the staff directory, priority groups, and the seeker’s export and erasure of their data.',
  matching: 'Ranked candidates with explanations, recommendations and referrals.',
  offers: 'SMS offers of a shift to the best candidates, and seekers’ answers.',
  dispatch: 'Filling many shifts at once with the best total score.',
  figures: 'The market’s figures for staff.',
  'sms-gateway': 'Called by the SMS gateway (signed), not by the pages: seekers’ replies and delivery receipts.',
  kiosk: 'The information board in the hall: open shifts, live.',
  development: 'Development helpers, absent in production.',
};

/** The front door's forwarding table, by service: the services' routes must be reachable through it. */
function forwardedTo(service: 'JOB_POSTING_URL' | 'WORKER_PROFILE_URL' | 'MATCHING_URL'): string[] {
  const routes = serviceRoutes({
    JOB_POSTING_URL: 'job-posting',
    WORKER_PROFILE_URL: 'worker-profile',
    MATCHING_URL: 'matching',
    WEB_URL: 'web',
  });
  const marker = { JOB_POSTING_URL: 'job-posting', WORKER_PROFILE_URL: 'worker-profile', MATCHING_URL: 'matching' }[service];
  return routes.filter((route) => route.upstream === marker).map((route) => route.prefix);
}

/**
 * The merged OpenAPI document of every public route, built from the apps' own code without
 * starting them (no database, no Redis). The worker app serves no public API and is left out.
 */
export async function buildContract(): Promise<OpenAPIObject> {
  const describe = (module: object, title: string) => describeHttpApp(module, { title, description: title });
  const parts: ContractPart[] = [
    { name: 'web', document: await describe(WebModule, 'web') },
    { name: 'job-posting', document: await describe(JobPostingModule, 'job-posting'), forwardedPrefixes: forwardedTo('JOB_POSTING_URL') },
    {
      name: 'worker-profile',
      document: await describe(WorkerProfileModule, 'worker-profile'),
      forwardedPrefixes: forwardedTo('WORKER_PROFILE_URL'),
    },
    { name: 'matching', document: await describe(MatchingModule, 'matching'), forwardedPrefixes: forwardedTo('MATCHING_URL') },
  ];
  return mergeOpenApiDocuments(parts, {
    info: {
      title: 'Lingong API',
      version: '1',
      description:
        'Every public route of Lingong (零工), as clients call it through the front door. Bodies are JSON; field names camelCase; ' +
        'money is integer fen; times are ISO 8601 with an offset. Errors share one shape (`ApiError`); `code` names a broken business rule. ' +
        'Generated from the services’ code by `npm run api:generate`; the pages’ client is generated from this document.',
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    servers: [{ url: '/', description: 'the front door (port 3000 in development)' }],
    tags,
  });
}

export function documentText(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The TypeScript types of the document (openapi-typescript), for the pages' openapi-fetch client. */
export async function typesText(document: OpenAPIObject): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)) as OpenAPI3, { silent: true });
  return `${COMMENT_HEADER}// Regenerate with \`npm run api:generate\` (from ${CONTRACT_FILES.document}); \`npm run api:check\` fails when this file is stale.\n\n${astToString(ast)}`;
}
