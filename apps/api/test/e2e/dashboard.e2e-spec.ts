import ExcelJS from 'exceljs';
import { applyOutbox, TenantContext } from '@sen/db';
import { startHarness, type Harness } from './harness';

/** The province dashboard: progress of the targets of the year's issued plans, through @sen/indicators. */
describe('dashboard: plan progress', () => {
  let h: Harness;
  let admin: { accessToken: string; user: { unitId: string } };
  let communeId: string;
  let planId: string;
  let department: { id: string; name: string };
  const YEAR = 2032;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('HN', 'admin');
    const root = admin.user.unitId;
    const [commune] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = 2 AND level = 'grassroots' AND valid_to IS NULL ORDER BY id LIMIT 1");
    communeId = String(commune.id);
    [department] = await h.db.query("SELECT id, name FROM org_unit WHERE tenant_id = 2 AND kind = 'department' AND name = 'Ban Tổ chức - Kiểm tra'");
    department = { id: String(department.id), name: department.name };
    // An issued plan of the city with three targets: two linked to indicators, one not. Its assignments name
    // the department as plans are written ("Ban tổ chức kiểm tra", without the dash).
    const content = {
      title: 'Kế hoạch thử tiến độ',
      assignments: [{ unit: 'Ban tổ chức kiểm tra', role: 'lead', tasks: ['Theo dõi'] }],
      targets: [
        { text: 'Phát triển ít nhất 1.000 hội viên', value: 1000, unit: 'người', comparator: 'gte', level: null, indicatorCode: 'HOI_VIEN' },
        { text: 'Trên 90% hội viên được tuyên truyền', value: 90, unit: '%', comparator: 'gte', level: null, indicatorCode: 'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN' },
        { text: 'Tổ chức 3 sự kiện cấp Thành phố', value: 3, unit: 'sự kiện', comparator: 'gte', level: 'province', indicatorCode: null },
      ],
    };
    const plan = await h.db.query(
      `INSERT INTO plan (tenant_id, unit_id, number, symbol, year, title, title_folded, programme, programme_folded, status, issued_on, content) VALUES (2, ?, 99, '99/KH-BTV', ?, 'Kế hoạch thử tiến độ', 'ke hoach thu tien do', 'Đề án thử', 'de an thu', 'issued', ?, ?)`,
      [root, YEAR, `${YEAR}-01-15`, JSON.stringify(content)],
    );
    planId = String(plan.insertId);
    const [form] = await h.db.query('SELECT id FROM report_form WHERE tenant_id = 2 ORDER BY id LIMIT 1');
    const rep = await h.db.query(`INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (2, ?, 'X', ?, ?, 'approved', ?, 1)`, [form.id, commune.id, String(YEAR), `${YEAR}-10-30`]);
    await h.db.query(`INSERT INTO report_value (tenant_id, report_id, indicator_code, value, numerator, denominator) VALUES (2, ?, 'HOI_VIEN', 1200, NULL, NULL), (2, ?, 'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', NULL, 80, 100)`, [rep.insertId, rep.insertId]);
    const out = await h.db.query('INSERT INTO aggregation_outbox (tenant_id, report_id, report_version) VALUES (2, ?, 1)', [rep.insertId]);
    await TenantContext.run(TenantContext.system('2', 'HN'), () => applyOutbox(h.db, String(out.insertId)));
  });
  afterAll(() => h.close());

  it('gives every target its actual, achievement and status; unlinked targets are "not measured"', async () => {
    const res = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&asOf=${YEAR}-12-31`, { token: admin.accessToken });
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((i: { symbol: string }) => i.symbol === '99/KH-BTV');
    expect(mine.map((i: { actual: number | null; status: string }) => [i.actual, i.status])).toEqual([
      [1200, 'achieved'],
      [80, 'off_track'],
      [null, 'not_measured'],
    ]);
    expect(mine[0].achievementPct).toBe(120);
    expect(mine[1].statusLabel).toBe('Chậm tiến độ');
  });

  it('a reporter sees the city plan\'s targets measured at its own commune; DN cannot name HN units', async () => {
    const rep = await h.login('HN', 'reporter');
    const res = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}`, { token: rep.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.items.some((i: { symbol: string }) => i.symbol === '99/KH-BTV')).toBe(true);
    const dn = await h.login('DN', 'admin');
    expect((await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&unitId=${admin.user.unitId}`, { token: dn.accessToken })).status).toBe(404);
  });

  it('drills down: each child union gets its counts; a city total is "not allocated" below the city until it is allocated', async () => {
    const city = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&asOf=${YEAR}-12-31&planId=${planId}`, { token: admin.accessToken });
    expect(city.status).toBe(200);
    expect(city.body.summary).toMatchObject({ achieved: 1, off_track: 1, not_measured: 1 });
    const child = city.body.children.find((c: { id: string }) => c.id === communeId);
    expect(child).toMatchObject({ level: 'grassroots' });
    // The rate of 90% holds for the commune as it is; the 1.000 members were the city's, not the commune's.
    expect(child.summary).toMatchObject({ not_allocated: 1, off_track: 1, not_measured: 1, achieved: 0 });

    await h.db.query('INSERT INTO plan_allocation (tenant_id, plan_id, target_index, unit_id, value) VALUES (2, ?, 0, ?, 1000)', [planId, communeId]);
    const down = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&asOf=${YEAR}-12-31&planId=${planId}&unitId=${communeId}`, { token: admin.accessToken });
    expect(down.status).toBe(200);
    expect(down.body.unit).toMatchObject({ id: communeId, level: 'grassroots' });
    expect(down.body.items.map((i: { target: number | null; actual: number | null; status: string; allocated: boolean }) => [i.target, i.actual, i.status, i.allocated])).toEqual([
      [1000, 1200, 'achieved', true],
      [90, 80, 'off_track', false],
      [3, null, 'not_measured', false],
    ]);
    await h.db.query('DELETE FROM plan_allocation WHERE tenant_id = 2 AND plan_id = ?', [planId]);
  });

  it('filters by programme, department and level, and offers each as an option', async () => {
    const base = `/api/v1/dashboard/plan-progress?year=${YEAR}`;
    const all = await h.request('GET', base, { token: admin.accessToken });
    expect(all.body.options.programmes).toContain('Đề án thử');
    expect(all.body.options.departments).toEqual([department]);
    expect(all.body.options.levels).toEqual(['province']);
    const q = async (extra: string) => (await h.request('GET', `${base}&${extra}`, { token: admin.accessToken })).body.items.map((i: { targetIndex: number }) => i.targetIndex);
    expect(await q('programme=de%20an%20THU')).toEqual([0, 1, 2]);
    expect(await q('programme=Khác')).toEqual([]);
    expect(await q(`departmentId=${department.id}`)).toEqual([0, 1, 2]);
    expect(await q('level=province')).toEqual([2]);
    const [other] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = 2 AND kind = 'department' AND name = 'Văn phòng'");
    expect(await q(`departmentId=${other.id}`)).toEqual([]);
    const wrong = await h.request('GET', `${base}&departmentId=${communeId}`, { token: admin.accessToken });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('query.departmentId');
  });

  it('exports the filtered table and the units under a threshold as XLSX', async () => {
    const read = async (url: string) => {
      const res = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin.accessToken}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const progress = await read(`/api/v1/dashboard/plan-progress.xlsx?year=${YEAR}&asOf=${YEAR}-12-31&planId=${planId}`);
    expect(String(progress[0]![0])).toContain(`năm ${YEAR}`);
    expect(progress.slice(1).map((r) => [r[0], r[5], r[7]])).toEqual([
      ['Kế hoạch', 'Thực hiện', 'Trạng thái'],
      ['99/KH-BTV', 1200, 'Đã đạt'],
      ['99/KH-BTV', 80, 'Chậm tiến độ'],
      ['99/KH-BTV', null, 'Chưa gắn chỉ tiêu thống kê'],
    ].map((r) => r.map((v) => v ?? undefined)));
    const below = await read(`/api/v1/dashboard/below-threshold.xlsx?indicator=TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN&period=${YEAR}&threshold=90`);
    expect(String(below[0]![0])).toMatch(new RegExp(`dưới 90% — Năm ${YEAR}$`));
    // The commune at 80% is listed with its parent, the value a number Excel can sort.
    expect(below.find((r) => r[3] === 80)).toEqual([1, expect.any(String), expect.any(String), 80]);
  });
});
