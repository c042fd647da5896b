import ExcelJS from 'exceljs';
import { Queue } from 'bullmq';
import { JOB_NAMES, QUEUES } from '@sen/contracts';
import { generateImportCsv } from '@sen/db';
import { multipart, startHarness, type Harness } from './harness';

describe('org units (GET/POST/PATCH /api/v1/org-units, import, merge)', () => {
  let h: Harness;
  let hn: { accessToken: string; user: { unitId: string } };
  let root: string;
  beforeAll(async () => {
    h = await startHarness();
    hn = await h.login('HN', 'admin');
    root = hn.user.unitId;
  });
  afterAll(() => h.close());

  it('lists the children of a unit in the fixed shape, current units only, in Vietnamese order', async () => {
    const res = await h.request('GET', `/api/v1/org-units?parentId=${root}&limit=500`, { token: hn.accessToken });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'total']);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['id', 'kind', 'level', 'name', 'parentId']);
    const grassroots = res.body.items.filter((u: { level: string }) => u.level === 'grassroots');
    expect(grassroots).toHaveLength(126); // Hà Nội's commune-level units since 1 July 2025
    expect(res.body.items.some((u: { level: string }) => u.level === 'district')).toBe(false); // abolished in 2025
    const names: string[] = grassroots.map((u: { name: string }) => u.name);
    const collator = new Intl.Collator('vi');
    // Vietnamese order: "Hội LHPN phường …" and "Hội LHPN xã …" are sorted by the Vietnamese alphabet.
    const expected = [...names].sort((a, b) => collator.compare(a, b));
    expect(names.slice(0, 5).map((n) => n.split(' ')[3])).toEqual(expected.slice(0, 5).map((n) => n.split(' ')[3]));
  });

  it('search ignores diacritics and case: "cau giay" finds "Cầu Giấy"', async () => {
    const res = await h.request('GET', '/api/v1/org-units?q=CAU%20giay', { token: hn.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { name: string }) => u.name)).toContain('Hội LHPN phường Cầu Giấy');
  });

  it('GET /:id gives the path from the root and the child count', async () => {
    const search = await h.request('GET', '/api/v1/org-units?q=cau%20giay', { token: hn.accessToken });
    const id = search.body.items[0].id;
    const unit = await h.request('GET', `/api/v1/org-units/${id}`, { token: hn.accessToken });
    expect(unit.status).toBe(200);
    expect(unit.body.path.map((p: { name: string }) => p.name)).toEqual(['Hội LHPN thành phố Hà Nội', 'Hội LHPN phường Cầu Giấy']);
    expect(unit.body.childCount).toBe(8);
    // The communes merged into it in 2025 are kept as its predecessors.
    expect(unit.body.predecessors.length).toBeGreaterThan(0);
  });

  it('creates, renames and moves units, each kept in history and in the audit log', async () => {
    const created = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Chi hội Thử nghiệm', level: 'branch', kind: 'union', parentId: root, code: 'T-E2E-1' } });
    expect(created.status).toBe(201);
    const target = (await h.request('GET', '/api/v1/org-units?q=phuong%20ba%20dinh', { token: hn.accessToken })).body.items[0];
    const renamed = await h.request('PATCH', `/api/v1/org-units/${created.body.id}`, { token: hn.accessToken, body: { name: 'Chi hội Đổi tên', parentId: target.id, effectiveFrom: '2099-01-01' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Chi hội Đổi tên');
    expect(renamed.body.path.map((p: { id: string }) => p.id)).toEqual([root, target.id, created.body.id]);
    const history = await h.request('GET', `/api/v1/org-units/${created.body.id}/history`, { token: hn.accessToken });
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['create', 'rename', 'move']);
    const audit = await h.request('GET', '/api/v1/audit-log?entity=org_unit', { token: hn.accessToken });
    expect(audit.body.items.some((a: { entityId: string; action: string }) => a.entityId === created.body.id && a.action === 'org-unit.update')).toBe(true);
    // Moving a unit under its own descendant is refused, naming the field.
    const cycle = await h.request('PATCH', `/api/v1/org-units/${target.id}`, { token: hn.accessToken, body: { parentId: created.body.id } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].field).toBe('parentId');
  });

  it('merging two communes keeps their history: sources close the day before, children move, predecessors are listed', async () => {
    const parent = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Hội LHPN xã Thử A', level: 'grassroots', parentId: root, code: 'T-MA' } });
    const other = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Hội LHPN xã Thử B', level: 'grassroots', parentId: root, code: 'T-MB' } });
    const branch = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Chi hội thôn Thử', level: 'branch', parentId: parent.body.id } });
    const merged = await h.request('POST', '/api/v1/org-units/merge', {
      token: hn.accessToken,
      body: { sourceIds: [parent.body.id, other.body.id], into: { name: 'Hội LHPN xã Thử Hợp Nhất', code: 'T-MC' }, effectiveFrom: '2026-07-01' },
    });
    expect(merged.status).toBe(201);
    expect(merged.body.predecessors.map((p: { name: string; validTo: string }) => [p.name, p.validTo]).sort()).toEqual([
      ['Hội LHPN xã Thử A', '2026-06-30'],
      ['Hội LHPN xã Thử B', '2026-06-30'],
    ]);
    const moved = await h.request('GET', `/api/v1/org-units/${branch.body.id}`, { token: hn.accessToken });
    expect(moved.body.parentId).toBe(merged.body.id);
    const old = await h.request('GET', `/api/v1/org-units/${parent.body.id}`, { token: hn.accessToken });
    expect(old.status).toBe(200); // still there, for the periods before the merge
    expect(old.body.validTo).toBe('2026-06-30');
    const history = await h.request('GET', `/api/v1/org-units/${parent.body.id}/history`, { token: hn.accessToken });
    expect(history.body.items.some((e: { type: string; effectiveFrom: string }) => e.type === 'merge' && e.effectiveFrom === '2026-07-01')).toBe(true);
  });

  it('a change of the tree recomputes the rollups of every period with counted values (the worker runs the jobs)', async () => {
    const redis = new URL(h.config.REDIS_URL);
    const queue = new Queue(QUEUES.aggregation, { prefix: h.config.QUEUE_PREFIX, connection: { host: redis.hostname, port: Number(redis.port || 6379), password: redis.password || undefined } });
    try {
      const recomputes = async () => (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) => j.name === JOB_NAMES.recompute && j.data.tenantId === '2');
      await Promise.all((await recomputes()).map((j) => j.remove()));
      const [counted]: { periods: string }[] = await h.db.query("SELECT GROUP_CONCAT(DISTINCT period ORDER BY period) AS periods FROM unit_value WHERE tenant_id = 2");
      expect(counted?.periods).toBeTruthy(); // the demo's approved reports
      const a = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Hội LHPN xã Thử Chuyển', level: 'grassroots', parentId: root } });
      expect(await recomputes()).toEqual([]); // a new unit has nothing counted: nothing to recompute
      const b = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Chi hội Thử Chuyển', level: 'branch', parentId: root } });
      expect((await h.request('PATCH', `/api/v1/org-units/${b.body.id}`, { token: hn.accessToken, body: { parentId: a.body.id } })).status).toBe(200);
      expect((await recomputes()).map((j) => j.data.period).sort().join(',')).toBe(counted!.periods);
    } finally {
      await queue.close();
    }
  });

  it('splits a commune into two (children follow the mapping) and dissolves a unit into a successor, both kept in history', async () => {
    const src = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Hội LHPN xã Tách', level: 'grassroots', parentId: root, code: 'T-S' } });
    const b1 = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Chi hội Tách 1', level: 'branch', parentId: src.body.id } });
    const b2 = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'Chi hội Tách 2', level: 'branch', parentId: src.body.id } });
    const split = await h.request('POST', `/api/v1/org-units/${src.body.id}/split`, {
      token: hn.accessToken,
      body: { into: [{ name: 'Hội LHPN xã Tách Đông', code: 'T-S1' }, { name: 'Hội LHPN xã Tách Tây', code: 'T-S2' }], childrenTo: { [b2.body.id]: 1 }, effectiveFrom: '2027-01-01' },
    });
    expect(split.status).toBe(201);
    const [east, west] = split.body.items.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name));
    expect((await h.request('GET', `/api/v1/org-units/${b1.body.id}`, { token: hn.accessToken })).body.parentId).toBe(east.id);
    expect((await h.request('GET', `/api/v1/org-units/${b2.body.id}`, { token: hn.accessToken })).body.parentId).toBe(west.id);
    expect((await h.request('GET', `/api/v1/org-units/${src.body.id}`, { token: hn.accessToken })).body.validTo).toBe('2026-12-31');

    const refused = await h.request('POST', `/api/v1/org-units/${west.id}/dissolve`, { token: hn.accessToken, body: { effectiveFrom: '2028-01-01' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('successorId');
    const dissolved = await h.request('POST', `/api/v1/org-units/${west.id}/dissolve`, { token: hn.accessToken, body: { effectiveFrom: '2028-01-01', successorId: east.id } });
    expect(dissolved.status).toBe(200);
    expect(dissolved.body.validTo).toBe('2027-12-31');
    expect((await h.request('GET', `/api/v1/org-units/${b2.body.id}`, { token: hn.accessToken })).body.parentId).toBe(east.id);
    const history = await h.request('GET', `/api/v1/org-units/${west.id}/history`, { token: hn.accessToken });
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['split', 'dissolve']);
  });

  it('imports 2,000 units from a CSV', async () => {
    const csv = generateImportCsv(2000, 'E2E');
    const { payload, headers } = multipart('units.csv', csv);
    const res = await h.request('POST', '/api/v1/org-units/import', { token: hn.accessToken, payload, headers });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 2000, errors: [] });
  });

  it('a file with any bad row changes nothing and reports every bad row with its line and reason', async () => {
    const csv = ['code,name,level,kind,parent code', 'B-1,Hội LHPN xã Tốt,grassroots,union,', 'B-2,,grassroots,union,', 'B-3,Chi hội lạc,branch,union,KHONG-CO', 'B-1,Trùng mã,branch,union,B-1', 'B-5,Cấp sai,tinh,union,'].join('\n');
    const { payload, headers } = multipart('bad.csv', csv);
    const res = await h.request('POST', '/api/v1/org-units/import', { token: hn.accessToken, payload, headers });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'name'],
      [4, 'parent code'],
      [5, 'code'],
      [6, 'level'],
    ]);
    const search = await h.request('GET', '/api/v1/org-units?q=xa%20tot', { token: hn.accessToken });
    expect(search.body.total).toBe(0);
  });

  it('imports XLSX the same way, and refuses other file types with 400 naming the field', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['code', 'name', 'level', 'kind', 'parent code']);
    ws.addRow(['X-1', 'Hội LHPN xã Excel', 'grassroots', 'union', '']);
    ws.addRow(['X-2', 'Chi hội Excel 1', 'branch', 'union', 'X-1']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = multipart('units.xlsx', buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const res = await h.request('POST', '/api/v1/org-units/import', { token: hn.accessToken, ...ok });
    expect(res.body).toEqual({ created: 2, errors: [] });
    const bad = multipart('units.pdf', 'hello', 'application/pdf');
    const refused = await h.request('POST', '/api/v1/org-units/import', { token: hn.accessToken, ...bad });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('file');
  });

  it('a reporter reads only its own subtree and cannot write (403)', async () => {
    const rep = await h.login('HN', 'reporter');
    const roots = await h.request('GET', '/api/v1/org-units', { token: rep.accessToken });
    expect(roots.body.items.map((u: { name: string }) => u.name)).toEqual(['Hội LHPN phường Cầu Giấy']);
    expect((await h.request('GET', `/api/v1/org-units/${root}`, { token: rep.accessToken })).status).toBe(404);
    expect((await h.request('GET', `/api/v1/org-units?parentId=${root}`, { token: rep.accessToken })).status).toBe(404);
    const write = await h.request('POST', '/api/v1/org-units', { token: rep.accessToken, body: { name: 'X', level: 'branch', parentId: rep.user.unitId } });
    expect(write.status).toBe(403);
  });

  it('bad input answers 400 naming each field', async () => {
    const res = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: '', level: 'Nope', parentId: 'abc', extra: 1 } });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.level', 'body.parentId', 'body.extra']));
    const level = await h.request('POST', '/api/v1/org-units', { token: hn.accessToken, body: { name: 'A', level: 'ward', parentId: root } });
    expect(level.status).toBe(400);
    expect(level.body.errors[0].field).toBe('level');
  });
});
