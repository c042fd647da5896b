import type { DataSource, EntityManager } from 'typeorm';
import { applyChange, emptyParts, getAggregationMethod, parsePeriod, type RollupParts } from '@sen/indicators';
import { TenantContext } from '../tenancy/tenant-context';
import { effectiveUnit, hasCategoryTotals, reportCounts, reportParts, type ReportRow } from './counted-values';
import { tenantDefinitions } from './indicator-definitions';
import { MAX_ROWS_PER_STATEMENT, PART_AGGREGATES, PART_COLUMNS, partsToParams, rowToParts, sameParts } from './parts-columns';

export interface ApplyResult {
  status: 'applied' | 'already-processed' | 'missing';
  changedIndicators: number;
  ancestors: number;
  /** Outbox rows applied by this call: the one asked for and the tenant's other pending ones it took along. */
  outboxRows?: number;
}

/** How many of a tenant's pending outbox rows one transaction takes along (the deadline burst). */
export const MAX_OUTBOX_BATCH = 100;

const partColumnList = PART_COLUMNS.join(', ');
const partUpdates = PART_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ');

/**
 * Applies an outbox row — a report whose status changed — to the rollups, exactly once, together with the
 * tenant's other pending rows (up to MAX_OUTBOX_BATCH): in ONE transaction it
 * recomputes each report unit's counted values with @sen/indicators, corrects every ancestor's rollup by the
 * method's delta (applyChange) — or recomputes that ancestor from its subtree when the method has no delta
 * (min, max, latest) —, refreshes the tenant's line of the central totals, and marks the rows processed.
 *
 * Batching is what keeps a deadline burst current: fifty approvals of one province are one lock of the
 * province's rows and one write per rollup row, not fifty. A replayed job finds its row processed and changes
 * nothing; a worker killed in the middle leaves nothing (the transaction rolls back) and the job runs again.
 * Applies of one tenant take turns (see below); within one, units' counted values and rollup rows are
 * locked in one order (unit id; period, indicator, unit).
 */
export async function applyOutbox(ds: DataSource, outboxId: string): Promise<ApplyResult> {
  const { tenantId } = TenantContext.current();
  // READ COMMITTED: the rows are locked explicitly (FOR UPDATE, in one order); repeatable-read gap locks on
  // rollup rows that do not exist yet made concurrent approvals deadlock (measured by the benchmark).
  // A replayed job (the usual case in a burst: an earlier job took its row along) answers without waiting.
  const [seen]: OutboxRow[] = await ds.query('SELECT id, report_id, processed_at FROM aggregation_outbox WHERE tenant_id = ? AND id = ?', [tenantId, outboxId]);
  if (!seen) return { status: 'missing', changedIndicators: 0, ancestors: 0 };
  if (seen.processed_at) return { status: 'already-processed', changedIndicators: 0, ancestors: 0 };
  return ds.transaction('READ COMMITTED', async (m) => {
    // One apply at a time per tenant, the tenant's row as the lock, taken first (one lock order, so no
    // deadlock): a rollup row that does not exist yet cannot be locked, and two jobs creating the same new
    // row (the first reports of a period) would otherwise each write their own total over the other's.
    // Other tenants' jobs run in parallel, and a burst of one tenant is one batch anyway.
    await m.query('SELECT id FROM tenant WHERE id = ? FOR UPDATE', [tenantId]);
    const [outbox]: OutboxRow[] = await m.query(
      'SELECT id, report_id, processed_at FROM aggregation_outbox WHERE tenant_id = ? AND id = ? FOR UPDATE',
      [tenantId, outboxId],
    );
    if (!outbox) return { status: 'missing', changedIndicators: 0, ancestors: 0 };
    if (outbox.processed_at) return { status: 'already-processed', changedIndicators: 0, ancestors: 0 };
    // Rows still being written by the api are not committed, hence not seen (read committed) and not waited for.
    const others: OutboxRow[] = await m.query(
      `SELECT id, report_id, processed_at FROM aggregation_outbox
       WHERE tenant_id = ? AND processed_at IS NULL AND id <> ? ORDER BY id LIMIT ${MAX_OUTBOX_BATCH - 1} FOR UPDATE`,
      [tenantId, outboxId],
    );
    const rows = [outbox, ...others].sort((a, b) => Number(a.id) - Number(b.id));
    const result = await applyReports(m, tenantId, rows);
    await m.query('UPDATE aggregation_outbox SET processed_at = CURRENT_TIMESTAMP(3) WHERE id IN (?)', [rows.map((r) => r.id)]);
    return { status: 'applied', ...result, outboxRows: rows.length };
  });
}

