import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { AggregationError, emptyParts, registerAggregationMethod, unregisterAggregationMethod, type AggregationMethod, type IndicatorDefinition } from '@sen/indicators';
import { createDataSource } from '../data-source';
import { dropDatabase, ensureDatabase, runMigrations } from '../database-admin';
import { countedValuesReportByReport, type CountedValue } from './counted-values';
import { tenantDefinitions } from './indicator-definitions';
import { rowToParts, sameParts } from './parts-columns';
import { recomputeRollups } from './recompute';

/**
 * The set-based rebuild of the counted values (writeCountedValues, through recomputeRollups) against the report-by-report
 * computation the incremental apply uses (countedValuesReportByReport), over generated tenants: trees with merged units,
 * every aggregation method, reports in every status, several reports per unit, the countSubmitted setting both ways.
 */
const base = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen').replace(/\/[^/]*$/, '');
const url = `${base}/sen_test_counted_${process.pid}`;
let ds: DataSource;

const def = (code: string, aggregation: string, over: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  code,
  name: code,
  nameEn: code,
  unit: 'người',
  valueType: 'decimal',
  kind: 'flow',
  aggregation,
  national: false,
  ...over,
});
/** One indicator of every built-in method, and the weight of the average. */
const INDICATORS: IndicatorDefinition[] = [
  def('G_SUM', 'sum'),
  def('G_WEIGHT', 'sum'),
  def('G_RATIO', 'ratio', { valueType: 'percentage' }),
  def('G_AVG', 'average', { weightIndicator: 'G_WEIGHT' }),
  def('G_MIN', 'min'),
  def('G_MAX', 'max'),
  def('G_COVER', 'coverage', { coverage: { level: 'grassroots', minimum: 2 } }),
  def('G_LATEST', 'latest', { kind: 'stock' }),
];

type Entry = { value?: number | null; numerator?: number | null; denominator?: number | null };
interface GeneratedReport {
  unit: number;
  form: number;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  version: number;
  /** Seconds after a fixed moment; ties happen (the id decides). */
  updatedAt: number;
  values: Record<string, Entry | 'all-null'>;
  /** A value per category: never counted in the totals. */
  category: boolean;
}
interface GeneratedTenant {
  districts: number[];
  branchesPerCommune: number[];
  /** Commune index, index of the commune it was merged into, and the last day it was valid (before the period: it counts under its successor). */
  merges: [number, number, string][];
  period: '2024S2' | '2024Q3' | '2024';
  countSubmitted: boolean;
  reports: GeneratedReport[];
}

const amount = fc.integer({ min: -100_000, max: 1_000_000 }).map((c) => c / 100); // two decimals, as users type them
const entry = (code: string): fc.Arbitrary<Entry | 'all-null' | undefined> => {
  const some = code === 'G_RATIO'
    ? fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.option(amount)).map(([a, b, v]) => ({ numerator: Math.min(a, b), denominator: Math.max(a, b), value: v }))
    : code === 'G_WEIGHT'
      ? fc.integer({ min: 0, max: 40 }).map((value) => ({ value }))
      : fc.oneof(amount.map((value) => ({ value })), fc.integer({ min: 0, max: 4 }).map((value) => ({ value })));
  return fc.oneof({ weight: 3, arbitrary: some }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('all-null' as const) });
};

