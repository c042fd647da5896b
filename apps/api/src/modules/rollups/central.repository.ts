import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Reconciliation } from '@sen/contracts';
import { PART_COLUMNS, rowToParts } from '@sen/db';
import type { RollupParts } from '@sen/indicators';
import type { StoredTarget } from '../dashboard/plan-target';
import { reconciliationOf } from './rollup.repository';

/** Report counts of the national forms: expected, handed in (submitted or approved), approved, handed in late. */
export interface CompletenessCounts {
  expected: number;
  submitted: number;
  approved: number;
  late: number;
}

/** A province as it was during a period: a province-level union of a today's tenant. */
export interface FormerProvince {
  unitId: string;
  name: string;
  code: string | null;
  /** The tenant's root (the province that absorbed the others). */
  isRoot: boolean;
}

/** A today's tenant whose units belonged to more than one province during a period (it absorbed one in 2025). */
export interface SplitTenant {
  tenantId: string;
  tenant: string;
  name: string;
  provinces: FormerProvince[];
}

const COUNTS = `COUNT(*) AS expected,
  COALESCE(SUM(r.status IN ('submitted', 'approved')), 0) AS submitted,
  COALESCE(SUM(r.status = 'approved'), 0) AS approved,
  COALESCE(SUM(r.status IN ('submitted', 'approved') AND r.late = 1), 0) AS late`;

const counts = (r: Record<string, unknown>): CompletenessCounts => ({
  expected: Number(r.expected ?? 0),
  submitted: Number(r.submitted ?? 0),
  approved: Number(r.approved ?? 0),
  late: Number(r.late ?? 0),
});

/** JSON columns come back parsed from MySQL and as text from MariaDB. */
function jsonOf(v: unknown): Record<string, unknown> {
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') return JSON.parse(v) as Record<string, unknown>;
  if (Buffer.isBuffer(v)) return JSON.parse(v.toString('utf8')) as Record<string, unknown>;
  return v as Record<string, unknown>;
}

