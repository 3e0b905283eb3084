import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { ROOT } from './cluster';

/** The subset of JSON Schema (as @nestjs/swagger writes it) the contract uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface Contract {
  operations: Operation[];
  schemas: Record<string, Schema>;
}

/** The merged contract, apps/web/client/shared/api/openapi.json: every public route. */
export function loadContract(): Contract {
  const document = JSON.parse(readFileSync(resolve(ROOT, 'apps/web/client/shared/api/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
    components: { schemas: Record<string, Schema> };
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item))
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ ...operation, method: method.toUpperCase(), path });
  return { operations, schemas: document.components.schemas };
}

/** Who may call an operation, from its security and the "Roles: …" its description ends with. */
export function rolesOf(operation: Operation): string[] {
  if (!operation.security || operation.security.length === 0) return [];
  const roles = /Roles: ([a-z, ]+)\./.exec(operation.description ?? '')?.[1];
  return roles ? roles.split(',').map((role) => role.trim()) : ['any'];
}

/**
 * Arbitraries for one schema: `valid` values of its shape (the contract's examples where given,
 * so requests get past the first check), and `hostile` ones: the valid shape with one part
 * replaced by something of another type, out of range, enormous or absent, or JSON of no shape.
 */
export class SchemaArbitraries {
  constructor(private readonly schemas: Record<string, Schema>) {}

  resolve(schema: Schema): Schema {
    let current = schema;
    while (current.$ref) current = this.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
    if (current.allOf) return current.allOf.map((part) => this.resolve(part)).reduce((merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties } }), {} as Schema);
    return current;
  }

  valid(input: Schema, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const alternatives: fc.Arbitrary<unknown>[] = [];
    if (schema.example !== undefined) alternatives.push(fc.constant(schema.example));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const type = schema.type ?? (schema.properties ? 'object' : undefined);
    switch (type) {
      case 'string':
        if (schema.format === 'uuid') alternatives.push(fc.uuid());
        else if (schema.format === 'date-time') alternatives.push(fc.date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map((date) => date.toISOString()));
        else alternatives.push(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40), unit: 'grapheme' }));
        break;
      case 'integer':
        alternatives.push(fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 }));
        break;
      case 'number':
        alternatives.push(fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true, noDefaultInfinity: true }));
        break;
      case 'boolean':
        alternatives.push(fc.boolean());
        break;
      case 'array':
        alternatives.push(fc.array(depth > 4 ? fc.constant(null) : this.valid(schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) }));
        break;
      case 'object': {
        const properties = Object.entries(schema.properties ?? {});
        if (properties.length === 0 || depth > 4) alternatives.push(fc.constant({}));
        else
          alternatives.push(
            fc.record(Object.fromEntries(properties.map(([name, property]) => [name, this.valid(property, depth + 1)])), {
              requiredKeys: (schema.required ?? []).filter((name) => schema.properties?.[name]),
            }),
          );
        break;
      }
      default:
        alternatives.push(fc.jsonValue({ maxDepth: 2 }));
    }
    return alternatives.length === 1 ? alternatives[0]! : fc.oneof(...alternatives);
  }

  hostile(input: Schema): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const properties = Object.keys(schema.properties ?? {});
    const wholly = fc.oneof(nasty, fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3, withNullPrototype: false }).filter(isJson));
    if (properties.length === 0) return wholly;
    // The valid shape, one or two of its fields broken (another type, out of range, huge, absent), sometimes an unknown field added.
    const broken = fc
      .tuple(this.valid(schema), fc.subarray(properties, { minLength: 1, maxLength: Math.min(2, properties.length) }), fc.array(fc.oneof(nasty, fc.constant(DELETE)), { minLength: 2, maxLength: 2 }), fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), nasty), { nil: undefined }))
      .map(([base, names, values, extra]) => {
        const body = { ...(base as Record<string, unknown>) };
        names.forEach((name, i) => {
          if (values[i] === DELETE) delete body[name];
          else body[name] = values[i];
        });
        if (extra) body[extra[0]] = extra[1];
        return body;
      });
    return fc.oneof({ weight: 4, arbitrary: broken }, { weight: 1, arbitrary: wholly });
  }
}

const DELETE = Symbol('delete');

function isJson(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

/** Values that have broken servers: edge numbers, huge and odd text, injection, deep nesting, wrong containers. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    '   ',
    0,
    -1,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1e308,
    0.5,
    true,
    false,
    [],
    {},
    [null],
    { $gt: '' },
    JSON.parse('{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"role": "admin"}}}') as unknown,
    "'; DROP TABLE shifts; --",
    "1' OR '1'='1",
    '<script>alert(1)</script>',
    'a\u0000b',
    '\uD800',
    '../../etc/passwd',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '9999-12-31T23:59:59+08:00',
    'NaN',
    'Infinity',
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(100_000),
    '中'.repeat(20_000),
  ),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.nat({ max: 2000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
);
