import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { toApiError } from './api-exception.filter';

describe('toApiError', () => {
  it('gives business-rule failures their code, status and details', () => {
    expect(toApiError(new DomainException('SHIFT_FULL', 'The shift is full', 409))).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: ['The shift is full'],
      code: 'SHIFT_FULL',
    });
    expect(toApiError(new DomainException('OTP_RATE_LIMITED', 'wait', 429, { retryAfterSeconds: 30 }))).toMatchObject({
      statusCode: 429,
      code: 'OTP_RATE_LIMITED',
      retryAfterSeconds: 30,
    });
  });

  it('always answers message as a list', () => {
    expect(toApiError(new BadRequestException(['a', 'b']))).toEqual({ statusCode: 400, error: 'Bad Request', message: ['a', 'b'] });
    expect(toApiError(new NotFoundException('Shift not found'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: ['Shift not found'],
    });
  });

  it('answers 503 when PostgreSQL is out of reach, also through a wrapped driver error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toApiError(refused)).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(
      toApiError(
        Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('terminating connection'), { code: '57P01' }) }),
      ),
    ).toMatchObject({
      statusCode: 503,
    });
    expect(toApiError(new Error('Connection terminated unexpectedly'))).toMatchObject({ statusCode: 503 });
    expect(toApiError(new Error('x', { cause: Object.assign(new Error('no route'), { code: '08006' }) }))).toMatchObject({
      statusCode: 503,
    });
    expect(toApiError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toMatchObject({ statusCode: 500 });
  });

  it('passes Fastify client errors through and hides everything else behind a 500', () => {
    const malformed = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 });
    expect(toApiError(malformed)).toEqual({ statusCode: 400, error: 'Bad Request', message: ['Body is not valid JSON'] });
    const internal = toApiError(new Error('connection string postgres://secret'));
    expect(internal.statusCode).toBe(500);
    expect(JSON.stringify(internal)).not.toContain('secret');
  });
});
