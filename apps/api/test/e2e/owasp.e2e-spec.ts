import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import jwt from 'jsonwebtoken';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { multipart, startHarness, type Harness } from './harness';
import { createConnection, type Connection } from 'mysql2/promise';

/**
 * Attackers, item by item of the OWASP API Security Top 10 (2023). Each describe names the item; items that do
 * not apply say why:
 *  - API7:2023 Server Side Request Forgery — not applicable: the API never fetches a URL a client gives (no
 *    webhooks, no URL imports, no link previews); files are uploaded, never fetched.
 *  - API10:2023 Unsafe Consumption of APIs — not applicable: the API consumes no third-party API. The untrusted
 *    input it does consume (uploaded CSV/XLSX/DOCX, backups) is fuzzed in fuzz.e2e-spec.ts and checked in
 *    tenant-data.e2e-spec.ts.
 * Every answer of this suite is also checked for secrets (API3): no password, hash or token hash, ever.
 */
/**
 * fuzz, owasp and tenant-data take turns on the run's database even when jest runs files in parallel (the fuzz
 * fingerprints the whole database; tenant-data compares HN row for row): a named lock held for the whole file.
 */
let turn: Connection | undefined;
beforeAll(async () => {
  turn = await createConnection({ uri: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen' });
  await turn.query("SELECT GET_LOCK(CONCAT('sen-e2e-exclusive-', DATABASE()), 900)");
}, 920_000);
afterAll(async () => {
  await turn?.query("SELECT RELEASE_LOCK(CONCAT('sen-e2e-exclusive-', DATABASE()))");
  await turn?.end();
});

const SECRET_KEYS = /^(password|passwordHash|password_hash|tokenHash|token_hash|codeHash|secret)$/;
/** Properties named like a secret, or values that are one (an argon2 hash), anywhere in an answer. */
function secretsIn(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('$argon2') ? [path] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(SECRET_KEYS.test(k) ? [`${path}.${k}`] : []), ...secretsIn(v, `${path}.${k}`)]);
}
const answers: { url: string; body: unknown }[] = [];
/** Each suite run "comes from" its own address so that its rate-limit counters never touch other suites'. */
const IP = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

