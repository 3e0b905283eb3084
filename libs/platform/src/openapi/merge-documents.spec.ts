import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { mergeOpenApiDocuments, type ContractPart } from './merge-documents';

const op = (operationId: string, ref?: string, tags = ['things']): OperationObject => ({
  operationId,
  summary: operationId,
  tags,
  responses: {
    200: { description: 'ok', ...(ref && { content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } }) },
  },
});

function doc(paths: OpenAPIObject['paths'], schemas: Record<string, object> = {}): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

const options = {
  info: { title: 'Lingong API', version: '1' },
  servers: [{ url: '/' }],
  tags: { things: 'Things.', own: 'The front door’s own.' },
};
const thing = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };

describe('mergeOpenApiDocuments', () => {
  it('keeps the public /api routes of each part, drops health and internal routes, and sorts paths and schemas', () => {
    const parts: ContractPart[] = [
      { name: 'web', document: doc({ '/api/me': { get: op('auth_me', undefined, ['own']) }, '/health/live': { get: op('health_live') } }) },
      {
        name: 'things',
        forwardedPrefixes: ['/api/things'],
        document: doc(
          {
            '/api/things/{id}': { get: op('things_get', 'Thing') },
            '/api/things': { post: op('things_create', 'Thing') },
            '/api/internal/things': { post: op('internal_create', 'Hidden') },
          },
          { Thing: thing, Hidden: thing, Unused: thing },
        ),
      },
    ];
    const merged = mergeOpenApiDocuments(parts, options);
    expect(Object.keys(merged.paths)).toEqual(['/api/me', '/api/things', '/api/things/{id}']);
    expect(Object.keys(merged.components!.schemas!)).toEqual(['Thing']);
    expect(merged.tags).toEqual([
      { name: 'things', description: 'Things.' },
      { name: 'own', description: 'The front door’s own.' },
    ]);
    expect(merged.info.title).toBe('Lingong API');
    expect(merged.components!.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
  });

  it('keeps a schema two services both define when they define it the same', () => {
    const parts: ContractPart[] = [
      { name: 'a', forwardedPrefixes: ['/api/a'], document: doc({ '/api/a': { get: op('a_get', 'Thing') } }, { Thing: thing }) },
      { name: 'b', forwardedPrefixes: ['/api/b'], document: doc({ '/api/b': { get: op('b_get', 'Thing') } }, { Thing: { ...thing } }) },
    ];
    expect(Object.keys(mergeOpenApiDocuments(parts, options).components!.schemas!)).toEqual(['Thing']);
  });

  it('refuses what would make the contract lie, naming each problem', () => {
    const parts: ContractPart[] = [
      { name: 'web', document: doc({ '/api/things/mine': { get: op('web_mine') } }) },
      {
        name: 'a',
        forwardedPrefixes: ['/api/things'],
        document: doc({ '/api/things': { get: op('same_id', 'Thing') }, '/api/stray': { get: op('a_stray') } }, { Thing: thing }),
      },
      {
        name: 'b',
        forwardedPrefixes: ['/api/others'],
        document: doc({ '/api/others': { get: op('same_id', 'Thing', ['undescribed']) } }, { Thing: { ...thing, required: [] } }),
      },
    ];
    expect(() => mergeOpenApiDocuments(parts, options)).toThrow(
      [
        'The API contract cannot be built:',
        '- /api/things/mine is served by web, but the front door sends it to a',
        '- /api/stray is served by a, but the front door sends it to no service',
        '- two different schemas are named Thing (one from b); keep them equal or rename one',
        '- GET /api/others has the tag undescribed, which the contract does not describe',
        '- operationId same_id is used twice (again by GET /api/things)',
      ].join('\n'),
    );
  });

  it('refuses a route referring to a schema no service defines', () => {
    const parts: ContractPart[] = [
      { name: 'a', forwardedPrefixes: ['/api/a'], document: doc({ '/api/a': { get: op('a_get', 'Missing') } }) },
    ];
    expect(() => mergeOpenApiDocuments(parts, options)).toThrow('refers to the schema Missing, which no service defines');
  });
});
