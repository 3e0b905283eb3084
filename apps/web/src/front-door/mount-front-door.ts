import proxy from '@fastify/http-proxy';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceUrlSettings } from '@lingong/config';
import { apiError, BODY_LIMIT, serveOpenApiDocument } from '@lingong/platform';
import { mountPages } from '../pages/mount-pages';
import { readApiContract } from './api-contract';
import { serviceRoutes } from './service-routes';

/**
 * Serves the pages (with security headers and compression) and forwards each owned path prefix to
 * its service; a service that is down answers 503 in the API's error shape. Its `/docs` serves the
 * whole API's contract, as clients call it through here.
 */
export async function mountFrontDoor(app: NestFastifyApplication): Promise<void> {
  serveOpenApiDocument(app, readApiContract());
  const urls = app.get(ServiceUrlSettings);
  await mountPages(
    app,
    serviceRoutes(urls).map((route) => route.prefix),
  );
  // Forwarded bodies are streamed, not parsed: refuse an oversized one here rather than pipe it
  // into a service that has already said no (which surfaced as a broken pipe).
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (Number(request.headers['content-length'] ?? 0) > BODY_LIMIT) {
        await reply.code(413).send(apiError(413, 'The body is larger than 1 MB'));
      }
    });
  for (const route of serviceRoutes(urls)) {
    await app.register(proxy, {
      upstream: route.upstream,
      prefix: route.prefix,
      rewritePrefix: route.prefix,
      http: { requestOptions: { timeout: 30_000 } },
      replyOptions: {
        onError: (reply, { error }) => {
          reply.log.warn({ err: error, prefix: route.prefix }, 'forwarding failed');
          void reply.code(503).send(apiError(503, `${route.prefix} is unavailable right now; please try again shortly`));
        },
      },
    });
  }
}