const tenantArb: fc.Arbitrary<GeneratedTenant> = fc
  .record({
    districts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    branchSeed: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 9, maxLength: 9 }),
    period: fc.constantFrom('2024S2' as const, '2024Q3' as const, '2024' as const),
    countSubmitted: fc.boolean(),
  })
  .chain((t) => {
    const communes = t.districts.reduce((a, b) => a + b, 0);
    const branchesPerCommune = Array.from({ length: communes }, (_, i) => t.branchSeed[i % t.branchSeed.length]!);
    const units = 1 + t.districts.length + communes + branchesPerCommune.reduce((a, b) => a + b, 0);
    const report = fc.record({
      unit: fc.integer({ min: 1, max: units }),
      form: fc.integer({ min: 1, max: 2 }),
      status: fc.constantFrom('draft' as const, 'submitted' as const, 'approved' as const, 'approved' as const, 'returned' as const),
      version: fc.integer({ min: 1, max: 9 }),
      updatedAt: fc.integer({ min: 0, max: 5 }),
      values: fc.record(Object.fromEntries(INDICATORS.map((d) => [d.code, entry(d.code)]))) as fc.Arbitrary<Record<string, Entry | 'all-null' | undefined>>,
      category: fc.boolean(),
    });
    return fc.record({
      districts: fc.constant(t.districts),
      branchesPerCommune: fc.constant(branchesPerCommune),
      merges:
        communes > 1
          ? fc.array(fc.tuple(fc.integer({ min: 0, max: communes - 1 }), fc.integer({ min: 0, max: communes - 1 }), fc.constantFrom('2024-06-30', '2024-07-01', '2024-09-30')), { maxLength: 3 })
          : fc.constant([] as [number, number, string][]),
      period: fc.constant(t.period),
      countSubmitted: fc.constant(t.countSubmitted),
      reports: fc.array(report, { maxLength: 40 }),
    });
  })
  .map((t) => ({
    ...t,
    reports: t.reports.map((r) => {
      const values = Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== undefined)) as Record<string, Entry | 'all-null'>;
      // A weighted average needs its weight in the same report (validation sees to it): add one when missing.
      if (values.G_AVG && values.G_AVG !== 'all-null' && (values.G_WEIGHT === undefined || values.G_WEIGHT === 'all-null')) values.G_WEIGHT = { value: 3 };
      return { ...r, values };
    }),
  }));

let nextTenant = 100;
/** Writes a generated tenant; answers its id. Units: 1 root, districts, communes, branches — ids from a tenant base. */
async function insertTenant(t: GeneratedTenant): Promise<string> {
  const tenantId = String(nextTenant++);
  const idBase = Number(tenantId) * 1000;
  await ds.query(`INSERT INTO tenant (id, code, name, levels, root_unit_id, settings) VALUES (?, ?, 'Sinh ngẫu nhiên', '[]', ?, ?)`, [
    tenantId,
    `G${tenantId}`,
    idBase + 1,
    JSON.stringify({ countSubmitted: t.countSubmitted }),
  ]);
  const units: { id: number; parent: number | null; level: string; validTo: string | null; successor: number | null }[] = [{ id: idBase + 1, parent: null, level: 'province', validTo: null, successor: null }];
  const communes: number[] = [];
  for (const size of t.districts) {
    const district = idBase + units.length + 1;
    units.push({ id: district, parent: idBase + 1, level: 'district', validTo: null, successor: null });
    for (let c = 0; c < size; c++) {
      const id = idBase + units.length + 1;
      units.push({ id, parent: district, level: 'grassroots', validTo: null, successor: null });
      communes.push(id);
    }
  }
  communes.forEach((commune, i) => {
    for (let b = 0; b < (t.branchesPerCommune[i] ?? 0); b++) units.push({ id: idBase + units.length + 1, parent: commune, level: 'branch', validTo: null, successor: null });
  });
  // Closed the day before a period begins (2024S2, 2024Q3: 1 July), on its first day, or within it.
  for (const [a, b, validTo] of t.merges) {
    // Always into a later commune: chains (A → B → C), never a loop.
    const [from, into] = [Math.min(a, b), Math.max(a, b)];
    if (from === into) continue;
    const u = units.find((x) => x.id === communes[from])!;
    u.validTo = validTo;
    u.successor = communes[into]!;
  }
  await ds.query(
    `INSERT INTO org_unit (id, tenant_id, parent_id, name, name_folded, sort_key, level, kind, valid_to, successor_id) VALUES ${units.map(() => "(?, ?, ?, 'U', 'u', 'u', ?, 'union', ?, ?)").join(', ')}`,
    units.flatMap((u) => [u.id, tenantId, u.parent, u.level, u.validTo, u.successor]),
  );
  const parentOf = new Map(units.map((u) => [u.id, u.parent]));
  const closure: number[][] = [];
  for (const u of units) {
    let a: number | null | undefined = u.id;
    let depth = 0;
    while (a) {
      closure.push([a, u.id, depth++]);
      a = parentOf.get(a) ?? null;
    }
  }
  await ds.query(`INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth) VALUES ${closure.map(() => '(?, ?, ?, ?)').join(', ')}`, closure.flatMap((c) => [tenantId, ...c]));
  await ds.query(`INSERT INTO tenant_indicator (tenant_id, code, definition) VALUES ${INDICATORS.map(() => '(?, ?, ?)').join(', ')}`, INDICATORS.flatMap((d) => [tenantId, d.code, JSON.stringify(d)]));
  for (const form of [1, 2]) {
    await ds.query(`INSERT INTO report_form (tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (?, ?, 'F', 'half', '[]', '{"day":13,"month":6}', 'grassroots')`, [tenantId, `F${form}`]);
  }
  const forms: { id: string; code: string }[] = await ds.query('SELECT id, code FROM report_form WHERE tenant_id = ?', [tenantId]);
  const seen = new Set<string>();
  for (const r of t.reports) {
    const unitId = units[(r.unit - 1) % units.length]!.id;
    const key = `${unitId}|${r.form}`;
    if (seen.has(key)) continue; // one report per unit, form and period
    seen.add(key);
    const formId = forms.find((f) => f.code === `F${r.form}`)!.id;
    const res: { insertId: number } = await ds.query(
      `INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, '2024-12-13', ?, TIMESTAMPADD(SECOND, ?, '2024-12-01 08:00:00.000'))`,
      [tenantId, formId, `F${r.form}`, unitId, t.period, r.status, r.version, r.updatedAt],
    );
    const rows: unknown[][] = [];
    for (const [code, v] of Object.entries(r.values)) {
      const e = v === 'all-null' ? {} : v;
      rows.push([tenantId, res.insertId, code, '', e.value ?? null, e.numerator ?? null, e.denominator ?? null]);
      if (r.category && code === 'G_SUM') rows.push([tenantId, res.insertId, code, 'NHOM_A', 7, null, null]);
    }
    if (rows.length) {
      await ds.query(`INSERT INTO report_value (tenant_id, report_id, indicator_code, category, value, numerator, denominator) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`, rows.flat());
    }
  }
  return tenantId;
}