interface OutboxRow {
  id: string;
  report_id: string;
  processed_at: Date | null;
}

/** A change of one unit's counted value of one indicator: what it counted before (none: it did not count) and now. */
interface UnitChange {
  code: string;
  before: RollupParts | undefined;
  after: RollupParts;
}

/** The changes of one period, per rollup row (indicator|ancestor), in the order the reports changed. */
type PeriodChanges = Map<string, { code: string; unitId: string; changes: UnitChange[] }>;

async function applyReports(m: EntityManager, tenantId: string, outboxRows: OutboxRow[]): Promise<{ changedIndicators: number; ancestors: number }> {
  // Each report once, at its first outbox row's place: applying reads the report as it is now, so a report
  // approved then reopened within one batch is applied once, in its final state.
  const reportIds = [...new Set(outboxRows.map((r) => String(r.report_id)))];
  const reports: ReportRow[] = await m.query(
    'SELECT id, tenant_id, unit_id, period, status, version FROM report WHERE tenant_id = ? AND id IN (?) ORDER BY id FOR UPDATE',
    [tenantId, reportIds],
  );
  if (reports.length === 0) return { changedIndicators: 0, ancestors: 0 };
  const [tenant]: { settings: string | { countSubmitted?: boolean } | null; root_unit_id: string | null }[] = await m.query(
    'SELECT settings, root_unit_id FROM tenant WHERE id = ?',
    [tenantId],
  );
  const settings = typeof tenant?.settings === 'string' ? (JSON.parse(tenant.settings) as { countSubmitted?: boolean }) : tenant?.settings ?? {};
  const defs = await tenantDefinitions(m, tenantId);
  const order = new Map(reportIds.map((id, i) => [id, i]));
  const located = await Promise.all(
    reports.map(async (report) => ({ report, unit: await effectiveUnit(m, tenantId, String(report.unit_id), parsePeriod(report.period).start) })),
  );
  // Units' counted values are locked in unit order (the same in every transaction); one unit's reports in
  // the order they changed, so the latest report of an indicator wins, as in the full recompute.
  located.sort((a, b) => Number(a.unit.id) - Number(b.unit.id) || order.get(String(a.report.id))! - order.get(String(b.report.id))!);

  const byPeriod = new Map<string, PeriodChanges>();
  const categoryDeltas = new Map<string, CategoryDeltas>();
  const ancestorsOf = new Map<string, string[]>();
  let changedIndicators = 0;
  for (const { report, unit } of located) {
    const changes = await applyUnitValues(m, tenantId, report, unit, !!settings.countSubmitted, defs);
    const categoryChanges = await applyUnitCategoryValues(m, tenantId, report, unit, !!settings.countSubmitted, defs);
    if (changes.length === 0 && categoryChanges.length === 0) continue;
    changedIndicators += changes.length;
    let ancestorIds = ancestorsOf.get(unit.id);
    if (!ancestorIds) {
      // The units whose rollup rows hold this unit's values: every unit above it, and itself when it has
      // sub-units or is the root (a unit without sub-units holds no rollup row; see buildRollups).
      const rows: { ancestor_id: string }[] = await m.query(
        `SELECT c.ancestor_id FROM org_unit_closure c
         WHERE c.tenant_id = ? AND c.descendant_id = ?
           AND (c.depth > 0 OR c.ancestor_id = ? OR EXISTS (SELECT 1 FROM org_unit ch WHERE ch.tenant_id = c.tenant_id AND ch.parent_id = c.ancestor_id))`,
        [tenantId, unit.id, tenant?.root_unit_id ?? 0],
      );
      ancestorIds = rows.map((a) => String(a.ancestor_id));
      ancestorsOf.set(unit.id, ancestorIds);
    }
    let deltas = categoryDeltas.get(report.period);
    if (!deltas) categoryDeltas.set(report.period, (deltas = new Map()));
    for (const c of categoryChanges) {
      for (const ancestorId of ancestorIds) {
        const key = `${c.code}|${c.category}|${ancestorId}`;
        const d = deltas.get(key) ?? { code: c.code, category: c.category, unitId: ancestorId, sum: 0, count: 0 };
        deltas.set(key, { ...d, sum: d.sum + c.sum, count: d.count + c.count });
      }
    }
    if (changes.length === 0) continue;
    let period = byPeriod.get(report.period);
    if (!period) byPeriod.set(report.period, (period = new Map()));
    for (const change of changes) {
      for (const ancestorId of ancestorIds) {
        const key = `${change.code}|${ancestorId}`;
        let entry = period.get(key);
        if (!entry) period.set(key, (entry = { code: change.code, unitId: ancestorId, changes: [] }));
        entry.changes.push(change);
      }
    }
  }

  let ancestors = 0;
  for (const periodKey of [...byPeriod.keys()].sort()) {
    const changes = byPeriod.get(periodKey)!;
    ancestors += changes.size;
    await applyRollupChanges(m, tenantId, periodKey, changes, defs);
    const codes = [...new Set([...changes.values()].map((c) => c.code))];
    const root = tenant?.root_unit_id ? String(tenant.root_unit_id) : null;
    if (root && codes.some((code) => changes.has(`${code}|${root}`))) await refreshNationalRollup(m, tenantId, periodKey, root, codes);
  }
  for (const periodKey of [...categoryDeltas.keys()].sort()) await applyCategoryDeltas(m, tenantId, periodKey, categoryDeltas.get(periodKey)!);
  // A status change that moved no value (a report submitted while only approved ones count) still changes
  // how many reports of the period exist: the central line's expected count follows.
  for (const periodKey of new Set(located.map((l) => l.report.period))) {
    if (byPeriod.has(periodKey)) continue;
    await refreshNationalExpected(m, tenantId, periodKey);
  }
  return { changedIndicators, ancestors };
}

