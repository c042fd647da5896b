import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/config';

export const REDIS = Symbol('REDIS');

/** One shared ioredis connection for health, rate limits and queue producers. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        const redis = new Redis(config.REDIS_URL, {
          // Commands wait for the connection briefly, then fail (one retry) instead of hanging while Redis is
          // down; readiness reports it and callers answer 503.
          maxRetriesPerRequest: 1,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        });
        // Connection errors are reported by /health/ready; without a listener ioredis would print each one.
        redis.on('error', () => undefined);
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
