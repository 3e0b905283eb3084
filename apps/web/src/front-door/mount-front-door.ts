import proxy from '@fastify/http-proxy';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceUrlSettings } from '@lingong/config';
import { toApiError } from '@lingong/platform';
import { serviceRoutes } from './service-routes';

/** Forwards each owned path prefix to its service; a service that is down answers 503 in the API's error shape. */
export async function mountFrontDoor(app: NestFastifyApplication): Promise<void> {
  const urls = app.get(ServiceUrlSettings);
  for (const route of serviceRoutes(urls)) {
    await app.register(proxy, {
      upstream: route.upstream,
      prefix: route.prefix,
      rewritePrefix: route.prefix,
      http: { requestOptions: { timeout: 30_000 } },
      replyOptions: {
        onError: (reply, { error }) => {
          const unavailable = { ...toApiError(undefined), statusCode: 503, error: 'Service Unavailable' };
          unavailable.message = [`${route.prefix} is unavailable right now; please try again shortly (${error.message})`];
          void reply.code(503).send(unavailable);
        },
      },
    });
  }
}
