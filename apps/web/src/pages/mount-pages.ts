import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { PagesSettings } from '@lingong/config';
import { apiError } from '@lingong/platform';

/** Only our own scripts; styles inline too (components set them), images from us or generated (QR codes). */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The API docs page (Swagger UI) runs inline scripts of its own; only it gets this policy. */
const DOCS_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/** Each face and the page routes that open it (the phone pages route inside the page). */
const faces: { face: string; routes: string[] }[] = [
  { face: 'kiosk', routes: ['/kiosk', '/kiosk/'] },
  { face: 'm', routes: ['/m', '/m/', '/m/*'] },
  { face: 'staff', routes: ['/staff', '/staff/', '/staff/*'] },
  { face: 'employer', routes: ['/employer', '/employer/', '/employer/*'] },
];

/**
 * The built pages, served by the front door: security headers on every answer, compression of
 * what is not compressed already, hashed assets cached for a year, pages never cached (so a new
 * build reaches people at once). No dev server is needed to run the market.
 */
export async function mountPages(app: NestFastifyApplication, forwarded: string[]): Promise<void> {
  const settings = app.get(PagesSettings);
  const root = resolve(settings.CLIENT_DIR);
  const fastify = app.getHttpAdapter().getInstance();

  await app.register(helmet, {
    contentSecurityPolicy: false,
    // Helmet's default would let pages be framed by their own origin; nobody frames them but the kiosk's own setting.
    frameguard: { action: 'deny' },
  });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', request.url.startsWith('/docs') ? DOCS_POLICY : contentSecurityPolicy("'none'"));
  });
  // Answers forwarded from a service are streamed through unchanged: @fastify/compress breaks on
  // @fastify/reply-from's streams (a 500 with a gzip header over plain text), so it skips them.
  fastify.addHook('onRequest', async (request) => {
    if (
      forwarded.some((prefix) => request.url === prefix || request.url.startsWith(`${prefix}/`) || request.url.startsWith(`${prefix}?`))
    ) {
      request.headers['x-no-compression'] = 'forwarded';
    }
  });
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });

  if (!existsSync(root)) {
    for (const { routes } of faces) {
      for (const route of routes) fastify.get(route, (_request, reply) => notBuilt(reply));
    }
    return;
  }
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    preCompressed: true,
    index: false,
    // Names carry a hash of the content: a changed file is a new name.
    maxAge: '365d',
    immutable: true,
  });
  for (const { face, routes } of faces) {
    for (const route of routes) {
      fastify.get(route, (_request, reply) => {
        if (face === 'kiosk') {
          // A hall's signage player may frame the board (KIOSK_FRAME_ANCESTORS); nothing else is framed.
          reply.header('content-security-policy', contentSecurityPolicy(settings.KIOSK_FRAME_ANCESTORS));
          reply.removeHeader('x-frame-options');
        }
        return reply.header('cache-control', 'no-cache').sendFile(`${face}/index.html`, root, { maxAge: 0, cacheControl: false });
      });
    }
  }
  fastify.get('/', (_request, reply) => reply.redirect('/m', 302));
}

function notBuilt(reply: FastifyReply) {
  return reply.code(503).send(apiError(503, 'The pages are not built yet: run `npm run build:client` (npm run demo does it)'));
}
