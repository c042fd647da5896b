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

  it('does not log secrets: the request log serializer drops bodies and the authorization header', async () => {
    const { AppModule } = await import('../../src/app.module');
    const mod = AppModule.forRoot(h.config);
    const logger = (mod.imports ?? []).find((m) => (m as { module?: { name?: string } }).module?.name === 'LoggerModule') as { providers?: { useValue?: unknown }[] } | undefined;
    const params = JSON.stringify(logger?.providers?.map((p) => p.useValue) ?? []);
    expect(params).toContain('req.headers.authorization');
  });
});
