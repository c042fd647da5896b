import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PART_COLUMNS, rowToParts } from '@sen/db';
import type { RollupParts } from '@sen/indicators';

/**
 * The central union's only window on tenants: their totals in national_rollup and their names. Never a
 * tenant's reports, units or users.
 */
@Injectable()
export class CentralRepository {
  constructor(private readonly dataSource: DataSource) {}

  async comparison(indicator: string, period: string): Promise<{ tenant: string; name: string; parts: RollupParts | null; unitsExpected: number }[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT t.code, t.name, n.units_expected, ${PART_COLUMNS.map((c) => `n.${c}`).join(', ')}, n.tenant_id AS has_row
       FROM tenant t LEFT JOIN national_rollup n ON n.tenant_id = t.id AND n.period = ? AND n.indicator_code = ?
       WHERE t.is_central = 0 AND t.status = 'active' ORDER BY t.code`,
      [period, indicator],
    );
    return rows.map((r) => ({
      tenant: String(r.code),
      name: String(r.name),
      parts: r.has_row === null ? null : rowToParts(r),
      unitsExpected: Number(r.units_expected ?? 0),
    }));
  }

  /** The totals of several periods, for time series. */
  async series(indicator: string, periods: string[]): Promise<{ tenant: string; name: string; period: string; parts: RollupParts; unitsExpected: number }[]> {
    if (periods.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT t.code, t.name, n.period, n.units_expected, ${PART_COLUMNS.map((c) => `n.${c}`).join(', ')}
       FROM national_rollup n JOIN tenant t ON t.id = n.tenant_id AND t.is_central = 0
       WHERE n.indicator_code = ? AND n.period IN (?) ORDER BY t.code, n.period`,
      [indicator, periods],
    );
    return rows.map((r) => ({ tenant: String(r.code), name: String(r.name), period: String(r.period), parts: rowToParts(r), unitsExpected: Number(r.units_expected ?? 0) }));
  }
}