/**
 * 1. A report's unit's counted values: what counts now (its values when the report counts, nothing otherwise)
 * against what counted before — rows this report put there, and rows of the indicators it reports now
 * (another form of the same period may have counted them before: the latest report wins). Writes the
 * difference and answers it.
 */
async function applyUnitValues(
  m: EntityManager,
  tenantId: string,
  report: ReportRow,
  unit: { id: string; level: string },
  countSubmitted: boolean,
  defs: Awaited<ReturnType<typeof tenantDefinitions>>,
): Promise<UnitChange[]> {
  const period = report.period;
  const newParts = reportCounts(report.status, countSubmitted) ? await reportParts(m, report, unit.level, defs) : new Map<string, RollupParts>();
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
  if (changed.length === 0) return [];
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
  return changed.map((code) => ({ code, before: oldParts.get(code), after: newParts.get(code) ?? emptyParts() }));
}

/** A change of one unit's counted value of one category: the difference it makes to every total above. */
interface CategoryChange {
  code: string;
  category: string;
  sum: number;
  count: number;
}

/** The category changes of one period, per category rollup row (indicator|category|ancestor). */
type CategoryDeltas = Map<string, { code: string; category: string; unitId: string; sum: number; count: number }>;

/**
 * 1b. A report's unit's counted values per category (the sum indicators with categories): for each such indicator
 * the report gives a total for (it counts, the total counts with it), the unit's rows become this report's values
 * per category — none when the total is empty; rows this report put there for an indicator it no longer counts go.
 * The same rule as writeCountedValues: the categories of the report whose total counts. Answers the differences.
 */
