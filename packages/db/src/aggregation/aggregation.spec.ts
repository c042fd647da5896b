import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { dropDatabase, ensureDatabase, runMigrations } from '../database-admin';
import { TenantContext } from '../tenancy/tenant-context';
import { applyOutbox } from './apply-report';
import { reconcileRollups, reconcileTenantPeriod, recomputeRollups, unitTotals } from './recompute';

const base = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen').replace(/\/[^/]*$/, '');
const url = `${base}/sen_test_agg_${process.pid}`;
let ds: DataSource;
const T = '7';
const ctx = TenantContext.system(T, 'AG');
const inTenant = <R>(fn: () => Promise<R>) => TenantContext.run(ctx, fn);

// root(1) ─ district A(2) ─ communes 4, 5 ; district B(3) ─ communes 6, 7 ; commune 8 merged into 6 on 2024-07-01
const UNITS: [number, number | null, string, string | null, number | null][] = [
  [1, null, 'province', null, null],
  [2, 1, 'district', null, null],
  [3, 1, 'district', null, null],
  [4, 2, 'grassroots', null, null],
  [5, 2, 'grassroots', null, null],
  [6, 3, 'grassroots', null, null],
  [7, 3, 'grassroots', null, null],
  [8, 3, 'grassroots', '2024-06-30', 6],
];

async function setupTree(): Promise<void> {
  await ds.query(`INSERT INTO tenant (id, code, name, levels, root_unit_id) VALUES (?, 'AG', 'Thử tổng hợp', '[]', 1)`, [T]);
  for (const [id, parent, level, validTo, successor] of UNITS) {
    await ds.query(
      `INSERT INTO org_unit (id, tenant_id, parent_id, name, name_folded, sort_key, level, kind, valid_to, successor_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'union', ?, ?)`,
      [id, T, parent, `U${id}`, `u${id}`, `u${id}`, level, validTo, successor],
    );
  }
  const parentOf = new Map(UNITS.map(([id, p]) => [id, p]));
  for (const [id] of UNITS) {
    let a: number | null | undefined = id;
    let depth = 0;
    while (a) {
      await ds.query('INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth) VALUES (?, ?, ?, ?)', [T, a, id, depth++]);
      a = parentOf.get(a) ?? null;
    }
  }
  await ds.query(`INSERT INTO report_form (id, tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (1, ?, 'F', 'F', 'half', '[]', '{"day":13,"month":6}', 'grassroots')`, [T]);
}

let nextReport = 1;
async function report(unit: number, period: string, values: Record<string, number | [number, number]>, status = 'approved'): Promise<string> {
  const id = String(nextReport++);
  await ds.query(`INSERT INTO report (id, tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (?, ?, 1, 'F', ?, ?, ?, '2024-06-13', 1)`, [id, T, unit, period, status]);
  for (const [code, v] of Object.entries(values)) {
    const [value, num, den] = Array.isArray(v) ? [null, v[0], v[1]] : [v, null, null];
    await ds.query(`INSERT INTO report_value (tenant_id, report_id, indicator_code, value, numerator, denominator) VALUES (?, ?, ?, ?, ?, ?)`, [T, id, code, value, num, den]);
  }
  return id;
}
async function outbox(reportId: string): Promise<string> {
  const res: { insertId: number } = await ds.query('INSERT INTO aggregation_outbox (tenant_id, report_id, report_version) VALUES (?, ?, 1)', [T, reportId]);
  return String(res.insertId);
}
async function rollup(unit: number, code: string, period = '2024S1'): Promise<Record<string, string | number | null> | undefined> {
  const [row] = await ds.query('SELECT * FROM rollup WHERE tenant_id = ? AND period = ? AND unit_id = ? AND indicator_code = ?', [T, period, unit, code]);
  return row;
}

async function total(unit: number, code: string, period = '2024S1') {
  return (await unitTotals(ds.manager, T, period, [String(unit)], [code])).get(`${unit}|${code}`)?.parts;
}

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  ds = createDataSource({ url, poolSize: 6 });
  await ds.initialize();
  await setupTree();
});
afterAll(async () => {
  await ds?.destroy();
  await dropDatabase(url);
});

