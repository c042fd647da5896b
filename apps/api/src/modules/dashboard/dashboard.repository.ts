import { Injectable } from '@nestjs/common';
import { PART_COLUMNS, rowToParts, TenantContext, TenantDataSource, unitTotals } from '@sen/db';
import type { RollupParts } from '@sen/indicators';

export interface IssuedPlan {
  id: string;
  symbol: string | null;
  title: string;
  unitId: string;
  programme: string | null;
  content: Record<string, unknown>;
}

/** Set-based reads over the unit tree and the rollups for the province dashboard. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly data: TenantDataSource) {}

  /** Every current unit of a level inside a subtree, with its parent's name and its rollup (if any). */
  async unitsWithRollup(rootId: string, level: string, indicator: string, period: string): Promise<{ id: string; name: string; parentName: string | null; parts: RollupParts | null }[]> {
    const { tenantId } = TenantContext.current();
    const rows: Record<string, unknown>[] = await this.data.dataSource.query(
      // The unit's total: its rollup row, or — a unit without sub-units has none — its own counted value.
      `SELECT u.id, u.name, p.name AS parent_name, COALESCE(r.unit_id, v.unit_id) AS has_row,
              ${PART_COLUMNS.map((c) => `IF(r.unit_id IS NULL, v.${c}, r.${c}) AS ${c}`).join(', ')}
       FROM org_unit_closure c
       JOIN org_unit u ON u.tenant_id = c.tenant_id AND u.id = c.descendant_id AND u.level = ? AND u.valid_to IS NULL
       LEFT JOIN org_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
       LEFT JOIN rollup r ON r.tenant_id = u.tenant_id AND r.unit_id = u.id AND r.period = ? AND r.indicator_code = ?
       LEFT JOIN unit_value v ON r.unit_id IS NULL AND v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.period = ? AND v.indicator_code = ?
       WHERE c.tenant_id = ? AND c.ancestor_id = ?
       ORDER BY u.sort_key`,
      [level, period, indicator, period, indicator, tenantId, rootId],
    );
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), parentName: (r.parent_name as string | null) ?? null, parts: r.has_row === null ? null : rowToParts(r) }));
  }

  /** Issued plans of a year whose issuing unit is the given unit or one of its ancestors. */
  async issuedPlansAbove(unitId: string, year: number, planId?: string): Promise<IssuedPlan[]> {
    const { tenantId } = TenantContext.current();
    const rows: { id: string; symbol: string | null; title: string; unit_id: string; programme: string | null; content: string | Record<string, unknown> }[] = await this.data.dataSource.query(
      `SELECT p.id, p.symbol, p.title, p.unit_id, p.programme, p.content FROM plan p
       JOIN org_unit_closure c ON c.tenant_id = p.tenant_id AND c.ancestor_id = p.unit_id AND c.descendant_id = ?
       WHERE p.tenant_id = ? AND p.status = 'issued' AND p.year = ? ${planId ? 'AND p.id = ?' : ''}
       ORDER BY p.issued_on, p.id`,
      planId ? [unitId, tenantId, year, planId] : [unitId, tenantId, year],
    );
    return rows.map((r) => ({
      id: String(r.id),
      symbol: r.symbol,
      title: r.title,
      unitId: String(r.unit_id),
      programme: r.programme,
      content: typeof r.content === 'string' ? (JSON.parse(r.content) as Record<string, unknown>) : r.content,
    }));
  }

  /** Totals of several units at once (rollup row, else own counted value): unit id → indicator code → parts. */
  async rollupParts(unitIds: string[], indicators: string[], period: string): Promise<Map<string, Map<string, RollupParts>>> {
    const out = new Map<string, Map<string, RollupParts>>();
    if (indicators.length === 0 || unitIds.length === 0) return out;
    const { tenantId } = TenantContext.current();
    for (const [key, total] of await unitTotals(this.data.dataSource.manager, tenantId, period, unitIds, indicators)) {
      const [unit, code] = key.split('|') as [string, string];
      if (!out.has(unit)) out.set(unit, new Map());
      out.get(unit)!.set(code, total.parts);
    }
    return out;
  }

  /** Values of plan targets allocated to units: "planId:targetIndex:unitId" → value. */
  async allocations(planIds: string[], unitIds: string[]): Promise<Map<string, number>> {
    if (planIds.length === 0 || unitIds.length === 0) return new Map();
    const { tenantId } = TenantContext.current();
    const rows: { plan_id: string; target_index: number; unit_id: string; value: string }[] = await this.data.dataSource.query(
      `SELECT plan_id, target_index, unit_id, value FROM plan_allocation WHERE tenant_id = ? AND plan_id IN (?) AND unit_id IN (?)`,
      [tenantId, planIds, unitIds],
    );
    return new Map(rows.map((r) => [`${r.plan_id}:${r.target_index}:${r.unit_id}`, Number(r.value)]));
  }

  async unit(id: string): Promise<{ id: string; name: string; level: string; parentId: string | null } | null> {
    const { tenantId } = TenantContext.current();
    const [row]: { id: string; name: string; level: string; parent_id: string | null }[] = await this.data.dataSource.query(
      'SELECT id, name, level, parent_id FROM org_unit WHERE tenant_id = ? AND id = ?',
      [tenantId, id],
    );
    return row ? { id: String(row.id), name: row.name, level: row.level, parentId: row.parent_id === null ? null : String(row.parent_id) } : null;
  }

  /** Current child unions of a unit (departments and affiliates report nothing, so they are not drilled into). */
  async childUnions(unitId: string): Promise<{ id: string; name: string; level: string; childCount: number }[]> {
    const { tenantId } = TenantContext.current();
    const rows: { id: string; name: string; level: string; children: string | number }[] = await this.data.dataSource.query(
      `SELECT u.id, u.name, u.level,
              (SELECT COUNT(*) FROM org_unit k WHERE k.tenant_id = u.tenant_id AND k.parent_id = u.id AND k.kind = 'union' AND k.valid_to IS NULL) AS children
       FROM org_unit u WHERE u.tenant_id = ? AND u.parent_id = ? AND u.kind = 'union' AND u.valid_to IS NULL
       ORDER BY u.sort_key, u.id`,
      [tenantId, unitId],
    );
    return rows.map((r) => ({ id: String(r.id), name: r.name, level: r.level, childCount: Number(r.children) }));
  }

  /** The departments (Ban, Văn phòng, Trung tâm, Báo) of the tenant, to know which of them a plan assigns work to. */
  async departments(): Promise<{ id: string; name: string }[]> {
    const { tenantId } = TenantContext.current();
    const rows: { id: string; name: string }[] = await this.data.dataSource.query(
      `SELECT id, name FROM org_unit WHERE tenant_id = ? AND kind = 'department' AND valid_to IS NULL ORDER BY sort_key, id`,
      [tenantId],
    );
    return rows.map((r) => ({ id: String(r.id), name: r.name }));
  }

  /** The tenant's levels, top first (province, district, grassroots, branch, …). */
  async levels(): Promise<string[]> {
    const { tenantId } = TenantContext.current();
    const [row]: { levels: unknown }[] = await this.data.dataSource.query('SELECT levels FROM tenant WHERE id = ?', [tenantId]);
    const raw = typeof row?.levels === 'string' ? (JSON.parse(row.levels) as unknown) : row?.levels;
    return Array.isArray(raw) ? raw.map((l: { code?: unknown }) => String(l.code ?? '')).filter(Boolean) : [];
  }

  /** The levels whose units report on one of the tenant's forms (the national forms: grassroots). */
  async reportingLevels(): Promise<string[]> {
    const { tenantId } = TenantContext.current();
    const rows: { reporting_level: string }[] = await this.data.dataSource.query('SELECT DISTINCT reporting_level FROM report_form WHERE tenant_id = ?', [tenantId]);
    return rows.map((r) => r.reporting_level);
  }

  /**
   * Activities of plans marked done, per plan and level (the activity's level, or its plan unit's), among those
   * begun by `asOf` (or without dates): "planId|level" → count.
   */
  async activitiesDone(planIds: string[], asOf: string): Promise<Map<string, number>> {
    if (planIds.length === 0) return new Map();
    const { tenantId } = TenantContext.current();
    const rows: { plan_id: string; level: string | null; n: string | number }[] = await this.data.dataSource.query(
      `SELECT plan_id, level, COUNT(*) AS n FROM plan_activity
       WHERE tenant_id = ? AND plan_id IN (?) AND status = 'done' AND (date_from IS NULL OR date_from <= ?)
       GROUP BY plan_id, level`,
      [tenantId, planIds, asOf],
    );
    return new Map(rows.map((r) => [`${r.plan_id}|${r.level ?? ''}`, Number(r.n)]));
  }

  /**
   * The periods with counted values in a unit's subtree (its rollup row or its own value), newest data first, for
   * one indicator or any; and the years of the issued plans that concern the unit.
   */
  async periodsWithData(unitId: string, indicator: string | undefined): Promise<string[]> {
    const { tenantId } = TenantContext.current();
    const rows: { period: string }[] = await this.data.dataSource.query(
      `SELECT DISTINCT period FROM (
         SELECT period FROM rollup WHERE tenant_id = ? AND unit_id = ? AND count > 0 ${indicator ? 'AND indicator_code = ?' : ''}
         UNION SELECT period FROM unit_value WHERE tenant_id = ? AND unit_id = ? AND count > 0 ${indicator ? 'AND indicator_code = ?' : ''}
       ) x`,
      indicator ? [tenantId, unitId, indicator, tenantId, unitId, indicator] : [tenantId, unitId, tenantId, unitId],
    );
    return rows.map((r) => String(r.period));
  }

  async planYears(unitId: string): Promise<number[]> {
    const { tenantId } = TenantContext.current();
    const rows: { year: number }[] = await this.data.dataSource.query(
      `SELECT DISTINCT p.year FROM plan p
       JOIN org_unit_closure c ON c.tenant_id = p.tenant_id AND c.ancestor_id = p.unit_id AND c.descendant_id = ?
       WHERE p.tenant_id = ? AND p.status = 'issued' ORDER BY p.year DESC`,
      [unitId, tenantId],
    );
    return rows.map((r) => Number(r.year));
  }

  /** Per form, the periods with at least one report handed in (submitted or approved) in a unit's subtree. */
  async reportedPeriods(unitId: string): Promise<{ formCode: string; period: string }[]> {
    const { tenantId } = TenantContext.current();
    const rows: { form_code: string; period: string }[] = await this.data.dataSource.query(
      `SELECT DISTINCT r.form_code, r.period FROM report r
       JOIN org_unit_closure c ON c.tenant_id = r.tenant_id AND c.descendant_id = r.unit_id AND c.ancestor_id = ?
       WHERE r.tenant_id = ? AND r.status IN ('submitted', 'approved')`,
      [unitId, tenantId],
    );
    return rows.map((r) => ({ formCode: r.form_code, period: String(r.period) }));
  }

  /** The tenant's own names of its levels ("Xã, phường"): code → name. */
  async levelNames(): Promise<[string, string][]> {
    const { tenantId } = TenantContext.current();
    const [row]: { levels: unknown }[] = await this.data.dataSource.query('SELECT levels FROM tenant WHERE id = ?', [tenantId]);
    const raw = typeof row?.levels === 'string' ? (JSON.parse(row.levels) as unknown) : row?.levels;
    return Array.isArray(raw) ? raw.filter((l: { code?: unknown; name?: unknown }) => l.code && l.name).map((l: { code: unknown; name: unknown }) => [String(l.code), String(l.name)]) : [];
  }
}
