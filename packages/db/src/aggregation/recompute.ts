import type { DataSource, EntityManager } from 'typeorm';
import type { RollupParts } from '@sen/indicators';
import { tenantCountsSubmitted, writeCountedValues } from './counted-values';
import { tenantDefinitions } from './indicator-definitions';
import { MAX_ROWS_PER_STATEMENT, PART_AGGREGATES, PART_COLUMNS, PART_MERGE, rowToParts } from './parts-columns';
import { refreshNationalRollup } from './apply-report';

export interface RecomputeOptions {
  tenantId: string;
  period: string;
  /** 0–100, for the progress bar of the web app. */
  onProgress?: (percent: number) => void | Promise<void>;
  /** Rebuild the counted unit values from the reports first (default true); false starts from unit_value. */
  fromReports?: boolean;
}

const partColumnList = PART_COLUMNS.join(', ');

/**
 * Full recompute of a tenant's period, set-based throughout: (1) the counted value of every unit, rebuilt from its
 * counting reports by one INSERT … SELECT per aggregation method (writeCountedValues); (2) every rollup, level by
 * level (buildRollups); (3) the tenant's line of the central totals.
 */
export async function recomputeRollups(ds: DataSource, opts: RecomputeOptions): Promise<{ values: number; rollups: number }> {
  const { tenantId, period } = opts;
  const progress = async (p: number) => opts.onProgress?.(p);
  const [tenant]: { settings: string | { countSubmitted?: boolean } | null; root_unit_id: string | null }[] = await ds.query('SELECT settings, root_unit_id FROM tenant WHERE id = ?', [tenantId]);
  if (!tenant) throw new Error(`tenant ${tenantId} not found`);

  if (opts.fromReports !== false) {
    const defs = await tenantDefinitions(ds.manager, tenantId);
    await ds.transaction('READ COMMITTED', async (m) => {
      // The tenant's row is the lock the incremental apply takes first (applyOutbox): no apply runs half inside a
      // recompute. Read committed: the INSERT … SELECTs read the reports without locking them.
      await m.query('SELECT id FROM tenant WHERE id = ? FOR UPDATE', [tenantId]);
      await m.query('DELETE FROM unit_value WHERE tenant_id = ? AND period = ?', [tenantId, period]);
      await m.query('DELETE FROM unit_category_value WHERE tenant_id = ? AND period = ?', [tenantId, period]);
      await writeCountedValues(m, {
        tenantId,
        period,
        countSubmitted: tenantCountsSubmitted(tenant.settings),
        defs,
        into: { values: 'unit_value', categories: 'unit_category_value' },
        onProgress: (step, steps) => progress(Math.round((step / steps) * 60)),
      });
    });
  }
  await progress(70);
  const rollups = await ds.transaction('READ COMMITTED', async (m) => {
    await m.query('SELECT id FROM tenant WHERE id = ? FOR UPDATE', [tenantId]);
    await m.query('DELETE FROM rollup WHERE tenant_id = ? AND period = ?', [tenantId, period]);
    const written = await buildRollups(m, tenantId, period, tenant.root_unit_id ? String(tenant.root_unit_id) : null);
    await m.query('DELETE FROM category_rollup WHERE tenant_id = ? AND period = ?', [tenantId, period]);
    await m.query(
      `INSERT INTO category_rollup (tenant_id, period, indicator_code, category, unit_id, sum, count) ${CATEGORY_ROLLUP_SELECT}`,
      [tenantId, tenantId, period, tenant.root_unit_id ?? 0],
    );
    if (tenant.root_unit_id) await refreshNationalRollup(m, tenantId, period, String(tenant.root_unit_id));
    return written;
  });
  await progress(100);
  const [counted]: { n: string }[] = await ds.query('SELECT COUNT(*) AS n FROM unit_value WHERE tenant_id = ? AND period = ?', [tenantId, period]);
  return { values: Number(counted?.n ?? 0), rollups };
}

/** The tenant's units that have sub-units — with the root, the units that hold a rollup row. */
const PARENT_UNITS = 'SELECT DISTINCT parent_id AS id FROM org_unit WHERE tenant_id = ? AND parent_id IS NOT NULL';

/**
 * The category rollups of a tenant's period (tenant, tenant, period, root as parameters): a GROUP BY of the counted
 * values per category over the closure table, for the units that hold rollup rows — category values are few (the
 * sum indicators with categories), so the closure join costs little.
 */
