import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiSchema, type OpenAPIObject } from '@nestjs/swagger';
import { Public, Roles } from '@lingong/identity';
import { describeHttpApp } from '../bootstrap';
import { ApiErrors, PageOf } from './api-responses';

@ApiSchema({ name: 'Thing' })
class ThingDto {
  @ApiProperty()
  id!: string;
}

class NewThingDto {
  @ApiProperty()
  name!: string;
}

@Controller('things')
class ThingsController {
  @Public()
  @ApiOkResponse({ type: PageOf(ThingDto) })
  @Get()
  list() {}

  @ApiCreatedResponse({ type: ThingDto })
  @ApiErrors(404, [409, 'SHIFT_FULL'], [409, 'SHIFT_NOT_OPEN'])
  @Roles('employer', 'staff')
  @Post(':id')
  take(@Param('id') _id: string, @Body() _body: NewThingDto) {}

  @Get('mine')
  mine() {}
}

@Public()
@Controller('open')
class OpenController {
  @Roles('staff')
  @Get()
  look() {}
}

@Module({ controllers: [ThingsController, OpenController] })
class ThingsModule {}

describe('buildOpenApiDocument', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await describeHttpApp(ThingsModule, { title: 'things', description: 'things' });
  });

  it('names operations after controller and method', () => {
    expect(document.paths['/api/things']!.get!.operationId).toBe('things_list');
    expect(document.paths['/api/things/{id}']!.post!.operationId).toBe('things_take');
  });

  it('marks security as the access guard decides it: none on @Public routes (handler or class), the bearer scheme elsewhere', () => {
    expect(document.paths['/api/things']!.get!.security).toEqual([]);
    expect(document.paths['/api/open']!.get!.security).toEqual([]);
    expect(document.paths['/api/things/mine']!.get!.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/things/{id}']!.post!.security).toEqual([{ bearer: [] }]);
    expect(document.components!.securitySchemes!.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('adds the guard’s 401 and 403 and validation’s 400 where they apply, in the one error shape', () => {
    const statuses = (path: string, method: 'get' | 'post') => Object.keys(document.paths[path]![method]!.responses);
    expect(statuses('/api/things', 'get')).toEqual(['200']);
    expect(statuses('/api/things/mine', 'get')).toEqual(['200', '401']);
    expect(statuses('/api/things/{id}', 'post')).toEqual(['201', '400', '401', '403', '404', '409']);
    // A public class wins over the handler's roles, as in the guard: no 401 or 403 there.
    expect(statuses('/api/open', 'get')).toEqual(['200']);
    const take = document.paths['/api/things/{id}']!.post!;
    expect(take.responses['403']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });
    expect(take.responses['409']).toMatchObject({ description: expect.stringMatching(/Codes: SHIFT_FULL, SHIFT_NOT_OPEN$/) });
    expect(take.description).toBe('Roles: employer, staff.');
    expect(document.components!.schemas!.ApiError).toMatchObject({ required: ['statusCode', 'error', 'message'] });
  });

  it('names lists after their items', () => {
    expect(document.components!.schemas!.ThingPage).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
        nextCursor: expect.objectContaining({ type: 'string', nullable: true }),
      },
      required: ['items', 'nextCursor'],
    });
  });
});
