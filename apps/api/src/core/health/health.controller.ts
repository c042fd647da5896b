import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import { REDIS } from '../redis/redis.module';

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness (the database and Redis answer), outside /api/v1. Liveness (`/health/live`) is a bare Fastify route
 * registered in app.ts (`registerLiveness`): probes hit it every few seconds on every replica, so it skips
 * Nest's pipeline, logging and security headers.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const checks: Record<string, 'up' | 'down'> = { database: 'down', redis: 'down' };
    await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 2000).then(() => (checks.database = 'up'), () => undefined),
      withTimeout(this.redis.ping(), 2000).then(() => (checks.redis = 'up'), () => undefined),
    ]);
    const down = Object.entries(checks).filter(([, s]) => s === 'down').map(([name]) => name);
    if (down.length === 0) {
      void reply.status(200).send({ status: 'ok', checks });
    } else {
      void reply.status(503).send({
        status: 'unavailable',
        checks,
        message: `Không sẵn sàng: ${down.join(', ')} không trả lời`,
        messageEn: `Not ready: ${down.join(', ')} down`,
      });
    }
  }
}