const CATEGORY_ROLLUP_SELECT = `
  SELECT STRAIGHT_JOIN v.tenant_id, v.period, v.indicator_code, v.category, c.ancestor_id AS unit_id, SUM(v.sum) AS sum, SUM(v.count) AS count
  FROM unit_category_value v
  JOIN org_unit_closure c ON c.tenant_id = v.tenant_id AND c.descendant_id = v.unit_id
  LEFT JOIN (${PARENT_UNITS}) p ON p.id = c.ancestor_id
  WHERE v.tenant_id = ? AND v.period = ? AND (c.depth > 0 OR p.id IS NOT NULL OR c.ancestor_id = ?)
  GROUP BY v.tenant_id, v.period, v.indicator_code, v.category, c.ancestor_id`;

/**
 * Step 2, set-based and level by level, the way the totals are made on paper: (a) ONE pass over the counted
 * values — each unit without sub-units gives its values to its parent, each unit with sub-units (and the
 * root) keeps its own — grouped into the rows of the units with sub-units: the cost of a single GROUP BY of
 * the values to the level above; (b) from the deepest level up, each such unit's finished row merged into its
 * parent's (a few small statements over rollup rows, not over the values). Units without sub-units hold no
 * rollup row: their total is their own counted value (unitTotals reads either).
 */
async function buildRollups(m: EntityManager, tenantId: string, period: string, rootUnitId: string | null): Promise<number> {
  const aggregates = PART_COLUMNS.map((col) => PART_AGGREGATES[col]).join(', ');
  // STRAIGHT_JOIN: read the values once and look each unit up by key; left to itself the optimizer drives
  // from org_unit and scans the tenant's values once per unit (measured by the benchmark).
  await m.query(
    `INSERT INTO rollup (tenant_id, period, indicator_code, unit_id, ${partColumnList}, updated_at)
     SELECT STRAIGHT_JOIN uv.tenant_id, uv.period, uv.indicator_code,
            IF(p.id IS NULL AND u.id <> ?, u.parent_id, u.id) AS target, ${aggregates}, CURRENT_TIMESTAMP(3)
     FROM unit_value uv
     JOIN org_unit u ON u.tenant_id = uv.tenant_id AND u.id = uv.unit_id
     LEFT JOIN (${PARENT_UNITS}) p ON p.id = u.id
     WHERE uv.tenant_id = ? AND uv.period = ?
     GROUP BY uv.tenant_id, uv.period, uv.indicator_code, target
     HAVING target IS NOT NULL`,
    [rootUnitId ?? 0, tenantId, tenantId, period],
  );
  // The depth of each unit with sub-units (its longest path up): children's rows are final before their
  // parent's row takes them in.
  const depths: { id: string; depth: number }[] = await m.query(
    `SELECT c.descendant_id AS id, MAX(c.depth) AS depth FROM org_unit_closure c JOIN (${PARENT_UNITS}) p ON p.id = c.descendant_id
     WHERE c.tenant_id = ? GROUP BY c.descendant_id`,
    [tenantId, tenantId],
  );
  const byDepth = new Map<number, string[]>();
  for (const d of depths) {
    if (Number(d.depth) === 0) continue;
    const list = byDepth.get(Number(d.depth)) ?? [];
    list.push(String(d.id));
    byDepth.set(Number(d.depth), list);
  }
  const merge = PART_COLUMNS.map((c) => `${c} = ${PART_MERGE[c]}`).join(', ');
  const rollupAggregates = PART_COLUMNS.map((col) => PART_AGGREGATES[col]!.replace('uv.', 'r.')).join(', ');
  for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) {
    const ids = byDepth.get(depth)!;
    for (let i = 0; i < ids.length; i += MAX_ROWS_PER_STATEMENT) {
      await m.query(
        `INSERT INTO rollup (tenant_id, period, indicator_code, unit_id, ${partColumnList}, updated_at)
         SELECT r.tenant_id, r.period, r.indicator_code, u.parent_id, ${rollupAggregates}, CURRENT_TIMESTAMP(3)
         FROM rollup r JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
         WHERE r.tenant_id = ? AND r.period = ? AND r.unit_id IN (?) AND u.parent_id IS NOT NULL
         GROUP BY r.tenant_id, r.period, r.indicator_code, u.parent_id
         ON DUPLICATE KEY UPDATE ${merge}, updated_at = VALUES(updated_at)`,
        [tenantId, period, ids.slice(i, i + MAX_ROWS_PER_STATEMENT)],
      );
    }
  }
  const [count]: { n: string }[] = await m.query('SELECT COUNT(*) AS n FROM rollup WHERE tenant_id = ? AND period = ?', [tenantId, period]);
  return Number(count?.n ?? 0);
}

