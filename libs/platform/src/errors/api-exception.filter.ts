import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainException } from './domain.exception';

export interface ApiError {
  statusCode: number;
  error: string;
  message: string[];
  code?: string;
  /** Extra facts about a business-rule failure, e.g. `retryAfterSeconds`. */
  [detail: string]: unknown;
}

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Messages are for people: long ones (a framework echoing a 5 kB URL) are cut. */
const MAX_MESSAGE = 300;
const cut = (message: string) => (message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message);

function asMessages(value: unknown, fallback: string): string[] {
  if (Array.isArray(value)) return value.map((message) => cut(String(message)));
  if (typeof value === 'string' && value.length > 0) return [cut(value)];
  return [fallback];
}

/** Fastify's own client errors (malformed JSON, wrong content type, body too large) carry a 4xx statusCode. */
function isClientError(error: unknown): error is { statusCode: number; message: string; code?: string } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Network errors and PostgreSQL's connection, shutdown and overload states (SQLSTATE class 08, 57P01–57P03, 53300). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/**
 * A store the service needs is out of reach (PostgreSQL restarting, its pool exhausted): the request
 * may succeed when retried, so it is a 503, never a 500. Looks through TypeORM's `driverError` and `cause`.
 */
function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  return isStoreUnavailable(driverError, depth + 1) || isStoreUnavailable(cause, depth + 1);
}

/** An error in the API's shape, for answers made outside Nest's routes (forwarding, plugins). */
export function apiError(statusCode: number, message: string): ApiError {
  return { statusCode, error: reasonPhrases[statusCode] ?? 'Error', message: [message] };
}

/** One error shape for the whole API (API.md): `{statusCode, error, message[], code?}`. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof DomainException) {
    return {
      statusCode: exception.status,
      error: reasonPhrases[exception.status] ?? 'Error',
      message: [exception.message],
      code: exception.code,
      ...exception.details,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
    const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
    return {
      statusCode,
      error: reasonPhrases[statusCode] ?? exception.name,
      message: asMessages(message, exception.message),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (isClientError(exception)) {
    return {
      statusCode: exception.statusCode,
      error: reasonPhrases[exception.statusCode] ?? 'Bad Request',
      message: [cut(exception.message)],
    };
  }
  if (isStoreUnavailable(exception)) {
    return {
      statusCode: 503,
      error: reasonPhrases[503],
      message: ['The service is briefly unavailable; please try again.'],
      code: 'SERVICE_UNAVAILABLE',
    };
  }
  return { statusCode: 500, error: reasonPhrases[500], message: ['Something went wrong on our side; please try again.'] };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toApiError(exception);
    if (body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    void reply.status(body.statusCode).send(body);
  }
}
