import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountCheckUnavailable, AccountStanding, authenticate, bearerToken, isStaff, type SignedInAccount } from '@lingong/identity';
import { apiError } from '@lingong/platform';
import { QueueName } from '@lingong/queue';
import { loginPage } from './login-page';

export const QUEUE_BOARD_PATH = '/queues';
/** Holds the staff token for a browser: HttpOnly (no script reads it), SameSite=Strict (no other site's form sends it). */
export const QUEUE_BOARD_COOKIE = 'lingong_queues';

/** The board's cookie, if the request carries one (a JWT is base64url and dots; anything else is not ours). */
function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header ? new RegExp(`(?:^|;\\s*)${QUEUE_BOARD_COOKIE}=([A-Za-z0-9._-]+)(?:;|$)`).exec(header)?.[1] : undefined;
}

/**
 * The staff account a token names, if it still stands (a disabled account's token no longer opens
 * the board); `unavailable` when that cannot be told right now (the board fails closed, 503).
 */
async function staffAccount(
  jwt: JwtService,
  standing: AccountStanding,
  token: string | undefined,
): Promise<SignedInAccount | 'unavailable' | undefined> {
  try {
    const found = await authenticate(jwt, standing, token);
    return typeof found === 'object' ? found : undefined;
  } catch (error) {
    if (error instanceof AccountCheckUnavailable) return 'unavailable';
    throw error;
  }
}

async function refuse(reply: FastifyReply, account: SignedInAccount | 'unavailable' | undefined): Promise<void> {
  if (account === 'unavailable') {
    await reply.code(503).send(apiError(503, 'Sign-in cannot be checked right now; try again shortly'));
    return;
  }
  const status = account ? 403 : 401;
  await reply
    .code(status)
    .send(
      apiError(
        status,
        status === 401 ? `Sign in as staff: send a staff token, or open ${QUEUE_BOARD_PATH}/login` : 'The queue board is for staff',
      ),
    );
}

/** Staff only: a staff token as `Authorization: Bearer …`, or the board's cookie. Never in the URL, where logs and history keep it. */
async function staffOnly(jwt: JwtService, standing: AccountStanding, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const account = await staffAccount(jwt, standing, bearerToken(request) ?? cookieToken(request));
  if (account === undefined || account === 'unavailable' || !isStaff(account)) await refuse(reply, account);
}

/**
 * Signing in to the board in a browser: the staff token goes in a POST (a form on the login page,
 * or `Authorization: Bearer` from a program) and comes back as the board's cookie, for as long
 * as the token lives. DELETE signs out.
 */
function sessionRoutes(jwt: JwtService, standing: AccountStanding) {
  return async (scope: FastifyInstance) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.get('/login', async (_request, reply) => reply.type('text/html; charset=utf-8').send(loginPage(`${QUEUE_BOARD_PATH}/session`)));

    scope.post('/session', async (request, reply) => {
      const fromForm = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
      const posted = (request.body as { token?: unknown } | undefined)?.token;
      const token = bearerToken(request) ?? (typeof posted === 'string' ? posted : undefined);
      const account = await staffAccount(jwt, standing, token);
      if (!token || account === undefined || account === 'unavailable' || !isStaff(account)) return refuse(reply, account);
      const expires = (jwt.decode<{ exp?: number }>(token)?.exp ?? 0) * 1000;
      const maxAge = Math.max(0, Math.floor((expires - Date.now()) / 1000));
      const secure = request.protocol === 'https' ? '; Secure' : '';
      void reply.header(
        'set-cookie',
        `${QUEUE_BOARD_COOKIE}=${token}; Path=${QUEUE_BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`,
      );
      return fromForm ? reply.code(303).header('location', `${QUEUE_BOARD_PATH}/`).send() : reply.code(204).send();
    });

    scope.delete('/session', async (_request, reply) =>
      reply.code(204).header('set-cookie', `${QUEUE_BOARD_COOKIE}=; Path=${QUEUE_BOARD_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`).send(),
    );
  };
}

/**
 * Bull Board for staff on the worker app: every queue, its waiting, delayed and failed jobs,
 * and a retry button for failed SMS.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  const queues = Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))));
  createBullBoard({ queues, serverAdapter: board, options: { uiConfig: { boardTitle: '龙湾零工 · 队列' } } });
  const jwt = app.get(JwtService);
  const standing = app.get(AccountStanding);
  const plugin = async (scope: FastifyInstance) => {
    scope.addHook('onRequest', (request, reply) => staffOnly(jwt, standing, request, reply));
    await scope.register(board.registerPlugin());
  };
  await app.register(sessionRoutes(jwt, standing), { prefix: QUEUE_BOARD_PATH });
  await app.register(plugin, { prefix: QUEUE_BOARD_PATH });
}