/**
 * Proves the incremental totals: compares every rollup row with what a full GROUP BY of the counted values over
 * the closure table gives for the units that hold rollup rows (units with sub-units, and the root), both ways:
 * a row missing or different, and a row with something counted that should not be there (a unit without
 * sub-units, or a subtree with nothing counted). Returns the rows that differ (none expected).
 */
export async function reconcileRollups(ds: DataSource, tenantId: string, period: string): Promise<{ rollupMismatches: number; checked: number }> {
  return ds.transaction('READ COMMITTED', async (m) => {
    const { mismatches, checked } = await rollupMismatches(m, tenantId, period);
    return { rollupMismatches: mismatches, checked };
  });
}

/** reconcileRollups on a transaction's manager (its temporary table lives on that connection). */
export async function rollupMismatches(m: EntityManager, tenantId: string, period: string): Promise<{ mismatches: number; checked: number }> {
  // What readers see (unitTotals): the rollup row, or the unit's own value when it has none (a unit that got
  // its first sub-unit after the period was counted has no row, and nothing below it counted then).
  const seen = (c: string) => `IF(r.unit_id IS NULL, v.${c}, r.${c})`;
  const cmp = PART_COLUMNS.filter((c) => c !== 'latest_period')
    .map((c) => `NOT (COALESCE(${seen(c)}, -1) <=> COALESCE(x.${c}, -1))`)
    .join(' OR ');
  const [tenant]: { root_unit_id: string | null }[] = await m.query('SELECT root_unit_id FROM tenant WHERE id = ?', [tenantId]);
  await m.query('DROP TEMPORARY TABLE IF EXISTS expected_rollup');
  await m.query(
    `CREATE TEMPORARY TABLE expected_rollup (PRIMARY KEY (unit_id, indicator_code)) AS
     SELECT STRAIGHT_JOIN c.ancestor_id AS unit_id, uv.indicator_code, ${PART_COLUMNS.map((col) => `${PART_AGGREGATES[col]} AS ${col}`).join(', ')}
     FROM unit_value uv JOIN org_unit_closure c ON c.tenant_id = uv.tenant_id AND c.descendant_id = uv.unit_id
     LEFT JOIN (${PARENT_UNITS}) p ON p.id = c.ancestor_id
     WHERE uv.tenant_id = ? AND uv.period = ? AND (c.depth > 0 OR p.id IS NOT NULL OR c.ancestor_id = ?)
     GROUP BY c.ancestor_id, uv.indicator_code`,
    [tenantId, tenantId, period, tenant?.root_unit_id ?? 0],
  );
  try {
    const [row]: { mismatches: string | null; checked: string }[] = await m.query(
      `SELECT SUM(CASE WHEN (r.unit_id IS NULL AND v.unit_id IS NULL) OR ${cmp} THEN 1 ELSE 0 END) AS mismatches, COUNT(*) AS checked
       FROM expected_rollup x
       LEFT JOIN rollup r ON r.tenant_id = ? AND r.period = ? AND r.unit_id = x.unit_id AND r.indicator_code = x.indicator_code
       LEFT JOIN unit_value v ON r.unit_id IS NULL AND v.tenant_id = ? AND v.period = ? AND v.unit_id = x.unit_id AND v.indicator_code = x.indicator_code`,
      [tenantId, period, tenantId, period],
    );
    // Rows that should not exist at all (a count of zero is a row of nothing): an anti-join.
    const [extra]: { n: string }[] = await m.query(
      `SELECT COUNT(*) AS n FROM rollup r LEFT JOIN expected_rollup x ON x.unit_id = r.unit_id AND x.indicator_code = r.indicator_code
       WHERE r.tenant_id = ? AND r.period = ? AND r.count > 0 AND x.unit_id IS NULL`,
      [tenantId, period],
    );
    return { mismatches: Number(row?.mismatches ?? 0) + Number(extra?.n ?? 0), checked: Number(row?.checked ?? 0) };
  } finally {
    await m.query('DROP TEMPORARY TABLE IF EXISTS expected_rollup');
  }
}

