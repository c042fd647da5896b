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
}
