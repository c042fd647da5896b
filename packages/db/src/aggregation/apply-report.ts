import type { DataSource, EntityManager } from 'typeorm';
import { applyChange, emptyParts, getAggregationMethod, parsePeriod, type RollupParts } from '@sen/indicators';
import { TenantContext } from '../tenancy/tenant-context';
import { effectiveUnit, reportCounts, reportParts, type ReportRow } from './counted-values';
import { tenantDefinitions } from './indicator-definitions';
import { PART_AGGREGATES, PART_COLUMNS, partsToParams, rowToParts, sameParts } from './parts-columns';

export interface ApplyResult {
  status: 'applied' | 'already-processed' | 'missing';
  changedIndicators: number;
  ancestors: number;
}

const partColumnList = PART_COLUMNS.join(', ');
const partUpdates = PART_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ');

/**
 * Applies one outbox row — a report whose status changed — to the rollups, exactly once:
 * in ONE transaction it recomputes the report unit's counted values with @sen/indicators, corrects every
 * ancestor's rollup by the method's delta (applyChange), or recomputes that ancestor from its subtree
 * when the method has no delta (min, max, latest), refreshes the tenant's line of the central totals,
 * and marks the outbox row processed. A replayed job finds the row processed and changes nothing; a worker
 * killed in the middle leaves nothing (the transaction rolls back) and the job runs again.
 * Concurrent approvals of sibling units lock the shared ancestors' rows in one order, so both count.
 */
export async function applyOutbox(ds: DataSource, outboxId: string): Promise<ApplyResult> {
  const { tenantId } = TenantContext.current();
  // READ COMMITTED: the rows are locked explicitly (FOR UPDATE, in one order); repeatable-read gap locks on
  // rollup rows that do not exist yet made concurrent approvals deadlock (measured by the benchmark).
  return ds.transaction('READ COMMITTED', async (m) => {
    const [outbox]: { id: string; report_id: string; processed_at: Date | null }[] = await m.query(
      'SELECT id, report_id, processed_at FROM aggregation_outbox WHERE tenant_id = ? AND id = ? FOR UPDATE',
      [tenantId, outboxId],
    );
    if (!outbox) return { status: 'missing', changedIndicators: 0, ancestors: 0 };
    if (outbox.processed_at) return { status: 'already-processed', changedIndicators: 0, ancestors: 0 };
    const result = await applyReport(m, tenantId, String(outbox.report_id));
    await m.query('UPDATE aggregation_outbox SET processed_at = CURRENT_TIMESTAMP(3) WHERE tenant_id = ? AND id = ?', [tenantId, outboxId]);
    return { status: 'applied', ...result };
  });
}

