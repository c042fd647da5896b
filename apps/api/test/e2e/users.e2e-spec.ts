import { startHarness, type Harness } from './harness';

describe('users (tenant administrators)', () => {
  let h: Harness;
  let admin: { accessToken: string; user: { unitId: string } };
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('HN', 'admin');
  });
  afterAll(() => h.close());

  it('creates a user bound to a unit, disables it (it cannot log in), and lists users with their roles', async () => {
    const unit = (await h.request('GET', '/api/v1/org-units?q=hoan%20kiem', { token: admin.accessToken })).body.items[0];
    const created = await h.request('POST', '/api/v1/users', {
      token: admin.accessToken,
      body: { username: 'quanly.hk', displayName: 'Quản lý Hoàn Kiếm', password: 'hoan-kiem-2025', roles: [{ role: 'unit_manager', unitId: unit.id }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.roles).toEqual([{ role: 'unit_manager', unitId: unit.id, unitName: unit.name }]);
    const session = await h.login('HN', 'quanly.hk', 'hoan-kiem-2025');
    const roots = await h.request('GET', '/api/v1/org-units', { token: session.accessToken });
    expect(roots.body.items.map((u: { id: string }) => u.id)).toEqual([unit.id]);

    const disabled = await h.request('PATCH', `/api/v1/users/${created.body.id}`, { token: admin.accessToken, body: { status: 'disabled' } });
    expect(disabled.body.status).toBe('disabled');
    const login = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'HN', username: 'quanly.hk', password: 'hoan-kiem-2025' } });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');

    const list = await h.request('GET', '/api/v1/users?limit=200', { token: admin.accessToken });
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'reporter', 'quanly.hk']));
  });

  it('refuses a duplicate username (409), a short password (400) and the platform role (403)', async () => {
    const base = { displayName: 'X', roles: [{ role: 'viewer', unitId: admin.user.unitId }] };
    expect((await h.request('POST', '/api/v1/users', { token: admin.accessToken, body: { ...base, username: 'admin', password: 'long-enough-1' } })).status).toBe(409);
    const short = await h.request('POST', '/api/v1/users', { token: admin.accessToken, body: { ...base, username: 'ngan', password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('body.password');
    const platform = await h.request('POST', '/api/v1/users', { token: admin.accessToken, body: { ...base, username: 'nentang', password: 'long-enough-1', roles: [{ role: 'platform_admin', unitId: admin.user.unitId }] } });
    expect(platform.status).toBe(403);
  });

  it('every user write is in the audit log, which only tenant administrators read', async () => {
    const audit = await h.request('GET', '/api/v1/audit-log?entity=app_user', { token: admin.accessToken });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['user.create', 'user.update']));
    const rep = await h.login('HN', 'reporter');
    expect((await h.request('GET', '/api/v1/audit-log', { token: rep.accessToken })).status).toBe(403);
  });
});
