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

  async function approvedReport(tenantId: string, unitId: string, values: Record<string, number | [number, number]>): Promise<void> {
    const [form] = await h.db.query("SELECT id FROM report_form WHERE tenant_id = ? ORDER BY id LIMIT 1", [tenantId]);
    let formId = form?.id;
    if (!formId) {
      const res = await h.db.query(`INSERT INTO report_form (tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (?, 'E2E', 'E2E', 'half', '["HOI_VIEN","TY_LE_TAP_HOP_HOI_VIEN"]', '{"day":13,"month":6}', 'grassroots')`, [tenantId]);
      formId = res.insertId;
    }
    const rep = await h.db.query(`INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (?, ?, 'E2E', ?, ?, 'approved', '2031-06-13', 1)`, [tenantId, formId, unitId, PERIOD]);
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
    expect(Object.keys(byTenant[('HN')]).sort()).toEqual(['achievement', 'denominator', 'name', 'numerator', 'target', 'tenant', 'unitsExpected', 'unitsReporting', 'value']);
    expect(byTenant.HN).toMatchObject({ name: 'Hội LHPN thành phố Hà Nội', value: 90, numerator: 900, denominator: 1000 });
    expect(byTenant.DN).toMatchObject({ value: 30, numerator: 300, denominator: 1000 });
    expect(res.body.items.some((i: { tenant: string }) => i.tenant === 'TW')).toBe(false);
    expect((await h.request('GET', `/api/v1/central/comparison?indicator=HOI_VIEN&period=${PERIOD}`, { token: hnAdmin.accessToken })).status).toBe(403);
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
});
