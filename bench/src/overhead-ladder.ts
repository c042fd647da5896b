/**
 * Where the api overhead goes (BENCHMARKS.md, "Targets missed"): a Fastify answering GET /health/live as the bare
 * server does, with one layer of the api's per-request stack added per step — the request logger with UUID ids,
 * helmet, CORS, the rate limit, multipart, the api's own onRequest hooks, Nest's FastifyAdapter, an
 * AsyncLocalStorage in use — each step in a process of its own, measured with autocannon (50 connections) in two
 * rounds, best of each.
 *
 *   pnpm --filter @sen/bench ladder [-- --seconds 5]      (Redis at REDIS_URL for the rate limit's store)
 *
 * The plugins are the api's (apps/api/src/app.ts) and the route has the api's route options: exempt from the rate
 * limit and skipped by helmet, as the api's liveness route is — so helmet's directives and CORS's origins, which
 * the route never applies, are left at simple values here; what is measured is each plugin's hooks.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import Redis from 'ioredis';
import pino from 'pino';
import { cannon } from './phases';
import { freePort } from './processes';

export const LAYERS = [
  'bare Fastify',
  '+ pino request logger, UUID request ids',
  '+ helmet (route skipped: its two hooks still run)',
  '+ CORS',
  '+ rate-limit (route exempt)',
  '+ multipart',
  "+ the api's two onRequest hooks",
  "+ Nest's FastifyAdapter (its own hooks)",
  '+ an AsyncLocalStorage in use (as the tenant context is)',
] as const;

@Module({})
class EmptyModule {}

/** Serves /health/live with the first `level` layers on `port`; resolves once listening. */
async function serve(level: number, port: number): Promise<void> {
  const options = level >= 1 ? { loggerInstance: pino({ level: 'warn' }), requestIdHeader: false as const, genReqId: () => randomUUID() } : { logger: false };
  let app: FastifyInstance;
  let nest: NestFastifyApplication | undefined;
  if (level >= 7) {
    nest = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter({ ...options, skipMiddie: true }), { logger: false });
    app = nest.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  } else {
    app = Fastify(options) as unknown as FastifyInstance;
  }
  app.get('/health/live', { logLevel: 'silent', config: { rateLimit: false, helmet: { skipRoute: true } } }, (_request, reply) => {
    void reply.send({ status: 'ok' });
  });
  const register = async (plugin: FastifyPluginAsync<never>, opts: object): Promise<void> => {
    if (nest) await nest.register(plugin as never, opts as never);
    else await app.register(plugin as never, opts);
  };
  if (level >= 2) await register(fastifyHelmet as never, {});
  if (level >= 3) await register(fastifyCors as never, { origin: ['http://localhost:3000'] });
  if (level >= 4) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await register(fastifyRateLimit as never, { global: true, hook: 'preHandler', redis, max: 1e8, timeWindow: 60_000, allowList: (r: { url: string }) => r.url.startsWith('/health/') });
  }
  if (level >= 5) await register(fastifyMultipart as never, {});
  if (level >= 6) {
    app.addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
    app.addHook('onRequest', (_request, _reply, done) => done());
  }
  if (level >= 8) {
    // Node 20 tracks every promise once an AsyncLocalStorage has been entered; the api's tenant context is one.
    const storage = new AsyncLocalStorage<{ tenantId: string }>();
    storage.run({ tenantId: '1' }, () => undefined);
    storage.enterWith({ tenantId: '1' });
  }
  if (nest) await nest.listen(port, '127.0.0.1');
  else await app.listen({ port, host: '127.0.0.1' });
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--serve') {
    await serve(Number(argv[1]), Number(argv[2]));
    console.log('listening');
    return;
  }
  const i = argv.indexOf('--seconds');
  const seconds = i >= 0 ? Number(argv[i + 1]) : 5;
  const best: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (let level = 0; level < LAYERS.length; level++) {
      const port = await freePort();
      const child = spawn(process.execPath, [__filename, '--serve', String(level), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((resolve, reject) => {
        child.stdout.once('data', resolve);
        child.once('exit', (code) => reject(new Error(`layer ${level} exited with ${code}`)));
      });
      const run = await cannon(`http://127.0.0.1:${port}/health/live`, { connections: 50, seconds });
      best[level] = Math.max(best[level] ?? 0, run.rps);
      child.removeAllListeners('exit');
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  console.log('| stack | req/s | µs per request | ratio to bare |\n| --- | --- | --- | --- |');
  LAYERS.forEach((name, level) => {
    const rps = best[level]!;
    console.log(`| ${name} | ${Math.round(rps).toLocaleString('en')} | ${(1e6 / rps).toFixed(1)} | ${(rps / best[0]!).toFixed(2)} |`);
  });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