/**
 * The central union's only window on tenants: their totals in national_rollup, report counts grouped per
 * province, and their names. Never a tenant's reports, units or users: the split of a province by former
 * province reads units and counted values here, but answers only one total per former province.
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

  /**
   * A fingerprint of everything a comparison by today's provinces reads: the central lines of the indicator in the
   * periods, the provinces' issued plans of the year (their targets), and the tenants (names, status). Content
   * hashes, not timestamps: two writes within one millisecond still change it. One cheap query (a range of the
   * central table's primary key and two small tables) instead of the comparison's three.
   */
  async comparisonStamp(indicator: string, periods: string[], year: number): Promise<string> {
    const cols = (list: string[]) => list.map((c) => `COALESCE(${c}, '~')`).join(', ');
    const hash = (list: string[]) => `CONCAT(COUNT(*), ':', COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', ${cols(list)}))), 0))`;
    const [row]: { totals: string; plans: string; tenants: string }[] = await this.dataSource.query(
      `SELECT
         (SELECT ${hash(['period', 'tenant_id', 'units_expected', ...PART_COLUMNS])} FROM national_rollup WHERE period IN (?) AND indicator_code = ?) AS totals,
         (SELECT ${hash(['id', 'tenant_id', 'unit_id', 'status', 'current_version', 'issued_on'])} FROM plan WHERE year = ?) AS plans,
         (SELECT ${hash(['id', 'code', 'name', 'status', 'is_central', 'root_unit_id'])} FROM tenant) AS tenants`,
      [periods, indicator, year],
    );
    return `${row?.totals}|${row?.plans}|${row?.tenants}`;
  }

  /**
   * Each province's own targets for an indicator in a year, as its plans state them: the targets linked to the
   * indicator (`targets[].indicatorCode`) of the plans the province union itself issued for that year — the official
   * figures of its Kế hoạch, not anything of its units — oldest issued first (the caller reads them, the latest wins).
   */
  async provinceTargets(indicator: string, year: number): Promise<Map<string, StoredTarget[]>> {
    // Only the targets leave the database: a plan's content is tens of kilobytes, read on every comparison.
    const rows: { code: string; targets: unknown }[] = await this.dataSource.query(
      `SELECT t.code, JSON_EXTRACT(p.content, '$.targets') AS targets
       FROM plan p JOIN tenant t ON t.id = p.tenant_id AND t.root_unit_id = p.unit_id AND t.is_central = 0
       WHERE p.status = 'issued' AND p.year = ? ORDER BY p.issued_on, p.id`,
      [year],
    );
    const out = new Map<string, StoredTarget[]>();
    for (const r of rows) {
      const parsed: unknown = typeof r.targets === 'string' ? JSON.parse(r.targets) : r.targets;
      const targets = Array.isArray(parsed) ? (parsed as StoredTarget[]) : [];
      for (const t of targets) {
        if (t.indicatorCode === indicator && typeof t.value === 'number') out.set(String(r.code), [...(out.get(String(r.code)) ?? []), t]);
      }
    }
    return out;
  }

  /** The periods with data of an indicator in any province (national_rollup), for the page to open on the latest. */
  async periodsWithData(indicator: string): Promise<{ period: string; provinces: number }[]> {
    const rows: { period: string; provinces: string | number }[] = await this.dataSource.query(
      `SELECT n.period, COUNT(*) AS provinces FROM national_rollup n JOIN tenant t ON t.id = n.tenant_id AND t.is_central = 0 AND t.status = 'active'
       WHERE n.indicator_code = ? AND n.count > 0 GROUP BY n.period`,
      [indicator],
    );
    return rows.map((r) => ({ period: String(r.period), provinces: Number(r.provinces) }));
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

  /** Report counts of the national forms per active province for a period (every province listed, zeros too). */
  async completeness(period: string): Promise<({ tenant: string; name: string } & CompletenessCounts)[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT t.code, t.name, x.expected, x.submitted, x.approved, x.late FROM tenant t
       LEFT JOIN (
         SELECT r.tenant_id, ${COUNTS} FROM report r
         JOIN report_form f ON f.tenant_id = r.tenant_id AND f.id = r.form_id AND f.national = 1
         WHERE r.period = ? GROUP BY r.tenant_id
       ) x ON x.tenant_id = t.id
       WHERE t.is_central = 0 AND t.status = 'active' ORDER BY t.code`,
      [period],
    );
    return rows.map((r) => ({ tenant: String(r.code), name: String(r.name), ...counts(r) }));
  }

  /**
   * The tenants whose units belonged to several provinces during the period: those with more than one
   * province-level union valid then (a former province absorbed in 2025 is kept as a closed unit of the
   * absorbing tenant, with its former districts and communes below it).
   */
  async splitTenants(start: string, end: string): Promise<SplitTenant[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT t.id AS tenant_id, t.code AS tenant, t.name AS tenant_name, t.root_unit_id, u.id, u.name, u.code
       FROM tenant t JOIN org_unit u ON u.tenant_id = t.id AND u.level = 'province' AND u.kind = 'union'
         AND (u.valid_from IS NULL OR u.valid_from <= ?) AND (u.valid_to IS NULL OR u.valid_to >= ?)
       WHERE t.is_central = 0 AND t.status = 'active'
       ORDER BY t.code, u.sort_key, u.id`,
      [end, start],
    );
    const byTenant = new Map<string, SplitTenant>();
    for (const r of rows) {
      const tenantId = String(r.tenant_id);
      const entry = byTenant.get(tenantId) ?? { tenantId, tenant: String(r.tenant), name: String(r.tenant_name), provinces: [] };
      entry.provinces.push({ unitId: String(r.id), name: String(r.name), code: r.code === null ? null : String(r.code), isRoot: String(r.id) === String(r.root_unit_id) });
      byTenant.set(tenantId, entry);
    }
    return [...byTenant.values()].filter((t) => t.provinces.length > 1 || !t.provinces.some((p) => p.isRoot));
  }

  /**
   * The former province each unit counted under during a period ending on `end`: its nearest province-level
   * ancestor when the unit existed then; for a unit created later (a 2025 commune whose reports were filed for
   * an earlier period), the province most of the units merged into it belonged to. Units found under none
   * (departments of today's root) are left out: the caller counts them under the root.
   */
  async provinceOfUnits(tenantId: string, provinceIds: string[], unitIds: string[], end: string, hops = 0): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (unitIds.length === 0 || provinceIds.length === 0 || hops > 3) return out;
    const units: { id: string; valid_from: string | Date | null }[] = await this.dataSource.query(
      'SELECT id, valid_from FROM org_unit WHERE tenant_id = ? AND id IN (?)',
      [tenantId, unitIds],
    );
    const isoOf = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
    const later = new Set(units.filter((u) => (isoOf(u.valid_from) ?? '') > end).map((u) => String(u.id)));
    const existing = unitIds.filter((id) => !later.has(id));
    if (existing.length) {
      // Deepest first, so the nearest province ancestor is written last and wins.
      const paths: { descendant_id: string; ancestor_id: string }[] = await this.dataSource.query(
        `SELECT descendant_id, ancestor_id FROM org_unit_closure
         WHERE tenant_id = ? AND descendant_id IN (?) AND ancestor_id IN (?) ORDER BY depth DESC`,
        [tenantId, existing, provinceIds],
      );
      for (const p of paths) out.set(String(p.descendant_id), String(p.ancestor_id));
    }
    if (later.size) {
      const events: { unit_id: string; data: unknown }[] = await this.dataSource.query(
        `SELECT unit_id, data FROM org_unit_event WHERE tenant_id = ? AND type = 'merge' AND unit_id IN (?) AND effective_from > ?`,
        [tenantId, [...later], end],
      );
      const sourcesOf = new Map<string, string[]>();
      for (const e of events) {
        const sources = jsonOf(e.data).sources;
        if (!Array.isArray(sources)) continue;
        sourcesOf.set(String(e.unit_id), [...(sourcesOf.get(String(e.unit_id)) ?? []), ...sources.map(String)]);
      }
      const allSources = [...new Set([...sourcesOf.values()].flat())];
      const sourceProvince = allSources.length ? await this.provinceOfUnits(tenantId, provinceIds, allSources, end, hops + 1) : new Map<string, string>();
      for (const [unitId, sources] of sourcesOf) {
        const votes = new Map<string, number>();
        for (const s of sources) {
          const p = sourceProvince.get(s);
          if (p) votes.set(p, (votes.get(p) ?? 0) + 1);
        }
        const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
        if (best) out.set(unitId, best[0]);
      }
    }
    return out;
  }

  /** The counted value of each unit of a tenant for one indicator and period. */
  async unitValues(tenantId: string, indicator: string, period: string): Promise<{ unitId: string; parts: RollupParts }[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT unit_id, ${PART_COLUMNS.join(', ')} FROM unit_value WHERE tenant_id = ? AND period = ? AND indicator_code = ?`,
      [tenantId, period, indicator],
    );
    return rows.map((r) => ({ unitId: String(r.unit_id), parts: rowToParts(r) }));
  }

  /** Report counts per reporting unit of a tenant for a period; `national` restricts to the national forms. */
  async reportCountsByUnit(tenantId: string, period: string, national: boolean): Promise<({ unitId: string } & CompletenessCounts)[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.unit_id, ${COUNTS} FROM report r
       ${national ? 'JOIN report_form f ON f.tenant_id = r.tenant_id AND f.id = r.form_id AND f.national = 1' : ''}
       WHERE r.tenant_id = ? AND r.period = ? GROUP BY r.unit_id`,
      [tenantId, period],
    );
    return rows.map((r) => ({ unitId: String(r.unit_id), ...counts(r) }));
  }

  /** Each active tenant's last reconciliation (of the period, when given): counts only. */
  async lastReconciliations(period?: string): Promise<Reconciliation[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.*, t.code AS tenant, t.name AS tenant_name FROM tenant t
       JOIN rollup_reconciliation r ON r.id = (SELECT MAX(x.id) FROM rollup_reconciliation x WHERE x.tenant_id = t.id ${period ? 'AND x.period = ?' : ''})
       WHERE t.status = 'active' ORDER BY t.id`,
      period ? [period] : [],
    );
    return rows.map(reconciliationOf);
  }
}
