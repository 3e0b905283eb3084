import { isDeepStrictEqual } from 'node:util';
import type { InfoObject, OpenAPIObject, PathItemObject, ServerObject } from '@nestjs/swagger';
import { httpMethods, operationsOf } from './openapi-document';

/** One app's document, and the `/api` path prefixes the front door forwards to it (none: the front door's own routes). */
export interface ContractPart {
  name: string;
  document: OpenAPIObject;
  forwardedPrefixes?: string[];
}

export interface ContractOptions {
  info: InfoObject;
  servers: ServerObject[];
  /** Every tag an operation may carry, with its description, in the order readers should see them. */
  tags: Record<string, string>;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
const sorted = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Routes the front door serves to clients: under `/api`, and not the services' internal ones. */
function isPublicApiPath(path: string): boolean {
  return under(path, '/api') && !under(path, '/api/internal');
}

/** The names of the schemas `value` refers to, directly. */
function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/'))
        found.add(child.slice('#/components/schemas/'.length));
      else refsIn(child, found);
    }
  }
  return found;
}

/**
 * One document of every public route of the services, as clients reach them through the front
 * door. Refuses what would make the contract lie: a route the front door does not forward, one
 * path and method served twice, two different schemas under one name, a repeated operation id,
 * an undescribed tag. Schemas no route uses are left out.
 */
export function mergeOpenApiDocuments(parts: ContractPart[], options: ContractOptions): OpenAPIObject {
  const problems: string[] = [];
  const paths: Record<string, PathItemObject> = {};
  const schemas: NonNullable<NonNullable<OpenAPIObject['components']>['schemas']> = {};
  const securitySchemes: NonNullable<NonNullable<OpenAPIObject['components']>['securitySchemes']> = {};
  const forwarded = parts.flatMap((part) => (part.forwardedPrefixes ?? []).map((prefix) => ({ prefix, owner: part.name })));

  for (const part of parts) {
    for (const [path, item] of Object.entries(part.document.paths)) {
      if (!isPublicApiPath(path)) continue;
      const owner = forwarded.find(({ prefix }) => under(path, prefix))?.owner;
      if (part.forwardedPrefixes ? owner !== part.name : owner !== undefined) {
        problems.push(`${path} is served by ${part.name}, but the front door sends it to ${owner ?? 'no service'}`);
        continue;
      }
      const merged: PathItemObject = (paths[path] ??= {});
      for (const method of httpMethods) {
        if (!item[method]) continue;
        if (merged[method]) problems.push(`${method.toUpperCase()} ${path} is served twice (again by ${part.name})`);
        merged[method] = item[method];
      }
    }
    for (const [name, schema] of Object.entries(part.document.components?.schemas ?? {})) {
      if (name in schemas && !isDeepStrictEqual(schemas[name], schema))
        problems.push(`two different schemas are named ${name} (one from ${part.name}); keep them equal or rename one`);
      schemas[name] ??= schema;
    }
    for (const [name, scheme] of Object.entries(part.document.components?.securitySchemes ?? {})) {
      if (name in securitySchemes && !isDeepStrictEqual(securitySchemes[name], scheme))
        problems.push(`two different security schemes are named ${name}`);
      securitySchemes[name] ??= scheme;
    }
  }

  const document: OpenAPIObject = {
    openapi: '3.0.0',
    info: options.info,
    servers: options.servers,
    tags: [],
    paths: sorted(paths),
    components: {},
  };
  const seenIds = new Set<string>();
  const usedTags = new Set<string>();
  for (const { path, method, operation } of operationsOf(document)) {
    const where = `${method.toUpperCase()} ${path}`;
    if (!operation.operationId) problems.push(`${where} has no operationId`);
    else if (seenIds.has(operation.operationId)) problems.push(`operationId ${operation.operationId} is used twice (again by ${where})`);
    else seenIds.add(operation.operationId);
    for (const tag of operation.tags ?? []) {
      if (!(tag in options.tags)) problems.push(`${where} has the tag ${tag}, which the contract does not describe`);
      usedTags.add(tag);
    }
  }
  if (problems.length > 0) throw new Error(`The API contract cannot be built:\n- ${problems.join('\n- ')}`);

  // Only the schemas the public routes reach, following references between schemas.
  const reachable = new Set<string>();
  const pending = [...refsIn(document.paths)];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reachable.has(name)) continue;
    reachable.add(name);
    if (!(name in schemas))
      throw new Error(`The API contract cannot be built: a route refers to the schema ${name}, which no service defines`);
    pending.push(...refsIn(schemas[name]));
  }
  document.tags = Object.entries(options.tags)
    .filter(([name]) => usedTags.has(name))
    .map(([name, description]) => ({ name, description }));
  document.components = {
    securitySchemes: sorted(securitySchemes),
    schemas: sorted(Object.fromEntries(Object.entries(schemas).filter(([name]) => reachable.has(name)))),
  };
  return document;
}
