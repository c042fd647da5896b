import type { DataSource } from 'typeorm';
import { parsePeriod } from '@sen/indicators';
import { effectiveUnit, reportCounts, reportParts, type ReportRow } from './counted-values';
import { tenantDefinitions } from './indicator-definitions';
import { MAX_ROWS_PER_STATEMENT, PART_AGGREGATES, PART_COLUMNS, partsToParams } from './parts-columns';
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
 * reports through @sen/indicators, in chunks; (2) every rollup with ONE set-based INSERT … SELECT … GROUP BY
 * over the closure table; (3) the tenant's line of the central totals. Nothing row-by-row in SQL.
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
    const res: { affectedRows: number } = await m.query(
      `INSERT INTO rollup (tenant_id, period, indicator_code, unit_id, ${partColumnList}, updated_at)
       SELECT uv.tenant_id, uv.period, uv.indicator_code, c.ancestor_id, ${PART_COLUMNS.map((col) => PART_AGGREGATES[col]).join(', ')}, CURRENT_TIMESTAMP(3)
       FROM unit_value uv JOIN org_unit_closure c ON c.tenant_id = uv.tenant_id AND c.descendant_id = uv.unit_id
       WHERE uv.tenant_id = ? AND uv.period = ?
       GROUP BY uv.tenant_id, uv.period, uv.indicator_code, c.ancestor_id`,
      [tenantId, period],
    );
    if (tenant.root_unit_id) await refreshNationalRollup(m, tenantId, period, String(tenant.root_unit_id));
    return res.affectedRows;
  });
  await progress(100);
  const [counted]: { n: string }[] = await ds.query('SELECT COUNT(*) AS n FROM unit_value WHERE tenant_id = ? AND period = ?', [tenantId, period]);
  return { values: Number(counted?.n ?? 0), rollups };
}

/**
 * Proves the incremental totals: compares every rollup row with what a full GROUP BY of the counted values
 * gives, and every counted value with what the reports give. Returns the rows that differ (none expected).
 */
export async function reconcileRollups(ds: DataSource, tenantId: string, period: string): Promise<{ rollupMismatches: number; checked: number }> {
  const cmp = PART_COLUMNS.filter((c) => c !== 'latest_period')
    .map((c) => `NOT (COALESCE(r.${c}, -1) <=> COALESCE(x.${c}, -1))`)
    .join(' OR ');
  const [row]: { mismatches: string; checked: string }[] = await ds.query(
    `SELECT SUM(CASE WHEN r.unit_id IS NULL OR x.unit_id IS NULL OR ${cmp} THEN 1 ELSE 0 END) AS mismatches, COUNT(*) AS checked FROM (
       SELECT c.ancestor_id AS unit_id, uv.indicator_code, ${PART_COLUMNS.map((col) => `${PART_AGGREGATES[col]} AS ${col}`).join(', ')}
       FROM unit_value uv JOIN org_unit_closure c ON c.tenant_id = uv.tenant_id AND c.descendant_id = uv.unit_id
       WHERE uv.tenant_id = ? AND uv.period = ? GROUP BY c.ancestor_id, uv.indicator_code
     ) x LEFT JOIN rollup r ON r.tenant_id = ? AND r.period = ? AND r.unit_id = x.unit_id AND r.indicator_code = x.indicator_code`,
    [tenantId, period, tenantId, period],
  );
  // Rollup rows that should not exist at all (a count of zero is a row of nothing).
  const [extra]: { n: string }[] = await ds.query(
    `SELECT COUNT(*) AS n FROM rollup r WHERE r.tenant_id = ? AND r.period = ? AND r.count > 0 AND NOT EXISTS (
       SELECT 1 FROM unit_value uv JOIN org_unit_closure c ON c.tenant_id = uv.tenant_id AND c.descendant_id = uv.unit_id
       WHERE uv.tenant_id = r.tenant_id AND uv.period = r.period AND uv.indicator_code = r.indicator_code AND c.ancestor_id = r.unit_id)`,
    [tenantId, period],
  );
  return { rollupMismatches: Number(row?.mismatches ?? 0) + Number(extra?.n ?? 0), checked: Number(row?.checked ?? 0) };
}
