import { Injectable } from '@nestjs/common';
import { PART_COLUMNS, rowToParts, TenantContext, TenantDataSource } from '@sen/db';
import type { RollupParts } from '@sen/indicators';

/** Reads the rollups of the current tenant. */
@Injectable()
export class RollupRepository {
  constructor(private readonly data: TenantDataSource) {}

  async find(unitId: string, indicator: string, period: string): Promise<{ parts: RollupParts; updatedAt: Date } | null> {
    const { tenantId } = TenantContext.current();
    const [row]: Record<string, unknown>[] = await this.data.dataSource.query(
      `SELECT ${PART_COLUMNS.join(', ')}, updated_at FROM rollup WHERE tenant_id = ? AND period = ? AND indicator_code = ? AND unit_id = ?`,
      [tenantId, period, indicator, unitId],
    );
    return row ? { parts: rowToParts(row), updatedAt: row.updated_at as Date } : null;
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
