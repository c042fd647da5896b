import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDataSource, unitTotals } from '@sen/db';
import type { RollupParts } from '@sen/indicators';

/** Reads the rollups of the current tenant. */
@Injectable()
export class RollupRepository {
  constructor(private readonly data: TenantDataSource) {}

  /** The unit's total: its rollup row, or its own counted value when it has no sub-units (unitTotals). */
  async find(unitId: string, indicator: string, period: string): Promise<{ parts: RollupParts; updatedAt: Date | null } | null> {
    const { tenantId } = TenantContext.current();
    const totals = await unitTotals(this.data.dataSource.manager, tenantId, period, [unitId], [indicator]);
    return totals.get(`${unitId}|${indicator}`) ?? null;
  }

  /** Reports expected in the unit's subtree for the period, of forms that carry the indicator. */
  async unitsExpected(unitId: string, indicator: string, period: string): Promise<number> {
    const { tenantId } = TenantContext.current();
    const [row]: { n: string }[] = await this.data.dataSource.query(
      `SELECT COUNT(*) AS n FROM report r
       JOIN org_unit_closure c ON c.tenant_id = r.tenant_id AND c.descendant_id = r.unit_id AND c.ancestor_id = ?
       JOIN report_form f ON f.tenant_id = r.tenant_id AND f.id = r.form_id
       WHERE r.tenant_id = ? AND r.period = ? AND JSON_CONTAINS(f.indicator_codes, JSON_QUOTE(?))`,
      [unitId, tenantId, period, indicator],
    );
    return Number(row?.n ?? 0);
  }
}
