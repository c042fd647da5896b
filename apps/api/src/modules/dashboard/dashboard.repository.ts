import { Injectable } from '@nestjs/common';
import { PART_COLUMNS, rowToParts, TenantContext, TenantDataSource } from '@sen/db';
import type { RollupParts } from '@sen/indicators';

/** Set-based reads over the unit tree and the rollups for the province dashboard. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly data: TenantDataSource) {}

  /** Every current unit of a level inside a subtree, with its parent's name and its rollup (if any). */
  async unitsWithRollup(rootId: string, level: string, indicator: string, period: string): Promise<{ id: string; name: string; parentName: string | null; parts: RollupParts | null }[]> {
    const { tenantId } = TenantContext.current();
    const rows: Record<string, unknown>[] = await this.data.dataSource.query(
      `SELECT u.id, u.name, p.name AS parent_name, r.unit_id AS has_row, ${PART_COLUMNS.map((c) => `r.${c}`).join(', ')}
       FROM org_unit_closure c
       JOIN org_unit u ON u.tenant_id = c.tenant_id AND u.id = c.descendant_id AND u.level = ? AND u.valid_to IS NULL
       LEFT JOIN org_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
       LEFT JOIN rollup r ON r.tenant_id = u.tenant_id AND r.unit_id = u.id AND r.period = ? AND r.indicator_code = ?
       WHERE c.tenant_id = ? AND c.ancestor_id = ?
       ORDER BY u.sort_key`,
      [level, period, indicator, tenantId, rootId],
    );
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), parentName: (r.parent_name as string | null) ?? null, parts: r.has_row === null ? null : rowToParts(r) }));
  }

  /** Issued plans of a year whose issuing unit is the given unit or one of its ancestors. */
  async issuedPlansAbove(unitId: string, year: number, planId?: string): Promise<{ id: string; symbol: string | null; title: string; unitId: string; content: Record<string, unknown> }[]> {
    const { tenantId } = TenantContext.current();
    const rows: { id: string; symbol: string | null; title: string; unit_id: string; content: string | Record<string, unknown> }[] = await this.data.dataSource.query(
      `SELECT p.id, p.symbol, p.title, p.unit_id, p.content FROM plan p
       JOIN org_unit_closure c ON c.tenant_id = p.tenant_id AND c.ancestor_id = p.unit_id AND c.descendant_id = ?
       WHERE p.tenant_id = ? AND p.status = 'issued' AND p.year = ? ${planId ? 'AND p.id = ?' : ''}
       ORDER BY p.issued_on, p.id`,
      planId ? [unitId, tenantId, year, planId] : [unitId, tenantId, year],
    );
    return rows.map((r) => ({ id: String(r.id), symbol: r.symbol, title: r.title, unitId: String(r.unit_id), content: typeof r.content === 'string' ? (JSON.parse(r.content) as Record<string, unknown>) : r.content }));
  }

  async rollupParts(unitId: string, indicators: string[], period: string): Promise<Map<string, RollupParts>> {
    if (indicators.length === 0) return new Map();
    const { tenantId } = TenantContext.current();
    const rows: Record<string, unknown>[] = await this.data.dataSource.query(
      `SELECT indicator_code, ${PART_COLUMNS.join(', ')} FROM rollup WHERE tenant_id = ? AND period = ? AND unit_id = ? AND indicator_code IN (?)`,
      [tenantId, period, unitId, indicators],
    );
    return new Map(rows.map((r) => [String(r.indicator_code), rowToParts(r)]));
  }
}
