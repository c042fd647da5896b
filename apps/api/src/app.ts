import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { ApiConfig } from './core/config/config';
import { ApiLogController, createApiLogger, NestPinoLogger } from './core/logging/logger';
import { resolveWebDist } from './core/web/web-dist';
import { mountQueueBoard } from './modules/queue-board/queue-board';
import { REDIS } from './core/redis/redis.module';
import type Redis from 'ioredis';

export const API_PREFIX = 'api/v1';

/**
 * `GET /health/live` on Fastify itself, outside Nest's guards, interceptors and middleware: liveness only says
 * that the process answers, so it needs none of them, and probes (and load balancers) call it often. No request
 * log, no rate limit, no security headers (the body is a constant JSON object, never rendered by a browser).
 */
function registerLiveness(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .get('/health/live', { logLevel: 'silent', config: { rateLimit: false, helmet: { skipRoute: true } } }, (_request, reply) => {
      void reply.send(LIVE_BODY);
    });
}
const LIVE_BODY = { status: 'ok' } as const;

/**
 * An empty body sent with `content-type: application/json` — what many clients send for an action that takes none
 * (POST …/approve, …/submit) — is no body rather than Fastify's 400 ("Body cannot be empty"): the header goes, so no
 * parser runs, and a route that needs a body names its missing fields. Any body with content still goes through the
 * JSON parser, so malformed JSON answers 400 as before.
 */
function acceptEmptyJsonBody(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      const { headers } = request;
      // No body: a length of 0, or neither a length nor a chunked encoding (as Fastify itself decides).
      const noBody = headers['transfer-encoding'] === undefined && (headers['content-length'] === undefined || headers['content-length'] === '0');
      if (noBody && /^application\/json\b/i.test(headers['content-type'] ?? '')) {
        delete headers['content-type'];
      }
      done();
    });
}

/**
 * The one bootstrap of the api, used by main.ts and by the e2e tests alike: Fastify, the /api/v1 prefix,
 * security headers, CORS, uploads, OpenAPI at /api/docs, and the built web app at /.
 */
export async function createApp(
  config: ApiConfig,
  opts: { logger?: boolean; logDestination?: DestinationStream } = {},
): Promise<NestFastifyApplication> {
  const logger = createApiLogger(opts.logger === false ? 'silent' : config.LOG_LEVEL, opts.logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new ApiLogController(),
    // The api has no Nest middleware (request logs are Fastify's, guards and interceptors do the rest), so Nest's
    // middleware runner (@fastify/middie, an onRequest hook on every request) is not registered.
    skipMiddie: true,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
    // One request id for the answer's header, the request's log lines (`reqId`) and error bodies: a valid
    // incoming x-request-id is kept (a proxy's), otherwise a fresh UUID.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(opts.logger === false ? false : new NestPinoLogger(logger));
  app.enableShutdownHooks();
  registerLiveness(app);
  acceptEmptyJsonBody(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health/(.*)', method: RequestMethod.ALL }] });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyCors, { origin: config.CORS_ORIGINS, credentials: false });
  // Rate limits live in Redis so that they hold across api replicas. Login is limited per account and
  // address (brute force), everything else per address. If Redis is down the limit is skipped rather than
  // refusing every request; readiness reports Redis.
  const LOGIN = '/api/v1/auth/login';
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'preHandler',
    redis: app.get<Redis>(REDIS),
    nameSpace: `${config.QUEUE_PREFIX}:rate:`,
    skipOnError: true,
    timeWindow: 60_000,
    max: (request) => (request.url.split('?')[0] === LOGIN ? config.LOGIN_RATE_LIMIT_PER_MINUTE : config.RATE_LIMIT_PER_MINUTE),
    keyGenerator: (request) => {
      if (request.url.split('?')[0] === LOGIN) {
        const body = (request.body ?? {}) as { tenant?: unknown; username?: unknown };
        return `login:${request.ip}:${String(body.tenant ?? '').slice(0, 16).toUpperCase()}:${String(body.username ?? '').slice(0, 64)}`;
      }
      return `ip:${request.ip}`;
    },
    allowList: (request) => request.url.startsWith('/health/'),
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Quá nhiều yêu cầu, vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây`,
      messageEn: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
      requestId: String(request.id),
    }),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });

  app
    .getHttpAdapter()
    .getInstance()
    // Set when the request arrives (a synchronous hook: no promise per request); it stays on every answer.
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });

  const board = await mountQueueBoard(app, config);
  app.getHttpAdapter().getInstance().addHook('onClose', board.close);

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sen API')
      .setDescription('Kế hoạch, chỉ tiêu, báo cáo và tổng hợp số liệu của Hội LHPN các cấp')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  const webDist = resolveWebDist(config.WEB_DIST);
  if (webDist) {
    // Static files of the web app; its client-side routes fall back to index.html in HttpExceptionFilter.
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}
