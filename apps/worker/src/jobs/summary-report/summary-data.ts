import type { EntityManager } from 'typeorm';
import { DEFAULT_LEVEL_LABELS_VI, NATIONAL_NARRATIVE_HEADINGS } from '@sen/contracts';
import { completenessByLevel, PART_COLUMNS, rowToParts, tenantDefinitions, type CompletenessCounts } from '@sen/db';
import { NATIONAL_INDICATORS, valueOf, type IndicatorDefinition } from '@sen/indicators';

/** One line of the indicator table: the unit's rollup of its subtree for the period. */
export interface SummaryIndicator {
  code: string;
  name: string;
  unit: string;
  /** Shown as a percentage (ratio, coverage, or a percentage value). */
  percent: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unitsReporting: number;
}

export interface SummaryData {
  tenant: { code: string; name: string };
  unit: { id: string; name: string; level: string; parentName: string | null };
  /** The body above a tenant's root unit: the national union (the central tenant). */
  nationalBody: string | null;
  period: string;
  indicators: SummaryIndicator[];
  completeness: { overall: CompletenessCounts; levels: (CompletenessCounts & { level: string; label: string })[] };
  /**
   * The narrative, heading by heading (the national headings first, then any other a report used): what the
   * unit's own report says, and what each reporting unit of its subtree wrote (handed-in reports only).
   */
  narrative: SummaryNarrative[];
}

export interface SummaryNarrative {
  heading: string;
  /** The unit's own text, or null. */
  text: string | null;
  /** The reporting units below, in the tree's order. */
  units: { name: string; text: string }[];
}

/** A unit that is gone (deleted, or the row of another tenant): the job cannot succeed by retrying. */
export class SummaryUnitMissingError extends Error {
  constructor(readonly unitId: string) {
    super(`unit ${unitId} not found`);
  }
}

type Raw = Record<string, unknown>;

const json = <T>(v: unknown): T | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return JSON.parse(v) as T;
  if (Buffer.isBuffer(v)) return JSON.parse(v.toString('utf8')) as T;
  return v as T;
};

function isPercent(def: IndicatorDefinition): boolean {
  return def.aggregation === 'ratio' || def.aggregation === 'coverage' || def.valueType === 'percentage';
}

function fraction(def: IndicatorDefinition, parts: ReturnType<typeof rowToParts>): { numerator: number | null; denominator: number | null } {
  if (def.aggregation === 'ratio') return { numerator: parts.numerator, denominator: parts.denominator };
  if (def.aggregation === 'coverage') return { numerator: parts.meeting, denominator: parts.eligible };
  return { numerator: null, denominator: null };
}

/**
 * Everything the summary report of a unit and period shows, read inside the tenant's context: the unit's rollups
 * (values through @sen/indicators' valueOf, the national catalogue's order first, then the tenant's own
 * indicators), the completeness of its subtree (the reports module's query, from @sen/db) and the narrative of
 * the unit's own report. `step` is called between the reads, for the progress bar.
 */
