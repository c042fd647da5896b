import { Injectable } from '@nestjs/common';
import type { Reconciliation } from '@sen/contracts';
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

  /**
   * A unit's total of one category of a sum indicator: its category rollup row (units with sub-units), otherwise its
   * own counted value of the category — as `find` for the totals.
   */
  async findCategory(unitId: string, indicator: string, period: string, category: string): Promise<{ sum: number; count: number; updatedAt: Date | null } | null> {
    const { tenantId } = TenantContext.current();
    const rows: { rolled: number; sum: string; count: number; updated_at: Date | null }[] = await this.data.dataSource.query(
      `SELECT 1 AS rolled, sum, count, updated_at FROM category_rollup WHERE tenant_id = ? AND period = ? AND indicator_code = ? AND category = ? AND unit_id = ?
       UNION ALL
       SELECT 0, v.sum, v.count, rep.updated_at FROM unit_category_value v LEFT JOIN report rep ON rep.tenant_id = v.tenant_id AND rep.id = v.report_id
       WHERE v.tenant_id = ? AND v.period = ? AND v.indicator_code = ? AND v.category = ? AND v.unit_id = ?`,
      [tenantId, period, indicator, category, unitId, tenantId, period, indicator, category, unitId],
    );
    const row = rows.sort((a, b) => Number(b.rolled) - Number(a.rolled))[0];
    return row ? { sum: Number(row.sum), count: Number(row.count), updatedAt: row.updated_at } : null;
  }

  /** The tenant's last reconciliation (of the period, when given). */
  async lastReconciliation(period?: string): Promise<Reconciliation | null> {
    const { tenantId } = TenantContext.current();
    const [row]: Record<string, unknown>[] = await this.data.dataSource.query(
      `SELECT r.*, t.code AS tenant, t.name AS tenant_name FROM rollup_reconciliation r JOIN tenant t ON t.id = r.tenant_id
       WHERE r.tenant_id = ? ${period ? 'AND r.period = ?' : ''} ORDER BY r.id DESC LIMIT 1`,
      period ? [tenantId, period] : [tenantId],
    );
    return row ? reconciliationOf(row) : null;
  }
}

/** JSON columns come back parsed from MySQL and as text from MariaDB. */
const jsonOf = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** A rollup_reconciliation row (with its tenant's code and name) as the API answers it. */
export function reconciliationOf(row: Record<string, unknown>): Reconciliation {
  return {
    tenant: String(row.tenant),
    tenantName: String(row.tenant_name),
    period: String(row.period),
    trigger: String(row.trigger_kind),
    startedAt: (row.started_at as Date).toISOString(),
    finishedAt: (row.finished_at as Date).toISOString(),
    rowsChecked: Number(row.rows_checked),
    mismatches: Number(row.mismatches),
    details: jsonOf<Reconciliation['details']>(row.details),
    repaired: Number(row.repaired) === 1,
  };
}
