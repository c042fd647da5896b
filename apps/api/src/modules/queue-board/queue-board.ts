import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import jwt from 'jsonwebtoken';
import { QUEUES } from '@sen/contracts';
import type { ApiConfig } from '../../core/config/config';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'sen_queue_board';
const AUDIENCE = 'sen-queue-board';

/** A short-lived cookie value that opens the board; issued to platform administrators only. */
export function signBoardSession(config: ApiConfig, userId: string): string {
  const key = config.JWT_SECRETS[0]!;
  return jwt.sign({ sub: userId }, key.secret, { algorithm: 'HS256', keyid: key.kid, expiresIn: 30 * 60, audience: AUDIENCE, issuer: 'sen' });
}

function validSession(config: ApiConfig, cookieHeader: string | undefined): boolean {
  const value = (cookieHeader ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${BOARD_COOKIE}=`))
    ?.slice(BOARD_COOKIE.length + 1);
  if (!value) return false;
  const kid = jwt.decode(value, { complete: true })?.header.kid;
  const secret = config.JWT_SECRETS.find((k) => k.kid === kid)?.secret;
  if (!secret) return false;
  try {
    jwt.verify(value, secret, { algorithms: ['HS256'], audience: AUDIENCE, issuer: 'sen' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Bull Board (the queue dashboard) at /admin/queues. The board is plain HTML pages the browser loads
 * without our bearer token, so it is opened by an HttpOnly cookie that POST /api/v1/admin/queue-session
 * sets for platform administrators; every request under the path checks it.
 */
export async function mountQueueBoard(app: NestFastifyApplication, config: ApiConfig): Promise<{ close: () => Promise<void> }> {
  const u = new URL(config.REDIS_URL);
  const connection = { host: u.hostname, port: Number(u.port || 6379), password: u.password ? decodeURIComponent(u.password) : undefined, maxRetriesPerRequest: 1 };
  const serverAdapter = new BoardAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  const board = createBullBoard({ queues: [], serverAdapter, options: { uiConfig: { boardTitle: 'Sen — hàng đợi' } } });
  // Queues (and their Redis connections) are opened the first time an administrator opens the board, not at
  // start-up: an api that never shows the board keeps no extra connections.
  let queues: Queue[] = [];
  // The session check is a hook of the board's own plugin scope: it runs for the board's pages only, not for
  // every request of the api.
  await app.register(
    (async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (!validSession(config, request.headers.cookie)) {
          await reply.status(401).type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><p>Cần đăng nhập với quyền quản trị nền tảng (Platform administrator login required).</p>');
          return;
        }
        if (queues.length === 0) {
          queues = Object.values(QUEUES).map((name) => new Queue(name, { connection, prefix: config.QUEUE_PREFIX }));
          for (const q of queues) q.on('error', () => undefined);
          board.replaceQueues(queues.map((q) => new BullMQAdapter(q)));
        }
      });
      await scope.register(serverAdapter.registerPlugin() as never);
    }) as never,
    { prefix: BOARD_PATH },
  );
  return { close: async () => void (await Promise.all(queues.map((q) => q.close()))) };
}
