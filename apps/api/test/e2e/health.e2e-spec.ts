import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startHarness } from './harness';

describe('health and configuration', () => {
  it('GET /health/live and /health/ready answer 200 when the database and Redis answer', async () => {
    const h = await startHarness();
    try {
      expect((await h.request('GET', '/health/live')).body).toEqual({ status: 'ok' });
      const ready = await h.request('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toEqual({ database: 'up', redis: 'up' });
    } finally {
      await h.close();
    }
  });

  it('GET /health/ready answers 503 naming Redis when Redis does not answer', async () => {
    const h = await startHarness({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const ready = await h.request('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toEqual({ database: 'up', redis: 'down' });
      expect(ready.body.message).toContain('redis');
    } finally {
      await h.close();
    }
  });

  it('serves the OpenAPI document at /api/docs-json with the fixed routes', async () => {
    const h = await startHarness();
    try {
      const doc = await h.request('GET', '/api/docs-json');
      expect(doc.status).toBe(200);
      for (const path of ['/api/v1/auth/login', '/api/v1/org-units', '/api/v1/org-units/{id}', '/api/v1/org-units/import', '/api/v1/org-units/merge', '/api/v1/indicators']) {
        expect(doc.body.paths).toHaveProperty([path]);
      }
      expect((await h.request('GET', '/api/docs')).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('an unknown API route answers a JSON 404, never a stack trace', async () => {
    const h = await startHarness();
    try {
      const res = await h.request('GET', '/api/v1/nope');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
    } finally {
      await h.close();
    }
  });

  it('a malformed variable stops the api at start-up with one line naming it and a non-zero exit', () => {
    const main = join(__dirname, '../../dist/main.js');
    const run = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'not-a-port', JWT_SECRETS: 'x:short' }, encoding: 'utf8', timeout: 20000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/invalid configuration: PORT/);
    expect(run.stderr).toMatch(/invalid configuration: JWT_SECRETS/);
  });
});
