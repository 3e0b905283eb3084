import type { ServiceUrlSettings } from '@lingong/config';

/**
 * Which service owns which `/api` path. The front door forwards these untouched (the services
 * serve the same paths), so a client needs one address. Paths not listed are the front door's own.
 */
export function serviceRoutes(urls: ServiceUrlSettings): { prefix: string; upstream: string }[] {
  const owners: Record<string, string[]> = {
    [urls.JOB_POSTING_URL]: ['/api/employers', '/api/shifts', '/api/applications', '/api/bookings'],
    [urls.WORKER_PROFILE_URL]: ['/api/workers'],
    [urls.MATCHING_URL]: ['/api/matching', '/api/offers', '/api/dispatch', '/api/sms', '/api/stats'],
  };
  return Object.entries(owners).flatMap(([upstream, prefixes]) => prefixes.map((prefix) => ({ prefix, upstream })));
}
