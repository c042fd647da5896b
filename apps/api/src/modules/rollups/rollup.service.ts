import { Injectable } from '@nestjs/common';
import type { ComparisonItem, RollupResponse } from '@sen/contracts';
import { findIndicator, formatPeriodVi, valueOf, type IndicatorDefinition, type RollupParts } from '@sen/indicators';
import { buildWorkbook } from '../../core/http/spreadsheet';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { AggregationQueue } from '../aggregation/aggregation-queue.service';
import { IndicatorService } from '../indicators/indicator.service';
import { OrgUnitService } from '../org-units/org-unit.service';
import { CentralRepository } from './central.repository';
import { RollupRepository } from './rollup.repository';

/** Numerator and denominator where the method has them: ratio (parts) and coverage (units meeting / units). */
function fraction(def: IndicatorDefinition, parts: RollupParts): { numerator: number | null; denominator: number | null } {
  if (def.aggregation === 'ratio') return { numerator: parts.numerator, denominator: parts.denominator };
  if (def.aggregation === 'coverage') return { numerator: parts.meeting, denominator: parts.eligible };
  return { numerator: null, denominator: null };
}

const unknownIndicator = (code: string) =>
  new ValidationFailedError([{ field: 'query.indicator', reason: `không có chỉ tiêu mã "${code}"`, reasonEn: `no indicator with code "${code}"` }]);

@Injectable()
export class RollupService {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly central: CentralRepository,
    private readonly units: OrgUnitService,
    private readonly indicators: IndicatorService,
    private readonly queue: AggregationQueue,
  ) {}

  /** The rollup of any unit of the caller's subtree (default: the caller's own unit). */
  async get(actor: Actor, q: { indicator: string; period: string; unitId?: string }): Promise<RollupResponse> {
    const def = (await this.indicators.definitions()).find((d) => d.code === q.indicator);
    if (!def) throw unknownIndicator(q.indicator);
    const unitId = q.unitId ?? actor.unitIds[0];
    if (!unitId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, unitId);
    const [row, unitsExpected] = await Promise.all([this.rollups.find(unitId, q.indicator, q.period), this.rollups.unitsExpected(unitId, q.indicator, q.period)]);
    if (!row) return { value: null, numerator: null, denominator: null, unitsReporting: 0, unitsExpected, updatedAt: null };
    return {
      value: valueOf(def, row.parts),
      ...fraction(def, row.parts),
      unitsReporting: row.parts.count,
      unitsExpected,
      updatedAt: row.updatedAt?.toISOString() ?? null,
    };
  }

  async recompute(actor: Actor, period: string): Promise<{ jobId: string }> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    return { jobId: await this.queue.enqueueRecompute(period, actor.tenantId) };
  }

  async recomputeProgress(actor: Actor, jobId: string): Promise<{ state: string; progress: number }> {
    // Job ids carry the tenant; another tenant's job is not found.
    if (!jobId.startsWith(`recompute__${actor.tenantId}__`)) throw new NotFoundError('Job', 'tác vụ');
    const p = await this.queue.progress(jobId);
    if (!p) throw new NotFoundError('Job', 'tác vụ');
    return p;
  }

  /** Every province side by side on a national indicator: aggregates only. */
  async comparison(q: { indicator: string; period: string }): Promise<{ indicator: Record<string, unknown>; period: string; items: ComparisonItem[] }> {
    const def = findIndicator(q.indicator);
    if (!def || !def.national) throw unknownIndicator(q.indicator);
    const rows = await this.central.comparison(q.indicator, q.period);
    return {
      indicator: { code: def.code, name: def.name, nameEn: def.nameEn, unit: def.unit, valueType: def.valueType, kind: def.kind, aggregation: def.aggregation },
      period: q.period,
      items: rows.map((r) => ({
        tenant: r.tenant,
        name: r.name,
        value: r.parts ? valueOf(def, r.parts) : null,
        ...(r.parts ? fraction(def, r.parts) : { numerator: null, denominator: null }),
        // Targets come from the plans' national targets (not yet linked): none is better than a made-up one.
        target: null,
        achievement: null,
        unitsReporting: r.parts?.count ?? 0,
        unitsExpected: r.unitsExpected,
      })),
    };
  }

  /** Several periods for chosen provinces (all when none is named), oldest first. */
  async series(q: { indicator: string; periods: string[]; tenants?: string[] }) {
    const def = findIndicator(q.indicator);
    if (!def || !def.national) throw unknownIndicator(q.indicator);
    const rows = await this.central.series(q.indicator, q.periods);
    const wanted = q.tenants?.length ? new Set(q.tenants) : null;
    const byTenant = new Map<string, { tenant: string; name: string; points: { period: string; value: number | null; unitsReporting: number; unitsExpected: number }[] }>();
    for (const r of rows) {
      if (wanted && !wanted.has(r.tenant)) continue;
      if (!byTenant.has(r.tenant)) byTenant.set(r.tenant, { tenant: r.tenant, name: r.name, points: [] });
      byTenant.get(r.tenant)!.points.push({ period: r.period, value: valueOf(def, r.parts), unitsReporting: r.parts.count, unitsExpected: r.unitsExpected });
    }
    return { indicator: { code: def.code, name: def.name, unit: def.unit }, periods: q.periods, items: [...byTenant.values()] };
  }

  /** The comparison as an XLSX file with Vietnamese headers and number formats. */
  async comparisonWorkbook(q: { indicator: string; period: string }): Promise<{ filename: string; content: Buffer }> {
    const data = await this.comparison(q);
    const percent = data.indicator.aggregation === 'ratio' || data.indicator.aggregation === 'coverage' || data.indicator.valueType === 'percentage';
    const ranked = [...data.items].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    const content = await buildWorkbook(
      'So sánh',
      `${String(data.indicator.name)} — ${formatPeriodVi(q.period)}`,
      [
        { header: 'Hạng', key: 'rank', width: 8 },
        { header: 'Mã', key: 'tenant', width: 8 },
        { header: 'Tỉnh, thành phố', key: 'name', width: 38 },
        { header: percent ? 'Giá trị (%)' : `Giá trị (${String(data.indicator.unit)})`, key: 'value', numFmt: percent ? '0.0' : '#,##0' },
        { header: 'Tử số', key: 'numerator', numFmt: '#,##0' },
        { header: 'Mẫu số', key: 'denominator', numFmt: '#,##0' },
        { header: 'Chỉ tiêu', key: 'target', numFmt: '#,##0.0' },
        { header: 'Đạt (%)', key: 'achievement', numFmt: '0.0' },
        { header: 'Đơn vị đã báo cáo', key: 'unitsReporting', numFmt: '#,##0' },
        { header: 'Đơn vị phải báo cáo', key: 'unitsExpected', numFmt: '#,##0' },
      ],
      ranked.map((item, i) => ({ ...item, rank: item.value === null ? null : i + 1 })),
    );
    return { filename: `so-sanh-${q.indicator}-${q.period}.xlsx`, content };
  }
}