async function applyUnitCategoryValues(
  m: EntityManager,
  tenantId: string,
  report: ReportRow,
  unit: { id: string; level: string },
  countSubmitted: boolean,
  defs: Awaited<ReturnType<typeof tenantDefinitions>>,
): Promise<CategoryChange[]> {
  const codes = [...defs.values()].filter(hasCategoryTotals).map((d) => d.code);
  if (codes.length === 0) return [];
  const counts = reportCounts(report.status, countSubmitted);
  const rows: { indicator_code: string; category: string; value: string | null; numerator: string | null; denominator: string | null }[] = counts
    ? await m.query('SELECT indicator_code, category, value, numerator, denominator FROM report_value WHERE tenant_id = ? AND report_id = ? AND indicator_code IN (?)', [tenantId, report.id, codes])
    : [];
  const totals = rows.filter((r) => r.category === '' && (r.value !== null || r.numerator !== null || r.denominator !== null));
  // The indicators whose counted value this report now gives (as applyUnitValues: a row with anything in it).
  const given = new Set(totals.map((r) => r.indicator_code));
  const withTotal = new Set(totals.filter((r) => r.value !== null).map((r) => r.indicator_code));
  const next = new Map(
    rows.filter((r) => r.category !== '' && r.value !== null && withTotal.has(r.indicator_code)).map((r) => [`${r.indicator_code}|${r.category}`, Number(r.value)]),
  );
  const old: { indicator_code: string; category: string; report_id: string; sum: string }[] = await m.query(
    'SELECT indicator_code, category, report_id, sum FROM unit_category_value WHERE tenant_id = ? AND period = ? AND unit_id = ? AND indicator_code IN (?) FOR UPDATE',
    [tenantId, report.period, unit.id, codes],
  );
  const replaced = old.filter((r) => given.has(r.indicator_code) || String(r.report_id) === String(report.id));
  const before = new Map(replaced.map((r) => [`${r.indicator_code}|${r.category}`, Number(r.sum)]));
  const changes: CategoryChange[] = [];
  for (const key of new Set([...before.keys(), ...next.keys()])) {
    const [code, category] = key.split('|') as [string, string];
    const [b, a] = [before.get(key), next.get(key)];
    if (b !== undefined && a !== undefined && Math.round(b * 1e4) === Math.round(a * 1e4)) continue;
    changes.push({ code, category, sum: (a ?? 0) - (b ?? 0), count: (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1) });
  }
  // Only rows that exist are deleted (a report without categories, the usual case, deletes nothing).
  const codesReplaced = [...new Set(replaced.map((r) => r.indicator_code))];
  if (codesReplaced.length) {
    await m.query('DELETE FROM unit_category_value WHERE tenant_id = ? AND period = ? AND unit_id = ? AND indicator_code IN (?)', [tenantId, report.period, unit.id, codesReplaced]);
  }
  if (next.size) {
    await m.query(
      `INSERT INTO unit_category_value (tenant_id, period, indicator_code, category, unit_id, report_id, sum, count) VALUES ${[...next].map(() => '(?, ?, ?, ?, ?, ?, ?, 1)').join(', ')}`,
      [...next].flatMap(([key, v]) => [tenantId, report.period, ...key.split('|'), unit.id, report.id, v]),
    );
  }
  return changes;
}

/**
 * 2b. The category rollup rows of a period corrected by their deltas (sums add up), in one order. A row that does not
 * exist yet while its unit has a counted value of its own (the unit got its first sub-unit) is made from its subtree.
 */
