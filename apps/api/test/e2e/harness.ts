import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { loadApiConfig, type ApiConfig } from '../../src/core/config/config';
import { DEMO_PASSWORD } from '../../src/seed/demo-seed';

export interface Harness {
  app: NestFastifyApplication;
  config: ApiConfig;
  db: DataSource;
  request(method: string, url: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; payload?: string | Buffer }): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  login(tenant: string, username: string, password?: string): Promise<{ accessToken: string; refreshToken: string; user: any }>;
  close(): Promise<void>;
}

/** The real bootstrap (createApp) on the run's throw-away database and the real Redis; requests by inject. */
export async function startHarness(overrides: Partial<Record<string, string>> = {}): Promise<Harness> {
  // Suites log in many times a minute from one address; the login limit has its own suite (security).
  const config = loadApiConfig({ ...process.env, LOG_LEVEL: 'silent', WEB_DIST: '', DB_POOL_SIZE: '4', LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '1000000', ...overrides });
  const app = await createApp(config, { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const fastify = app.getHttpAdapter().getInstance();
  const request: Harness['request'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | Buffer | undefined = opts.payload;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(opts.body);
    }
    const res = await fastify.inject({ method: method as 'GET', url, headers, payload });
    let body: unknown = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body, headers: res.headers as Record<string, unknown> };
  };
  return {
    app,
    config,
    db: app.get(DataSource),
    request,
    async login(tenant, username, password = DEMO_PASSWORD) {
      const res = await request('POST', '/api/v1/auth/login', { body: { tenant, username, password } });
      if (res.status !== 200) throw new Error(`login ${tenant}/${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    close: () => app.close(),
  };
}

/** A multipart body with one file in the field `file`. */
export function multipart(filename: string, content: string | Buffer, contentType = 'text/csv'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----sen' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
