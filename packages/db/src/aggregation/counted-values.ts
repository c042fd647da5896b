import type { EntityManager } from 'typeorm';
import { AggregationError, parsePeriod, partsOf, type BuiltInAggregationId, type IndicatorDefinition, type RollupParts } from '@sen/indicators';
import { MAX_ROWS_PER_STATEMENT, PART_COLUMNS, partsToParams } from './parts-columns';

export interface ReportRow {
  id: string;
  tenant_id: string;
  unit_id: string;
  period: string;
  status: string;
  version: number;
}

/** Does this report count in the rollups? Approved always; submitted too when the tenant chose so. */
export function reportCounts(status: string, countSubmitted: boolean): boolean {
  return status === 'approved' || (countSubmitted && status === 'submitted');
}

/** The statuses of the reports that count (reportCounts, for SQL). */
export function countingStatuses(countSubmitted: boolean): string[] {
  return countSubmitted ? ['approved', 'submitted'] : ['approved'];
}

/**
 * The unit a report's values count under: the unit itself, or — when the unit was closed (merged,
 * dissolved) before the period began — its successor, following the chain. Periods before the merge keep
 * counting under the old unit, and so under the old tree.
 */
export async function effectiveUnit(m: EntityManager, tenantId: string, unitId: string, periodStart: string): Promise<{ id: string; level: string }> {
  let id = unitId;
  for (let hops = 0; hops < 20; hops++) {
    const [u]: { id: string; level: string; valid_to: string | null; successor_id: string | null }[] = await m.query(
      'SELECT id, level, valid_to, successor_id FROM org_unit WHERE tenant_id = ? AND id = ?',
      [tenantId, id],
    );
    if (!u) break;
    if (u.valid_to && u.valid_to < periodStart && u.successor_id) {
      id = String(u.successor_id);
      continue;
    }
    return { id: String(u.id), level: u.level };
  }
  return { id: unitId, level: '' };
}

/**
 * The parts each indicator of a report contributes, computed by @sen/indicators (partsOf) from the report's
 * total values (category ''): ratios from numerator/denominator, averages weighted by their named indicator,
 * coverage by the unit's level.
 */
export async function reportParts(
  m: EntityManager,
  report: ReportRow,
  unitLevel: string,
  defs: ReadonlyMap<string, IndicatorDefinition>,
): Promise<Map<string, RollupParts>> {
  const rows: { indicator_code: string; value: string | null; numerator: string | null; denominator: string | null }[] = await m.query(
    "SELECT indicator_code, value, numerator, denominator FROM report_value WHERE tenant_id = ? AND report_id = ? AND category = ''",
    [report.tenant_id, report.id],
  );
  const byCode = new Map(rows.map((r) => [r.indicator_code, r]));
  const out = new Map<string, RollupParts>();
  for (const r of rows) {
    const def = defs.get(r.indicator_code);
    if (!def) continue;
    const n = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
    if (n(r.value) === null && n(r.numerator) === null && n(r.denominator) === null) continue;
    const weightRow = def.weightIndicator ? byCode.get(def.weightIndicator) : undefined;
    out.set(
      r.indicator_code,
      partsOf(def, { value: n(r.value), numerator: n(r.numerator), denominator: n(r.denominator), weight: n(weightRow?.value), level: unitLevel, period: report.period }),
    );
  }
  return out;
}

/** A tenant's settings column as stored (JSON text or, from some drivers, already parsed). */
export function tenantCountsSubmitted(settings: string | { countSubmitted?: boolean } | null | undefined): boolean {
  const parsed = typeof settings === 'string' ? (JSON.parse(settings) as { countSubmitted?: boolean } | null) : settings;
  return !!parsed?.countSubmitted;
}

/** Neutral values of the parts columns: what a method leaves alone. */
const NEUTRAL: Record<string, string> = Object.fromEntries(PART_COLUMNS.map((c) => [c, c === 'min' || c === 'max' || c.startsWith('latest_') ? 'NULL' : '0']));

