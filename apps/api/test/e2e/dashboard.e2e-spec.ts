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
    // The rate of 90% holds for the commune as it is; the 1.000 members were the city's, not the commune's; the
    // city's own events (level province) are not the commune's at all.
    expect(child.summary).toMatchObject({ not_allocated: 1, off_track: 1, not_measured: 0, achieved: 0 });
    expect(child).toMatchObject({ targets: 2, reporting: true });

    await h.db.query('INSERT INTO plan_allocation (tenant_id, plan_id, target_index, unit_id, value) VALUES (2, ?, 0, ?, 1000)', [planId, communeId]);
    const down = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&asOf=${YEAR}-12-31&planId=${planId}&unitId=${communeId}`, { token: admin.accessToken });
    expect(down.status).toBe(200);
    expect(down.body.unit).toMatchObject({ id: communeId, level: 'grassroots' });
    expect(down.body.items.map((i: { target: number | null; actual: number | null; status: string; allocated: boolean }) => [i.target, i.actual, i.status, i.allocated])).toEqual([
      [1000, 1200, 'achieved', true],
      [90, 80, 'off_track', false],
    ]);
    // Its branches report no form: the drill-down says so rather than "no data".
    expect(down.body.reporting).toBe(true);
    expect(down.body.children.length).toBeGreaterThan(0);
    expect(down.body.children.every((c: { level: string; reporting: boolean }) => c.level === 'branch' && !c.reporting)).toBe(true);
    expect(down.body.reportingLevels).toContain('grassroots');
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

/**
 * The picture at a date of the year, the level a target applies to, counts of activities and targets a linked
 * indicator cannot measure: a city plan of 2033 with five targets, a commune's reports for 2033S1 and 2033.
 */
describe('dashboard: plan progress as of a date', () => {
  let h: Harness;
  let admin: { accessToken: string; user: { unitId: string } };
  let communeId: string;
  let planId: string;
  const YEAR = 2033;

  async function approved(period: string, values: [string, number | null, number | null, number | null][]): Promise<void> {
    const [form] = await h.db.query('SELECT id FROM report_form WHERE tenant_id = 2 ORDER BY id LIMIT 1');
    const rep = await h.db.query(`INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (2, ?, 'X', ?, ?, 'approved', ?, 1)`, [form.id, communeId, period, `${YEAR}-10-30`]);
    for (const [code, value, num, den] of values) {
      await h.db.query('INSERT INTO report_value (tenant_id, report_id, indicator_code, value, numerator, denominator) VALUES (2, ?, ?, ?, ?, ?)', [rep.insertId, code, value, num, den]);
    }
    const out = await h.db.query('INSERT INTO aggregation_outbox (tenant_id, report_id, report_version) VALUES (2, ?, 1)', [rep.insertId]);
    await TenantContext.run(TenantContext.system('2', 'HN'), () => applyOutbox(h.db, String(out.insertId)));
  }

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('HN', 'admin');
    const [commune] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = 2 AND level = 'grassroots' AND valid_to IS NULL ORDER BY id DESC LIMIT 1");
    communeId = String(commune.id);
    const content = {
      title: 'Kế hoạch thử theo ngày',
      targets: [
        { text: 'Phát triển 2.000 hội viên mới', value: 2000, unit: 'hội viên', comparator: 'gte', level: null, aggregation: 'total', indicatorCode: 'HOI_VIEN_MOI' },
        { text: 'Trên 90% hội viên được tuyên truyền', value: 90, unit: '%', comparator: 'gte', level: null, aggregation: 'ratio', indicatorCode: 'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN' },
        { text: 'Mỗi cơ sở Hội có ít nhất 01 mô hình', value: 1, unit: 'mô hình', comparator: 'gte', level: 'grassroots', levels: ['grassroots'], aggregation: 'perUnitMinimum', indicatorCode: 'CO_SO_CO_MO_HINH' },
        { text: 'Cấp Thành phố hỗ trợ nhân rộng ít nhất 18 mô hình', value: 18, unit: 'mô hình', comparator: 'gte', level: 'province', levels: ['province'], aggregation: 'total', indicatorCode: 'CO_SO_CO_MO_HINH' },
        { text: 'Cấp Thành phố tổ chức 2 chương trình, sự kiện', value: 2, unit: 'chương trình', comparator: null, level: 'province', levels: ['province'], aggregation: 'activityCount', indicatorCode: null },
      ],
    };
    const plan = await h.db.query(
      `INSERT INTO plan (tenant_id, unit_id, number, symbol, year, title, title_folded, status, issued_on, content) VALUES (2, ?, 98, '98/KH-BTV', ?, 'Kế hoạch thử theo ngày', 'ke hoach thu theo ngay', 'issued', ?, ?)`,
      [admin.user.unitId, YEAR, `${YEAR}-01-10`, JSON.stringify(content)],
    );
    planId = String(plan.insertId);
    // Activities as the plans module keeps them: one of the city done in March, one still planned, one of the
    // communes done (another level: not the city's).
    await h.db.query(
      `INSERT INTO plan_activity (tenant_id, plan_id, idx, name, date_from, date_to, level, lead_units, cooperating, status) VALUES
       (2, ?, 0, 'Sự kiện tôn vinh', '${YEAR}-03-01', '${YEAR}-03-31', 'province', '[]', '[]', 'done'),
       (2, ?, 1, 'Hội thi', '${YEAR}-10-01', '${YEAR}-10-31', 'province', '[]', '[]', 'planned'),
       (2, ?, 2, 'Sinh hoạt chuyên đề', '${YEAR}-04-01', '${YEAR}-04-30', 'grassroots', '[]', '[]', 'done')`,
      [planId, planId, planId],
    );
    await approved(`${YEAR}S1`, [['HOI_VIEN_MOI', 950, null, null], ['TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', null, 75, 100], ['CO_SO_CO_MO_HINH', 2, null, null]]);
    await approved(String(YEAR), [['HOI_VIEN_MOI', 2100, null, null], ['TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', null, 88, 100], ['CO_SO_CO_MO_HINH', 2, null, null]]);
  });
  afterAll(() => h.close());

  const progress = async (extra: string) => {
    const res = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&planId=${planId}&${extra}`, { token: admin.accessToken });
    expect(res.status).toBe(200);
    return res.body;
  };
  type Item = { targetIndex: number; period: string | null; actual: number | null; target: number | null; unit: string | null; status: string; note: string | null };
  const pick = (items: Item[]) => items.map((i) => [i.targetIndex, i.period, i.actual, i.target, i.status]);

  it('mid-year: the half-year\'s figures against the share of the year gone (on track, at risk); a count of activities done so far', async () => {
    const body = await progress(`asOf=${YEAR}-07-15`);
    expect(body.asOf).toBe(`${YEAR}-07-15`);
    expect(pick(body.items)).toEqual([
      // 950 new members by 30/06 against 2.000 × 181/365 = 992 expected: on track.
      [0, `${YEAR}S1`, 950, 2000, 'on_track'],
      // 75% of 90%: at risk (a rate is not prorated).
      [1, `${YEAR}S1`, 75, 90, 'at_risk'],
      // "Mỗi cơ sở có ít nhất 01 mô hình" measured by the coverage indicator: 100 % of the communes.
      [2, `${YEAR}S1`, 100, 100, 'achieved'],
      // 18 models cannot be read off a share of communes.
      [3, null, null, 18, 'not_measured'],
      // 1 of 2 activities done by 15/07 (2 × 196/365 = 1,07 expected): on track.
      [4, null, 1, 2, 'on_track'],
    ]);
    expect(body.items[2].unit).toBe('%');
    expect(body.items[3].note).toMatch(/không so sánh được/);
    expect(body.items[3].statusLabel).toBe('Chỉ số không đo được chỉ tiêu này');
    expect(body.items[4].note).toMatch(/hoạt động/);
    expect(body.summary).toMatchObject({ on_track: 2, at_risk: 1, achieved: 1, not_measured: 1 });
    // Before the first activity began and before any period ended: nothing done, no figures.
    const early = await progress(`asOf=${YEAR}-02-01`);
    expect(pick(early.items).map((r) => [r[0], r[2], r[4]])).toEqual([
      [0, null, 'no_data'],
      [1, null, 'no_data'],
      [2, null, 'no_data'],
      [3, null, 'not_measured'],
      [4, 0, 'off_track'],
    ]);
  });

  it('at the end of the year: the yearly figures; what is not met is off track', async () => {
    const body = await progress(`asOf=${YEAR}-12-31`);
    expect(pick(body.items)).toEqual([
      [0, String(YEAR), 2100, 2000, 'achieved'],
      [1, String(YEAR), 88, 90, 'off_track'],
      [2, String(YEAR), 100, 100, 'achieved'],
      [3, null, null, 18, 'not_measured'],
      [4, null, 1, 2, 'off_track'],
    ]);
  });

  it('a commune is shown the targets that apply to it, not the city\'s own', async () => {
    const body = await progress(`asOf=${YEAR}-12-31&unitId=${communeId}`);
    expect(pick(body.items)).toEqual([
      [0, String(YEAR), 2100, null, 'not_allocated'],
      [1, String(YEAR), 88, 90, 'off_track'],
      [2, String(YEAR), 100, 100, 'achieved'],
    ]);
    const city = await progress(`asOf=${YEAR}-12-31`);
    expect(city.children.find((c: { id: string }) => c.id === communeId)).toMatchObject({ targets: 3, summary: { not_allocated: 1, off_track: 1, achieved: 1 } });
  });

  it('opens on the end of a year that is over; a malformed date answers 400', async () => {
    const body = (await h.request('GET', '/api/v1/dashboard/plan-progress?year=2024', { token: admin.accessToken })).body;
    expect(body.asOf).toBe('2024-12-31');
    const bad = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&asOf=${YEAR}-02-30`, { token: admin.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.asOf');
  });

  it('exports the drill-down table as XLSX, and lists the periods with data for the pages to open on', async () => {
    const res = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/v1/dashboard/plan-progress/children.xlsx?year=${YEAR}&planId=${planId}&asOf=${YEAR}-12-31`, headers: { authorization: `Bearer ${admin.accessToken}` } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(String(rows[0]![0])).toContain('đến ngày 31/12/2033');
    expect(rows[1]!.slice(0, 4)).toEqual(['Đơn vị', 'Cấp', 'Số chỉ tiêu', 'Đã đạt']);
    const commune = rows.find((r) => r[2] === 3 && r[3] === 1);
    expect(commune).toBeDefined();

    const periods = await h.request('GET', '/api/v1/dashboard/periods?indicator=HOI_VIEN_MOI', { token: admin.accessToken });
    expect(periods.status).toBe(200);
    const list: string[] = periods.body.periods;
    // Newest data first: the year ends after its first half.
    expect(list.indexOf(String(YEAR))).toBeLessThan(list.indexOf(`${YEAR}S1`));
    expect(list).toContain('2025S2');
    expect(periods.body.planYears).toContain(YEAR);
    expect(periods.body.forms.find((f: { formCode: string }) => f.formCode === 'QG-6T').periods[0]).toBe('2025S2');
    const unknown = await h.request('GET', '/api/v1/dashboard/periods?indicator=NOPE', { token: admin.accessToken });
    expect(unknown.status).toBe(400);
  });
});
