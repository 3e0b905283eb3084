import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Holds every e2e answer to the checked-in API contract (apps/web/client/shared/api/openapi.json):
 * an answer of a documented route must have a documented status, and its body must match that
 * status's schema exactly (no missing required field, no field the schema does not name, types,
 * enums, nulls and date-times as written). So the document the pages' client is generated from
 * says what the routes really answer, for every route any e2e test reaches.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType?: string;
  body: string;
}

/** The statuses the API promises to document (API.md); others (413, 414, 503…) come from the transport. */
const documentedErrors = new Set([400, 401, 403, 404, 409, 422, 429]);

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const API_CONTRACT_FILE = resolve(__dirname, '../../apps/web/client/shared/api/openapi.json');

export function readContract(): Document {
  return JSON.parse(readFileSync(API_CONTRACT_FILE, 'utf8')) as Document;
}

export class ContractRecorder {
  private readonly routes: { method: string; pattern: RegExp; template: string; statics: number; operation: Operation }[];
  private readonly problems = new Set<string>();
  /** operationId → statuses seen. */
  readonly seen = new Map<string, Set<number>>();

  constructor(private readonly document: Document = readContract()) {
    this.routes = Object.entries(document.paths)
      .flatMap(([template, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          statics: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
          operation,
        })),
      )
      // `/api/workers/me` before `/api/workers/{id}`.
      .sort((a, b) => b.statics - a.statics);
  }

  record(exchange: Exchange): void {
    const path = exchange.url.split('?')[0]!;
    const route = this.routes.find((candidate) => candidate.method === exchange.method && candidate.pattern.test(path));
    if (!route) return;
    const { operationId, responses } = route.operation;
    const where = `${exchange.method} ${route.template} → ${exchange.status}`;
    const documented = responses[String(exchange.status)];
    if (!documented) {
      if (exchange.status < 300 || documentedErrors.has(exchange.status))
        this.problems.add(`${where}: status not documented (documents ${Object.keys(responses).join(', ')})`);
      return;
    }
    this.seen.set(operationId, new Set([...(this.seen.get(operationId) ?? []), exchange.status]));
    // A stream's events are checked by the test that reads them (test/support/sse.ts); here only its type.
    if (documented.content?.['text/event-stream']) {
      if (!exchange.contentType?.startsWith('text/event-stream'))
        this.problems.add(`${where}: content type ${exchange.contentType ?? 'none'}, not an event stream`);
      return;
    }
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) {
      if (exchange.body.length > 0) this.problems.add(`${where}: a body where the contract documents none`);
      return;
    }
    if (!exchange.contentType?.startsWith('application/json')) {
      this.problems.add(`${where}: content type ${exchange.contentType ?? 'none'}, not JSON`);
      return;
    }
    const found: string[] = [];
    this.check(schema, JSON.parse(exchange.body), 'body', found);
    for (const problem of found) this.problems.add(`${where}: ${problem}`);
  }

  /** Every answer that broke the contract, each once. */
  violations(): string[] {
    return [...this.problems];
  }

  private resolve(schema: Schema): Schema {
    let current = schema;
    while (current.$ref) current = this.document.components.schemas[current.$ref.replace('#/components/schemas/', '')]!;
    if (!current.allOf) return current;
    // A nullable reference is written `{nullable, allOf: [{$ref}]}`: fold the parts into one.
    const parts = current.allOf.map((part) => this.resolve(part));
    return {
      ...current,
      allOf: undefined,
      type: current.type ?? parts.find((part) => part.type)?.type,
      properties: Object.assign({}, ...parts.map((part) => part.properties), current.properties) as Record<string, Schema>,
      required: [...(current.required ?? []), ...parts.flatMap((part) => part.required ?? [])],
      enum: current.enum ?? parts.find((part) => part.enum)?.enum,
      format: current.format ?? parts.find((part) => part.format)?.format,
      items: current.items ?? parts.find((part) => part.items)?.items,
    };
  }

  private check(raw: Schema, value: unknown, at: string, problems: string[]): void {
    const schema = this.resolve(raw);
    if (value === null) {
      if (!schema.nullable && !(schema.enum ?? []).includes(null)) problems.push(`${at} is null, which the contract does not allow`);
      return;
    }
    if (schema.enum && !schema.enum.includes(value))
      problems.push(`${at} is ${JSON.stringify(value)}, not one of ${JSON.stringify(schema.enum)}`);
    switch (schema.type) {
      case undefined:
        return;
      case 'string':
        if (typeof value !== 'string') problems.push(`${at} should be a string, is ${JSON.stringify(value)}`);
        else if (schema.format === 'date-time' && !ISO_WITH_OFFSET.test(value))
          problems.push(`${at} should be a date-time with an offset, is ${value}`);
        else if (schema.format === 'uuid' && !UUID.test(value)) problems.push(`${at} should be a uuid, is ${value}`);
        return;
      case 'integer':
        if (!Number.isInteger(value)) problems.push(`${at} should be an integer, is ${JSON.stringify(value)}`);
        return;
      case 'number':
        if (typeof value !== 'number') problems.push(`${at} should be a number, is ${JSON.stringify(value)}`);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push(`${at} should be a boolean, is ${JSON.stringify(value)}`);
        return;
      case 'array':
        if (!Array.isArray(value)) problems.push(`${at} should be an array`);
        else value.forEach((item, i) => this.check(schema.items ?? {}, item, `${at}[${i}]`, problems));
        return;
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) {
          problems.push(`${at} should be an object`);
          return;
        }
        const record = value as Record<string, unknown>;
        const properties = schema.properties ?? {};
        for (const name of schema.required ?? []) if (!(name in record)) problems.push(`${at}.${name} is required but missing`);
        for (const [name, child] of Object.entries(record)) {
          if (properties[name]) this.check(properties[name], child, `${at}.${name}`, problems);
          else if (schema.additionalProperties === undefined || schema.additionalProperties === false)
            problems.push(`${at}.${name} is not in the contract`);
          else if (typeof schema.additionalProperties === 'object')
            this.check(schema.additionalProperties, child, `${at}.${name}`, problems);
        }
        return;
      }
      default:
        problems.push(`${at}: the contract has a type ${schema.type} this check does not know`);
    }
  }
}