async function applyCategoryDeltas(m: EntityManager, tenantId: string, period: string, deltas: CategoryDeltas): Promise<void> {
  const list = [...deltas.values()].filter((d) => d.count !== 0 || Math.abs(d.sum) > 1e-9);
  if (list.length === 0) return;
  const existing: { indicator_code: string; category: string; unit_id: string }[] = await m.query(
    `SELECT indicator_code, category, unit_id FROM category_rollup WHERE tenant_id = ? AND period = ? AND indicator_code IN (?) AND unit_id IN (?)
     ORDER BY indicator_code, category, unit_id FOR UPDATE`,
    [tenantId, period, [...new Set(list.map((d) => d.code))], [...new Set(list.map((d) => d.unitId))]],
  );
  const has = new Set(existing.map((r) => `${r.indicator_code}|${r.category}|${String(r.unit_id)}`));
  const missing = list.filter((d) => !has.has(`${d.code}|${d.category}|${d.unitId}`));
  const own: { indicator_code: string; category: string; unit_id: string }[] = missing.length
    ? await m.query('SELECT indicator_code, category, unit_id FROM unit_category_value WHERE tenant_id = ? AND period = ? AND unit_id IN (?)', [tenantId, period, [...new Set(missing.map((d) => d.unitId))]])
    : [];
  const fromSubtree = new Set(own.map((r) => `${r.indicator_code}|${r.category}|${String(r.unit_id)}`));
  // Rows that exist take their delta (an UPDATE: a delta may be negative); new ones are inserted with it.
  const byDelta = list.filter((d) => !fromSubtree.has(`${d.code}|${d.category}|${d.unitId}`)).sort((a, b) => `${a.code}|${a.category}`.localeCompare(`${b.code}|${b.category}`) || Number(a.unitId) - Number(b.unitId));
  const present = byDelta.filter((d) => has.has(`${d.code}|${d.category}|${d.unitId}`));
  const fresh = byDelta.filter((d) => !has.has(`${d.code}|${d.category}|${d.unitId}`));
  for (let i = 0; i < present.length; i += MAX_ROWS_PER_STATEMENT) {
    const chunk = present.slice(i, i + MAX_ROWS_PER_STATEMENT);
    await m.query(
      `UPDATE category_rollup r JOIN (${chunk.map(() => 'SELECT ? AS code, ? AS category, ? AS unit_id, ? AS sum, ? AS count').join(' UNION ALL ')}) d
         ON r.indicator_code = d.code AND r.category = d.category AND r.unit_id = d.unit_id
       SET r.sum = r.sum + d.sum, r.count = CAST(r.count AS SIGNED) + d.count, r.updated_at = CURRENT_TIMESTAMP(3)
       WHERE r.tenant_id = ? AND r.period = ?`,
      [...chunk.flatMap((d) => [d.code, d.category, d.unitId, d.sum, d.count]), tenantId, period],
    );
  }
  for (let i = 0; i < fresh.length; i += MAX_ROWS_PER_STATEMENT) {
    const chunk = fresh.slice(i, i + MAX_ROWS_PER_STATEMENT);
    await m.query(
      `INSERT INTO category_rollup (tenant_id, period, indicator_code, category, unit_id, sum, count, updated_at)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(3))').join(', ')}`,
      // Nothing counted below a unit without a row: its delta is what now counts (never below nothing).
      chunk.flatMap((d) => [tenantId, period, d.code, d.category, d.unitId, d.sum, Math.max(0, d.count)]),
    );
  }
  for (const d of list.filter((x) => fromSubtree.has(`${x.code}|${x.category}|${x.unitId}`))) {
    await m.query(
      `INSERT INTO category_rollup (tenant_id, period, indicator_code, category, unit_id, sum, count, updated_at)
       SELECT v.tenant_id, v.period, v.indicator_code, v.category, c.ancestor_id, SUM(v.sum), SUM(v.count), CURRENT_TIMESTAMP(3)
       FROM org_unit_closure c JOIN unit_category_value v ON v.tenant_id = c.tenant_id AND v.unit_id = c.descendant_id AND v.period = ? AND v.indicator_code = ? AND v.category = ?
       WHERE c.tenant_id = ? AND c.ancestor_id = ?
       GROUP BY v.tenant_id, v.period, v.indicator_code, v.category, c.ancestor_id`,
      [period, d.code, d.category, tenantId, d.unitId],
    );
  }
}