async function harness(overrides: Record<string, string> = {}): Promise<Harness> {
  const h = await startHarness(overrides);
  const request = h.request;
  h.request = async (method, url, opts = {}) => {
    const res = await request(method, url, { ...opts, headers: { 'x-forwarded-for': IP, ...(opts.headers ?? {}) } });
    answers.push({ url: `${method} ${url}`, body: res.body });
    return res;
  };
  h.login = async (tenant, username, password = 'sen-demo-2024') => {
    const res = await h.request('POST', '/api/v1/auth/login', { body: { tenant, username, password } });
    if (res.status !== 200) throw new Error(`login ${tenant}/${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return h;
}

let h: Harness;
let tw: string;
let hn: { accessToken: string; refreshToken: string; user: any };
let reporter: { accessToken: string; user: any };
let tenantCode: string;
let ownAdmin: string;

beforeAll(async () => {
  h = await harness();
  tw = (await h.login('TW', 'admin')).accessToken;
  hn = await h.login('HN', 'admin');
  reporter = await h.login('HN', 'reporter');
  // A throw-away tenant for the tests that write (users, lockouts): no demo data changes.
  tenantCode = `OW${Date.now().toString(36).toUpperCase().slice(-6)}`;
  const onboard = await h.request('POST', '/api/v1/tenants', {
    token: tw,
    body: {
      code: tenantCode,
      name: 'Hội LHPN tỉnh Kiểm thử bảo mật',
      levels: [{ code: 'province', name: 'Tỉnh' }, { code: 'grassroots', name: 'Xã' }],
      rootUnit: { name: 'Hội LHPN tỉnh Kiểm thử', code: tenantCode },
      admin: { username: 'admin', displayName: 'Quản trị', password: 'owasp-admin-2025' },
    },
  });
  if (onboard.status !== 201) throw new Error(`onboarding failed: ${onboard.status} ${JSON.stringify(onboard.body)}`);
  ownAdmin = (await h.login(tenantCode, 'admin', 'owasp-admin-2025')).accessToken;
});
afterAll(() => h?.close());

describe('API1:2023 Broken Object Level Authorization', () => {
  // Every route with another tenant's ids (DN on HN) and ids outside a reporter's subtree: isolation.e2e-spec.ts
  // (it fails when a route has no case). Here: ids are not enumerable across tenants.
  it("DN's sequential ids answer HN exactly like ids that do not exist (404, same body): nothing to enumerate", async () => {
    const [{ id: dnId }] = await h.db.query("SELECT id FROM tenant WHERE code = 'DN'");
    const ranges: [string, string][] = [
      ['/api/v1/org-units/', 'SELECT id FROM org_unit WHERE tenant_id = ? ORDER BY id LIMIT 25'],
      ['/api/v1/reports/', 'SELECT id FROM report WHERE tenant_id = ? ORDER BY id LIMIT 25'],
      ['/api/v1/users/', 'SELECT id FROM app_user WHERE tenant_id = ? ORDER BY id LIMIT 25'],
      ['/api/v1/plans/', 'SELECT id FROM plan WHERE tenant_id = ? ORDER BY id LIMIT 25'],
    ];
    const strip = (b: any) => ({ ...b, requestId: undefined });
    for (const [prefix, sql] of ranges) {
      const ids: { id: string }[] = await h.db.query(sql, [dnId]);
      expect(ids.length).toBeGreaterThan(0);
      const missing = await h.request('GET', `${prefix}999999999999`, { token: hn.accessToken });
      expect(missing.status).toBe(404);
      for (const { id } of ids) {
        const res = await h.request('GET', `${prefix}${id}`, { token: hn.accessToken });
        expect({ url: `${prefix}${id}`, status: res.status }).toEqual({ url: `${prefix}${id}`, status: 404 });
        expect(strip(res.body)).toEqual(strip(missing.body));
      }
    }
  });

  it('lists never widen to another tenant by a query parameter (unitId of DN → 404, tenant=DN ignored)', async () => {
    const [{ id: dnRoot }] = await h.db.query("SELECT root_unit_id AS id FROM tenant WHERE code = 'DN'");
    expect((await h.request('GET', `/api/v1/org-units?parentId=${dnRoot}`, { token: hn.accessToken })).status).toBe(404);
    expect((await h.request('GET', `/api/v1/reports?unitId=${dnRoot}`, { token: hn.accessToken })).status).toBe(404);
    const users = await h.request('GET', '/api/v1/users?limit=200', { token: hn.accessToken, headers: { 'x-tenant': 'DN' } });
    expect(users.body.items.every((u: { username: string }) => !/^dn/i.test(u.username))).toBe(true);
  });
});

describe('API2:2023 Broken Authentication', () => {
  const claims = () => ({ sub: hn.user.id, usr: 'admin', tid: '2', tc: 'HN', roles: ['tenant_admin', 'platform_admin'], units: [hn.user.unitId] });
  const key = () => h.config.JWT_SECRETS[0]!;

  it('an expired token (signed with the configured key) answers 401 TOKEN_EXPIRED', async () => {
    const token = jwt.sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 60 }, key().secret, { algorithm: 'HS256', keyid: key().kid, issuer: 'sen' });
    const res = await h.request('GET', '/api/v1/auth/me', { token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });

  it('alg "none", a wrong key, another issuer, an unknown kid: all 401', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const none = `${b64({ alg: 'none', typ: 'JWT', kid: key().kid })}.${b64({ ...claims(), iss: 'sen', iat: now, exp: now + 600 })}.`;
    const wrongKey = jwt.sign(claims(), 'k'.repeat(48), { algorithm: 'HS256', keyid: key().kid, issuer: 'sen', expiresIn: 600 });
    const otherIssuer = jwt.sign(claims(), key().secret, { algorithm: 'HS256', keyid: key().kid, issuer: 'evil', expiresIn: 600 });
    const unknownKid = jwt.sign(claims(), key().secret, { algorithm: 'HS256', keyid: 'nope', issuer: 'sen', expiresIn: 600 });
    const hs512 = jwt.sign(claims(), key().secret, { algorithm: 'HS512', keyid: key().kid, issuer: 'sen', expiresIn: 600 });
    for (const token of [none, wrongKey, otherIssuer, unknownKid, hs512, 'garbage', `${none}x`]) {
      const res = await h.request('GET', '/api/v1/tenants', { token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a reused refresh token revokes its whole family', async () => {
    const s = await h.login(tenantCode, 'admin', 'owasp-admin-2025');
    const first = await h.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: s.refreshToken } });
    expect(first.status).toBe(200);
    const reuse = await h.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: s.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');
    // The thief's (or the user's) newer token of the same family is dead too.
    const newer = await h.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(newer.status).toBe(401);
  });

  it('locks an account after 5 wrong passwords: the right one is refused while locked', async () => {
    const created = await h.request('POST', '/api/v1/users', {
      token: ownAdmin,
      body: { username: 'victim', displayName: 'Nạn nhân', password: 'dung-mat-khau-2025', roles: [{ role: 'viewer', unitId: (await h.request('GET', '/api/v1/auth/me', { token: ownAdmin })).body.user.unitId }] },
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      const wrong = await h.request('POST', '/api/v1/auth/login', { body: { tenant: tenantCode, username: 'victim', password: `sai-${i}-mat-khau` } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await h.request('POST', '/api/v1/auth/login', { body: { tenant: tenantCode, username: 'victim', password: 'dung-mat-khau-2025' } });
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
  });

  it('JWT keys rotate without logging anyone out (auth.e2e-spec.ts), and a key removed after rotation no longer verifies', async () => {
    const old = (await h.login('HN', 'admin')).accessToken;
    const rotated = await harness({ JWT_SECRETS: `k-next:${'n'.repeat(40)}` });
    try {
      const res = await rotated.request('GET', '/api/v1/auth/me', { token: old });
      expect(res.status).toBe(401);
    } finally {
      await rotated.close();
    }
  });

  it('a password is never in an answer nor in a log line (the built api, log level trace)', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const secret = `tuyet-mat-${Date.now()}`;
    const wrongSecret = `sai-hoan-toan-${Date.now()}`;
    const child = spawn(process.execPath, [join(__dirname, '../../dist/main.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'trace', WEB_DIST: '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const base = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; i < 60 && !/listening/.test(log); i++) await new Promise((r) => setTimeout(r, 250));
      const post = async (path: string, body: unknown, token?: string) => {
        const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': IP, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
        return { status: res.status, text: await res.text() };
      };
      const login = await post('/api/v1/auth/login', { tenant: tenantCode, username: 'admin', password: 'owasp-admin-2025' });
      expect(login.status).toBe(200);
      const token = JSON.parse(login.text).accessToken;
      const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      const unitId = ((await me.json()) as { user: { unitId: string } }).user.unitId;
      const answersHere = [
        login,
        await post('/api/v1/auth/login', { tenant: tenantCode, username: 'admin', password: wrongSecret }),
        await post('/api/v1/users', { username: 'logcheck', displayName: 'Kiểm tra nhật ký', password: secret, roles: [{ role: 'viewer', unitId }] }, token),
        await post('/api/v1/users', { username: 'x', displayName: 'y', password: 'short', roles: [] }, token),
        await post('/api/v1/auth/login', { tenant: tenantCode, username: 'logcheck', password: secret }),
        await post('/api/v1/auth/refresh', { refreshToken: JSON.parse(login.text).refreshToken }),
      ];
      expect(answersHere[2]!.status).toBe(201);
      await new Promise((r) => setTimeout(r, 300));
      expect(log).toMatch(/"url":"\/api\/v1\/auth\/login"/); // the requests were logged…
      for (const s of [secret, wrongSecret, 'owasp-admin-2025', 'short', JSON.parse(login.text).refreshToken, token]) {
        expect(log).not.toContain(s); // …without their secrets
        for (const a of answersHere.slice(1)) expect(a.text).not.toContain(s);
      }
      expect(log).not.toMatch(/\$argon2/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 60000);
});

describe('API3:2023 Broken Object Property Level Authorization', () => {
  it('a reporter cannot set what only an approver sets: status/approvedBy in PUT /reports/:id/values are refused, naming them', async () => {
    // A report the reporter may edit (the demo's 2024S1 draft, or one another suite returned to the unit).
    const list = await h.request('GET', `/api/v1/reports?unitId=${reporter.user.unitId}&limit=100`, { token: reporter.accessToken });
    const report = list.body.items.find((r: { status: string }) => r.status === 'draft' || r.status === 'returned');
    expect(report).toBeDefined();
    const res = await h.request('PUT', `/api/v1/reports/${report.id}/values`, {
      token: reporter.accessToken,
      body: { values: [], status: 'approved', approvedBy: reporter.user.id, approvedAt: '2024-06-01T00:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.approvedAt', 'body.approvedBy', 'body.status']);
    const after = await h.request('GET', `/api/v1/reports/${report.id}`, { token: reporter.accessToken });
    expect(after.body).toMatchObject({ status: report.status, approvedBy: null });
  });

  it('a reporter cannot change roles or status of a user (even its own): 403', async () => {
    const res = await h.request('PATCH', `/api/v1/users/${reporter.user.id}`, { token: reporter.accessToken, body: { roles: [{ role: 'tenant_admin', unitId: hn.user.unitId }], status: 'active' } });
    expect(res.status).toBe(403);
    const [{ n }] = await h.db.query("SELECT COUNT(*) AS n FROM role_assignment WHERE user_id = ? AND role = 'tenant_admin'", [reporter.user.id]);
    expect(Number(n)).toBe(0);
  });

  it('a tenant administrator cannot grant platform_admin, nor write properties outside the schema (400 naming each)', async () => {
    const me = (await h.request('GET', '/api/v1/auth/me', { token: ownAdmin })).body;
    const grant = await h.request('POST', '/api/v1/users', { token: ownAdmin, body: { username: 'escalate', displayName: 'Leo thang', password: 'leo-thang-quyen-2025', roles: [{ role: 'platform_admin', unitId: me.user.unitId }] } });
    expect(grant.status).toBe(403);
    const extra = await h.request('POST', '/api/v1/users', {
      token: ownAdmin,
      body: { username: 'extra', displayName: 'Thừa', password: 'thua-truong-2025', roles: [{ role: 'viewer', unitId: me.user.unitId }], tenantId: '1', passwordHash: 'x', failedLogins: 0 },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.failedLogins', 'body.passwordHash', 'body.tenantId']);
    const patch = await h.request('PATCH', `/api/v1/users/${me.user.id}`, { token: ownAdmin, body: { lockedUntil: null, passwordHash: 'x' } });
    expect(patch.status).toBe(400);
    expect(patch.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.lockedUntil', 'body.passwordHash']);
  });

  it('answers never carry password hashes, token hashes or codes (every answer of this suite, and the user reads)', async () => {
    await h.request('GET', '/api/v1/users?limit=200', { token: hn.accessToken });
    await h.request('GET', `/api/v1/users/${hn.user.id}`, { token: hn.accessToken });
    await h.request('GET', '/api/v1/audit-log?limit=200', { token: hn.accessToken });
    await h.request('GET', '/api/v1/auth/me', { token: hn.accessToken });
    expect(answers.length).toBeGreaterThan(5);
    const leaking = answers.flatMap((a) => secretsIn(a.body).map((p) => `${a.url} ${p}`));
    expect(leaking).toEqual([]);
  });
});

describe('API4:2023 Unrestricted Resource Consumption', () => {
  it('page sizes are capped: limit=100000 answers 400 naming query.limit on every list', async () => {
    for (const url of ['/api/v1/users', '/api/v1/audit-log', '/api/v1/reports', '/api/v1/org-units']) {
      const res = await h.request('GET', `${url}?limit=100000`, { token: hn.accessToken });
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('query.limit');
    }
  });

  it('uploads over UPLOAD_MAX_BYTES answer 413; JSON bodies over 2 MB answer 413', async () => {
    const small = await harness({ UPLOAD_MAX_BYTES: '4096' });
    try {
      const big = multipart('units.csv', `code,name,level,kind,parent code\n${'x'.repeat(5000)}\n`);
      const res = await small.request('POST', '/api/v1/org-units/import', { token: ownAdmin, payload: big.payload, headers: big.headers });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
    const body = await h.request('POST', '/api/v1/org-units', { token: ownAdmin, payload: JSON.stringify({ name: 'x'.repeat(2.2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(body.status).toBe(413);
  });

  it('requests are rate limited per address (429 with a retry time), kept in Redis', async () => {
    const limited = await harness({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const me = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.request('GET', '/api/v1/indicators', { token: ownAdmin, headers: { 'x-forwarded-for': me } })).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const res = await limited.request('GET', '/api/v1/indicators', { token: ownAdmin, headers: { 'x-forwarded-for': me } });
      expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  it('a client outside the trusted proxies cannot escape the limit with a forged X-Forwarded-For', async () => {
    const limited = await harness({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const fastify = limited.app.getHttpAdapter().getInstance();
      const peer = `192.0.2.${Math.floor(Math.random() * 250) + 1}`; // a public address: not a trusted proxy
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fastify.inject({ method: 'GET', url: '/api/v1/indicators', remoteAddress: peer, headers: { authorization: `Bearer ${ownAdmin}`, 'x-forwarded-for': `10.9.${i}.${i}` } });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('API5:2023 Broken Function Level Authorization', () => {
  const ADMIN = [/^\/api\/v1\/tenants/, /^\/api\/v1\/tenant-data/, /^\/api\/v1\/users/, /^\/api\/v1\/audit-log/, /^\/api\/v1\/report-forms/, /^\/api\/v1\/rollups\/recompute/, /^\/api\/v1\/central/, /^\/api\/v1\/admin/];
  const PLATFORM = [/^\/api\/v1\/tenants/, /^\/api\/v1\/tenant-data/, /^\/api\/v1\/central/, /^\/api\/v1\/admin/];

  async function adminRoutes(patterns: RegExp[]): Promise<{ method: string; url: string }[]> {
    const doc = (await h.request('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(doc.paths)
      .filter(([path]) => patterns.some((p) => p.test(path)))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), url: path.replace(/\{code\}/g, 'HN').replace(/\{[^}]+\}/g, '1') })))
      // Reading the forms is everyone's (a reporter fills them in); creating them is not.
      .filter((r) => !(r.method === 'GET' && r.url === '/api/v1/report-forms'));
  }

  it('every administrator endpoint (tenants, tenant data, users, audit log, report forms, recompute, central, admin) refuses a reporter: 403', async () => {
    const routes = await adminRoutes(ADMIN);
    expect(routes.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await h.request(r.method, r.url.includes('?') ? r.url : `${r.url}?tenant=HN`, { token: reporter.accessToken, body: r.method === 'GET' ? undefined : {} });
      if (res.status !== 403) wrong.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('platform and central endpoints refuse a tenant administrator: 403', async () => {
    const wrong: string[] = [];
    // The current tenant's own settings are its administrator's (the tenant comes from the token).
    for (const r of (await adminRoutes(PLATFORM)).filter((x) => x.url !== '/api/v1/tenants/current/settings')) {
      const res = await h.request(r.method, `${r.url}?tenant=HN`, { token: hn.accessToken, body: r.method === 'GET' ? undefined : {} });
      if (res.status !== 403) wrong.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('without a token every non-public route answers 401', async () => {
    const doc = (await h.request('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const open = ['POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout', 'GET /health/live', 'GET /health/ready'];
    const wrong: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const m of Object.keys(ops)) {
        if (open.includes(`${m.toUpperCase()} ${path}`)) continue;
        const res = await h.request(m.toUpperCase(), path.replace(/\{[^}]+\}/g, '1'), { body: m === 'get' ? undefined : {} });
        if (res.status !== 401) wrong.push(`${m.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('API6:2023 Unrestricted Access to Sensitive Business Flows', () => {
  it('approval is the parent level’s: a reporter cannot approve (nor return) a report, not even its own unit’s', async () => {
    const list = await h.request('GET', `/api/v1/reports?unitId=${reporter.user.unitId}`, { token: reporter.accessToken });
    for (const r of list.body.items) {
      expect((await h.request('POST', `/api/v1/reports/${r.id}/approve`, { token: reporter.accessToken })).status).toBe(403);
      expect((await h.request('POST', `/api/v1/reports/${r.id}/return`, { token: reporter.accessToken, body: { comment: 'tự trả lại' } })).status).toBe(403);
    }
  });
  // Also in this category: logins are limited per account and address and lock after 5 failures (API2, API4,
  // security.e2e-spec.ts), and deleting a tenant's data takes a second platform administrator with a code valid
  // 24 hours (tenant-data.e2e-spec.ts).
});

describe('API8:2023 Security Misconfiguration', () => {
  it('sends security headers on API answers and on errors, and no framework banner', async () => {
    for (const res of [await h.request('GET', '/api/v1/indicators', { token: hn.accessToken }), await h.request('GET', '/api/v1/nope')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(String(res.headers['content-security-policy'])).toContain("object-src 'none'");
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['server']).toBeUndefined();
      expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    }
  });

  it('CORS answers only the configured origins, without credentials', async () => {
    const cors = await harness({ CORS_ORIGINS: 'https://sen.example.org' });
    try {
      const evil = await cors.request('OPTIONS', '/api/v1/users', { headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      const good = await cors.request('GET', '/api/v1/indicators', { token: hn.accessToken, headers: { origin: 'https://sen.example.org' } });
      expect(good.headers['access-control-allow-origin']).toBe('https://sen.example.org');
      expect(good.headers['access-control-allow-credentials']).toBeUndefined();
    } finally {
      await cors.close();
    }
  });

  it('errors are not verbose: no parser messages, no SQL, no stack, no paths — the same short shape everywhere', async () => {
    const cases = [
      await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, payload: '{"name": "x",', headers: { 'content-type': 'application/json' } }),
      await h.request('GET', '/api/v1/org-units/1%27%20OR%201=1', { token: hn.accessToken }),
      await h.request('GET', "/api/v1/org-units?q=' OR 1=1 --&limit=abc", { token: hn.accessToken }),
      await h.request('DELETE', '/api/v1/org-units/1', { token: hn.accessToken }),
      await h.request('TRACE', '/api/v1/org-units', { token: hn.accessToken }),
      await h.request('GET', '/api/v1/org-units/%00', { token: hn.accessToken }),
    ];
    expect(cases.map((c) => c.status)).toEqual([400, 400, 400, 404, 404, 400]);
    for (const res of cases) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(res.body).sort()).toEqual(expect.arrayContaining(['code', 'message', 'messageEn', 'statusCode']));
      expect(JSON.stringify(res.body)).not.toMatch(/Unexpected|JSON at position|SQL|ER_|QueryFailed|node_modules|\/src\/|at \w+ \(|Error:/);
    }
  });
});

describe('API9:2023 Improper Inventory Management', () => {
  it('the OpenAPI document lists every route of the API (compared with the routes Nest registered)', async () => {
    const doc = (await h.request('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>>; info: { version: string } };
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const registered: string[] = [];
    for (const mod of h.app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) {
        const cls = wrapper.metatype as (new (...a: never[]) => unknown) | null;
        if (!cls) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
        for (const name of Object.getOwnPropertyNames(cls.prototype)) {
          const handler = cls.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const sub = String(Reflect.getMetadata(PATH_METADATA, handler));
          const prefix = base === 'health' ? '' : '/api/v1';
          const path = `${prefix}/${[base, sub].filter((s) => s && s !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
          registered.push(`${method} ${path}`);
        }
      }
    }
    expect(registered.length).toBeGreaterThan(40);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !registered.includes(r))).toEqual([]);
    expect(doc.info.version).toBe('1');
  });

  it('only /api/v1 is the API: no other version or debug surface answers (outside /api, at most the web app’s page)', async () => {
    for (const url of ['/api/v0/org-units', '/api/v2/org-units', '/api/org-units', '/api/v1/debug', '/api/v1/swagger.json', '/api/v1/metrics']) {
      const res = await h.request('GET', url, { token: hn.accessToken });
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
    for (const url of ['/debug', '/metrics', '/.env', '/.git/config', '/package.json', '/../package.json']) {
      const res = await h.request('GET', url, { token: hn.accessToken });
      // Either nothing, or the single-page app's index.html for its client-side routes — never a file or data.
      if (res.status !== 404) {
        expect({ url, status: res.status, type: String(res.headers['content-type']) }).toEqual({ url, status: 200, type: 'text/html; charset=utf-8' });
        expect(String(res.body)).toMatch(/^<!doctype html>/i);
      }
    }
  });
});
