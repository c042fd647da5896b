import { createApp } from '../../src/app';
import { loadApiConfig } from '../../src/core/config/config';
import { DEMO_PASSWORD } from '../../src/seed/demo-seed';
import { startHarness, type Harness } from './harness';

describe('security: rate limits in Redis, headers, CORS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', CORS_ORIGINS: 'https://sen.example.org' });
  });
  afterAll(() => h.close());

  it('limits repeated logins for one account and address (429 with a Vietnamese message), kept in Redis across instances', async () => {
    const username = `brute-${Date.now()}`;
    const attempt = (harness: Harness) => harness.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username, password: 'sai-mat-khau' } });
    for (let i = 0; i < 3; i++) expect((await attempt(h)).status).toBe(401);
    const limited = await attempt(h);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.body.message).toMatch(/Quá nhiều yêu cầu/);
    // A second api instance sees the same counter: the limit holds across replicas.
    const other = await startHarness({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      expect((await attempt(other)).status).toBe(429);
    } finally {
      await other.close();
    }
    // Another account from the same address is not blocked by this one.
    expect((await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username: `${username}-x`, password: 'x' } })).status).toBe(401);
  });

  it('sends security headers and no stack traces', async () => {
    for (const url of ['/api/v1/indicators', '/health/ready', '/']) {
      const res = await h.request('GET', url);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(res.headers['x-request-id']).toBeTruthy();
    }
    // Liveness alone is bare (probes call it often; its body is a constant JSON object no browser renders).
    const live = await h.request('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(live.headers['x-request-id']).toBeTruthy();
  });

  it('answers CORS only for the configured origins', async () => {
    const allowed = await h.request('OPTIONS', '/api/v1/indicators', { headers: { origin: 'https://sen.example.org', 'access-control-request-method': 'GET' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://sen.example.org');
    const other = await h.request('OPTIONS', '/api/v1/indicators', { headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('logs one line per answered request with its request id, and never a password, a token or a cookie', async () => {
    const lines: string[] = [];
    const destination = { write: (line: string) => void lines.push(line) };
    const app = await createApp(loadApiConfig({ ...process.env, LOG_LEVEL: 'info', WEB_DIST: '', DB_POOL_SIZE: '2', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' }), { logDestination: destination });
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    try {
      const login = await fastify.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ tenant: 'HN', username: 'admin', password: DEMO_PASSWORD }) });
      expect(login.statusCode).toBe(200);
      const { accessToken, refreshToken } = JSON.parse(login.body) as { accessToken: string; refreshToken: string };
      const read = await fastify.inject({ method: 'GET', url: '/api/v1/indicators', headers: { authorization: `Bearer ${accessToken}`, cookie: 'sen_queue_board=secret-cookie-value' } });
      expect(read.statusCode).toBe(200);
      await fastify.inject({ method: 'GET', url: '/health/live' });

      const completed = lines.map((l) => JSON.parse(l) as { msg: string; reqId?: string; req?: { method: string; url: string }; res?: { statusCode: number } }).filter((l) => l.msg === 'request completed');
      expect(completed.map((l) => `${l.req?.method} ${l.req?.url} ${l.res?.statusCode}`)).toEqual(['POST /api/v1/auth/login 200', 'GET /api/v1/indicators 200']);
      expect(completed[1]?.reqId).toBe(read.headers['x-request-id']);
      const all = lines.join('\n');
      for (const secret of [DEMO_PASSWORD, accessToken, refreshToken, 'secret-cookie-value']) expect(all).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
