import type { EntityManager } from 'typeorm';
import { partsOf, type IndicatorDefinition, type RollupParts } from '@sen/indicators';

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
  defs: Map<string, IndicatorDefinition>,
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
