import { z } from 'zod';

/** The worker's configuration, validated at start-up; the only place the worker reads process.env. */
export const workerConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().regex(/^mysql:\/\//, 'must be a mysql:// URL').default('mysql://root@127.0.0.1:3306/sen'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('{sen}'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional(),
  SMTP_FROM: z.string().default('sen@localhost'),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

export class ConfigError extends Error {}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = workerConfigSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `invalid configuration: ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return result.data;
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
