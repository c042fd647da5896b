import type { EntityManager } from 'typeorm';

/** Who has reported: reports due (instances) in a subtree, submitted (or approved), approved, submitted late. */
export interface CompletenessCounts {
  expected: number;
  submitted: number;
  approved: number;
  late: number;
}

/**
 * The counts over reports aliased `r`, one definition for every screen and document that shows completeness
 * (the reports' completeness page, the summary report): a report submitted then approved counts in both.
 */
export const COMPLETENESS_COUNTS_SQL = `COUNT(*) AS expected,
  COALESCE(SUM(r.status IN ('submitted', 'approved')), 0) AS submitted,
  COALESCE(SUM(r.status = 'approved'), 0) AS approved,
  COALESCE(SUM(r.status IN ('submitted', 'approved') AND r.late = 1), 0) AS late`;

/** The report's unit lies in the subtree of one of the given units (a unit is in its own subtree). */
export const IN_SUBTREES_SQL = `EXISTS (SELECT 1 FROM org_unit_closure sc WHERE sc.tenant_id = r.tenant_id AND sc.descendant_id = r.unit_id AND sc.ancestor_id IN (?))`;

/** A row selected with COMPLETENESS_COUNTS_SQL as counts (drivers answer decimals and big counts as strings). */
export function completenessCounts(r: Record<string, unknown>): CompletenessCounts {
  return {
    expected: Number(r.expected ?? 0),
    submitted: Number(r.submitted ?? 0),
    approved: Number(r.approved ?? 0),
    late: Number(r.late ?? 0),
  };
}

export function addCounts(a: CompletenessCounts, b: CompletenessCounts): CompletenessCounts {
  return { expected: a.expected + b.expected, submitted: a.submitted + b.submitted, approved: a.approved + b.approved, late: a.late + b.late };
}

/**
 * Completeness of the subtrees of `scopeUnitIds` for a period, per level of the reporting units and overall —
 * set-based over the closure table. `formCode` narrows to one form; without it every form of the period counts.
 * The caller runs inside the tenant's context and passes its tenant.
 */
export async function completenessByLevel(
  m: Pick<EntityManager, 'query'>,
  q: { tenantId: string; period: string; scopeUnitIds: string[]; formCode?: string },
): Promise<{ overall: CompletenessCounts; levels: (CompletenessCounts & { level: string })[] }> {
  const empty: CompletenessCounts = { expected: 0, submitted: 0, approved: 0, late: 0 };
  if (q.scopeUnitIds.length === 0) return { overall: empty, levels: [] };
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT u.level, ${COMPLETENESS_COUNTS_SQL} FROM report r JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
     WHERE r.tenant_id = ? AND r.period = ? ${q.formCode ? 'AND r.form_code = ?' : ''} AND ${IN_SUBTREES_SQL}
     GROUP BY u.level ORDER BY u.level`,
    [q.tenantId, q.period, ...(q.formCode ? [q.formCode] : []), q.scopeUnitIds],
  );
  const levels = rows.map((r) => ({ level: String(r.level), ...completenessCounts(r) }));
  return { overall: levels.reduce<CompletenessCounts>(addCounts, empty), levels };
}