/**
 * 2. Every touched rollup row of a period (the units themselves and all their ancestors), locked in one
 * order, corrected by all the batch's changes in turn: a unit that did not count before simply joins its
 * parent (no delta, no recompute); otherwise the method's delta; a method without one (min, max, latest)
 * recomputes that row from its subtree's counted values, which step 1 has already written.
 */
async function applyRollupChanges(m: EntityManager, tenantId: string, period: string, changes: PeriodChanges, defs: Awaited<ReturnType<typeof tenantDefinitions>>): Promise<void> {
  const codes = [...new Set([...changes.values()].map((c) => c.code))].sort();
  const unitIds = [...new Set([...changes.values()].map((c) => c.unitId))];
  const current: Record<string, unknown>[] = await m.query(
    `SELECT indicator_code, unit_id, ${partColumnList} FROM rollup
     WHERE tenant_id = ? AND period = ? AND indicator_code IN (?) AND unit_id IN (?) ORDER BY indicator_code, unit_id FOR UPDATE`,
    [tenantId, period, codes, unitIds],
  );
  const currentBy = new Map(current.map((r) => [`${String(r.indicator_code)}|${String(r.unit_id)}`, rowToParts(r)]));
  // A unit without a row yet holds nothing counted below it — except its own value, when it counted as a unit
  // without sub-units before it got one: such a row is made from its subtree (the recompute below).
  const missing = [...changes.values()].filter((c) => !currentBy.has(`${c.code}|${c.unitId}`));
  const ownValues: { unit_id: string; indicator_code: string }[] = missing.length
    ? await m.query('SELECT unit_id, indicator_code FROM unit_value WHERE tenant_id = ? AND period = ? AND unit_id IN (?) AND indicator_code IN (?)', [
        tenantId,
        period,
        [...new Set(missing.map((c) => c.unitId))],
        [...new Set(missing.map((c) => c.code))],
      ])
    : [];
  const fromSubtree = new Set(ownValues.map((v) => `${String(v.indicator_code)}|${String(v.unit_id)}`));
  const writes: { code: string; unitId: string; parts: RollupParts }[] = [];
  const recompute: { code: string; unitId: string }[] = [];
  for (const [key, { code, unitId, changes: list }] of changes) {
    if (fromSubtree.has(key)) {
      recompute.push({ code, unitId });
      continue;
    }
    const method = getAggregationMethod(defs.get(code)?.aggregation ?? 'sum');
    let parts: RollupParts | null = currentBy.get(key) ?? emptyParts();
    for (const { before, after } of list) {
      if (!before) {
        parts = method.combine(parts, after);
        continue;
      }
      const r = applyChange(parts, before, after, method);
      if (!('parts' in r)) {
        parts = null;
        break;
      }
      parts = r.parts;
    }
    if (parts) writes.push({ code, unitId, parts });
    else recompute.push({ code, unitId });
  }
  for (let i = 0; i < writes.length; i += MAX_ROWS_PER_STATEMENT) {
    const chunk = writes.slice(i, i + MAX_ROWS_PER_STATEMENT);
    await m.query(
      `INSERT INTO rollup (tenant_id, period, indicator_code, unit_id, ${partColumnList}, updated_at)
       VALUES ${chunk.map(() => `(?, ?, ?, ?, ${PART_COLUMNS.map(() => '?').join(', ')}, CURRENT_TIMESTAMP(3))`).join(', ')}
       ON DUPLICATE KEY UPDATE ${partUpdates}, updated_at = VALUES(updated_at)`,
      chunk.flatMap((w) => [tenantId, period, w.code, w.unitId, ...partsToParams(w.parts)]),
    );
  }
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
}