/** What reconcileTenantPeriod found. */
export interface ReconciliationResult {
  /** Rows compared: counted values, rollup rows, category rows, central lines. */
  checked: number;
  /** Rows that differ, in all. */
  mismatches: number;
  details: { values: number; rollups: number; categories: number; national: number };
}

/** A numeric parts column differs (stored decimals: the incremental apply writes doubles rounded to 4 places). */
const differs = (a: string, b: string) => `(${a} IS NULL) <> (${b} IS NULL) OR ABS(COALESCE(${a}, 0) - COALESCE(${b}, 0)) > 0.00015`;

/** Rows of `table` (tenant, period) and of the temporary `expected` that differ, both ways, on `key` and `columns`. */
async function tableMismatches(m: EntityManager, tenantId: string, period: string, table: string, expected: string, key: string[], columns: string[]): Promise<{ mismatches: number; checked: number }> {
  const on = key.map((k) => `t.${k} = x.${k}`).join(' AND ');
  const cmp = columns.map((c) => (c === 'latest_period' ? `NOT (t.${c} <=> x.${c})` : differs(`t.${c}`, `x.${c}`))).join(' OR ');
  const [a]: { mismatches: string | null; checked: string }[] = await m.query(
    `SELECT SUM(CASE WHEN t.tenant_id IS NULL OR ${cmp} THEN 1 ELSE 0 END) AS mismatches, COUNT(*) AS checked
     FROM ${expected} x LEFT JOIN ${table} t ON t.tenant_id = ? AND t.period = ? AND ${on}`,
    [tenantId, period],
  );
  const [b]: { n: string }[] = await m.query(
    `SELECT COUNT(*) AS n FROM ${table} t LEFT JOIN ${expected} x ON ${on} WHERE t.tenant_id = ? AND t.period = ? AND x.${key[0]} IS NULL`,
    [tenantId, period],
  );
  return { mismatches: Number(a?.mismatches ?? 0) + Number(b?.n ?? 0), checked: Number(a?.checked ?? 0) + Number(b?.n ?? 0) };
}

/**
 * The reconciliation of a tenant's period: proves that the incrementally kept totals equal a full recompute, without
 * writing anything — (1) the counted values (unit_value, and per category) against the ones rebuilt from the reports
 * by the recompute's own set-based statements (writeCountedValues into temporary tables); (2) every rollup row against
 * a GROUP BY of the counted values over the closure table (rollupMismatches), the same for the category rollups;
 * (3) the tenant's line of the central totals against its root's total. With `lock`, the
 * tenant's row is held first (the lock every apply takes): nothing changes under the comparison.
 */
