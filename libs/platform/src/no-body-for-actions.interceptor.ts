import { BadRequestException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Observable } from 'rxjs';

function isEmpty(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    body === '' ||
    (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)
  );
}

/**
 * Unknown fields are refused (API.md), also on actions that take no body (publish, accept,
 * check-in…): a client sending `{isAdmin: true}` to one is told, not silently obeyed.
 */
@Injectable()
export class NoBodyForActionsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<
        string,
        unknown
      >;
      const takesBody = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
      const { body } = context.switchToHttp().getRequest<{ body?: unknown }>();
      if (!takesBody && !isEmpty(body)) throw new BadRequestException(['this route takes no body; send none or {}']);
    }
    return next.handle();
  }
}
