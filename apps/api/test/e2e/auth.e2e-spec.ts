import { startHarness, type Harness } from './harness';

describe('auth (POST /api/v1/auth/*)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('logs in the demo admin of HN with the fixed answer shape', async () => {
    const res = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username: 'admin', password: 'sen-demo-2024' } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'refreshToken', 'user']);
    expect(Object.keys(res.body.user).sort()).toEqual(['id', 'roles', 'tenant', 'unitId', 'username']);
    expect(res.body.user).toMatchObject({ username: 'admin', tenant: 'HN', roles: ['tenant_admin'] });
    expect(typeof res.body.user.unitId).toBe('string');
  });

  it('answers 401 with a Vietnamese message for wrong credentials, and 400 naming the fields of a malformed body', async () => {
    const wrong = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username: 'admin', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Sai đơn vị, tên đăng nhập hoặc mật khẩu');
    const unknownTenant = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'ZZ', username: 'admin', password: 'sen-demo-2024' } });
    expect(unknownTenant.status).toBe(401);
    const bad = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', password: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.password', 'body.username']);
    expect(bad.body.errors[0].reason).toBeTruthy();
    expect(bad.body.errors[0].reasonEn).toBeTruthy();
  });

  it('rotates refresh tokens, and a reused refresh token revokes the whole session family', async () => {
    const first = await h.login('DN', 'admin');
    const second = await h.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    // The spent token again: theft suspected, the family (including the fresh token) is revoked.
    const replay = await h.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('TOKEN_REUSED');
    const afterRevoke = await h.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(afterRevoke.status).toBe(401);
  });

  it('logout revokes the session', async () => {
    const s = await h.login('DN', 'admin');
    expect((await h.request('POST', '/api/v1/auth/logout', { body: { refreshToken: s.refreshToken } })).status).toBe(204);
    expect((await h.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
  });

  it('locks an account after 5 wrong passwords in a row', async () => {
    const admin = await h.login('HN', 'admin');
    const created = await h.request('POST', '/api/v1/users', {
      token: admin.accessToken,
      body: { username: 'lockme', displayName: 'Khoá thử', password: 'mat-khau-dung-1', roles: [{ role: 'viewer', unitId: admin.user.unitId }] },
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect((await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username: 'lockme', password: 'sai' } })).status).toBe(401);
    }
    const locked = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username: 'lockme', password: 'mat-khau-dung-1' } });
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    // An administrator's password reset unlocks it.
    expect((await h.request('POST', `/api/v1/users/${created.body.id}/reset-password`, { token: admin.accessToken, body: { password: 'mat-khau-moi-22' } })).status).toBe(204);
    expect((await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username: 'lockme', password: 'mat-khau-moi-22' } })).status).toBe(200);
  });

  it('rejects requests without a token, with a forged token, or with a token signed by an unknown key', async () => {
    expect((await h.request('GET', '/api/v1/org-units')).status).toBe(401);
    expect((await h.request('GET', '/api/v1/org-units', { token: 'abc.def.ghi' })).status).toBe(401);
    const s = await h.login('HN', 'admin');
    const [head, payload] = s.accessToken.split('.');
    const tampered = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    tampered.tid = '3';
    const forged = `${head}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${s.accessToken.split('.')[2]}`;
    expect((await h.request('GET', '/api/v1/org-units', { token: forged })).status).toBe(401);
  });

  it('rotates signing keys without logging anyone out: a token of the old key still works after a new key is added', async () => {
    const old = await h.login('HN', 'admin');
    const rotated = await startHarness({ JWT_SECRETS: `k-2025:${'n'.repeat(40)},${process.env.JWT_SECRETS ?? 'dev-2024:change-me-in-production-this-is-only-for-the-demo-0123456789'}` });
    try {
      expect((await rotated.request('GET', '/api/v1/auth/me', { token: old.accessToken })).status).toBe(200);
      const fresh = await rotated.login('HN', 'admin');
      expect(JSON.parse(Buffer.from(fresh.accessToken.split('.')[0]!, 'base64url').toString()).kid).toBe('k-2025');
    } finally {
      await rotated.close();
    }
  });

  it('a suspended tenant cannot log in, and its data stays', async () => {
    const tw = await h.login('TW', 'admin');
    const suspended = await h.request('POST', '/api/v1/tenants/DN/suspend', { token: tw.accessToken });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    try {
      const res = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'DN', username: 'admin', password: 'sen-demo-2024' } });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TENANT_SUSPENDED');
    } finally {
      expect((await h.request('POST', '/api/v1/tenants/DN/resume', { token: tw.accessToken })).status).toBe(200);
    }
    const dn = await h.login('DN', 'admin');
    const units = await h.request('GET', '/api/v1/org-units', { token: dn.accessToken });
    expect(units.body.items[0].name).toBe('Hội LHPN thành phố Đà Nẵng');
  });

  it('GET /auth/me names the tenant, its levels and the user\'s units', async () => {
    const s = await h.login('HN', 'reporter');
    const me = await h.request('GET', '/api/v1/auth/me', { token: s.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.tenant.name).toBe('Hội LHPN thành phố Hà Nội');
    expect(me.body.units).toHaveLength(1);
    expect(me.body.units[0].name).toMatch(/Cầu Giấy/);
    expect(me.body.user.roles).toEqual(['reporter']);
  });
});
