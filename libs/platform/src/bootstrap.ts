import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ListenSettings, loadSettings } from '@lingong/config';
import { toApiError } from './errors/api-exception.filter';
import { answerClientError } from './errors/client-error';
import { buildOpenApiDocument, mountDocs } from './openapi/openapi-document';

/** Up to 1 MB of JSON; anything bigger is a 413. */
export const BODY_LIMIT = 1_048_576;

/** TRUST_PROXY as Fastify takes it. Read before the app (and its settings module) exists. */
function trustProxy({ TRUST_PROXY: value }: ListenSettings): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Up to 1 MB of JSON; anything bigger is a 413, not a crash. */
  bodyLimit?: number;
}

/**
 * Builds (without listening) an HTTP app the Lingong way: Fastify, routes under `/api` with health
 * at the root, OpenAPI at `/docs`, JSON logs, and shutdown hooks so in-flight work finishes.
 */
export async function createHttpApp(module: Type | object, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? BODY_LIMIT,
    trustProxy: trustProxy(loadSettings([ListenSettings]).get(ListenSettings) as ListenSettings),
    // Long enough that a mistyped id reaches validation (a 400); past it the router answers 414.
    routerOptions: { maxParamLength: 1000 },
    // What the HTTP parser refuses is answered in the API's shape, closing the connection openly.
    clientErrorHandler: answerClientError,
    // Errors the router raises before any route (bad URL, overlong id) keep the API's error shape.
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
      const body = toApiError(error);
      void reply.status(body.statusCode).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as Type, adapter, { bufferLogs: true, rawBody: true });
  // Routes outside Nest (the front door's forwarding) answer errors in the API's one shape too.
  // This replaces the adapter's own handler on purpose; Fastify warns once (FSTWRN004) at start.
  app
    .getHttpAdapter()
    .getInstance()
    .setErrorHandler((error, _request, reply) => {
      const body = toApiError(error);
      void reply.status(body.statusCode).send(body);
    });
  app.useLogger(app.get(Logger));
  useApiPrefix(app);
  app.enableShutdownHooks();
  mountDocs(app, options);
  return app;
}

/** Routes under `/api`, health at the root (orchestrators probe it there). */
function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready'] });
}

/**
 * An app's OpenAPI document without starting it: `preview` builds the module graph but no
 * provider, so nothing connects to PostgreSQL or Redis. The merged contract is built from these.
 */
export async function describeHttpApp(
  module: Type | object,
  options: Pick<HttpAppOptions, 'title' | 'description'>,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(module as Type, new FastifyAdapter(), { preview: true, logger: false });
  try {
    useApiPrefix(app);
    return buildOpenApiDocument(app, options);
  } finally {
    await app.close();
  }
}

/** Starts an app on its port and logs where; used by every `main.ts`. */
export async function listen(app: NestFastifyApplication, port: number, host: string): Promise<void> {
  await app.listen(port, host);
  app.get(Logger).log(`listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`, 'Bootstrap');
}
