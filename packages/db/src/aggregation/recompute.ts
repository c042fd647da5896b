import type { DataSource, EntityManager } from 'typeorm';
import { parsePeriod, type RollupParts } from '@sen/indicators';
import { effectiveUnit, reportCounts, reportParts, type ReportRow } from './counted-values';
import { tenantDefinitions } from './indicator-definitions';
import { MAX_ROWS_PER_STATEMENT, PART_AGGREGATES, PART_COLUMNS, PART_MERGE, partsToParams, rowToParts } from './parts-columns';
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
 * Full recompute of a tenant's period: (1) the counted value of every unit, rebuilt from its counting
 * reports through @sen/indicators, in chunks; (2) every rollup, set-based, level by level (buildRollups);
 * (3) the tenant's line of the central totals. Nothing row-by-row in SQL.
 */
export async function recomputeRollups(ds: DataSource, opts: RecomputeOptions): Promise<{ values: number; rollups: number }> {
  const { tenantId, period } = opts;
  const progress = async (p: number) => opts.onProgress?.(p);
  const periodStart = parsePeriod(period).start;
  const [tenant]: { settings: string | { countSubmitted?: boolean } | null; root_unit_id: string | null }[] = await ds.query('SELECT settings, root_unit_id FROM tenant WHERE id = ?', [tenantId]);
  if (!tenant) throw new Error(`tenant ${tenantId} not found`);
  const settings = typeof tenant.settings === 'string' ? (JSON.parse(tenant.settings) as { countSubmitted?: boolean }) : tenant.settings ?? {};

  if (opts.fromReports !== false) {
    const defs = await tenantDefinitions(ds.manager, tenantId);
    const reports: (ReportRow & { level: string })[] = await ds.query(
      `SELECT r.id, r.tenant_id, r.unit_id, r.period, r.status, r.version, u.level FROM report r
       JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
       WHERE r.tenant_id = ? AND r.period = ? ORDER BY r.updated_at, r.id`,
      [tenantId, period],
    );
    const counting = reports.filter((r) => reportCounts(r.status, !!settings.countSubmitted));
    const rows = new Map<string, unknown[]>();
    let done = 0;
    for (const r of counting) {
      const unit = await effectiveUnit(ds.manager, tenantId, String(r.unit_id), periodStart);
      const parts = await reportParts(ds.manager, r, unit.level, defs);
      for (const [code, p] of parts) rows.set(`${unit.id}|${code}`, [tenantId, period, code, unit.id, r.id, r.version, ...partsToParams(p)]);
      if (++done % 200 === 0) await progress(Math.round((done / Math.max(counting.length, 1)) * 60));
    }
    await ds.transaction(async (m) => {
      await m.query('DELETE FROM unit_value WHERE tenant_id = ? AND period = ?', [tenantId, period]);
      const all = [...rows.values()];
      for (let i = 0; i < all.length; i += MAX_ROWS_PER_STATEMENT) {
        const chunk = all.slice(i, i + MAX_ROWS_PER_STATEMENT);
        await m.query(
          `INSERT INTO unit_value (tenant_id, period, indicator_code, unit_id, report_id, report_version, ${partColumnList}) VALUES ${chunk
            .map(() => `(${new Array(6 + PART_COLUMNS.length).fill('?').join(', ')})`)
            .join(', ')}`,
          chunk.flat(),
        );
      }
    });
  }
  await progress(70);
  const rollups = await ds.transaction(async (m) => {
    await m.query('DELETE FROM rollup WHERE tenant_id = ? AND period = ?', [tenantId, period]);
    const written = await buildRollups(m, tenantId, period, tenant.root_unit_id ? String(tenant.root_unit_id) : null);
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
  // What readers see (unitTotals): the rollup row, or the unit's own value when it has none (a unit that got
  // its first sub-unit after the period was counted has no row, and nothing below it counted then).
  const seen = (c: string) => `IF(r.unit_id IS NULL, v.${c}, r.${c})`;
  const cmp = PART_COLUMNS.filter((c) => c !== 'latest_period')
    .map((c) => `NOT (COALESCE(${seen(c)}, -1) <=> COALESCE(x.${c}, -1))`)
    .join(' OR ');
  return ds.transaction('READ COMMITTED', async (m) => {
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
      return { rollupMismatches: Number(row?.mismatches ?? 0) + Number(extra?.n ?? 0), checked: Number(row?.checked ?? 0) };
    } finally {
      await m.query('DROP TEMPORARY TABLE IF EXISTS expected_rollup');
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
