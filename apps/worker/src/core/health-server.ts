import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { createServer, type Server } from 'node:http';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { QueueRunner } from './queue-runner';

/** The worker has no routes but its health: /health/live and /health/ready (database, Redis, workers). */
@Injectable()
export class HealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;
  private redis?: Redis;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly dataSource: DataSource,
    private readonly runner: QueueRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.WORKER_HEALTH_PORT === 0) return;
    this.redis = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
    this.server = createServer((req, res) => {
      void this.answer(req.url ?? '').then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.config.WORKER_HEALTH_PORT, '0.0.0.0', resolve));
  }

  private async answer(url: string): Promise<[number, unknown]> {
    if (url.startsWith('/health/live')) return [200, { status: 'ok' }];
    if (!url.startsWith('/health/ready')) return [404, { status: 'not found' }];
    const checks = { database: 'down', redis: 'down', workers: this.runner.running ? 'up' : 'down' };
    await Promise.all([
      this.dataSource.query('SELECT 1').then(() => (checks.database = 'up'), () => undefined),
      this.redis!.ping().then(() => (checks.redis = 'up'), () => undefined),
    ]);
    const down = Object.entries(checks).filter(([, v]) => v === 'down').map(([k]) => k);
    return down.length ? [503, { status: 'unavailable', checks, message: `Không sẵn sàng: ${down.join(', ')}` }] : [200, { status: 'ok', checks }];
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.redis?.disconnect();
  }
}
