import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  SwaggerModule,
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  type PathItemObject,
  type ResponsesObject,
} from '@nestjs/swagger';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AccountRole } from '@lingong/identity';
import { ApiErrorDto } from './api-error.dto';
import { errorMeanings } from './api-responses';

export interface ApiDocumentInfo {
  title: string;
  description: string;
}

export const BEARER_SCHEME = 'bearer';
export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `ShiftsController.create` → `shifts_create`: stable, URL-safe, and unique while controller names are. */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const controller = controllerKey.replace(/Controller$/, '');
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}_${methodKey}`;
}

interface RouteAccess {
  isPublic: boolean;
  roles?: AccountRole[];
}

/** What the access guard reads for each route (`@Public()`, `@Roles()`, handler before class), by operation id. */
function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const read = <T>(key: string) => (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
        access.set(operationIdOf(controller.name, name), {
          isPublic: read<boolean>(PUBLIC_ROUTE) ?? false,
          roles: read<AccountRole[]>(REQUIRED_ROLES),
        });
      }
    }
  }
  return access;
}

export function operationsOf(document: OpenAPIObject): { path: string; method: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]: [string, PathItemObject]) =>
    httpMethods.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } },
});

/**
 * Security and the guard's and validation's error answers come from the route's own metadata, the
 * same the access guard reads, so the document cannot promise a public route the guard refuses.
 */
function applyAccessRules(app: INestApplication, document: OpenAPIObject): void {
  const access = routeAccess(app);
  for (const { path, method, operation } of operationsOf(document)) {
    const rules = operation.operationId ? access.get(operation.operationId) : undefined;
    if (!rules) throw new Error(`OpenAPI: no route found behind ${method.toUpperCase()} ${path} (${operation.operationId})`);
    operation.security = rules.isPublic ? [] : [{ [BEARER_SCHEME]: [] }];
    const responses: ResponsesObject = operation.responses ?? {};
    const add = (status: number, description: string) => {
      responses[status] ??= errorResponse(description);
    };
    if (operation.parameters?.length || operation.requestBody) add(400, errorMeanings[400]);
    if (!rules.isPublic) add(401, errorMeanings[401]);
    if (!rules.isPublic && rules.roles) {
      add(403, `Forbidden: needs the role ${rules.roles.join(' or ')}${rules.roles.includes('staff') ? ' (admins count as staff)' : ''}`);
      const who = `Roles: ${rules.roles.join(', ')}.`;
      operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
    }
    operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** The OpenAPI document of one app, as its `/docs` serves it and the merged contract is built from. */
export function buildOpenApiDocument(app: INestApplication, info: ApiDocumentInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'the accessToken from POST /api/auth/login or /api/auth/staff-login',
      },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf, extraModels: [ApiErrorDto] });
  applyAccessRules(app, document);
  return document;
}

const served = new WeakMap<INestApplication, OpenAPIObject>();

/** Serve this document at the app's `/docs` instead of its own (the front door serves the whole API's). */
export function serveOpenApiDocument(app: INestApplication, document: OpenAPIObject): void {
  served.set(app, document);
}

/** Swagger UI at `/docs`, the document at `/docs-json` and `/docs/openapi.json`; built on first request. */
export function mountDocs(app: INestApplication, info: ApiDocumentInfo): void {
  let document: OpenAPIObject | undefined;
  const current = () => (document ??= served.get(app) ?? buildOpenApiDocument(app, info));
  SwaggerModule.setup('docs', app, current);
  app
    .getHttpAdapter()
    .get('/docs/openapi.json', (_request: unknown, reply: { type(value: string): { send(body: string): unknown } }) =>
      reply.type('application/json').send(JSON.stringify(current())),
    );
}
