import type { ServiceUrlSettings } from '@lingong/config';
import type { ServiceTokens } from '@lingong/identity';
import type { InternalAnswer, InternalBody, InternalRoute, InternalService, PathParams } from './routes';

/** What a call gives besides the route: its path's parameters, its body, its query (GET). */
export type InternalRequest<R extends InternalRoute> = (R extends InternalRoute<infer Path>
  ? [PathParams<Path>] extends [never]
    ? unknown
    : { params: Record<PathParams<Path>, string> }
  : never) &
  ([InternalBody<R>] extends [undefined] ? unknown : { body: InternalBody<R> }) & { query?: Record<string, string | undefined> };

/**
 * A call that did not come back with a good answer. `status` null: no answer at all (unreachable,
 * timed out); `cutOff`: an answer of 2xx whose body broke off, as good as none. Otherwise the
 * service refused, with its error answer's `code` and `message` when it gave them.
 */
export class InternalCallError extends Error {
  constructor(
    readonly path: string,
    readonly status: number | null,
    readonly code: string | undefined,
    readonly messages: string[] | undefined,
    readonly cutOff = false,
    cause?: unknown,
  ) {
    super(
      status === null
        ? `${path}: no answer (${(cause as Error | undefined)?.message ?? 'unreachable'})`
        : cutOff
          ? `${path}: the answer was cut off`
          : `${path} answered ${status}`,
      { cause },
    );
    this.name = 'InternalCallError';
  }
}

/** The service token, as every internal route's access guard reads it. */
export async function serviceAuthorization(tokens: ServiceTokens, caller: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await tokens.issue(caller)}` };
}

/**
 * Calls the other services' internal routes (`internalRoutes`) as `caller`, with a short-lived
 * service token: the one way services ask each other anything over HTTP.
 */
export class InternalApiClient {
  constructor(
    private readonly caller: string,
    private readonly urls: ServiceUrlSettings,
    private readonly tokens: ServiceTokens,
    private readonly timeoutMs: number,
  ) {}

  async call<R extends InternalRoute>(route: R, request: InternalRequest<R>): Promise<InternalAnswer<R>> {
    const { params, body, query } = request as {
      params?: Record<string, string>;
      body?: unknown;
      query?: Record<string, string | undefined>;
    };
    const path = `/api/${route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''))}`;
    const url = new URL(path, this.baseOf(route.service));
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method: route.method,
        headers: {
          ...(route.method === 'POST' && { 'content-type': 'application/json' }),
          ...(await serviceAuthorization(this.tokens, this.caller)),
        },
        ...(route.method === 'POST' && { body: JSON.stringify(body ?? {}) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new InternalCallError(path, null, undefined, undefined, false, error);
    }
    const read = await response.json().then(
      (json: unknown) => ({ json }),
      () => null,
    );
    if (response.ok) {
      if (!read) throw new InternalCallError(path, response.status, undefined, undefined, true);
      return read.json as InternalAnswer<R>;
    }
    const refusal = (read?.json ?? {}) as { code?: unknown; message?: unknown };
    throw new InternalCallError(
      path,
      response.status,
      typeof refusal.code === 'string' ? refusal.code : undefined,
      Array.isArray(refusal.message) ? refusal.message.map(String) : undefined,
    );
  }

  private baseOf(service: InternalService): string {
    switch (service) {
      case 'web':
        return this.urls.WEB_URL;
      case 'job-posting':
        return this.urls.JOB_POSTING_URL;
      case 'worker-profile':
        return this.urls.WORKER_PROFILE_URL;
      case 'matching':
        return this.urls.MATCHING_URL;
    }
  }
}
