import { z } from 'zod';

/**
 * The api's configuration, validated once at start-up. This is the only place that reads process.env:
 * everything else receives the typed object. A missing or malformed variable stops the process with one
 * line naming it (see main.ts).
 */
const secretList = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const keys = raw.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => {
      const i = pair.indexOf(':');
      return { kid: i > 0 ? pair.slice(0, i) : '', secret: i > 0 ? pair.slice(i + 1) : '' };
    });
    for (const k of keys) {
      if (!/^[A-Za-z0-9_.-]{1,32}$/.test(k.kid) || k.secret.length < 32) {
        ctx.addIssue({ code: 'custom', message: 'each key must be kid:secret with a secret of at least 32 characters' });
        return z.NEVER;
      }
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'at least one kid:secret key is required' });
      return z.NEVER;
    }
    return keys;
  });

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

export const apiConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^mysql:\/\//, 'must be a mysql:// URL').default('mysql://root@127.0.0.1:3306/sen'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('{sen}'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRETS: secretList.prefault('dev-2024:change-me-in-production-this-is-only-for-the-demo-0123456789'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  WEB_DIST: z.string().default('apps/web/dist'),
  DEMO_MODE: bool.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  /**
   * Which peers may set X-Forwarded-For (Fastify's trustProxy): a hop count, `true`, or addresses/subnets
   * (proxy-addr names such as loopback, uniquelocal). The default trusts only proxies on private networks (the
   * nginx of docker-compose, a Kubernetes ingress), so a client on the internet cannot pick its own address
   * and escape the per-address rate limits by sending a forged X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback,linklocal,uniquelocal')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line per wrong variable, naming it. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  // Empty strings mean "not set" (as in .env.example's blank optional variables).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = apiConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `invalid configuration: ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  return result.data;
}

export const API_CONFIG = Symbol('API_CONFIG');