describe('aggregation engine (real MariaDB)', () => {
  it('applies an approved report to every ancestor, and a replayed job changes nothing', async () => {
    const r = await report(4, '2024S1', { HOI_VIEN: 1000, HOI_VIEN_MOI: 40, TY_LE_TAP_HOP_HOI_VIEN: [900, 1000] });
    const o = await outbox(r);
    expect((await inTenant(() => applyOutbox(ds, o))).status).toBe('applied');
    for (const unit of [2, 1]) expect(Number((await rollup(unit, 'HOI_VIEN'))?.sum)).toBe(1000);
    expect(await rollup(3, 'HOI_VIEN')).toBeUndefined();
    // A unit without sub-units holds no rollup row: its total is its own counted value.
    expect(await rollup(4, 'HOI_VIEN')).toBeUndefined();
    expect(Number((await total(4, 'HOI_VIEN'))?.sum)).toBe(1000);
    expect(Number((await total(2, 'HOI_VIEN'))?.sum)).toBe(1000);
    const before = await ds.query('SELECT * FROM rollup ORDER BY unit_id, indicator_code');
    expect((await inTenant(() => applyOutbox(ds, o))).status).toBe('already-processed');
    expect(await ds.query('SELECT * FROM rollup ORDER BY unit_id, indicator_code')).toEqual(before);
  });

  it('two sibling reports approved at the same moment both count; ratios stay ratios of sums', async () => {
    const a = await outbox(await report(5, '2024S1', { HOI_VIEN: 500, TY_LE_TAP_HOP_HOI_VIEN: [100, 500] }));
    const b = await outbox(await report(6, '2024S1', { HOI_VIEN: 250, TY_LE_TAP_HOP_HOI_VIEN: [240, 250] }));
    await Promise.all([inTenant(() => applyOutbox(ds, a)), inTenant(() => applyOutbox(ds, b))]);
    const root = await rollup(1, 'HOI_VIEN');
    expect(Number(root?.sum)).toBe(1750);
    expect(Number(root?.count)).toBe(3);
    const ratio = await rollup(1, 'TY_LE_TAP_HOP_HOI_VIEN');
    // (900 + 100 + 240) / (1000 + 500 + 250), not the mean of 90 %, 20 % and 96 %.
    expect([Number(ratio?.numerator), Number(ratio?.denominator)]).toEqual([1240, 1750]);
  });

  it('a report taken back (returned) leaves the totals as if it had never counted', async () => {
    const id = await report(7, '2024S1', { HOI_VIEN: 300 });
    const o1 = await outbox(id);
    await inTenant(() => applyOutbox(ds, o1));
    expect(Number((await rollup(1, 'HOI_VIEN'))?.sum)).toBe(2050);
    await ds.query("UPDATE report SET status = 'returned', version = 2 WHERE tenant_id = ? AND id = ?", [T, id]);
    const o2 = await outbox(id);
    await inTenant(() => applyOutbox(ds, o2));
    expect(Number((await rollup(1, 'HOI_VIEN'))?.sum)).toBe(1750);
    expect(Number((await rollup(3, 'HOI_VIEN'))?.sum)).toBe(250);
  });

  it('min has no delta: when the minimum itself changes, the touched ancestors are recomputed from their subtree', async () => {
    const rx = await report(4, '2024Q1', { TY_LE_TAP_HOP_THAP_NHAT: 40 });
    const x = await outbox(rx);
    const y = await outbox(await report(5, '2024Q1', { TY_LE_TAP_HOP_THAP_NHAT: 70 }));
    await inTenant(() => applyOutbox(ds, x));
    await inTenant(() => applyOutbox(ds, y));
    expect(Number((await rollup(1, 'TY_LE_TAP_HOP_THAP_NHAT', '2024Q1'))?.min)).toBe(40);
    // The unit that held the minimum corrects its value to 90: the new minimum (70) can only come from the subtree.
    await ds.query("UPDATE report_value SET value = 90 WHERE tenant_id = ? AND report_id = ? AND indicator_code = 'TY_LE_TAP_HOP_THAP_NHAT'", [T, rx]);
    await ds.query('UPDATE report SET version = 2 WHERE tenant_id = ? AND id = ?', [T, rx]);
    const again = await outbox(rx);
    await inTenant(() => applyOutbox(ds, again));
    expect(Number((await rollup(1, 'TY_LE_TAP_HOP_THAP_NHAT', '2024Q1'))?.min)).toBe(70);
    expect(Number((await rollup(2, 'TY_LE_TAP_HOP_THAP_NHAT', '2024Q1'))?.min)).toBe(70);
  });

  it('a unit merged before the period counts under its successor; before the merge, under the old tree', async () => {
    const after = await outbox(await report(8, '2024S2', { HOI_VIEN: 77 }));
    await inTenant(() => applyOutbox(ds, after));
    expect(Number((await total(6, 'HOI_VIEN', '2024S2'))?.sum)).toBe(77);
    expect(Number((await rollup(3, 'HOI_VIEN', '2024S2'))?.sum)).toBe(77);
    expect(await total(8, 'HOI_VIEN', '2024S2')).toBeUndefined();
    const before = await outbox(await report(8, '2024Q1', { HOI_VIEN: 11 }));
    await inTenant(() => applyOutbox(ds, before));
    expect(Number((await total(8, 'HOI_VIEN', '2024Q1'))?.sum)).toBe(11);
    expect(Number((await rollup(3, 'HOI_VIEN', '2024Q1'))?.sum)).toBe(11);
  });

  it('one job applies the tenant\'s other pending rows with its own (a burst), each report in its final state', async () => {
    const a = await report(4, '2023S1', { HOI_VIEN: 10, TY_LE_TAP_HOP_HOI_VIEN: [5, 10] });
    const b = await report(5, '2023S1', { HOI_VIEN: 20, TY_LE_TAP_HOP_HOI_VIEN: [10, 20] });
    const c = await report(6, '2023S1', { HOI_VIEN: 40 });
    const rows = [await outbox(a), await outbox(b), await outbox(c)];
    // c is taken back before any job ran: its second row says so, and the batch applies c once, as it is now.
    await ds.query("UPDATE report SET status = 'returned', version = 2 WHERE tenant_id = ? AND id = ?", [T, c]);
    rows.push(await outbox(c));
    const first = await inTenant(() => applyOutbox(ds, rows[1]!));
    expect(first).toMatchObject({ status: 'applied', outboxRows: 4 });
    for (const o of rows) expect((await inTenant(() => applyOutbox(ds, o))).status).toBe('already-processed');
    expect(Number((await rollup(1, 'HOI_VIEN', '2023S1'))?.sum)).toBe(30);
    expect(Number((await rollup(1, 'HOI_VIEN', '2023S1'))?.count)).toBe(2);
    expect(Number((await rollup(2, 'HOI_VIEN', '2023S1'))?.sum)).toBe(30);
    expect(await rollup(3, 'HOI_VIEN', '2023S1')).toBeUndefined();
    const ratio = await rollup(1, 'TY_LE_TAP_HOP_HOI_VIEN', '2023S1');
    expect([Number(ratio?.numerator), Number(ratio?.denominator)]).toEqual([15, 30]);
    expect(await reconcileRollups(ds, T, '2023S1')).toEqual({ rollupMismatches: 0, checked: expect.any(Number) });
    const [national] = await ds.query("SELECT sum FROM national_rollup WHERE tenant_id = ? AND period = '2023S1' AND indicator_code = 'HOI_VIEN'", [T]);
    expect(Number(national.sum)).toBe(30);
  });

  it('many jobs racing over one tenant\'s pending rows count every report exactly once', async () => {
    const units = [4, 5, 6, 7, 4, 5, 6, 7];
    const rows: string[] = [];
    for (const [i, unit] of units.entries()) {
      // Two periods in one batch, siblings and cousins sharing ancestors: every report counts once.
      rows.push(await outbox(await report(unit, i < 4 ? '2023Q3' : '2023S2', { HOI_VIEN_MOI: 1 + i, TY_LE_TAP_HOP_THAP_NHAT: 50 + i })));
    }
    const results = await Promise.all(rows.map((o) => inTenant(() => applyOutbox(ds, o))));
    expect(results.reduce((n, r) => n + (r.outboxRows ?? 0), 0)).toBe(rows.length);
    for (const period of ['2023S2', '2023Q3']) {
      expect(await reconcileRollups(ds, T, period)).toEqual({ rollupMismatches: 0, checked: expect.any(Number) });
    }
    const [pending] = await ds.query('SELECT COUNT(*) AS n FROM aggregation_outbox WHERE tenant_id = ? AND processed_at IS NULL', [T]);
    expect(Number(pending.n)).toBe(0);
  });

  it('the first two reports of a new period, applied by two jobs at the same moment, both count', async () => {
    // No rollup row exists yet for 2022S1: nothing to lock in the rows themselves, so without a lock of the
    // tenant's aggregation the second job would overwrite the first one's new rows. Repeated: a race.
    for (const [i, period] of ['2022S1', '2022S2', '2021S1', '2021S2', '2020S1'].entries()) {
      const a = await outbox(await report(4, period, { HOI_VIEN: 100 + i }));
      const b = await outbox(await report(6, period, { HOI_VIEN: 200 }));
      await Promise.all([inTenant(() => applyOutbox(ds, a)), inTenant(() => applyOutbox(ds, b))]);
      expect(Number((await rollup(1, 'HOI_VIEN', period))?.sum)).toBe(300 + i);
      expect(Number((await rollup(1, 'HOI_VIEN', period))?.count)).toBe(2);
    }
  });

  it('a unit that gets its first sub-unit keeps its own value in its new rollup row', async () => {
    // Unit 5 (no sub-units) counted 30 for 2019S1; then a branch 9 is created under it and reports 4.
    const own = await outbox(await report(5, '2019S1', { HOI_VIEN: 30 }));
    await inTenant(() => applyOutbox(ds, own));
    expect(await rollup(5, 'HOI_VIEN', '2019S1')).toBeUndefined();
    await ds.query(`INSERT INTO org_unit (id, tenant_id, parent_id, name, name_folded, sort_key, level, kind) VALUES (9, ?, 5, 'U9', 'u9', 'u9', 'branch', 'union')`, [T]);
    for (const [a, d] of [[9, 0], [5, 1], [2, 2], [1, 3]]) await ds.query('INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth) VALUES (?, ?, 9, ?)', [T, a, d]);
    const branch = await outbox(await report(9, '2019S1', { HOI_VIEN: 4 }));
    await inTenant(() => applyOutbox(ds, branch));
    expect(Number((await rollup(5, 'HOI_VIEN', '2019S1'))?.sum)).toBe(34);
    expect(Number((await rollup(1, 'HOI_VIEN', '2019S1'))?.sum)).toBe(34);
    expect(await reconcileRollups(ds, T, '2019S1')).toEqual({ rollupMismatches: 0, checked: expect.any(Number) });
    const before = await ds.query("SELECT unit_id, indicator_code, sum, count FROM rollup WHERE tenant_id = ? AND period = '2019S1' ORDER BY unit_id, indicator_code", [T]);
    await recomputeRollups(ds, { tenantId: T, period: '2019S1' });
    expect(await ds.query("SELECT unit_id, indicator_code, sum, count FROM rollup WHERE tenant_id = ? AND period = '2019S1' ORDER BY unit_id, indicator_code", [T])).toEqual(before);
    // The tree as the other tests know it (unit 5 without sub-units).
    await ds.query('DELETE FROM org_unit_closure WHERE tenant_id = ? AND descendant_id = 9', [T]);
    await ds.query('DELETE FROM org_unit WHERE tenant_id = ? AND id = 9', [T]);
  });

  it('the incremental totals equal a full set-based recompute, and the reconciliation proves it', async () => {
    expect(await reconcileRollups(ds, T, '2024S1')).toEqual({ rollupMismatches: 0, checked: expect.any(Number) });
    const incremental = await ds.query("SELECT unit_id, indicator_code, sum, count, numerator, denominator FROM rollup WHERE tenant_id = ? AND period = '2024S1' AND count > 0 ORDER BY unit_id, indicator_code", [T]);
    const progress: number[] = [];
    await recomputeRollups(ds, { tenantId: T, period: '2024S1', onProgress: (p) => void progress.push(p) });
    const full = await ds.query("SELECT unit_id, indicator_code, sum, count, numerator, denominator FROM rollup WHERE tenant_id = ? AND period = '2024S1' ORDER BY unit_id, indicator_code", [T]);
    expect(full).toEqual(incremental);
    expect(progress.at(-1)).toBe(100);
    const [national] = await ds.query("SELECT sum FROM national_rollup WHERE tenant_id = ? AND period = '2024S1' AND indicator_code = 'HOI_VIEN'", [T]);
    expect(Number(national.sum)).toBe(1750);
  });

  it('values per category of a sum indicator are counted and rolled up — incrementally as in a full recompute', async () => {
    const categories = async (reportId: string, values: Record<string, number>) => {
      for (const [category, v] of Object.entries(values)) {
        await ds.query("INSERT INTO report_value (tenant_id, report_id, indicator_code, category, value) VALUES (?, ?, 'HOI_VIEN', ?, ?)", [T, reportId, category, v]);
      }
    };
    const byCategory = async (unit: number) =>
      Object.fromEntries(
        (await ds.query("SELECT category, sum, count FROM category_rollup WHERE tenant_id = ? AND period = '2018S1' AND unit_id = ? AND count > 0 ORDER BY category", [T, unit])).map(
          (r: { category: string; sum: string; count: number }) => [r.category, [Number(r.sum), Number(r.count)]],
        ),
      );
    const a = await report(4, '2018S1', { HOI_VIEN: 100 });
    await categories(a, { DUOI_35: 40, TU_35_DEN_60: 60 });
    const b = await report(5, '2018S1', { HOI_VIEN: 50 });
    await categories(b, { DUOI_35: 50 });
    // A report with categories but no total: its categories do not count (the total is what counts).
    const c = await report(6, '2018S1', { HOI_VIEN_MOI: 3 });
    await categories(c, { TREN_60: 9 });
    for (const r of [a, b, c]) await inTenant(async () => applyOutbox(ds, await outbox(r)));
    expect(await byCategory(1)).toEqual({ DUOI_35: [90, 2], TU_35_DEN_60: [60, 1] });
    expect(await byCategory(2)).toEqual({ DUOI_35: [90, 2], TU_35_DEN_60: [60, 1] });
    expect(await byCategory(3)).toEqual({});
    // Taken back: its categories leave every total above.
    await ds.query("UPDATE report SET status = 'returned', version = 2 WHERE tenant_id = ? AND id = ?", [T, a]);
    await inTenant(async () => applyOutbox(ds, await outbox(a)));
    expect(await byCategory(1)).toEqual({ DUOI_35: [50, 1] });
    expect(await reconcileTenantPeriod(ds, T, '2018S1')).toMatchObject({ mismatches: 0, details: { values: 0, rollups: 0, categories: 0, national: 0 } });
    // Approved again, then the whole period recomputed: the same totals per category.
    await ds.query("UPDATE report SET status = 'approved', version = 3 WHERE tenant_id = ? AND id = ?", [T, a]);
    await inTenant(async () => applyOutbox(ds, await outbox(a)));
    const incremental = await byCategory(1);
    expect(incremental).toEqual({ DUOI_35: [90, 2], TU_35_DEN_60: [60, 1] });
    await recomputeRollups(ds, { tenantId: T, period: '2018S1' });
    expect(await byCategory(1)).toEqual(incremental);
    expect(await byCategory(2)).toEqual(incremental);
  });

  it('the reconciliation rebuilds the counted values from the reports and finds each kind of difference', async () => {
    const r = await report(7, '2017S1', { HOI_VIEN: 70, TY_LE_TAP_HOP_HOI_VIEN: [60, 70] });
    await ds.query("INSERT INTO report_value (tenant_id, report_id, indicator_code, category, value) VALUES (?, ?, 'HOI_VIEN', 'DUOI_35', 70)", [T, r]);
    await inTenant(async () => applyOutbox(ds, await outbox(r)));
    const check = () => reconcileTenantPeriod(ds, T, '2017S1');
    const clean = await check();
    expect(clean).toMatchObject({ mismatches: 0, details: { values: 0, rollups: 0, categories: 0, national: 0 } });
    expect(clean.checked).toBeGreaterThan(5);
    // A value changed without its apply (as if the job were lost): the counted value no longer matches the report.
    await ds.query("UPDATE report_value SET value = 71 WHERE tenant_id = ? AND report_id = ? AND indicator_code = 'HOI_VIEN' AND category = ''", [T, r]);
    expect((await check()).details).toEqual({ values: 1, rollups: 0, categories: 0, national: 0 });
    await ds.query("UPDATE report_value SET value = 70 WHERE tenant_id = ? AND report_id = ? AND indicator_code = 'HOI_VIEN' AND category = ''", [T, r]);
    // A category total and a central line gone wrong.
    await ds.query("UPDATE category_rollup SET sum = sum + 1 WHERE tenant_id = ? AND period = '2017S1' AND unit_id = 1", [T]);
    await ds.query("UPDATE national_rollup SET numerator = numerator + 1 WHERE tenant_id = ? AND period = '2017S1' AND indicator_code = 'TY_LE_TAP_HOP_HOI_VIEN'", [T]);
    expect((await check()).details).toEqual({ values: 0, rollups: 0, categories: 1, national: 1 });
    // A full recompute repairs everything; the check under the tenant's lock agrees.
    await recomputeRollups(ds, { tenantId: T, period: '2017S1' });
    expect(await reconcileTenantPeriod(ds, T, '2017S1', { lock: true })).toMatchObject({ mismatches: 0 });
  });

  it('the central line expects, per indicator, the reports of the forms that carry it (not every report of the period)', async () => {
    await ds.query(`INSERT INTO report_form (id, tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (2, ?, 'G', 'G', 'half', '["HOI_VIEN"]', '{"day":13,"month":6}', 'grassroots')`, [T]);
    const ofForm = async (unit: number, status: string, value?: number) => {
      const id = String(nextReport++);
      await ds.query(`INSERT INTO report (id, tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (?, ?, 2, 'G', ?, '2016S1', ?, '2016-06-13', 1)`, [id, T, unit, status]);
      if (value !== undefined) await ds.query(`INSERT INTO report_value (tenant_id, report_id, indicator_code, value) VALUES (?, ?, 'HOI_VIEN', ?)`, [T, id, value]);
      return id;
    };
    const expected = async () => (await ds.query(`SELECT units_expected FROM national_rollup WHERE tenant_id = ? AND period = '2016S1' AND indicator_code = 'HOI_VIEN'`, [T]))[0]?.units_expected;
    // A report of a form without HOI_VIEN (a plan's narrative report, say) in the same period is not expected to give it.
    await report(5, '2016S1', {}, 'draft');
    await inTenant(async () => applyOutbox(ds, await outbox(await ofForm(4, 'approved', 10))));
    expect(Number(await expected())).toBe(1);
    // A report that moves no value (submitted while only approved ones count) still counts as expected.
    await inTenant(async () => applyOutbox(ds, await outbox(await ofForm(6, 'submitted', 5))));
    expect(Number(await expected())).toBe(2);
    await recomputeRollups(ds, { tenantId: T, period: '2016S1' });
    expect(Number(await expected())).toBe(2);
  });

  it('the reconciliation notices a wrong total', async () => {
    await ds.query("UPDATE rollup SET sum = sum + 1 WHERE tenant_id = ? AND period = '2024S1' AND unit_id = 1 AND indicator_code = 'HOI_VIEN'", [T]);
    expect((await reconcileRollups(ds, T, '2024S1')).rollupMismatches).toBe(1);
  });
});
