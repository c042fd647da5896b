import { Queue } from 'bullmq';
import { QUEUES } from '@sen/contracts';
import { applyOutbox, countedValuesReportByReport, reconcileTenantPeriod, recomputeRollups, rowToParts, sameParts, tenantDefinitions, TenantContext } from '@sen/db';
import { startHarness, type Harness } from './harness';

/**
 * The full recompute, values per category, the national recompute and the reconciliation, on the real bootstrap
 * over the demo data (the worker's jobs are enqueued in Redis; where a test needs one run, it runs the engine's
 * function as the worker would).
 */
describe('recompute, categories, national recompute and reconciliation', () => {
  let h: Harness;
  let hn: string;
  let dn: string;
  let tw: string;
  let reporter: string;
  let queue: Queue;

  beforeAll(async () => {
    h = await startHarness();
    hn = (await h.login('HN', 'admin')).accessToken;
    dn = (await h.login('DN', 'admin')).accessToken;
    tw = (await h.login('TW', 'admin')).accessToken;
    reporter = (await h.login('HN', 'reporter')).accessToken;
    const u = new URL(h.config.REDIS_URL);
    queue = new Queue(QUEUES.aggregation, { prefix: h.config.QUEUE_PREFIX, connection: { host: u.hostname, port: Number(u.port || 6379) } });
  });
  afterAll(async () => {
    await queue?.close();
    await h.close();
  });

  it('the set-based recompute gives the counted values the report-by-report computation gives, on the demo data', async () => {
    for (const tenantId of ['2', '3']) {
      for (const period of ['2024S1', '2024']) {
        const defs = await tenantDefinitions(h.db.manager, tenantId);
        const expected = await countedValuesReportByReport(h.db.manager, tenantId, period, defs);
        expect(expected.size).toBeGreaterThan(1000);
        await recomputeRollups(h.db, { tenantId, period });
        const rows: Record<string, unknown>[] = await h.db.query('SELECT * FROM unit_value WHERE tenant_id = ? AND period = ?', [tenantId, period]);
        expect(rows.length).toBe(expected.size);
        for (const row of rows) {
          const e = expected.get(`${String(row.unit_id)}|${String(row.indicator_code)}`);
          if (!e || String(row.report_id) !== e.reportId || !sameParts(rowToParts(row), e.parts)) {
            throw new Error(`${tenantId} ${period} ${String(row.unit_id)} ${String(row.indicator_code)}: ${JSON.stringify(rowToParts(row))} ≠ ${JSON.stringify(e)}`);
          }
        }
        expect(await reconcileTenantPeriod(h.db, tenantId, period)).toMatchObject({ mismatches: 0 });
      }
    }
  });

  describe('values per category', () => {
    let reportId: string;
    let unitId: string;
    const put = (categories: Record<string, number>) =>
      h.request('PUT', `/api/v1/reports/${reportId}/values`, {
        token: hn,
        body: { values: [{ indicator: 'HOI_VIEN', value: 1200 }, ...Object.entries(categories).map(([category, value]) => ({ indicator: 'HOI_VIEN', category, value }))] },
      });
    const rollup = (query: string) => h.request('GET', `/api/v1/rollups?indicator=HOI_VIEN&period=2024S1&${query}`, { token: hn });

    beforeAll(async () => {
      // A draft of a commune outside the reporter's, with no values yet.
      const [row] = await h.db.query(
        `SELECT r.id, r.unit_id FROM report r WHERE r.tenant_id = 2 AND r.period = '2024S1' AND r.status = 'draft' AND r.form_code = 'QG-6T'
         AND NOT EXISTS (SELECT 1 FROM report_value v WHERE v.tenant_id = 2 AND v.report_id = r.id) AND r.unit_id <> 78 ORDER BY r.id LIMIT 1`,
      );
      reportId = String(row.id);
      unitId = String(row.unit_id);
    });

    it('must add up to the total: 500 + 600 against 1.200 is an error naming values.HOI_VIEN.category, and blocks submission', async () => {
      const saved = await put({ DUOI_35: 500, TU_35_DEN_60: 600 });
      expect(saved.status).toBe(200);
      expect(saved.body.issues).toContainEqual(
        expect.objectContaining({ indicator: 'HOI_VIEN', rule: 'CATEGORY_SUM_MISMATCH', severity: 'error', field: 'values.HOI_VIEN.category', message: expect.stringContaining('(Dưới 35 tuổi 500 + Từ 35 đến 60 tuổi 600 = 1.100) phải bằng tổng số (1.200)') }),
      );
      const refused = await h.request('POST', `/api/v1/reports/${reportId}/submit`, { token: hn });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'values.HOI_VIEN.category', reason: expect.stringContaining('phải bằng tổng số') }));
    });

    it('once they add up, they are counted and rolled up: GET /rollups?category= reads a unit\'s and the city\'s total (same fixed shape)', async () => {
      expect((await put({ DUOI_35: 500, TU_35_DEN_60: 600, TREN_60: 100 })).body.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
      expect((await h.request('POST', `/api/v1/reports/${reportId}/submit`, { token: hn })).status).toBe(200);
      expect((await h.request('POST', `/api/v1/reports/${reportId}/approve`, { token: hn })).status).toBe(200);
      // The worker's job, run here: apply the pending outbox rows of HN.
      const pending: { id: string }[] = await h.db.query('SELECT id FROM aggregation_outbox WHERE tenant_id = 2 AND processed_at IS NULL ORDER BY id');
      for (const o of pending) await TenantContext.run(TenantContext.system('2', 'HN'), () => applyOutbox(h.db, String(o.id)));
      const unit = await rollup(`unitId=${unitId}&category=DUOI_35`);
      expect(unit.status).toBe(200);
      expect(Object.keys(unit.body).sort()).toEqual(['denominator', 'numerator', 'unitsExpected', 'unitsReporting', 'updatedAt', 'value']);
      expect(unit.body).toMatchObject({ value: 500, numerator: null, denominator: null, unitsReporting: 1 });
      // The city: only this report has categories.
      expect((await rollup('category=TU_35_DEN_60')).body).toMatchObject({ value: 600, unitsReporting: 1 });
      expect((await rollup('category=TREN_60')).body).toMatchObject({ value: 100, unitsReporting: 1 });
      // The total itself is unchanged in shape and meaning.
      expect((await rollup(`unitId=${unitId}`)).body).toMatchObject({ value: 1200, unitsReporting: 1 });
      // Incremental equals a full recompute, categories included.
      expect(await reconcileTenantPeriod(h.db, '2', '2024S1')).toMatchObject({ mismatches: 0, details: { categories: 0 } });
      await recomputeRollups(h.db, { tenantId: '2', period: '2024S1' });
      expect((await rollup('category=DUOI_35')).body).toMatchObject({ value: 500, unitsReporting: 1 });
    });

    it('a category the indicator does not have, or an indicator not rolled up by category, answers 400 naming query.category', async () => {
      const unknown = await rollup('category=TREN_90');
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'query.category', reason: expect.stringContaining('không có nhóm phân tổ "TREN_90"') })]);
      const ratio = await h.request('GET', '/api/v1/rollups?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=2024S1&category=DUOI_35', { token: hn });
      expect(ratio.status).toBe(400);
      expect(ratio.body.errors[0].field).toBe('query.category');
      // Another tenant's unit: the same 404 as without a category.
      expect((await h.request('GET', `/api/v1/rollups?indicator=HOI_VIEN&period=2024S1&unitId=${unitId}&category=DUOI_35`, { token: dn })).status).toBe(404);
    });
  });

  describe('national recompute', () => {
    it('platform administrators and central analysts start it for every active tenant; the job carries no tenant', async () => {
      const started = await h.request('POST', '/api/v1/rollups/national-recompute', { token: tw, body: { period: '2024S1' } });
      expect(started.status).toBe(201);
      expect(started.body.jobId).toMatch(/^recompute__all__2024S1__/);
      expect((await queue.getJob(started.body.jobId))?.data).toEqual({ period: '2024S1' });
      // Its status, as the worker reports it: the whole and each tenant's line (here written as the job would).
      await (await queue.getJob(started.body.jobId))!.updateProgress({
        percent: 50,
        tenants: [
          { tenantId: '2', code: 'HN', name: 'Hội LHPN thành phố Hà Nội', state: 'completed', percent: 100, values: 4512 },
          { tenantId: '3', code: 'DN', name: 'Hội LHPN thành phố Đà Nẵng', state: 'active', percent: 20 },
        ],
      });
      const status = await h.request('GET', `/api/v1/rollups/national-recompute/${started.body.jobId}`, { token: tw });
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ jobId: started.body.jobId, period: '2024S1', percent: 50, result: null });
      expect(status.body.tenants).toEqual([
        { code: 'HN', name: 'Hội LHPN thành phố Hà Nội', state: 'completed', percent: 100, values: 4512 },
        { code: 'DN', name: 'Hội LHPN thành phố Đà Nẵng', state: 'active', percent: 20, values: null },
      ]);
      await (await queue.getJob(started.body.jobId))!.remove();
    });

    it('a tenant administrator may not; a tenant job or an unknown job is not found; a bad period names the field', async () => {
      expect((await h.request('POST', '/api/v1/rollups/national-recompute', { token: hn, body: { period: '2024S1' } })).status).toBe(403);
      const own = await h.request('POST', '/api/v1/rollups/recompute', { token: hn, body: { period: '2024S1' } });
      expect((await h.request('GET', `/api/v1/rollups/national-recompute/${own.body.jobId}`, { token: tw })).status).toBe(404);
      expect((await h.request('GET', '/api/v1/rollups/national-recompute/recompute__all__2024S1__1', { token: tw })).status).toBe(404);
      const bad = await h.request('POST', '/api/v1/rollups/national-recompute', { token: tw, body: { period: '2024H1' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.period', reason: 'phải là mã kỳ báo cáo như 2024, 2024S1, 2024Q2 hoặc 202406' })]);
      await (await queue.getJob(own.body.jobId))?.remove();
    });
  });

  describe('reconciliation', () => {
    it('a tenant administrator reconciles the tenant now; a platform administrator the nation; others may not', async () => {
      const own = await h.request('POST', '/api/v1/rollups/reconcile', { token: hn, body: { period: '2024S1' } });
      expect(own.status).toBe(201);
      expect((await queue.getJob(own.body.jobId))?.data).toEqual({ tenantId: '2', period: '2024S1', trigger: 'on-demand' });
      const nation = await h.request('POST', '/api/v1/rollups/reconcile', { token: tw, body: { scope: 'nation' } });
      expect((await queue.getJob(nation.body.jobId))?.data).toEqual({ trigger: 'on-demand' });
      expect((await h.request('POST', '/api/v1/rollups/reconcile', { token: hn, body: { scope: 'nation' } })).status).toBe(403);
      expect((await h.request('POST', '/api/v1/rollups/reconcile', { token: reporter, body: {} })).status).toBe(403);
      for (const id of [own.body.jobId, nation.body.jobId]) await (await queue.getJob(id))?.remove();
    });

    it('the last reconciliation: each tenant reads its own, the central union every tenant\'s (counts only)', async () => {
      const record = (tenantId: string, mismatches: number, repaired: boolean) =>
        h.db.query(
          `INSERT INTO rollup_reconciliation (tenant_id, period, trigger_kind, started_at, finished_at, rows_checked, mismatches, details, repaired)
           VALUES (?, '2030S2', 'nightly', '2026-01-05 20:15:00', '2026-01-05 20:15:02', 9000, ?, ?, ?)`,
          [tenantId, mismatches, JSON.stringify({ values: 0, rollups: mismatches, categories: 0, national: 0 }), repaired ? 1 : 0],
        );
      expect((await h.request('GET', '/api/v1/rollups/reconciliation?period=2030S2', { token: hn })).body).toEqual({ items: [] });
      await record('2', 0, false);
      await record('3', 3, true);
      const mine = await h.request('GET', '/api/v1/rollups/reconciliation?period=2030S2', { token: hn });
      expect(mine.body.items).toEqual([
        {
          tenant: 'HN',
          tenantName: 'Hội LHPN thành phố Hà Nội',
          period: '2030S2',
          trigger: 'nightly',
          startedAt: '2026-01-05T20:15:00.000Z',
          finishedAt: '2026-01-05T20:15:02.000Z',
          rowsChecked: 9000,
          mismatches: 0,
          details: { values: 0, rollups: 0, categories: 0, national: 0 },
          repaired: false,
        },
      ]);
      // The reporter reads its tenant's too (counts only), the last one of any period without one; DN only its own.
      expect((await h.request('GET', '/api/v1/rollups/reconciliation', { token: reporter })).body.items).toEqual([expect.objectContaining({ tenant: 'HN', period: '2030S2' })]);
      expect((await h.request('GET', '/api/v1/rollups/reconciliation?period=2030S2', { token: dn })).body.items).toEqual([expect.objectContaining({ tenant: 'DN', mismatches: 3, repaired: true })]);
      const nation = await h.request('GET', '/api/v1/rollups/reconciliation?period=2030S2&scope=nation', { token: tw });
      expect(nation.body.items.map((i: { tenant: string; mismatches: number }) => [i.tenant, i.mismatches])).toEqual([['HN', 0], ['DN', 3]]);
      expect((await h.request('GET', '/api/v1/rollups/reconciliation?scope=nation', { token: hn })).status).toBe(403);
      expect((await h.request('GET', '/api/v1/rollups/reconciliation?period=2024X1', { token: hn })).body.errors[0].field).toBe('query.period');
    });
  });
});