/** What the set-based recompute wrote into unit_value, in the reference's shape. */
async function setBased(tenantId: string, period: string): Promise<Map<string, CountedValue>> {
  await recomputeRollups(ds, { tenantId, period });
  const rows: Record<string, unknown>[] = await ds.query('SELECT * FROM unit_value WHERE tenant_id = ? AND period = ?', [tenantId, period]);
  return new Map(
    rows.map((r) => [
      `${String(r.unit_id)}|${String(r.indicator_code)}`,
      { unitId: String(r.unit_id), code: String(r.indicator_code), reportId: String(r.report_id), reportVersion: Number(r.report_version), parts: rowToParts(r) },
    ]),
  );
}

/** The two computations agree: the same rows, the same report behind each, the same parts (as stored: 4 decimals). */
function expectSame(actual: Map<string, CountedValue>, expected: Map<string, CountedValue>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, e] of expected) {
    const a = actual.get(key)!;
    const stored = { ...e.parts, weightedSum: Math.round(e.parts.weightedSum * 1e4) / 1e4 };
    if (a.reportId !== e.reportId || a.reportVersion !== e.reportVersion || !sameParts(a.parts, stored)) {
      throw new Error(`${key}: set-based ${JSON.stringify(a)} ≠ report by report ${JSON.stringify(e)}`);
    }
  }
}

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  ds = createDataSource({ url, poolSize: 4 });
  await ds.initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await dropDatabase(url);
});

