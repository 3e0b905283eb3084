import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountCheckUnavailable, AccountStanding, authenticate, bearerToken, isStaff } from '@lingong/identity';
import { apiError } from '@lingong/platform';
import { QueueName } from '@lingong/queue';

export const QUEUE_BOARD_PATH = '/queues';

/** Staff only: a staff token as `Authorization: Bearer …`, or `?token=` when opened in a browser; a disabled account's token no longer opens it. */
async function staffOnly(jwt: JwtService, standing: AccountStanding, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = bearerToken(request) ?? (request.query as { token?: string } | undefined)?.token;
  let found: Awaited<ReturnType<typeof authenticate>>;
  try {
    found = await authenticate(jwt, standing, token);
  } catch (error) {
    if (!(error instanceof AccountCheckUnavailable)) throw error;
    await reply.code(503).send(apiError(503, 'Sign-in cannot be checked right now; try again shortly'));
    return;
  }
  const account = typeof found === 'object' ? found : undefined;
  if (account && isStaff(account)) return;
  const status = account ? 403 : 401;
  await reply.code(status).send(apiError(status, status === 401 ? 'Sign in as staff: send a staff token' : 'The queue board is for staff'));
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
  await app.register(plugin, { prefix: QUEUE_BOARD_PATH });
}
