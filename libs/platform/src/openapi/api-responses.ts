import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiResponse, ApiSchema, DECORATORS } from '@nestjs/swagger';
import type { ErrorCode } from '../errors/error-codes';
import { ApiErrorDto } from './api-error.dto';

/** The error statuses the API answers (API.md), each in the one error shape. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

export const errorMeanings: Record<ErrorStatus, string> = {
  400: 'Bad Request: the input is not valid; `message` lists each problem',
  401: 'Unauthorized: sign in first (`Authorization: Bearer <accessToken>`)',
  403: 'Forbidden: the signed-in account may not do this',
  404: 'Not Found, or not yours to see',
  409: 'Conflict: a business rule refused it',
  422: 'Unprocessable Entity: the labour law refuses it',
  429: 'Too Many Requests',
};

/** An error status, or a status with the `code`s a client should expect under it. */
export type DocumentedError = ErrorStatus | readonly [ErrorStatus, ...ErrorCode[]];

/**
 * The error answers a route's own rules give, in one line: `@ApiErrors(404, [409, 'SHIFT_FULL'])`
 * (codes under one status given twice are joined). What the access guard and validation answer
 * (401 on private routes, 403 under `@Roles`, 400 where there is input) the document builder adds
 * from the route's own metadata, so it cannot drift.
 */
export function ApiErrors(...errors: DocumentedError[]): MethodDecorator & ClassDecorator {
  const codes = new Map<ErrorStatus, ErrorCode[]>();
  for (const error of errors) {
    const [status, ...named] = typeof error === 'number' ? [error] : error;
    codes.set(status, [...new Set([...(codes.get(status) ?? []), ...named])]);
  }
  return applyDecorators(
    ...[...codes].map(([status, named]) =>
      ApiResponse({
        status,
        description: named.length > 0 ? `${errorMeanings[status]}. Codes: ${named.join(', ')}` : errorMeanings[status],
        type: ApiErrorDto,
      }),
    ),
  );
}

/** A page of a keyset-paged list, as the API answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A whole list (or its first, bounded part), as the API answers it. */
export interface List<T> {
  items: T[];
}

const pages = new Map<Type, Type>();
const lists = new Map<Type, Type>();

function schemaName(item: Type, suffix: string): string {
  const name = (Reflect.getOwnMetadata(DECORATORS.API_SCHEMA, item) as { name?: string }[] | undefined)?.at(-1)?.name;
  return `${name ?? item.name.replace(/Dto$/, '')}${suffix}`;
}

/** `{items, nextCursor}` of `item`, named `<Item>Page` in the document. */
export function PageOf(item: Type): Type<Page<unknown>> {
  let page = pages.get(item);
  if (!page) {
    @ApiSchema({ name: schemaName(item, 'Page') })
    class PageDto {
      @ApiProperty({ type: [item] })
      items!: unknown[];

      @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' })
      nextCursor!: string | null;
    }
    page = PageDto;
    pages.set(item, page);
  }
  return page as Type<Page<unknown>>;
}

/** `{items}` of `item`, named `<Item>List` in the document. */
export function ListOf(item: Type): Type<List<unknown>> {
  let list = lists.get(item);
  if (!list) {
    @ApiSchema({ name: schemaName(item, 'List') })
    class ListDto {
      @ApiProperty({ type: [item] })
      items!: unknown[];
    }
    list = ListDto;
    lists.set(item, list);
  }
  return list as Type<List<unknown>>;
}