describe('counted values: set-based SQL equals the report-by-report computation', () => {
  it('over generated tenants with every aggregation method, merged units, every status and several reports per unit', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(tenantArb, async (t) => {
        const tenantId = await insertTenant(t);
        const defs = await tenantDefinitions(ds.manager, tenantId);
        const expected = await countedValuesReportByReport(ds.manager, tenantId, t.period, defs);
        if (expected.size > 0) nonEmpty++;
        expectSame(await setBased(tenantId, t.period), expected);
      }),
      { numRuns: 40 },
    );
    // The generator is not degenerate: most tenants count something.
    expect(nonEmpty).toBeGreaterThan(20);
  }, 120_000);

  it('a unit merged along a chain (A → B → C) counts under the last successor, with its level; one closed on the first day, under itself', async () => {
    const t: GeneratedTenant = {
      districts: [4],
      branchesPerCommune: [0, 0, 0, 0],
      merges: [],
      period: '2024S2',
      countSubmitted: false,
      reports: [
        { unit: 3, form: 1, status: 'approved', version: 2, updatedAt: 0, values: { G_SUM: { value: 5 }, G_COVER: { value: 3 } }, category: false },
        { unit: 6, form: 1, status: 'approved', version: 1, updatedAt: 0, values: { G_SUM: { value: 8 } }, category: false },
      ],
    };
    const tenantId = await insertTenant(t);
    const base = Number(tenantId) * 1000;
    // Communes are ids base+3 … base+6: 3 merged into 4, 4 into 5, both before the period; 6 into 5 on its first day.
    const close = (id: number, successor: number, validTo: string) =>
      ds.query('UPDATE org_unit SET valid_to = ?, successor_id = ? WHERE tenant_id = ? AND id = ?', [validTo, successor, tenantId, id]);
    await close(base + 3, base + 4, '2024-06-30');
    await close(base + 4, base + 5, '2024-06-30');
    await close(base + 6, base + 5, '2024-07-01');
    const values = await setBased(tenantId, '2024S2');
    expect([...values.keys()].sort()).toEqual([`${base + 5}|G_COVER`, `${base + 5}|G_SUM`, `${base + 6}|G_SUM`]);
    expect(values.get(`${base + 5}|G_COVER`)!.parts).toMatchObject({ eligible: 1, meeting: 1, count: 1 });
    expectSame(values, await countedValuesReportByReport(ds.manager, tenantId, '2024S2', await tenantDefinitions(ds.manager, tenantId)));
  });

  it('a value the method refuses fails the set-based recompute as it fails the report-by-report one', async () => {
    const t: GeneratedTenant = {
      districts: [1],
      branchesPerCommune: [0],
      merges: [],
      period: '2024S2',
      countSubmitted: false,
      reports: [{ unit: 3, form: 1, status: 'approved', version: 1, updatedAt: 0, values: { G_RATIO: { numerator: 4 } }, category: false }],
    };
    const tenantId = await insertTenant(t);
    const defs = await tenantDefinitions(ds.manager, tenantId);
    const reference = await countedValuesReportByReport(ds.manager, tenantId, '2024S2', defs).catch((e: Error) => e);
    expect(reference).toBeInstanceOf(AggregationError);
    await expect(recomputeRollups(ds, { tenantId, period: '2024S2' })).rejects.toThrow((reference as Error).message);
  });

  it('an indicator of a method registered by other code goes through its own fromUnitValue', async () => {
    // "How many units reported a non-zero value": not a built-in, so not in the SQL of METHOD_PARTS.
    const nonZero: AggregationMethod = {
      id: 'non_zero_units',
      nameVi: 'Số đơn vị khác 0',
      nameEn: 'Units with a non-zero value',
      additive: true,
      fromUnitValue: (input) => ({ ...emptyParts(), sum: input.value ? 1 : 0, count: input.value === null || input.value === undefined ? 0 : 1 }),
      combine: (a, b) => ({ ...a, sum: a.sum + b.sum, count: a.count + b.count }),
      subtract: () => null,
      value: (p) => p.sum,
    };
    registerAggregationMethod(nonZero);
    try {
      const t: GeneratedTenant = {
        districts: [2],
        branchesPerCommune: [0, 0],
        merges: [],
        period: '2024S2',
        countSubmitted: false,
        reports: [
          { unit: 3, form: 1, status: 'approved', version: 1, updatedAt: 0, values: { G_SUM: { value: 9 } }, category: false },
          { unit: 4, form: 1, status: 'approved', version: 1, updatedAt: 0, values: { G_SUM: { value: 0 } }, category: false },
        ],
      };
      const tenantId = await insertTenant(t);
      await ds.query('INSERT INTO tenant_indicator (tenant_id, code, definition) VALUES (?, ?, ?)', [tenantId, 'G_NONZERO', JSON.stringify(def('G_NONZERO', 'non_zero_units'))]);
      const reports: { id: string }[] = await ds.query('SELECT id FROM report WHERE tenant_id = ? ORDER BY unit_id', [tenantId]);
      for (const [i, r] of reports.entries()) await ds.query("INSERT INTO report_value (tenant_id, report_id, indicator_code, value) VALUES (?, ?, 'G_NONZERO', ?)", [tenantId, r.id, i === 0 ? 5 : 0]);
      const values = await setBased(tenantId, '2024S2');
      const base = Number(tenantId) * 1000;
      expect(values.get(`${base + 3}|G_NONZERO`)!.parts).toMatchObject({ sum: 1, count: 1 });
      expect(values.get(`${base + 4}|G_NONZERO`)!.parts).toMatchObject({ sum: 0, count: 1 });
      expectSame(values, await countedValuesReportByReport(ds.manager, tenantId, '2024S2', await tenantDefinitions(ds.manager, tenantId)));
    } finally {
      unregisterAggregationMethod('non_zero_units');
    }
  });
});
