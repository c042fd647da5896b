import { applyOutbox, TenantContext } from '@sen/db';
import { startHarness, type Harness } from './harness';

/**
 * Rollups and the central comparison on the real engine: a report is approved in a period of its own
 * (2031S1, so the demo data does not interfere), its outbox row is applied as the worker would, and
 * the totals are read through the fixed endpoints.
 */
describe('rollups and the central comparison', () => {
  let h: Harness;
  let hnAdmin: { accessToken: string; user: { unitId: string } };
  let commune: string;
  const PERIOD = '2031S1';

  async function approvedReport(
    tenantId: string,
    unitId: string,
    values: Record<string, number | [number, number]>,
    opts: { period?: string; status?: 'approved' | 'submitted' | 'draft'; late?: boolean } = {},
  ): Promise<void> {
    const period = opts.period ?? PERIOD;
    const [form] = await h.db.query("SELECT id FROM report_form WHERE tenant_id = ? ORDER BY id LIMIT 1", [tenantId]);
    let formId = form?.id;
    if (!formId) {
      const res = await h.db.query(`INSERT INTO report_form (tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (?, 'E2E', 'E2E', 'half', '["HOI_VIEN","TY_LE_TAP_HOP_HOI_VIEN"]', '{"day":13,"month":6}', 'grassroots')`, [tenantId]);
      formId = res.insertId;
    }
    const rep = await h.db.query(`INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, late, version) VALUES (?, ?, 'E2E', ?, ?, ?, '2031-06-13', ?, 1)`, [
      tenantId, formId, unitId, period, opts.status ?? 'approved', opts.late ? 1 : 0,
    ]);
    for (const [code, v] of Object.entries(values)) {
      const [value, num, den] = Array.isArray(v) ? [null, v[0], v[1]] : [v, null, null];
      await h.db.query('INSERT INTO report_value (tenant_id, report_id, indicator_code, value, numerator, denominator) VALUES (?, ?, ?, ?, ?, ?)', [tenantId, rep.insertId, code, value, num, den]);
    }
    const out = await h.db.query('INSERT INTO aggregation_outbox (tenant_id, report_id, report_version) VALUES (?, ?, 1)', [tenantId, rep.insertId]);
    const [t] = await h.db.query('SELECT code FROM tenant WHERE id = ?', [tenantId]);
    await TenantContext.run(TenantContext.system(tenantId, t.code), () => applyOutbox(h.db, String(out.insertId)));
  }

  beforeAll(async () => {
    h = await startHarness();
    hnAdmin = await h.login('HN', 'admin');
    commune = (await h.request('GET', '/api/v1/org-units?q=cau%20giay', { token: hnAdmin.accessToken })).body.items[0].id;
    const [dnCommune] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = 3 AND level = 'grassroots' AND valid_to IS NULL ORDER BY id LIMIT 1");
    await approvedReport('2', commune, { HOI_VIEN: 1200, TY_LE_TAP_HOP_HOI_VIEN: [900, 1000] });
    await approvedReport('3', String(dnCommune.id), { HOI_VIEN: 800, TY_LE_TAP_HOP_HOI_VIEN: [300, 1000] });
  });
  afterAll(() => h.close());

  it('GET /rollups answers the fixed shape for the commune and for the city, ratio as a ratio of sums', async () => {
    const unit = await h.request('GET', `/api/v1/rollups?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${PERIOD}&unitId=${commune}`, { token: hnAdmin.accessToken });
    expect(unit.status).toBe(200);
    expect(Object.keys(unit.body).sort()).toEqual(['denominator', 'numerator', 'unitsExpected', 'unitsReporting', 'updatedAt', 'value']);
    expect(unit.body).toMatchObject({ value: 90, numerator: 900, denominator: 1000, unitsReporting: 1 });
    const city = await h.request('GET', `/api/v1/rollups?indicator=HOI_VIEN&period=${PERIOD}`, { token: hnAdmin.accessToken });
    expect(city.body.value).toBe(1200);
    expect(city.body.unitsExpected).toBeGreaterThanOrEqual(1);
  });

  it('an unknown indicator or a malformed period answers 400 naming the field', async () => {
    const res = await h.request('GET', `/api/v1/rollups?indicator=NOPE&period=${PERIOD}`, { token: hnAdmin.accessToken });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('query.indicator');
    const bad = await h.request('GET', '/api/v1/rollups?indicator=HOI_VIEN&period=2024H1', { token: hnAdmin.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.period');
  });

  it('the central analyst compares HN and DN side by side (fixed shape); nobody else may', async () => {
    const tw = await h.login('TW', 'admin');
    const res = await h.request('GET', `/api/v1/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${PERIOD}`, { token: tw.accessToken });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['indicator', 'items', 'period']);
    const byTenant = Object.fromEntries(res.body.items.map((i: { tenant: string }) => [i.tenant, i]));
    // The fixed fields, plus the optional rank / previous / change / key.
    expect(Object.keys(byTenant.HN).sort()).toEqual(['achievement', 'change', 'denominator', 'key', 'name', 'numerator', 'previous', 'rank', 'target', 'tenant', 'unitsExpected', 'unitsReporting', 'value']);
    expect(byTenant.HN).toMatchObject({ rank: 1, previous: null, change: null, key: 'HN' });
    expect(byTenant.DN).toMatchObject({ rank: 2 });
    expect(byTenant.HN).toMatchObject({ name: 'Hội LHPN thành phố Hà Nội', value: 90, numerator: 900, denominator: 1000 });
    expect(byTenant.DN).toMatchObject({ value: 30, numerator: 300, denominator: 1000 });
    expect(res.body.items.some((i: { tenant: string }) => i.tenant === 'TW')).toBe(false);
    expect((await h.request('GET', `/api/v1/central/comparison?indicator=HOI_VIEN&period=${PERIOD}`, { token: hnAdmin.accessToken })).status).toBe(403);
  });

  it('a comparison kept between requests follows every change of a central total, a plan or a province at once', async () => {
    const tw = await h.login('TW', 'admin');
    const url = `/api/v1/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${PERIOD}`;
    const hnOf = async () => (await h.request('GET', url, { token: tw.accessToken })).body.items.find((i: { tenant: string }) => i.tenant === 'HN');
    const first = await hnOf();
    expect(await hnOf()).toEqual(first);
    // A write of the central line (as the worker's apply does) — even to one part only — shows on the next request.
    await h.db.query("UPDATE national_rollup SET numerator = numerator + 50 WHERE tenant_id = 2 AND period = ? AND indicator_code = 'TY_LE_TAP_HOP_HOI_VIEN'", [PERIOD]);
    expect((await hnOf()).numerator).toBe(first.numerator + 50);
    await h.db.query("UPDATE national_rollup SET units_expected = units_expected + 1 WHERE tenant_id = 2 AND period = ? AND indicator_code = 'TY_LE_TAP_HOP_HOI_VIEN'", [PERIOD]);
    expect((await hnOf()).unitsExpected).toBe(first.unitsExpected + 1);
    await h.db.query("UPDATE national_rollup SET numerator = numerator - 50, units_expected = units_expected - 1 WHERE tenant_id = 2 AND period = ? AND indicator_code = 'TY_LE_TAP_HOP_HOI_VIEN'", [PERIOD]);
    expect(await hnOf()).toEqual(first);
    // A province renamed.
    await h.db.query("UPDATE tenant SET name = CONCAT(name, ' (thử)') WHERE id = 2");
    expect((await hnOf()).name).toBe(`${first.name} (thử)`);
    await h.db.query("UPDATE tenant SET name = ? WHERE id = 2", [first.name]);
    expect(await hnOf()).toEqual(first);
  });

  it("each province's target is its own issued plan's target linked to the indicator; achievement by @sen/indicators", async () => {
    const tw = await h.login('TW', 'admin');
    const [hnRoot] = await h.db.query('SELECT root_unit_id AS id FROM tenant WHERE id = 2');
    const targets = (value: number, code: string) => JSON.stringify({ targets: [{ text: `Tỷ lệ tập hợp đạt ${value}%`, value, unit: '%', comparator: 'gte', level: null, indicatorCode: code }] });
    // HN's city plan of 2031 sets 75 %; a plan of one of its communes (not the province's own) must not count.
    await h.db.query(
      `INSERT INTO plan (tenant_id, unit_id, number, symbol, year, title, title_folded, status, issued_on, content) VALUES
       (2, ?, 901, '901/KH-BTV', 2031, 'Kế hoạch thử chỉ tiêu', 'ke hoach thu chi tieu', 'issued', '2031-01-10', ?),
       (2, ?, 902, '902/KH-BTV', 2031, 'Kế hoạch của xã', 'ke hoach cua xa', 'issued', '2031-01-11', ?)`,
      [hnRoot.id, targets(75, 'TY_LE_TAP_HOP_HOI_VIEN'), commune, targets(99, 'TY_LE_TAP_HOP_HOI_VIEN')],
    );
    const res = await h.request('GET', `/api/v1/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${PERIOD}`, { token: tw.accessToken });
    const byTenant = Object.fromEntries(res.body.items.map((i: { tenant: string }) => [i.tenant, i]));
    // 90 % against a target of at least 75 %: 120 % achieved. DN has no plan: no target, no made-up one.
    expect(byTenant.HN).toMatchObject({ value: 90, target: 75, achievement: 120 });
    expect(byTenant.DN).toMatchObject({ target: null, achievement: null });
    // Another indicator has no target in that plan.
    const members = await h.request('GET', `/api/v1/central/comparison?indicator=HOI_VIEN&period=${PERIOD}`, { token: tw.accessToken });
    expect(members.body.items.find((i: { tenant: string }) => i.tenant === 'HN')).toMatchObject({ target: null, achievement: null });
  });

  it('a per-unit minimum ("mỗi cơ sở có ít nhất 01 mô hình") is a target of 100 % coverage, as the province dashboard reads it', async () => {
    const tw = await h.login('TW', 'admin');
    const [hnRoot] = await h.db.query('SELECT root_unit_id AS id FROM tenant WHERE id = 2');
    const content = JSON.stringify({
      targets: [
        { text: 'Mỗi cơ sở Hội có ít nhất 01 mô hình', value: 1, unit: 'mô hình', comparator: 'gte', level: 'grassroots', levels: ['grassroots'], aggregation: 'perUnitMinimum', indicatorCode: 'CO_SO_CO_MO_HINH' },
        // Issued later and linked to the same indicator, but a count of models: no target of coverage, left out.
        { text: 'Cấp Thành phố hỗ trợ nhân rộng ít nhất 18 mô hình', value: 18, unit: 'mô hình', comparator: 'gte', level: 'province', levels: ['province'], aggregation: 'total', indicatorCode: 'CO_SO_CO_MO_HINH' },
      ],
    });
    await h.db.query(
      `INSERT INTO plan (tenant_id, unit_id, number, symbol, year, title, title_folded, status, issued_on, content) VALUES (2, ?, 903, '903/KH-BTV', 2034, 'Kế hoạch thử mô hình', 'ke hoach thu mo hinh', 'issued', '2034-01-10', ?)`,
      [hnRoot.id, content],
    );
    await approvedReport('2', commune, { CO_SO_CO_MO_HINH: 2 }, { period: '2034S1' });
    const res = await h.request('GET', '/api/v1/central/comparison?indicator=CO_SO_CO_MO_HINH&period=2034S1', { token: tw.accessToken });
    expect(res.status).toBe(200);
    // Was target 1 and achievement 10.000 % (the raw "01").
    expect(res.body.items.find((i: { tenant: string }) => i.tenant === 'HN')).toMatchObject({ value: 100, target: 100, achievement: 100 });
    // The province dashboard reads the same target the same way.
    const dash = await h.request('GET', '/api/v1/dashboard/plan-progress?year=2034&asOf=2034-06-30', { token: hnAdmin.accessToken });
    expect(dash.body.items.find((i: { symbol: string; targetIndex: number }) => i.symbol === '903/KH-BTV' && i.targetIndex === 0)).toMatchObject({ target: 100, unit: '%', actual: 100, achievementPct: 100 });
  });

  it('lists the periods with data of an indicator, newest first, for the page to open on', async () => {
    const tw = await h.login('TW', 'admin');
    const res = await h.request('GET', '/api/v1/central/periods?indicator=TY_LE_TAP_HOP_HOI_VIEN', { token: tw.accessToken });
    expect(res.status).toBe(200);
    const periods: string[] = res.body.periods;
    // The demo's periods and this suite's own (2031S1), by last day then first day.
    expect(periods).toEqual(expect.arrayContaining(['2023S2', '2023', '2024S1', '2024S2', '2024', '2025S1', '2025S2', '2025', PERIOD]));
    expect(periods.indexOf('2025S2')).toBeLessThan(periods.indexOf('2025'));
    expect(periods.indexOf('2025')).toBeLessThan(periods.indexOf('2025S1'));
    expect(periods.indexOf(PERIOD)).toBeLessThan(periods.indexOf('2025S2'));
    // HN and DN (other suites may onboard provinces of their own).
    expect(res.body.items.find((i: { period: string }) => i.period === '2024S1').provinces).toBeGreaterThanOrEqual(2);
    expect((await h.request('GET', '/api/v1/central/periods?indicator=NOPE', { token: tw.accessToken })).status).toBe(400);
    expect((await h.request('GET', '/api/v1/central/periods?indicator=HOI_VIEN', { token: hnAdmin.accessToken })).status).toBe(403);
  });

  it('the central analyst cannot read a single HN unit or rollup (aggregates only)', async () => {
    const tw = await h.login('TW', 'admin');
    expect((await h.request('GET', `/api/v1/org-units/${commune}`, { token: tw.accessToken })).status).toBe(404);
    expect((await h.request('GET', `/api/v1/rollups?indicator=HOI_VIEN&period=${PERIOD}&unitId=${commune}`, { token: tw.accessToken })).status).toBe(404);
  });

  it('exports the comparison as XLSX with Vietnamese headers, and answers a time series', async () => {
    const tw = await h.login('TW', 'admin');
    const res = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/v1/central/comparison.xlsx?indicator=HOI_VIEN&period=${PERIOD}`, headers: { authorization: `Bearer ${tw.accessToken}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['Hạng', 'Tỉnh, thành phố']));
    const names = [4, 5].map((r) => ws.getRow(r).getCell(3).value);
    expect(names).toEqual(['Hội LHPN thành phố Hà Nội', 'Hội LHPN thành phố Đà Nẵng']); // ranked by value: 1,200 then 800
    const series = await h.request('GET', `/api/v1/central/series?indicator=HOI_VIEN&periods=2030S2,${PERIOD}&tenants=HN`, { token: tw.accessToken });
    expect(series.status).toBe(200);
    expect(series.body.items).toEqual([{ tenant: 'HN', name: 'Hội LHPN thành phố Hà Nội', points: [{ period: PERIOD, value: 1200, unitsReporting: 1, unitsExpected: expect.any(Number) }] }]);
  });

  it('lists the communes under a threshold (a ratio per commune) and those without data', async () => {
    const res = await h.request('GET', `/api/v1/dashboard/below-threshold?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${PERIOD}&threshold=95`, { token: hnAdmin.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ id: commune, name: 'Hội LHPN phường Cầu Giấy', parentName: 'Hội LHPN thành phố Hà Nội', value: 90 }]);
    expect(res.body.unitsAtLevel).toBeGreaterThanOrEqual(126);
    expect(res.body.noData.length).toBe(res.body.unitsAtLevel - 1);
    const none = await h.request('GET', `/api/v1/dashboard/below-threshold?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${PERIOD}&threshold=60`, { token: hnAdmin.accessToken });
    expect(none.body.items).toEqual([]);
  });

  describe('across the 2025 merger (Đà Nẵng absorbed Quảng Nam)', () => {
    // A period before the merger that the demo data leaves empty, and the one before it.
    const BEFORE = '2023S1';
    const PREVIOUS = '2022S2';
    let tw: { accessToken: string };
    let qnCommunes: string[];

    beforeAll(async () => {
      tw = await h.login('TW', 'admin');
      const [dnRoot] = await h.db.query('SELECT root_unit_id AS id FROM tenant WHERE id = 3');
      const [quangNam] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = 3 AND level = 'province' AND kind = 'union' AND valid_to IS NOT NULL");
      // Today's communes, by the former province of the communes that closed into them (successor_id: a path
      // other than the merge events the split reads).
      const communesFrom = async (province: string): Promise<string[]> =>
        (
          await h.db.query(
            `SELECT DISTINCT u.id FROM org_unit u
             JOIN org_unit old ON old.tenant_id = u.tenant_id AND old.successor_id = u.id AND old.level = 'grassroots'
             JOIN org_unit_closure c ON c.tenant_id = old.tenant_id AND c.descendant_id = old.id AND c.ancestor_id = ?
             WHERE u.tenant_id = 3 AND u.valid_to IS NULL AND u.level = 'grassroots' ORDER BY u.id LIMIT 3`,
            [province],
          )
        ).map((r: { id: string }) => String(r.id));
      qnCommunes = await communesFrom(String(quangNam.id));
      const dnCommunes = await communesFrom(String(dnRoot.id));
      const [oldDnCommune] = await h.db.query(
        `SELECT u.id FROM org_unit u JOIN org_unit_closure c ON c.tenant_id = u.tenant_id AND c.descendant_id = u.id AND c.ancestor_id = ?
         WHERE u.tenant_id = 3 AND u.level = 'grassroots' AND u.valid_to = '2025-06-30' ORDER BY u.id LIMIT 1`,
        [dnRoot.id],
      );
      expect(qnCommunes.length).toBeGreaterThanOrEqual(2);
      expect(dnCommunes.length).toBeGreaterThanOrEqual(2);
      // Quảng Nam: a today's commune that reported for 2023 (30 %), a second one still in draft.
      await approvedReport('3', qnCommunes[0]!, { HOI_VIEN: 800, TY_LE_TAP_HOP_HOI_VIEN: [300, 1000] }, { period: BEFORE, late: true });
      await approvedReport('3', qnCommunes[1]!, {}, { period: BEFORE, status: 'draft' });
      // Đà Nẵng before the merger: a today's commune (90 %) and a former commune of the old tree (10 %).
      // Submitted, not approved: counted as handed in, its values not counted. (Before the approvals: the
      // central totals' count of expected reports is refreshed when counted values change.)
      await approvedReport('3', dnCommunes[1]!, { HOI_VIEN: 5000, TY_LE_TAP_HOP_HOI_VIEN: [1, 5000] }, { period: BEFORE, status: 'submitted' });
      await approvedReport('3', dnCommunes[0]!, { HOI_VIEN: 500, TY_LE_TAP_HOP_HOI_VIEN: [450, 500] }, { period: BEFORE });
      await approvedReport('3', String(oldDnCommune.id), { HOI_VIEN: 100, TY_LE_TAP_HOP_HOI_VIEN: [50, 500] }, { period: BEFORE });
      await approvedReport('2', commune, { HOI_VIEN: 1000, TY_LE_TAP_HOP_HOI_VIEN: [900, 1000] }, { period: BEFORE });
      await approvedReport('2', commune, { TY_LE_TAP_HOP_HOI_VIEN: [800, 1000] }, { period: PREVIOUS });
      await approvedReport('3', qnCommunes[0]!, { TY_LE_TAP_HOP_HOI_VIEN: [250, 1000] }, { period: PREVIOUS });
    });

    const get = (url: string) => h.request('GET', url, { token: tw.accessToken });

    it('folded (default): Đà Nẵng counts its former Quảng Nam communes — a ratio of sums, 800 / 2,000', async () => {
      const res = await get(`/api/v1/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${BEFORE}`);
      expect(res.status).toBe(200);
      const dn = res.body.items.find((i: { tenant: string }) => i.tenant === 'DN');
      expect(dn).toMatchObject({ key: 'DN', value: 40, numerator: 800, denominator: 2000, unitsReporting: 3, unitsExpected: 5, rank: 2, previous: 25, change: 15 });
      expect(dn.formerProvince).toBeUndefined();
    });

    it('former: Đà Nẵng split into Đà Nẵng (48) and Quảng Nam (49) as they were, ranked, with the previous period', async () => {
      const res = await get(`/api/v1/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${BEFORE}&view=former`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['indicator', 'items', 'period']);
      const pick = (i: Record<string, unknown>) => ({ key: i.key, tenant: i.tenant, name: i.name, value: i.value, numerator: i.numerator, denominator: i.denominator, unitsReporting: i.unitsReporting, unitsExpected: i.unitsExpected, rank: i.rank, previous: i.previous, change: i.change });
      // Only the demo provinces: other suites sharing the test database onboard provinces of their own.
      const demo = (items: { tenant: string }[]) => items.filter((i) => i.tenant === 'HN' || i.tenant === 'DN');
      expect(demo(res.body.items).map(pick)).toEqual([
        { key: 'DN:48', tenant: 'DN', name: 'Hội LHPN thành phố Đà Nẵng', value: 50, numerator: 500, denominator: 1000, unitsReporting: 2, unitsExpected: 3, rank: 2, previous: null, change: null },
        { key: 'DN:49', tenant: 'DN', name: 'Hội LHPN tỉnh Quảng Nam', value: 30, numerator: 300, denominator: 1000, unitsReporting: 1, unitsExpected: 2, rank: 3, previous: 25, change: 5 },
        { key: 'HN', tenant: 'HN', name: 'Hội LHPN thành phố Hà Nội', value: 90, numerator: 900, denominator: 1000, unitsReporting: 1, unitsExpected: 1, rank: 1, previous: 80, change: 10 },
      ]);
      expect(demo(res.body.items).map((i) => (i as { formerProvince?: string | null }).formerProvince)).toEqual(['48', '49', null]);
      // After the merger there is nothing to unfold: the former view is today's provinces.
      const after = await get(`/api/v1/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${PERIOD}&view=former`);
      expect(demo(after.body.items).map((i) => (i as { key?: string }).key)).toEqual(['DN', 'HN']);
    });

    it('the time series folds or unfolds each period before the merger, and keeps the folded shape by default', async () => {
      const folded = await get(`/api/v1/central/series?indicator=HOI_VIEN&periods=${PERIOD},${BEFORE}&tenants=DN`);
      expect(folded.status).toBe(200);
      expect(folded.body.periods).toEqual([BEFORE, PERIOD]);
      expect(folded.body.items).toEqual([
        { tenant: 'DN', name: 'Hội LHPN thành phố Đà Nẵng', points: [expect.objectContaining({ period: BEFORE, value: 1400 }), expect.objectContaining({ period: PERIOD, value: 800 })] },
      ]);
      const former = await get(`/api/v1/central/series?indicator=HOI_VIEN&periods=${BEFORE},${PERIOD}&tenants=dn&view=former`);
      const lines = Object.fromEntries(former.body.items.map((i: { key: string; points: { period: string; value: number }[] }) => [i.key, i.points.map((p) => [p.period, p.value])]));
      expect(lines).toEqual({ DN: [[PERIOD, 800]], 'DN:48': [[BEFORE, 600]], 'DN:49': [[BEFORE, 800]] });
    });

    it('compares reporting completeness per province, folded and former, as counts only', async () => {
      const folded = await get(`/api/v1/central/completeness?period=${BEFORE}`);
      expect(folded.status).toBe(200);
      const dn = folded.body.items.find((i: { tenant: string }) => i.tenant === 'DN');
      expect(dn).toEqual({ tenant: 'DN', key: 'DN', name: 'Hội LHPN thành phố Đà Nẵng', expected: 5, submitted: 4, approved: 3, late: 1, submittedRate: 80, approvedRate: 60 });
      const former = await get(`/api/v1/central/completeness?period=${BEFORE}&view=former`);
      const byKey = Object.fromEntries(former.body.items.map((i: { key: string }) => [i.key, i]));
      expect(byKey['DN:48']).toMatchObject({ expected: 3, submitted: 3, approved: 2, late: 0, submittedRate: 100 });
      expect(byKey['DN:49']).toMatchObject({ name: 'Hội LHPN tỉnh Quảng Nam', expected: 2, submitted: 1, approved: 1, late: 1, submittedRate: 50 });
      expect(byKey.HN).toMatchObject({ expected: 1, approved: 1, formerProvince: null });
      // Counts only: no report, unit or user of a province is named.
      expect(JSON.stringify(former.body)).not.toMatch(/unitId|reportId|username|Chi hội|phường|xã/);
      const xlsx = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/v1/central/completeness.xlsx?period=${BEFORE}&view=former`, headers: { authorization: `Bearer ${tw.accessToken}` } });
      expect(xlsx.statusCode).toBe(200);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['Tỉnh, thành phố (trước 01/7/2025)', 'Phải báo cáo', 'Đã nộp', 'Đã duyệt', 'Nộp muộn', 'Tỷ lệ đã nộp (%)']));
      // 100 % handed in first (Đà Nẵng before Hà Nội in Vietnamese order), Quảng Nam's 50 % last.
      expect([4, 5, 6].map((r) => ws.getRow(r).getCell(2).value)).toEqual(['Hội LHPN thành phố Đà Nẵng', 'Hội LHPN thành phố Hà Nội', 'Hội LHPN tỉnh Quảng Nam']);
      expect(ws.getColumn(7).numFmt).toBe('0.0');
    });

    it('exports the unfolded comparison and the series with the previous period and the change', async () => {
      const inject = (url: string) => h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { authorization: `Bearer ${tw.accessToken}` } });
      const ExcelJS = (await import('exceljs')).default;
      const res = await inject(`/api/v1/central/comparison.xlsx?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${BEFORE}&view=former`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['Hạng', 'Kỳ trước (6 tháng cuối năm 2022)', 'Thay đổi (điểm %)']));
      expect([4, 5, 6].map((r) => [ws.getRow(r).getCell(1).value, ws.getRow(r).getCell(3).value, ws.getRow(r).getCell(4).value, ws.getRow(r).getCell(6).value])).toEqual([
        [1, 'Hội LHPN thành phố Hà Nội', 90, 10],
        [2, 'Hội LHPN thành phố Đà Nẵng', 50, null],
        [3, 'Hội LHPN tỉnh Quảng Nam', 30, 5],
      ]);
      const series = await inject(`/api/v1/central/series.xlsx?indicator=HOI_VIEN&periods=${BEFORE},${PERIOD}&tenants=DN`);
      expect(series.statusCode).toBe(200);
      const sb = new ExcelJS.Workbook();
      await sb.xlsx.load(series.rawPayload as unknown as ArrayBuffer);
      const ss = sb.worksheets[0]!;
      expect(ss.getRow(4).values).toEqual([undefined, 'DN', 'Hội LHPN thành phố Đà Nẵng', 1400, 800]);
    });

    it('former: a former commune of the old tree counts under its former province (nearest province union above it)', async () => {
      const QUARTER = '2023Q4';
      const [quangNam] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = 3 AND level = 'province' AND kind = 'union' AND valid_to IS NOT NULL");
      const [oldQnCommune] = await h.db.query(
        `SELECT u.id FROM org_unit u JOIN org_unit_closure c ON c.tenant_id = u.tenant_id AND c.descendant_id = u.id AND c.ancestor_id = ?
         WHERE u.tenant_id = 3 AND u.level = 'grassroots' AND u.valid_to = '2025-06-30' ORDER BY u.id LIMIT 1`,
        [quangNam.id],
      );
      await approvedReport('3', String(oldQnCommune.id), { TY_LE_TAP_HOP_HOI_VIEN: [100, 400] }, { period: QUARTER });
      await approvedReport('3', qnCommunes[0]!, { TY_LE_TAP_HOP_HOI_VIEN: [300, 1000] }, { period: QUARTER });
      const res = await get(`/api/v1/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=${QUARTER}&view=former`);
      const qn = res.body.items.find((i: { key: string }) => i.key === 'DN:49');
      expect(qn).toMatchObject({ numerator: 400, denominator: 1400, unitsReporting: 2, unitsExpected: 2 });
      expect(qn.value).toBeCloseTo(28.571, 3);
      expect(res.body.items.find((i: { key: string }) => i.key === 'DN:48')).toMatchObject({ value: null, unitsReporting: 0 });
    });

    it('rejects an unknown view naming the field, and only central analysts may read', async () => {
      const bad = await get(`/api/v1/central/completeness?period=${BEFORE}&view=old`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('query.view');
      const dnAdmin = await h.login('DN', 'admin');
      expect((await h.request('GET', `/api/v1/central/completeness?period=${BEFORE}`, { token: dnAdmin.accessToken })).status).toBe(403);
      expect((await h.request('GET', `/api/v1/central/comparison?indicator=HOI_VIEN&period=${BEFORE}&view=former`, { token: hnAdmin.accessToken })).status).toBe(403);
    });
  });
});