export async function reconcileTenantPeriod(ds: DataSource, tenantId: string, period: string, opts: { lock?: boolean } = {}): Promise<ReconciliationResult> {
  const defs = await tenantDefinitions(ds.manager, tenantId);
  return ds.transaction('READ COMMITTED', async (m) => {
    const [tenant]: { settings: string | { countSubmitted?: boolean } | null; root_unit_id: string | null }[] = await m.query(
      `SELECT settings, root_unit_id FROM tenant WHERE id = ?${opts.lock ? ' FOR UPDATE' : ''}`,
      [tenantId],
    );
    if (!tenant) throw new Error(`tenant ${tenantId} not found`);
    await m.query('DROP TEMPORARY TABLE IF EXISTS expected_unit_value, expected_category_value, expected_category_rollup');
    try {
      await m.query('CREATE TEMPORARY TABLE expected_unit_value LIKE unit_value');
      await m.query('CREATE TEMPORARY TABLE expected_category_value LIKE unit_category_value');
      await writeCountedValues(m, {
        tenantId,
        period,
        countSubmitted: tenantCountsSubmitted(tenant.settings),
        defs,
        into: { values: 'expected_unit_value', categories: 'expected_category_value' },
      });
      const values = await tableMismatches(m, tenantId, period, 'unit_value', 'expected_unit_value', ['indicator_code', 'unit_id'], [...PART_COLUMNS]);
      const rollups = await rollupMismatches(m, tenantId, period);
      const categoryValues = await tableMismatches(m, tenantId, period, 'unit_category_value', 'expected_category_value', ['indicator_code', 'category', 'unit_id'], ['sum', 'count']);
      await m.query(
        `CREATE TEMPORARY TABLE expected_category_rollup (PRIMARY KEY (indicator_code, category, unit_id)) AS ${CATEGORY_ROLLUP_SELECT}`,
        [tenantId, tenantId, period, tenant.root_unit_id ?? 0],
      );
      // A category rollup row of nothing (count 0, left by deltas) is no row.
      const categoryRollups = await tableMismatches(m, tenantId, period, '(SELECT * FROM category_rollup WHERE count > 0)', 'expected_category_rollup', ['indicator_code', 'category', 'unit_id'], ['sum', 'count']);
      // The central line: a copy of the root's rollup row.
      let national = { mismatches: 0, checked: 0 };
      if (tenant.root_unit_id) {
        const cmp = PART_COLUMNS.map((c) => (c === 'latest_period' ? `NOT (r.${c} <=> n.${c})` : differs(`r.${c}`, `n.${c}`))).join(' OR ');
        const [row]: { mismatches: string | null; checked: string }[] = await m.query(
          `SELECT SUM(CASE WHEN r.tenant_id IS NULL OR n.tenant_id IS NULL OR ${cmp} THEN 1 ELSE 0 END) AS mismatches,
                  COUNT(*) AS checked
           FROM (SELECT indicator_code FROM rollup WHERE tenant_id = ? AND period = ? AND unit_id = ?
                 UNION SELECT indicator_code FROM national_rollup WHERE period = ? AND tenant_id = ?) k
           LEFT JOIN rollup r ON r.tenant_id = ? AND r.period = ? AND r.unit_id = ? AND r.indicator_code = k.indicator_code
           LEFT JOIN national_rollup n ON n.period = ? AND n.tenant_id = ? AND n.indicator_code = k.indicator_code`,
          [tenantId, period, tenant.root_unit_id, period, tenantId, tenantId, period, tenant.root_unit_id, period, tenantId],
        );
        national = { mismatches: Number(row?.mismatches ?? 0), checked: Number(row?.checked ?? 0) };
      }
      const details = { values: values.mismatches, rollups: rollups.mismatches, categories: categoryValues.mismatches + categoryRollups.mismatches, national: national.mismatches };
      return {
        checked: values.checked + rollups.checked + categoryValues.checked + categoryRollups.checked + national.checked,
        mismatches: details.values + details.rollups + details.categories + details.national,
        details,
      };
    } finally {
      await m.query('DROP TEMPORARY TABLE IF EXISTS expected_unit_value, expected_category_value, expected_category_rollup');
    }
  });
}

/**
 * The totals of units for indicators: a unit's rollup row (units with sub-units), otherwise its own counted
 * value (a unit without sub-units holds no rollup row; its total is what it reported). Keyed `unit|code`.
 */
export async function unitTotals(
  m: EntityManager,
  tenantId: string,
  period: string,
  unitIds: string[],
  codes: string[],
): Promise<Map<string, { parts: RollupParts; updatedAt: Date | null }>> {
  const out = new Map<string, { parts: RollupParts; updatedAt: Date | null }>();
  if (unitIds.length === 0 || codes.length === 0) return out;
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT 1 AS rolled, unit_id, indicator_code, ${partColumnList}, updated_at FROM rollup
     WHERE tenant_id = ? AND period = ? AND unit_id IN (?) AND indicator_code IN (?)
     UNION ALL
     SELECT 0, uv.unit_id, uv.indicator_code, ${PART_COLUMNS.map((c) => `uv.${c}`).join(', ')}, rep.updated_at
     FROM unit_value uv LEFT JOIN report rep ON rep.tenant_id = uv.tenant_id AND rep.id = uv.report_id
     WHERE uv.tenant_id = ? AND uv.period = ? AND uv.unit_id IN (?) AND uv.indicator_code IN (?)`,
    [tenantId, period, unitIds, codes, tenantId, period, unitIds, codes],
  );
  for (const r of [...rows].sort((a, b) => Number(a.rolled) - Number(b.rolled))) {
    out.set(`${String(r.unit_id)}|${String(r.indicator_code)}`, { parts: rowToParts(r), updatedAt: (r.updated_at as Date | null) ?? null });
  }
  return out;
}
