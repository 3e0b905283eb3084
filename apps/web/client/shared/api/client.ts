import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The API, typed by the contract (shared/api/schema.d.ts, generated from the merged OpenAPI
 * document): the pages call nothing else. The access token is read at each request and goes in a
 * header, never in a URL; an answer of 401 means the sign-in lapsed.
 */
export function createApiClient(session: { token(): string | undefined; lapsed(): void }) {
  const client = createClient<paths>({ baseUrl: location.origin });
  client.use({
    onRequest({ request }) {
      const token = session.token();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401 && session.token()) session.lapsed();
      return response;
    },
  });
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