/**
 * Each built-in method's `fromUnitValue` (@sen/indicators) in SQL, column by column, over `cv`: a unit's counted
 * report value (value, numerator, denominator, the weight from the same report, the unit's level) with its
 * indicator's method row (weight_code, coverage_level, coverage_minimum). Columns not named stay neutral.
 * `?period` stands for the period (latest).
 */
const METHOD_PARTS: Record<BuiltInAggregationId, Partial<Record<(typeof PART_COLUMNS)[number], string>>> = {
  sum: { sum: 'COALESCE(cv.value, 0)', count: 'cv.value IS NOT NULL' },
  ratio: {
    numerator: 'COALESCE(cv.numerator, 0)',
    denominator: 'COALESCE(cv.denominator, 0)',
    count: 'cv.numerator IS NOT NULL AND cv.denominator IS NOT NULL',
  },
  average: {
    weighted_sum: 'IF(cv.value IS NULL, 0, cv.value * COALESCE(cv.weight, 1))',
    weight: 'IF(cv.value IS NULL, 0, COALESCE(cv.weight, 1))',
    count: 'cv.value IS NOT NULL',
  },
  min: { min: 'cv.value', count: 'cv.value IS NOT NULL' },
  max: { max: 'cv.value', count: 'cv.value IS NOT NULL' },
  // Only units at the configured level count (eligible), meeting when their value reaches the minimum.
  coverage: {
    eligible: 'BINARY cv.level = BINARY cv.coverage_level',
    meeting: 'BINARY cv.level = BINARY cv.coverage_level AND cv.value IS NOT NULL AND cv.value >= cv.coverage_minimum',
    count: 'BINARY cv.level = BINARY cv.coverage_level AND cv.value IS NOT NULL',
  },
  latest: { latest_period: 'IF(cv.value IS NULL, NULL, ?period)', latest_value: 'cv.value', count: 'cv.value IS NOT NULL' },
};

/** The values `fromUnitValue` refuses (an AggregationError), per method: looked for first, and refused the same way. */
const METHOD_REFUSES: Partial<Record<BuiltInAggregationId, string>> = {
  ratio: '(cv.numerator IS NULL) <> (cv.denominator IS NULL) OR (cv.numerator IS NULL AND cv.value IS NOT NULL)',
  average: 'cv.value IS NOT NULL AND ((cv.weight IS NULL AND cv.weight_code IS NOT NULL) OR cv.weight < 0)',
  coverage: 'cv.coverage_level IS NULL',
};

const BUILT_IN = Object.keys(METHOD_PARTS);

/** Each parts column as one CASE over the methods that fill it (one pass over the values for every method). */
const PARTS_SELECT = PART_COLUMNS.map((c) => {
  const arms = Object.entries(METHOD_PARTS)
    .filter(([, parts]) => (parts as Record<string, string>)[c])
    .map(([method, parts]) => `WHEN '${method}' THEN ${(parts as Record<string, string>)[c]}`);
  return arms.length ? `CASE cv.method ${arms.join(' ')} ELSE ${NEUTRAL[c]} END` : NEUTRAL[c]!;
});

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The tables writeCountedValues fills: the counted values, and the counted values per category. */
export interface CountedValueTables {
  /** `unit_value`, or a temporary table of its columns (the reconciliation compares it). */
  values: string;
  /** `unit_category_value`, or a temporary table of its columns. */
  categories: string;
}

export interface CountedValuesOptions {
  tenantId: string;
  period: string;
  countSubmitted: boolean;
  defs: ReadonlyMap<string, IndicatorDefinition>;
  into: CountedValueTables;
  onProgress?: (step: number, steps: number) => void | Promise<void>;
}

/** Sum indicators broken down by category: their counted values per category are kept and rolled up too. */
export function hasCategoryTotals(def: IndicatorDefinition | undefined): boolean {
  return !!def && def.aggregation === 'sum' && (def.disaggregations ?? []).some((d) => d.categories.length > 0);
}

