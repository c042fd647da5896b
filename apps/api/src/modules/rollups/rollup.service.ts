import { Injectable } from '@nestjs/common';
import {
  compareVietnamese,
  isBeforeReorganisation,
  type CentralCompletenessItem,
  type CentralCompletenessQuery,
  type CentralSeriesQuery,
  type CentralView,
  type ComparisonItem,
  type ComparisonQuery,
  type NationalRecomputeProgress,
  type NationalRecomputeStatus,
  type Reconciliation,
  type ReconciliationQuery,
  type ReconcileRequest,
  type RollupResponse,
} from '@sen/contracts';
import { hasCategoryTotals } from '@sen/db';
import {
  comparePeriods,
  comparePeriodsByEnd,
  emptyParts,
  evaluateTarget,
  findIndicator,
  formatPeriodVi,
  getAggregationMethod,
  parsePeriod,
  previousPeriod,
  valueOf,
  type IndicatorDefinition,
  type RollupParts,
} from '@sen/indicators';
import { buildWorkbook } from '../../core/http/spreadsheet';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { AggregationQueue } from '../aggregation/aggregation-queue.service';
import { IndicatorService } from '../indicators/indicator.service';
import { OrgUnitService } from '../org-units/org-unit.service';
import { isMismatch, measuredTarget, type MeasuredTarget, type StoredTarget } from '../dashboard/plan-target';
import { CentralRepository, type CompletenessCounts, type SplitTenant } from './central.repository';
import { RollupRepository } from './rollup.repository';

/** Numerator and denominator where the method has them: ratio (parts) and coverage (units meeting / units). */
function fraction(def: IndicatorDefinition, parts: RollupParts): { numerator: number | null; denominator: number | null } {
  if (def.aggregation === 'ratio') return { numerator: parts.numerator, denominator: parts.denominator };
  if (def.aggregation === 'coverage') return { numerator: parts.meeting, denominator: parts.eligible };
  return { numerator: null, denominator: null };
}

/** A line of the central comparison: a today's province, or in the `former` view a province before 2025. */
interface Line {
  tenant: string;
  key: string;
  name: string;
  formerProvince?: string | null;
  parts: RollupParts | null;
  unitsExpected: number;
}

export interface SeriesLine {
  tenant: string;
  key?: string;
  name: string;
  formerProvince?: string | null;
  points: { period: string; value: number | null; unitsReporting: number; unitsExpected: number }[];
}

/** Units of a split tenant found under none of its former provinces (and the tenant's root not valid then). */
const TODAY = 'today';

/** The lines of a split tenant: its former provinces, the root first, then a line for units under none. */
function formerLines(split: SplitTenant): { unitId: string; key: string; name: string; code: string | null }[] {
  const provinces = [...split.provinces].sort((a, b) => Number(b.isRoot) - Number(a.isRoot));
  const lines = provinces.map((p) => ({ unitId: p.unitId, key: `${split.tenant}:${p.code ?? p.unitId}`, name: p.name, code: p.code }));
  if (!split.provinces.some((p) => p.isRoot)) lines.push({ unitId: TODAY, key: split.tenant, name: split.name, code: null });
  return lines;
}

/** 1 for the highest value; equal values share a rank and the next rank skips (1, 2, 2, 4); null without a value. */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null);
  return values.map((v) => (v === null ? null : 1 + present.filter((o) => o > v).length));
}

/** Differences of values that carry at most a few decimals, without floating-point noise (90.1 − 85.3). */
const roundChange = (d: number): number => Math.round(d * 1e6) / 1e6;

/** A category the rollups keep: a category of a sum indicator broken down by category; otherwise a 400 naming query.category. */
function checkCategory(def: IndicatorDefinition, category: string): void {
  if (!hasCategoryTotals(def)) {
    throw new ValidationFailedError([
      {
        field: 'query.category',
        reason: `chỉ tiêu ${def.code} không được tổng hợp theo nhóm phân tổ (chỉ các chỉ tiêu tính tổng có phân tổ)`,
        reasonEn: `indicator ${def.code} is not rolled up by category (only sum indicators with categories are)`,
      },
    ]);
  }
  const known = (def.disaggregations ?? []).flatMap((d) => d.categories.map((c) => c.code));
  if (!known.includes(category)) {
    throw new ValidationFailedError([
      {
        field: 'query.category',
        reason: `chỉ tiêu ${def.code} không có nhóm phân tổ "${category}" (có: ${known.join(', ')})`,
        reasonEn: `indicator ${def.code} has no category "${category}" (known: ${known.join(', ')})`,
      },
    ]);
  }
}