export async function loadSummaryData(
  m: EntityManager,
  q: { tenantId: string; unitId: string; period: string },
  step: (done: number) => Promise<void> = async () => undefined,
): Promise<SummaryData> {
  const [unit]: Raw[] = await m.query(
    `SELECT u.id, u.name, u.level, p.name AS parent_name FROM org_unit u
     LEFT JOIN org_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
     WHERE u.tenant_id = ? AND u.id = ?`,
    [q.tenantId, q.unitId],
  );
  if (!unit) throw new SummaryUnitMissingError(q.unitId);
  const [tenant]: Raw[] = await m.query('SELECT code, name, levels FROM tenant WHERE id = ?', [q.tenantId]);
  const [central]: Raw[] = await m.query('SELECT name FROM tenant WHERE is_central = 1 AND id <> ? ORDER BY id LIMIT 1', [q.tenantId]);
  await step(10);

  const defs = await tenantDefinitions(m, q.tenantId);
  const rows: Raw[] = await m.query(`SELECT indicator_code, ${PART_COLUMNS.join(', ')} FROM rollup WHERE tenant_id = ? AND period = ? AND unit_id = ?`, [
    q.tenantId,
    q.period,
    q.unitId,
  ]);
  const byCode = new Map(rows.map((r) => [String(r.indicator_code), r]));
  const order = [...NATIONAL_INDICATORS.map((d) => d.code), ...[...defs.keys()].filter((c) => !NATIONAL_INDICATORS.some((d) => d.code === c))];
  const indicators: SummaryIndicator[] = [];
  for (const code of order) {
    const def = defs.get(code);
    const row = byCode.get(code);
    if (!def || !row) continue;
    const parts = rowToParts(row);
    indicators.push({ code, name: def.name, unit: def.unit, percent: isPercent(def), value: valueOf(def, parts), ...fraction(def, parts), unitsReporting: parts.count });
  }
  await step(40);

  const levelNames = new Map((json<{ code: string; name: string }[]>(tenant?.levels) ?? []).map((l) => [l.code, l.name]));
  const levelOrder = [...levelNames.keys()];
  const rank = (level: string): number => (levelOrder.includes(level) ? levelOrder.indexOf(level) : levelOrder.length);
  const completeness = await completenessByLevel(m, { tenantId: q.tenantId, period: q.period, scopeUnitIds: [q.unitId] });
  await step(60);

  // The unit's own report of the period, if it reports: the most advanced one (approved before submitted before
  // draft); and the handed-in reports of the units below, one per unit (the most advanced), in the tree's order.
  const [own]: Raw[] = await m.query(
    `SELECT narrative FROM report WHERE tenant_id = ? AND unit_id = ? AND period = ? AND narrative IS NOT NULL
     ORDER BY FIELD(status, 'approved', 'submitted', 'returned', 'draft'), id DESC LIMIT 1`,
    [q.tenantId, q.unitId, q.period],
  );
  const below: Raw[] = await m.query(
    `SELECT u.id AS unit_id, u.name, r.narrative FROM report r
     JOIN org_unit_closure c ON c.tenant_id = r.tenant_id AND c.descendant_id = r.unit_id AND c.ancestor_id = ? AND c.depth > 0
     JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
     WHERE r.tenant_id = ? AND r.period = ? AND r.status IN ('submitted', 'approved') AND r.narrative IS NOT NULL
     ORDER BY u.sort_key, u.id, FIELD(r.status, 'approved', 'submitted'), r.id DESC`,
    [q.unitId, q.tenantId, q.period],
  );
  const narrative = narrativeSections(
    json<Record<string, string>>(own?.narrative),
    below.map((r) => ({ unitId: String(r.unit_id), name: String(r.name), narrative: json<Record<string, string>>(r.narrative) })),
  );
  await step(70);

  return {
    tenant: { code: String(tenant?.code ?? ''), name: String(tenant?.name ?? '') },
    unit: { id: String(unit.id), name: String(unit.name), level: String(unit.level), parentName: unit.parent_name ? String(unit.parent_name) : null },
    nationalBody: central ? String(central.name).replace(/^Trung ương\s+/iu, '') : null,
    period: q.period,
    indicators,
    completeness: {
      overall: completeness.overall,
      // In the tenant's order of levels (province first), not the alphabetical order of their codes.
      levels: completeness.levels
        .map((l) => ({ ...l, label: levelNames.get(l.level) ?? DEFAULT_LEVEL_LABELS_VI[l.level] ?? l.level }))
        .sort((a, b) => rank(a.level) - rank(b.level)),
    },
    narrative,
  };
}

/**
 * The narrative by heading: the national headings in their order, then the others in the order first met; under
 * each, the unit's own text and every unit's text (one report per unit, the first given). Empty texts are left out.
 */
export function narrativeSections(
  own: Record<string, string> | null,
  below: { unitId: string; name: string; narrative: Record<string, string> | null }[],
): SummaryNarrative[] {
  const clean = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const headings: string[] = [...NATIONAL_NARRATIVE_HEADINGS];
  const units: typeof below = [];
  const seen = new Set<string>();
  for (const u of below) {
    if (seen.has(u.unitId)) continue;
    seen.add(u.unitId);
    units.push(u);
  }
  for (const n of [own, ...units.map((u) => u.narrative)]) for (const h of Object.keys(n ?? {})) if (!headings.includes(h) && clean(n?.[h])) headings.push(h);
  return headings.map((heading) => ({
    heading,
    text: clean(own?.[heading]),
    units: units.flatMap((u) => {
      const text = clean(u.narrative?.[heading]);
      return text ? [{ name: u.name, text }] : [];
    }),
  }));
}