/**
 * A tenant's counted values of a period, rebuilt from its reports set-based — the full recompute's step 1 — the same
 * as applyOutbox makes them report by report (effectiveUnit, reportParts; proven equal by counted-values.spec.ts):
 *
 * 1. `cv_unit`: the unit each reporting unit counts under: itself, or — closed (merged, dissolved) before the period
 *    began — its successor, along the chain (a recursive CTE), with that unit's level;
 * 2. the values a method refuses (a ratio without its denominator, an average without its weight) fail the recompute
 *    as partsOf fails the incremental apply — one query over every counting report's values;
 * 3. ONE `INSERT … SELECT` of the parts columns: per counting unit and indicator the total value (category '') of the
 *    latest counting report that has one (reports by updated_at, then id), made into parts by its method's SQL
 *    (METHOD_PARTS: one CASE arm per method kind). Indicators of a method registered by other code (not built in)
 *    go through partsOf itself, row by row: the only rows not set-based;
 * 4. the same report's values per category of the sum indicators that have categories (hasCategoryTotals).
 *
 * Runs on the manager of a transaction: the temporary tables live on its one connection.
 */
export async function writeCountedValues(m: EntityManager, opts: CountedValuesOptions): Promise<void> {
  const { tenantId, period, into } = opts;
  for (const table of [into.values, into.categories]) if (!/^[a-z_]+$/.test(table)) throw new Error(`writeCountedValues: bad table name ${table}`);
  if (!m.queryRunner?.isTransactionActive) throw new Error('writeCountedValues runs inside a transaction (temporary tables)');
  const statuses = countingStatuses(opts.countSubmitted);
  const periodStart = parsePeriod(period).start;
  const steps = 4;
  let step = 0;
  const progress = async () => opts.onProgress?.(++step, steps);
  await dropCountedValueTables(m);
  try {
    await m.query(`CREATE TEMPORARY TABLE cv_method (
      code VARCHAR(64) NOT NULL PRIMARY KEY, method VARCHAR(32) NOT NULL, weight_code VARCHAR(64) NULL,
      coverage_level VARCHAR(32) NULL, coverage_minimum DECIMAL(20,4) NULL, by_category TINYINT(1) NOT NULL)`);
    const defs = [...opts.defs.values()];
    for (let i = 0; i < defs.length; i += MAX_ROWS_PER_STATEMENT) {
      const chunk = defs.slice(i, i + MAX_ROWS_PER_STATEMENT);
      await m.query(
        `INSERT INTO cv_method (code, method, weight_code, coverage_level, coverage_minimum, by_category) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((d) => [d.code, d.aggregation, d.weightIndicator ?? null, d.coverage?.level ?? null, d.coverage?.minimum ?? null, hasCategoryTotals(d) ? 1 : 0]),
      );
    }
    // 1. Where each reporting unit counts. A chain longer than 20 successors is a loop in the data: it stops there.
    await m.query(`CREATE TEMPORARY TABLE cv_unit (unit_id BIGINT UNSIGNED NOT NULL PRIMARY KEY, effective_id BIGINT UNSIGNED NOT NULL, level VARCHAR(32) NOT NULL)`);
    await m.query(
      `INSERT INTO cv_unit (unit_id, effective_id, level)
       WITH RECURSIVE chain (unit_id, current_id, hops) AS (
         SELECT DISTINCT r.unit_id, r.unit_id, 0 FROM report r WHERE r.tenant_id = ? AND r.period = ? AND r.status IN (?)
         UNION ALL
         SELECT c.unit_id, u.successor_id, c.hops + 1 FROM chain c JOIN org_unit u ON u.tenant_id = ? AND u.id = c.current_id
         WHERE u.valid_to < ? AND u.successor_id IS NOT NULL AND c.hops < 20)
       SELECT unit_id, current_id, level FROM (
         SELECT c.unit_id, c.current_id, u.level, ROW_NUMBER() OVER (PARTITION BY c.unit_id ORDER BY c.hops DESC) AS rn
         FROM chain c JOIN org_unit u ON u.tenant_id = ? AND u.id = c.current_id) last
       WHERE rn = 1`,
      [tenantId, period, statuses, tenantId, periodStart, tenantId],
    );
    await progress();
    // Every counting report's total values (a row of nothing is no value), with where they count, the indicator's
    // method and the weight an average reads from the same report; `rn` = 1 for the latest report of a unit and
    // indicator (a report without a value for an indicator leaves it to an earlier one).
    const counting = (where = '', latest = true) => ({
      sql: `SELECT cu.effective_id AS unit_id, rv.indicator_code, r.id AS report_id, r.version AS report_version, cu.level,
                   rv.value, rv.numerator, rv.denominator, w.value AS weight,
                   im.method, im.weight_code, im.coverage_level, im.coverage_minimum
                   ${latest ? ', ROW_NUMBER() OVER (PARTITION BY cu.effective_id, rv.indicator_code ORDER BY r.updated_at DESC, r.id DESC) AS rn' : ''}
            FROM report r
            JOIN cv_unit cu ON cu.unit_id = r.unit_id
            JOIN report_value rv ON rv.tenant_id = r.tenant_id AND rv.report_id = r.id AND rv.category = ''
            JOIN cv_method im ON im.code = rv.indicator_code ${where}
            LEFT JOIN report_value w ON w.tenant_id = r.tenant_id AND w.report_id = r.id AND w.indicator_code = im.weight_code AND w.category = ''
            WHERE r.tenant_id = ? AND r.period = ? AND r.status IN (?)
              AND (rv.value IS NOT NULL OR rv.numerator IS NOT NULL OR rv.denominator IS NOT NULL)`,
      params: [tenantId, period, statuses],
    });
    // 2. Values a method refuses, in any counting report (the incremental apply computes every one it applies): only
    // the indicators of the methods that refuse anything are read, and no latest report is picked.
    const refusing = Object.keys(METHOD_REFUSES).filter((method) => defs.some((d) => d.aggregation === method));
    const candidates = counting(`AND im.method IN (${refusing.map((r) => `'${r}'`).join(', ') || "''"})`, false);
    const refused: Record<string, unknown>[] = refusing.length
      ? await m.query(
          `SELECT * FROM (${candidates.sql}) cv WHERE ${Object.entries(METHOD_REFUSES).map(([method, when]) => `(cv.method = '${method}' AND (${when}))`).join(' OR ')} LIMIT 1`,
          candidates.params,
        )
      : [];
    if (refused[0]) {
      const row = refused[0];
      partsOf(opts.defs.get(String(row.indicator_code))!, { value: n(row.value), numerator: n(row.numerator), denominator: n(row.denominator), weight: n(row.weight), level: String(row.level), period });
      throw new AggregationError(`Indicator ${String(row.indicator_code)}: a value the method refuses`, `Chỉ số ${String(row.indicator_code)}: giá trị không tổng hợp được`, 'value');
    }
    // 3. The latest values as parts, every built-in method in one statement, in the primary key's order.
    const all = counting();
    const columns = `tenant_id, period, indicator_code, unit_id, report_id, report_version, ${PART_COLUMNS.join(', ')}`;
    const periodParams = PARTS_SELECT.filter((e) => e.includes('?period')).map(() => period);
    await m.query(
      `INSERT INTO ${into.values} (${columns})
       SELECT ?, ?, cv.indicator_code, cv.unit_id, cv.report_id, cv.report_version, ${PARTS_SELECT.join(', ').replaceAll('?period', '?')}
       FROM (${all.sql}) cv WHERE cv.rn = 1 AND cv.method IN (?)
       ORDER BY cv.indicator_code, cv.unit_id`,
      [tenantId, period, ...periodParams, ...all.params, BUILT_IN],
    );
    await progress();
    // Methods registered by other code: their own fromUnitValue, row by row.
    const custom: Record<string, unknown>[] = defs.some((d) => !BUILT_IN.includes(d.aggregation))
      ? await m.query(`SELECT * FROM (${all.sql}) cv WHERE cv.rn = 1 AND cv.method NOT IN (?)`, [...all.params, BUILT_IN])
      : [];
    for (let i = 0; i < custom.length; i += MAX_ROWS_PER_STATEMENT) {
      const chunk = custom.slice(i, i + MAX_ROWS_PER_STATEMENT);
      await m.query(
        `INSERT INTO ${into.values} (${columns}) VALUES ${chunk.map(() => `(${new Array(6 + PART_COLUMNS.length).fill('?').join(', ')})`).join(', ')}`,
        chunk.flatMap((row) => {
          const def = opts.defs.get(String(row.indicator_code))!;
          const parts = partsOf(def, { value: n(row.value), numerator: n(row.numerator), denominator: n(row.denominator), weight: n(row.weight), level: String(row.level), period });
          return [tenantId, period, row.indicator_code, row.unit_id, row.report_id, row.report_version, ...partsToParams(parts)];
        }),
      );
    }
    await progress();
    // 4. Per category, from the report whose total counts.
    const categorised = counting('AND im.by_category = 1');
    if (defs.some(hasCategoryTotals)) await m.query(
      `INSERT INTO ${into.categories} (tenant_id, period, indicator_code, category, unit_id, report_id, sum, count)
       SELECT ?, ?, cv.indicator_code, c.category, cv.unit_id, cv.report_id, c.value, 1
       FROM (${categorised.sql}) cv
       JOIN report_value c ON c.tenant_id = ? AND c.report_id = cv.report_id AND c.indicator_code = cv.indicator_code AND c.category <> '' AND c.value IS NOT NULL
       WHERE cv.rn = 1 AND cv.value IS NOT NULL`,
      [tenantId, period, ...categorised.params, tenantId],
    );
    await progress();
  } finally {
    await dropCountedValueTables(m);
  }
}

async function dropCountedValueTables(m: EntityManager): Promise<void> {
  await m.query('DROP TEMPORARY TABLE IF EXISTS cv_unit, cv_method');
}

/** One unit's counted value of one indicator. */
export interface CountedValue {
  unitId: string;
  code: string;
  reportId: string;
  reportVersion: number;
  parts: RollupParts;
}

/**
 * The counted values of a tenant's period computed report by report — each counting report's unit located
 * (effectiveUnit) and its values turned into parts (reportParts), the latest report winning — exactly as the
 * incremental apply computes one report's. Not used by the engine: it is the reference the set-based
 * writeCountedValues is proven equal to (aggregation tests, the demo data), keyed `unit|code`.
 */
export async function countedValuesReportByReport(m: EntityManager, tenantId: string, period: string, defs: ReadonlyMap<string, IndicatorDefinition>): Promise<Map<string, CountedValue>> {
  const [tenant]: { settings: string | { countSubmitted?: boolean } | null }[] = await m.query('SELECT settings FROM tenant WHERE id = ?', [tenantId]);
  const countSubmitted = tenantCountsSubmitted(tenant?.settings);
  const reports: ReportRow[] = await m.query(
    `SELECT r.id, r.tenant_id, r.unit_id, r.period, r.status, r.version FROM report r
     JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
     WHERE r.tenant_id = ? AND r.period = ? ORDER BY r.updated_at, r.id`,
    [tenantId, period],
  );
  const out = new Map<string, CountedValue>();
  for (const r of reports.filter((x) => reportCounts(x.status, countSubmitted))) {
    const unit = await effectiveUnit(m, tenantId, String(r.unit_id), parsePeriod(period).start);
    const parts = await reportParts(m, r, unit.level, defs);
    for (const [code, p] of parts) out.set(`${unit.id}|${code}`, { unitId: unit.id, code, reportId: String(r.id), reportVersion: Number(r.version), parts: p });
  }
  return out;
}
