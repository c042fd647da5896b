import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateImportCsv } from '@sen/db';
import { startHarness, type Harness } from './harness';

describe('tenants: onboarding a province (platform administrators)', () => {
  let h: Harness;
  let tw: string;
  beforeAll(async () => {
    h = await startHarness();
    tw = (await h.login('TW', 'admin')).accessToken;
  });
  afterAll(() => h.close());

  it('onboards QN with 3 levels and 2,000 units from a CSV in one step; its administrator logs in and sees them', async () => {
    const res = await h.request('POST', '/api/v1/tenants', {
      token: tw,
      body: {
        code: 'QN',
        name: 'Hội LHPN tỉnh Quảng Ninh',
        levels: [
          { code: 'province', name: 'Tỉnh' },
          { code: 'grassroots', name: 'Xã, phường' },
          { code: 'branch', name: 'Chi hội' },
        ],
        rootUnit: { name: 'Hội LHPN tỉnh Quảng Ninh', code: 'QN' },
        admin: { username: 'admin', displayName: 'Quản trị Quảng Ninh', password: 'quang-ninh-2025' },
        unitsCsv: generateImportCsv(2000, 'QN'),
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.tenant).toMatchObject({ code: 'QN', status: 'active', isCentral: false });
    expect(res.body.units).toEqual({ created: 2000, errors: [] });
    const qn = await h.login('QN', 'admin', 'quang-ninh-2025');
    const roots = await h.request('GET', '/api/v1/org-units', { token: qn.accessToken });
    expect(roots.body.items).toEqual([{ id: qn.user.unitId, name: 'Hội LHPN tỉnh Quảng Ninh', level: 'province', kind: 'union', parentId: null }]);
    const children = await h.request('GET', `/api/v1/org-units?parentId=${qn.user.unitId}&limit=500`, { token: qn.accessToken });
    expect(children.body.total).toBe(200); // 200 communes, each with 9 branches: 2,000 units
    const list = await h.request('GET', '/api/v1/tenants', { token: tw });
    expect(list.body.items.map((t: { code: string }) => t.code)).toEqual(expect.arrayContaining(['TW', 'HN', 'DN', 'QN']));
  });

  it('a unit file with a bad row onboards nothing and names the line', async () => {
    const res = await h.request('POST', '/api/v1/tenants', {
      token: tw,
      body: {
        code: 'QB',
        name: 'Hội LHPN tỉnh Quảng Bình',
        levels: [{ code: 'province', name: 'Tỉnh' }, { code: 'grassroots', name: 'Xã' }],
        rootUnit: { name: 'Hội LHPN tỉnh Quảng Bình' },
        admin: { username: 'admin', displayName: 'Quản trị', password: 'quang-binh-2025' },
        unitsCsv: 'code,name,level,kind,parent code\nA,Hội LHPN xã A,grassroots,union,\nB,Hội LHPN xã B,branch,union,A\n',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('unitsCsv.line 3.level');
    const login = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'QB', username: 'admin', password: 'quang-binh-2025' } });
    expect(login.status).toBe(401);
    const [{ n }] = await h.db.query("SELECT COUNT(*) AS n FROM tenant WHERE code = 'QB'");
    expect(Number(n)).toBe(0);
  });

  it('refuses a taken code (409) and a malformed body (400 naming the fields)', async () => {
    const taken = await h.request('POST', '/api/v1/tenants', {
      token: tw,
      body: { code: 'HN', name: 'Trùng', levels: [{ code: 'province', name: 'Tỉnh' }], rootUnit: { name: 'X' }, admin: { username: 'admin', displayName: 'X', password: 'xxxxxxxxxxxx' } },
    });
    expect(taken.status).toBe(409);
    const bad = await h.request('POST', '/api/v1/tenants', { token: tw, body: { code: 'q', levels: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.code', 'body.name', 'body.levels', 'body.rootUnit', 'body.admin']));
  });

  it('the CLI `sen tenant:create` onboards a province the same way', () => {
    const cli = join(__dirname, '../../dist/cli/sen.js');
    const run = spawnSync(process.execPath, [cli, 'tenant:create', '--code', 'HP', '--name', 'Hội LHPN thành phố Hải Phòng', '--levels', 'province,grassroots,branch', '--admin', 'admin', '--password', 'hai-phong-2025'], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/tenant HP created/);
  });
});

describe('tenants: one province absorbs another (the 2025 merger)', () => {
  let h: Harness;
  let tw: string;
  const onboard = async (code: string, csv: string) =>
    h.request('POST', '/api/v1/tenants', {
      token: tw,
      body: {
        code,
        name: `Hội LHPN tỉnh ${code}`,
        levels: [{ code: 'province', name: 'Tỉnh' }, { code: 'grassroots', name: 'Xã, phường' }, { code: 'branch', name: 'Chi hội' }],
        rootUnit: { name: `Hội LHPN tỉnh ${code}`, code: `${code}-ROOT` },
        admin: { username: 'admin', displayName: `Quản trị ${code}`, password: `mat-khau-${code.toLowerCase()}-2025` },
        unitsCsv: csv,
      },
    });
  beforeAll(async () => {
    h = await startHarness();
    tw = (await h.login('TW', 'admin')).accessToken;
  });
  afterAll(() => h.close());

  it('moves the units with their history under the absorbing root, keeps the users (renamed on clash), and closes the absorbed root', async () => {
    expect((await onboard('XA', 'code,name,level,kind,parent code\nC1,Hội LHPN xã Một,grassroots,union,\n')).status).toBe(201);
    expect((await onboard('XB', 'code,name,level,kind,parent code\nC1,Hội LHPN xã Hai,grassroots,union,\nC2,Chi hội thôn Hai,branch,union,C1\n')).status).toBe(201);
    const [xb] = await h.db.query("SELECT id, root_unit_id FROM tenant WHERE code = 'XB'");
    const [commune] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = ? AND code = 'C1'", [xb.id]);

    const res = await h.request('POST', '/api/v1/tenants/XA/absorb', { token: tw, body: { absorbedCode: 'XB', effectiveFrom: '2025-07-01', keepUsers: true } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ movedUnits: 3, movedUsers: 1, disabledUsers: 0 });

    // The absorbed tenant's administrator now logs in to XA under a prefixed name; XB itself is closed.
    const old = await h.request('POST', '/api/v1/auth/login', { body: { tenant: 'XB', username: 'admin', password: 'mat-khau-xb-2025' } });
    expect(old.body.code).toBe('TENANT_ABSORBED');
    const xa = await h.login('XA', 'admin', 'mat-khau-xa-2025');
    const children = await h.request('GET', `/api/v1/org-units?parentId=${xa.user.unitId}`, { token: xa.accessToken });
    expect(children.body.items.map((u: { name: string }) => u.name).sort()).toEqual(['Hội LHPN xã Hai', 'Hội LHPN xã Một']);
    const moved = await h.request('GET', `/api/v1/org-units/${commune.id}`, { token: xa.accessToken });
    expect(moved.body.code).toBe('XB-C1'); // the clashing code was prefixed
    const root = await h.request('GET', `/api/v1/org-units/${xb.root_unit_id}`, { token: xa.accessToken });
    expect(root.body.validTo).toBe('2025-06-30');
    const xbAdmin = await h.login('XA', 'xb.admin', 'mat-khau-xb-2025');
    expect(xbAdmin.user.tenant).toBe('XA');
    const [{ n }] = await h.db.query('SELECT COUNT(*) AS n FROM org_unit WHERE tenant_id = ?', [xb.id]);
    expect(Number(n)).toBe(0);
  });

  it('refuses to absorb the central union or an unknown tenant, naming the field', async () => {
    const res = await h.request('POST', '/api/v1/tenants/XA/absorb', { token: tw, body: { absorbedCode: 'TW', effectiveFrom: '2025-07-01', keepUsers: false } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('absorbedCode');
  });
});