const unknownIndicator = (code: string) =>
  new ValidationFailedError([{ field: 'query.indicator', reason: `không có chỉ tiêu mã "${code}"`, reasonEn: `no indicator with code "${code}"` }]);

/** The comparison's answer (fixed keys of GET central/comparison, and more). */
type ComparisonAnswer = { indicator: Record<string, unknown>; period: string; items: ComparisonItem[] };
/** Comparisons kept per api process (indicator × period × view); the oldest go first. */
const COMPARISON_CACHE_SIZE = 200;

@Injectable()
export class RollupService {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly central: CentralRepository,
    private readonly units: OrgUnitService,
    private readonly indicators: IndicatorService,
    private readonly queue: AggregationQueue,
  ) {}

  private readonly comparisons = new Map<string, { stamp: string; answer: ComparisonAnswer }>();

  /**
   * The rollup of any unit of the caller's subtree (default: the caller's own unit); with `category`, the total of that
   * category of a sum indicator broken down by category, in the same shape (no numerator or denominator).
   */
  async get(actor: Actor, q: { indicator: string; period: string; unitId?: string; category?: string }): Promise<RollupResponse> {
    const def = (await this.indicators.definitions()).find((d) => d.code === q.indicator);
    if (!def) throw unknownIndicator(q.indicator);
    if (q.category !== undefined) checkCategory(def, q.category);
    const unitId = q.unitId ?? actor.unitIds[0];
    if (!unitId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, unitId);
    if (q.category !== undefined) {
      const [row, unitsExpected] = await Promise.all([this.rollups.findCategory(unitId, q.indicator, q.period, q.category), this.rollups.unitsExpected(unitId, q.indicator, q.period)]);
      return {
        value: row && row.count > 0 ? row.sum : null,
        numerator: null,
        denominator: null,
        unitsReporting: row?.count ?? 0,
        unitsExpected,
        updatedAt: row?.updatedAt?.toISOString() ?? null,
      };
    }
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

  /** A full recompute of the period for every active tenant: platform administrators and central analysts. */
  async nationalRecompute(actor: Actor, period: string): Promise<{ jobId: string }> {
    if (!hasRole(actor, 'platform_admin', 'central_analyst')) throw new ForbiddenError();
    return { jobId: await this.queue.enqueueRecompute(period) };
  }

  /** A national recompute as it stands: the whole, each tenant's line (as the job reports them), the result. */
  async nationalRecomputeStatus(actor: Actor, jobId: string): Promise<NationalRecomputeStatus> {
    if (!hasRole(actor, 'platform_admin', 'central_analyst')) throw new ForbiddenError();
    // National jobs only (a tenant's own recompute is followed through recompute/:jobId).
    const job = jobId.startsWith('recompute__all__') ? await this.queue.job(jobId) : null;
    if (!job) throw new NotFoundError('Job', 'tác vụ');
    const p = job.progress as NationalRecomputeProgress | number | undefined;
    const lines = typeof p === 'object' && p !== null && Array.isArray(p.tenants) ? p.tenants : [];
    const result = job.result as { tenants: number; values: number; rollups: number; seconds: number } | null;
    return {
      jobId,
      period: (job.data as { period?: string } | null)?.period ?? null,
      state: job.state,
      percent: typeof p === 'number' ? p : typeof p === 'object' && p !== null ? Number(p.percent) || 0 : 0,
      tenants: lines.map((t) => ({ code: t.code, name: t.name, state: t.state, percent: t.percent, values: t.values ?? null })),
      result: job.state === 'completed' && result ? { tenants: result.tenants, values: result.values, rollups: result.rollups, seconds: result.seconds } : null,
    };
  }

  /**
   * Reconcile now: a tenant administrator the tenant's totals, a platform administrator (`scope=nation`) every
   * tenant's. The worker checks, repairs by recomputing, records the result (see reconciliation()).
   */
  async reconcile(actor: Actor, body: ReconcileRequest): Promise<{ jobId: string }> {
    if (body.scope === 'nation') {
      if (!hasRole(actor, 'platform_admin')) throw new ForbiddenError();
      return { jobId: await this.queue.enqueueReconcile(undefined, body.period) };
    }
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    return { jobId: await this.queue.enqueueReconcile(actor.tenantId, body.period) };
  }

  /** The last reconciliation of the caller's tenant (of the period, when given), or of each tenant (`scope=nation`). */
  async reconciliation(actor: Actor, q: ReconciliationQuery): Promise<{ items: Reconciliation[] }> {
    if (q.scope === 'nation') {
      if (!hasRole(actor, 'platform_admin', 'central_analyst')) throw new ForbiddenError();
      return { items: await this.central.lastReconciliations(q.period) };
    }
    const last = await this.rollups.lastReconciliation(q.period);
    return { items: last ? [last] : [] };
  }

  async recomputeProgress(actor: Actor, jobId: string): Promise<{ state: string; progress: number }> {
    // Job ids carry the tenant; another tenant's job is not found.
    if (!jobId.startsWith(`recompute__${actor.tenantId}__`)) throw new NotFoundError('Job', 'tác vụ');
    const p = await this.queue.progress(jobId);
    if (!p) throw new NotFoundError('Job', 'tác vụ');
    return p;
  }

  /**
   * The lines of one period: today's provinces from national_rollup; in the `former` view of a period before
   * the 2025 merger, a province that absorbed others is split by the former province each unit belonged to.
   */
  private async lines(def: IndicatorDefinition, period: string, view: CentralView): Promise<Line[]> {
    const folded = await this.central.comparison(def.code, period);
    if (view !== 'former' || !isBeforeReorganisation(period)) return folded.map((r) => ({ ...r, key: r.tenant }));
    const { start, end } = parsePeriod(period);
    const splits = new Map((await this.central.splitTenants(start, end)).map((s) => [s.tenant, s]));
    const out: Line[] = [];
    for (const r of folded) {
      const split = splits.get(r.tenant);
      if (!split) {
        out.push({ ...r, key: r.tenant, formerProvince: null });
        continue;
      }
      const [values, reports] = await Promise.all([this.central.unitValues(split.tenantId, def.code, period), this.central.reportCountsByUnit(split.tenantId, period, false)]);
      const provinceOf = await this.formerProvinceOf(split, [...values.map((v) => v.unitId), ...reports.map((x) => x.unitId)], end);
      const method = getAggregationMethod(def.aggregation);
      const parts = new Map<string, RollupParts>();
      const expected = new Map<string, number>();
      for (const v of values) parts.set(provinceOf(v.unitId), method.combine(parts.get(provinceOf(v.unitId)) ?? emptyParts(), v.parts));
      for (const x of reports) expected.set(provinceOf(x.unitId), (expected.get(provinceOf(x.unitId)) ?? 0) + x.expected);
      for (const p of formerLines(split)) {
        if (p.unitId === TODAY && !parts.has(TODAY) && !expected.has(TODAY)) continue;
        out.push({ tenant: r.tenant, key: p.key, name: p.name, formerProvince: p.code, parts: parts.get(p.unitId) ?? null, unitsExpected: expected.get(p.unitId) ?? 0 });
      }
    }
    return out;
  }

  /** unit id → former province unit id (or TODAY for units under none of them, e.g. today's departments). */
  private async formerProvinceOf(split: SplitTenant, unitIds: string[], end: string): Promise<(unitId: string) => string> {
    const ids = [...new Set(unitIds)];
    const map = await this.central.provinceOfUnits(split.tenantId, split.provinces.map((p) => p.unitId), ids, end);
    const root = split.provinces.find((p) => p.isRoot)?.unitId ?? TODAY;
    return (unitId) => map.get(unitId) ?? root;
  }

    /** Every province side by side on a national indicator, ranked, with the change from the previous period. */
  async comparison(q: ComparisonQuery): Promise<ComparisonAnswer> {
    const def = findIndicator(q.indicator);
    if (!def || !def.national) throw unknownIndicator(q.indicator);
    const view = q.view ?? 'folded';
    // By today's provinces the answer depends only on what comparisonStamp fingerprints: central analysts opening
    // the same comparison share it until a total, a plan or a tenant changes (the split by former province reads
    // units and counted values; it is computed every time).
    if (view === 'folded' || !isBeforeReorganisation(q.period)) {
      const key = `${def.code}|${q.period}|${view}`;
      // The stamp first, then the answer: an answer newer than its stamp is only recomputed once more, never stale.
      const stamp = await this.central.comparisonStamp(def.code, [q.period, previousPeriod(q.period)], Number(parsePeriod(q.period).start.slice(0, 4)));
      const cached = this.comparisons.get(key);
      if (cached?.stamp === stamp) return cached.answer;
      const answer = await this.computeComparison(def, q.period, view);
      this.comparisons.delete(key);
      this.comparisons.set(key, { stamp, answer });
      if (this.comparisons.size > COMPARISON_CACHE_SIZE) this.comparisons.delete(this.comparisons.keys().next().value!);
      return answer;
    }
    return this.computeComparison(def, q.period, view);
  }

  private async computeComparison(def: IndicatorDefinition, period: string, view: CentralView): Promise<ComparisonAnswer> {
    const previous = previousPeriod(period);
    // The previous period is shown the way the current one is, so that lines match.
    const { start, end } = parsePeriod(period);
    const year = Number(start.slice(0, 4));
    const [current, before, targets] = await Promise.all([
      this.lines(def, period, view),
      this.lines(def, previous, isBeforeReorganisation(period) ? view : 'folded'),
      this.central.provinceTargets(def.code, year),
    ]);
    const previousBy = new Map(before.map((l) => [l.key, l.parts ? valueOf(def, l.parts) : null]));
    const values = current.map((l) => (l.parts ? valueOf(def, l.parts) : null));
    const ranks = competitionRanks(values);
    return {
      indicator: { code: def.code, name: def.name, nameEn: def.nameEn, unit: def.unit, valueType: def.valueType, kind: def.kind, aggregation: def.aggregation },
      period: period,
      items: current.map((r, i) => {
        const value = values[i] ?? null;
        const prev = previousBy.get(r.key) ?? null;
        return {
          tenant: r.tenant,
          name: r.name,
          value,
          ...(r.parts ? fraction(def, r.parts) : { numerator: null, denominator: null }),
          // The province's own yearly target (its Kế hoạch); a former province of before 2025 has none of its own.
          ...provinceTarget(def, r.tenant, r.key === r.tenant ? targets.get(r.tenant) : undefined, value, String(year), end),
          unitsReporting: r.parts?.count ?? 0,
          unitsExpected: r.unitsExpected,
          rank: ranks[i] ?? null,
          previous: prev,
          change: value !== null && prev !== null ? roundChange(value - prev) : null,
          key: r.key,
          ...(r.formerProvince !== undefined ? { formerProvince: r.formerProvince } : {}),
        };
      }),
    };
  }

  /**
   * The periods in which some province has data for a national indicator, newest data first (by last day; of
   * a year and its second half, the half): the comparison, series and completeness open on the latest rather than on an empty period.
   */
  async periods(q: { indicator: string }): Promise<{ indicator: string; periods: string[]; items: { period: string; provinces: number }[] }> {
    const def = findIndicator(q.indicator);
    if (!def || !def.national) throw unknownIndicator(q.indicator);
    const items = (await this.central.periodsWithData(def.code)).sort((a, b) => comparePeriodsByEnd(b.period, a.period));
    return { indicator: def.code, periods: items.map((i) => i.period), items };
  }

  /** Several periods for chosen provinces (all when none is named), oldest first. */
  async series(q: CentralSeriesQuery) {
    const def = findIndicator(q.indicator);
    if (!def || !def.national) throw unknownIndicator(q.indicator);
    const view = q.view ?? 'folded';
    const periods = [...new Set(q.periods)].sort(comparePeriods);
    const split = view === 'former' ? periods.filter(isBeforeReorganisation) : [];
    const rows: { tenant: string; key: string; name: string; formerProvince?: string | null; period: string; parts: RollupParts; unitsExpected: number }[] = (
      await this.central.series(q.indicator, periods.filter((p) => !split.includes(p)))
    ).map((r) => ({ ...r, key: r.tenant }));
    for (const period of split) {
      for (const l of await this.lines(def, period, 'former')) {
        if (l.parts) rows.push({ tenant: l.tenant, key: l.key, name: l.name, formerProvince: l.formerProvince, period, parts: l.parts, unitsExpected: l.unitsExpected });
      }
    }
    rows.sort((a, b) => a.key.localeCompare(b.key) || comparePeriods(a.period, b.period));
    const wanted = q.tenants?.length ? new Set(q.tenants) : null;
    const byKey = new Map<string, SeriesLine>();
    for (const r of rows) {
      if (wanted && !wanted.has(r.tenant)) continue;
      if (!byKey.has(r.key)) {
        // The folded view keeps the original shape; the former view names each line's former province.
        byKey.set(r.key, view === 'former' ? { tenant: r.tenant, key: r.key, name: r.name, formerProvince: r.formerProvince ?? null, points: [] } : { tenant: r.tenant, name: r.name, points: [] });
      }
      byKey.get(r.key)!.points.push({ period: r.period, value: valueOf(def, r.parts), unitsReporting: r.parts.count, unitsExpected: r.unitsExpected });
    }
    return { indicator: { code: def.code, name: def.name, unit: def.unit, valueType: def.valueType, aggregation: def.aggregation }, periods, items: [...byKey.values()] };
  }

  /** Reporting completeness per province (national forms): counts only, never a report or a unit. */
  async completeness(q: CentralCompletenessQuery): Promise<{ period: string; items: CentralCompletenessItem[] }> {
    const view = q.view ?? 'folded';
    const rows = await this.central.completeness(q.period);
    const lines: ({ tenant: string; key: string; name: string; formerProvince?: string | null } & CompletenessCounts)[] = [];
    const splits = view === 'former' && isBeforeReorganisation(q.period) ? new Map((await this.central.splitTenants(parsePeriod(q.period).start, parsePeriod(q.period).end)).map((s) => [s.tenant, s])) : null;
    for (const r of rows) {
      const split = splits?.get(r.tenant);
      if (!split) {
        lines.push({ ...r, key: r.tenant, ...(splits ? { formerProvince: null } : {}) });
        continue;
      }
      const byUnit = await this.central.reportCountsByUnit(split.tenantId, q.period, true);
      const provinceOf = await this.formerProvinceOf(split, byUnit.map((u) => u.unitId), parsePeriod(q.period).end);
      const sums = new Map<string, CompletenessCounts>();
      for (const u of byUnit) {
        const s = sums.get(provinceOf(u.unitId)) ?? { expected: 0, submitted: 0, approved: 0, late: 0 };
        sums.set(provinceOf(u.unitId), { expected: s.expected + u.expected, submitted: s.submitted + u.submitted, approved: s.approved + u.approved, late: s.late + u.late });
      }
      for (const p of formerLines(split)) {
        if (p.unitId === TODAY && !sums.has(TODAY)) continue;
        lines.push({ tenant: r.tenant, key: p.key, name: p.name, formerProvince: p.code, ...(sums.get(p.unitId) ?? { expected: 0, submitted: 0, approved: 0, late: 0 }) });
      }
    }
    const rate = (n: number, d: number) => (d > 0 ? (100 * n) / d : null);
    return { period: q.period, items: lines.map((l) => ({ ...l, submittedRate: rate(l.submitted, l.expected), approvedRate: rate(l.approved, l.expected) })) };
  }

  /** The comparison as an XLSX file with Vietnamese headers and number formats. */
  async comparisonWorkbook(q: ComparisonQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.comparison(q);
    const percent = data.indicator.aggregation === 'ratio' || data.indicator.aggregation === 'coverage' || data.indicator.valueType === 'percentage';
    const former = data.items.some((i) => i.formerProvince);
    const ranked = [...data.items].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareVietnamese(a.name, b.name));
    const valueFormat = percent ? '0.0' : '#,##0';
    const content = await buildWorkbook(
      'So sánh',
      `${String(data.indicator.name)} — ${formatPeriodVi(q.period)}${former ? ' — theo tỉnh, thành phố trước sáp nhập' : ''}`,
      [
        { header: 'Hạng', key: 'rank', width: 8 },
        { header: 'Mã', key: 'tenant', width: 8 },
        { header: former ? 'Tỉnh, thành phố (trước 01/7/2025)' : 'Tỉnh, thành phố', key: 'name', width: 38 },
        { header: percent ? 'Giá trị (%)' : `Giá trị (${String(data.indicator.unit)})`, key: 'value', numFmt: valueFormat },
        { header: `Kỳ trước (${formatPeriodVi(previousPeriod(q.period))})`, key: 'previous', numFmt: valueFormat, width: 22 },
        { header: percent ? 'Thay đổi (điểm %)' : 'Thay đổi', key: 'change', numFmt: percent ? '+0.0;-0.0;0.0' : '+#,##0;-#,##0;0' },
        { header: 'Tử số', key: 'numerator', numFmt: '#,##0' },
        { header: 'Mẫu số', key: 'denominator', numFmt: '#,##0' },
        { header: 'Chỉ tiêu', key: 'target', numFmt: '#,##0.0' },
        { header: 'Đạt (%)', key: 'achievement', numFmt: '0.0' },
        { header: 'Đơn vị đã báo cáo', key: 'unitsReporting', numFmt: '#,##0' },
        { header: 'Đơn vị phải báo cáo', key: 'unitsExpected', numFmt: '#,##0' },
      ],
      ranked.map((item) => ({ ...item })),
    );
    return { filename: `so-sanh-${q.indicator}-${q.period}${former ? '-truoc-sap-nhap' : ''}.xlsx`, content };
  }

  /** The time series as an XLSX file: one row per province, one column per period. */
  async seriesWorkbook(q: CentralSeriesQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.series(q);
    const percent = data.indicator.aggregation === 'ratio' || data.indicator.aggregation === 'coverage' || data.indicator.valueType === 'percentage';
    const former = (q.view ?? 'folded') === 'former' && data.periods.some(isBeforeReorganisation);
    const content = await buildWorkbook(
      'Diễn biến',
      `${String(data.indicator.name)} — ${data.periods.map(formatPeriodVi).join(', ')}${former ? ' — theo tỉnh, thành phố trước sáp nhập' : ''}`,
      [
        { header: 'Mã', key: 'tenant', width: 8 },
        { header: 'Tỉnh, thành phố', key: 'name', width: 38 },
        ...data.periods.map((p) => ({ header: `${formatPeriodVi(p)}${percent ? ' (%)' : ''}`, key: `p_${p}`, numFmt: percent ? '0.0' : '#,##0', width: 16 })),
      ],
      data.items.map((i) => ({ tenant: i.tenant, name: i.name, ...Object.fromEntries(i.points.map((pt) => [`p_${pt.period}`, pt.value])) })),
    );
    return { filename: `dien-bien-${q.indicator}.xlsx`, content };
  }

  /** Reporting completeness per province as an XLSX file. */
  async completenessWorkbook(q: CentralCompletenessQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.completeness(q);
    const former = data.items.some((i) => i.formerProvince);
    const content = await buildWorkbook(
      'Tiến độ báo cáo',
      `Tiến độ báo cáo các tỉnh, thành phố — ${formatPeriodVi(q.period)}${former ? ' — theo tỉnh, thành phố trước sáp nhập' : ''}`,
      [
        { header: 'Mã', key: 'tenant', width: 8 },
        { header: former ? 'Tỉnh, thành phố (trước 01/7/2025)' : 'Tỉnh, thành phố', key: 'name', width: 38 },
        { header: 'Phải báo cáo', key: 'expected', numFmt: '#,##0' },
        { header: 'Đã nộp', key: 'submitted', numFmt: '#,##0' },
        { header: 'Đã duyệt', key: 'approved', numFmt: '#,##0' },
        { header: 'Nộp muộn', key: 'late', numFmt: '#,##0' },
        { header: 'Tỷ lệ đã nộp (%)', key: 'submittedRate', numFmt: '0.0' },
        { header: 'Tỷ lệ đã duyệt (%)', key: 'approvedRate', numFmt: '0.0' },
      ],
      [...data.items].sort((a, b) => (b.submittedRate ?? -1) - (a.submittedRate ?? -1) || compareVietnamese(a.name, b.name)),
    );
    return { filename: `tien-do-bao-cao-${q.period}${former ? '-truoc-sap-nhap' : ''}.xlsx`, content };
  }
}

/**
 * Target and achievement of a province for the comparison: its yearly target as the province dashboard reads it
 * (measuredTarget: a per-unit minimum measured by a coverage indicator is 100 %; a target in other units than the
 * indicator is left out), the latest issued plan's winning; evaluated by @sen/indicators at the end of the period
 * compared (a flow's target is prorated by the elapsed share of the year: half of a yearly number of new members is
 * expected by the end of the first half).
 */
function provinceTarget(def: IndicatorDefinition, tenant: string, targets: StoredTarget[] | undefined, actual: number | null, year: string, periodEnd: string) {
  const measured = (targets ?? []).map((t) => measuredTarget(t, def)).filter((m): m is MeasuredTarget => m !== null && !isMismatch(m));
  const target = measured[measured.length - 1];
  if (!target) return { target: null, achievement: null };
  const e = evaluateTarget({ indicatorCode: def.code, comparator: target.comparator, value: target.value, scope: { unitId: tenant }, period: year }, def, actual, {
    asOf: new Date(`${periodEnd}T23:59:59+07:00`),
  });
  return { target: target.value, achievement: e.achievementPct === null ? null : Math.round(e.achievementPct * 10) / 10 };
}