/**
 * Copies the root's rollup into national_rollup (the only table central analysts read). Incremental updates
 * upsert the touched indicators; the full recompute (no codes) replaces the tenant's whole period.
 */
export async function refreshNationalRollup(m: EntityManager, tenantId: string, period: string, rootUnitId: string, codes?: string[]): Promise<void> {
  const expected = expectedCase('r.indicator_code', await expectedByIndicator(m, tenantId, period));
  const partial = !!codes && codes.length > 0;
  if (!partial) await m.query('DELETE FROM national_rollup WHERE period = ? AND tenant_id = ?', [period, tenantId]);
  await m.query(
    `INSERT INTO national_rollup (period, indicator_code, tenant_id, ${partColumnList}, units_expected, updated_at)
     SELECT r.period, r.indicator_code, r.tenant_id, ${PART_COLUMNS.map((c) => `r.${c}`).join(', ')}, ${expected.sql}, CURRENT_TIMESTAMP(3)
     FROM rollup r WHERE r.tenant_id = ? AND r.period = ? AND r.unit_id = ? ${partial ? 'AND r.indicator_code IN (?)' : ''}
     ON DUPLICATE KEY UPDATE ${partUpdates}, units_expected = VALUES(units_expected), updated_at = VALUES(updated_at)`,
    partial ? [...expected.params, tenantId, period, rootUnitId, codes] : [...expected.params, tenantId, period, rootUnitId],
  );
}

/** A status change that moved no value still changes how many reports of the period exist: the central line follows. */
async function refreshNationalExpected(m: EntityManager, tenantId: string, period: string): Promise<void> {
  const expected = expectedCase('indicator_code', await expectedByIndicator(m, tenantId, period));
  await m.query(`UPDATE national_rollup SET units_expected = ${expected.sql} WHERE tenant_id = ? AND period = ?`, [...expected.params, tenantId, period]);
}

/**
 * The reports expected of a tenant for a period, per indicator: the reports of the forms that carry it. A report of
 * a form without the indicator (a plan's narrative report, a tenant's quarterly form) is not expected to give it,
 * so it must not lower the indicator's completeness. One count per form (a handful), then per indicator.
 */
export async function expectedByIndicator(m: EntityManager, tenantId: string, period: string): Promise<Map<string, number>> {
  // Counted from the index (tenant_id, period, form_id) alone, then the few forms' indicator lists.
  const forms: { n: string; indicator_codes: string | string[] | null }[] = await m.query(
    `SELECT x.n, f.indicator_codes
     FROM (SELECT form_id, COUNT(*) AS n FROM report WHERE tenant_id = ? AND period = ? GROUP BY form_id) x
     JOIN report_form f ON f.tenant_id = ? AND f.id = x.form_id`,
    [tenantId, period, tenantId],
  );
  const out = new Map<string, number>();
  for (const f of forms) {
    const codes = typeof f.indicator_codes === 'string' ? (JSON.parse(f.indicator_codes) as string[]) : f.indicator_codes ?? [];
    for (const code of new Set(codes)) out.set(code, (out.get(code) ?? 0) + Number(f.n));
  }
  return out;
}

/** `CASE <column> WHEN code THEN n … ELSE 0 END` with its parameters. */
function expectedCase(column: string, expected: Map<string, number>): { sql: string; params: (string | number)[] } {
  if (expected.size === 0) return { sql: '0', params: [] };
  return { sql: `CASE ${column} ${[...expected.keys()].map(() => 'WHEN ? THEN ?').join(' ')} ELSE 0 END`, params: [...expected].flat() };
}