async function applyReport(m: EntityManager, tenantId: string, reportId: string): Promise<{ changedIndicators: number; ancestors: number }> {
  const [report]: ReportRow[] = await m.query('SELECT id, tenant_id, unit_id, period, status, version FROM report WHERE tenant_id = ? AND id = ? FOR UPDATE', [tenantId, reportId]);
  if (!report) return { changedIndicators: 0, ancestors: 0 };
  const [tenant]: { settings: string | { countSubmitted?: boolean } | null; root_unit_id: string | null }[] = await m.query(
    'SELECT settings, root_unit_id FROM tenant WHERE id = ?',
    [tenantId],
  );
  const settings = typeof tenant?.settings === 'string' ? (JSON.parse(tenant.settings) as { countSubmitted?: boolean }) : tenant?.settings ?? {};
  const defs = await tenantDefinitions(m, tenantId);
  const period = report.period;
  const unit = await effectiveUnit(m, tenantId, String(report.unit_id), parsePeriod(period).start);

  const newParts = reportCounts(report.status, !!settings.countSubmitted) ? await reportParts(m, report, unit.level, defs) : new Map<string, RollupParts>();
  // What counts now for this unit and period: rows this report put there, and rows of the indicators it
  // reports now (another form of the same period may have counted them before: the latest report wins).
  const oldRows: Record<string, unknown>[] = await m.query(
    `SELECT indicator_code, report_id, ${partColumnList} FROM unit_value WHERE tenant_id = ? AND period = ? AND unit_id = ? FOR UPDATE`,
    [tenantId, period, unit.id],
  );
  const oldParts = new Map(
    oldRows
      .filter((r) => String(r.report_id) === String(report.id) || newParts.has(String(r.indicator_code)))
      .map((r) => [String(r.indicator_code), rowToParts(r)]),
  );
  const changed = [...new Set([...newParts.keys(), ...oldParts.keys()])]
    .filter((code) => !sameParts(newParts.get(code) ?? emptyParts(), oldParts.get(code) ?? emptyParts()))
    .sort();
  if (changed.length === 0) return { changedIndicators: 0, ancestors: 0 };

  // 1. The unit's counted values.
  const removed = changed.filter((c) => !newParts.has(c));
  if (removed.length) {
    await m.query('DELETE FROM unit_value WHERE tenant_id = ? AND period = ? AND unit_id = ? AND indicator_code IN (?)', [tenantId, period, unit.id, removed]);
  }
  const upserts = changed.filter((c) => newParts.has(c));
  if (upserts.length) {
    await m.query(
      `INSERT INTO unit_value (tenant_id, period, indicator_code, unit_id, report_id, report_version, ${partColumnList})
       VALUES ${upserts.map(() => `(?, ?, ?, ?, ?, ?, ${PART_COLUMNS.map(() => '?').join(', ')})`).join(', ')}
       ON DUPLICATE KEY UPDATE report_id = VALUES(report_id), report_version = VALUES(report_version), ${partUpdates}`,
      upserts.flatMap((c) => [tenantId, period, c, unit.id, report.id, report.version, ...partsToParams(newParts.get(c)!)]),
    );
  }

  // 2. Every ancestor's rollup (the unit itself included), locked in one order.
  const ancestors: { ancestor_id: string }[] = await m.query(
    'SELECT ancestor_id FROM org_unit_closure WHERE tenant_id = ? AND descendant_id = ? ORDER BY ancestor_id',
    [tenantId, unit.id],
  );
  const ancestorIds = ancestors.map((a) => String(a.ancestor_id));
  const current: Record<string, unknown>[] = await m.query(
    `SELECT indicator_code, unit_id, ${partColumnList} FROM rollup
     WHERE tenant_id = ? AND period = ? AND indicator_code IN (?) AND unit_id IN (?) ORDER BY indicator_code, unit_id FOR UPDATE`,
    [tenantId, period, changed, ancestorIds],
  );
  const currentBy = new Map(current.map((r) => [`${String(r.indicator_code)}|${String(r.unit_id)}`, rowToParts(r)]));
  const writes: { code: string; unitId: string; parts: RollupParts }[] = [];
  const recompute: { code: string; unitId: string }[] = [];
  for (const code of changed) {
    const def = defs.get(code);
    const method = getAggregationMethod(def?.aggregation ?? 'sum');
    for (const ancestorId of ancestorIds) {
      const parent = currentBy.get(`${code}|${ancestorId}`) ?? emptyParts();
      const before = oldParts.get(code);
      if (!before) {
        // The unit did not count before: its parts simply join the parent's (no delta, no recompute).
        writes.push({ code, unitId: ancestorId, parts: method.combine(parent, newParts.get(code) ?? emptyParts()) });
        continue;
      }
      const r = applyChange(parent, before, newParts.get(code) ?? emptyParts(), method);
      if ('parts' in r) writes.push({ code, unitId: ancestorId, parts: r.parts });
      else recompute.push({ code, unitId: ancestorId });
    }
  }
  if (writes.length) {
    await m.query(
      `INSERT INTO rollup (tenant_id, period, indicator_code, unit_id, ${partColumnList}, updated_at)
       VALUES ${writes.map(() => `(?, ?, ?, ?, ${PART_COLUMNS.map(() => '?').join(', ')}, CURRENT_TIMESTAMP(3))`).join(', ')}
       ON DUPLICATE KEY UPDATE ${partUpdates}, updated_at = VALUES(updated_at)`,
      writes.flatMap((w) => [tenantId, period, w.code, w.unitId, ...partsToParams(w.parts)]),
    );
  }
  // Methods without a delta: the touched ancestors are recomputed from their subtree's counted values.
  for (const { code, unitId } of recompute) {
    await m.query('DELETE FROM rollup WHERE tenant_id = ? AND period = ? AND indicator_code = ? AND unit_id = ?', [tenantId, period, code, unitId]);
    await m.query(
      `INSERT INTO rollup (tenant_id, period, indicator_code, unit_id, ${partColumnList}, updated_at)
       SELECT uv.tenant_id, uv.period, uv.indicator_code, c.ancestor_id, ${PART_COLUMNS.map((col) => PART_AGGREGATES[col]).join(', ')}, CURRENT_TIMESTAMP(3)
       FROM org_unit_closure c JOIN unit_value uv ON uv.tenant_id = c.tenant_id AND uv.unit_id = c.descendant_id AND uv.period = ? AND uv.indicator_code = ?
       WHERE c.tenant_id = ? AND c.ancestor_id = ?
       GROUP BY uv.tenant_id, uv.period, uv.indicator_code, c.ancestor_id`,
      [period, code, tenantId, unitId],
    );
  }

  // 3. The tenant's line of the central comparison: a copy of the root's rollup.
  if (tenant?.root_unit_id && ancestorIds.includes(String(tenant.root_unit_id))) {
    await refreshNationalRollup(m, tenantId, period, String(tenant.root_unit_id), changed);
  }
  return { changedIndicators: changed.length, ancestors: ancestorIds.length };
}

/**
 * Copies the root's rollup into national_rollup (the only table central analysts read). Incremental updates
 * upsert the touched indicators; the full recompute (no codes) replaces the tenant's whole period.
 */
export async function refreshNationalRollup(m: EntityManager, tenantId: string, period: string, rootUnitId: string, codes?: string[]): Promise<void> {
  const [expected]: { n: string }[] = await m.query('SELECT COUNT(*) AS n FROM report WHERE tenant_id = ? AND period = ?', [tenantId, period]);
  const unitsExpected = Number(expected?.n ?? 0);
  const partial = !!codes && codes.length > 0;
  if (!partial) await m.query('DELETE FROM national_rollup WHERE period = ? AND tenant_id = ?', [period, tenantId]);
  await m.query(
    `INSERT INTO national_rollup (period, indicator_code, tenant_id, ${partColumnList}, units_expected, updated_at)
     SELECT r.period, r.indicator_code, r.tenant_id, ${PART_COLUMNS.map((c) => `r.${c}`).join(', ')}, ?, CURRENT_TIMESTAMP(3)
     FROM rollup r WHERE r.tenant_id = ? AND r.period = ? AND r.unit_id = ? ${partial ? 'AND r.indicator_code IN (?)' : ''}
     ON DUPLICATE KEY UPDATE ${partUpdates}, units_expected = VALUES(units_expected), updated_at = VALUES(updated_at)`,
    partial ? [unitsExpected, tenantId, period, rootUnitId, codes] : [unitsExpected, tenantId, period, rootUnitId],
  );
}
