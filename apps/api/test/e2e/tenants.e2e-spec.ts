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
