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
}
