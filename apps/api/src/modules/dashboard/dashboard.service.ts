import { Injectable } from '@nestjs/common';
import { foldVietnamese } from '@sen/contracts';
import {
  evaluateTarget,
  formatPeriodVi,
  getAggregationMethod,
  TARGET_STATUS_LABELS_VI,
  valueOf,
  type IndicatorDefinition,
  type RollupParts,
  type TargetComparator,
} from '@sen/indicators';
import type { Actor } from '../../core/auth/actor';
import { NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { buildWorkbook } from '../../core/http/spreadsheet';
import { IndicatorService } from '../indicators/indicator.service';
import { OrgUnitService } from '../org-units/org-unit.service';
import { DashboardRepository, type IssuedPlan } from './dashboard.repository';

export interface BelowThresholdQuery {
  indicator: string;
  period: string;
  threshold: number;
  level: string;
  unitId?: string;
}

export interface PlanProgressQuery {
  year: number;
  planId?: string;
  unitId?: string;
  asOf?: string;
  programme?: string;
  departmentId?: string;
  level?: string;
}

/** evaluateTarget's statuses, and two of the dashboard's own for targets it must not guess about. */
export const PROGRESS_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_allocated', 'not_measured'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
const STATUS_LABELS_VI: Record<ProgressStatus, string> = {
  ...TARGET_STATUS_LABELS_VI,
  not_allocated: 'Chưa giao chỉ tiêu cho đơn vị',
  not_measured: 'Chưa gắn chỉ tiêu thống kê',
};

interface StoredTarget {
  text: string;
  value: number | null;
  unit: string | null;
  comparator: TargetComparator | null;
  level: string | null;
  levels?: string[];
  indicatorCode?: string | null;
}

/** One target of one plan, with what the filters look at. */
interface TargetRow {
  plan: IssuedPlan;
  index: number;
  target: StoredTarget;
  def: IndicatorDefinition | undefined;
  departmentIds: string[];
}

type Summary = Record<ProgressStatus, number>;
const emptySummary = (): Summary => Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Summary;

/** Names compared without diacritics, case, punctuation or extra spaces ("Ban Tổ chức - Kiểm tra" = "Ban tổ chức kiểm tra"). */
const looseName = (s: string) => ` ${foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** The units a plan gives work to: its assignments and the lead units of its activities. */
function responsibleNames(content: Record<string, unknown>): string[] {
  const assignments = Array.isArray(content.assignments) ? (content.assignments as { unit?: unknown }[]) : [];
  const activities = Array.isArray(content.activities) ? (content.activities as { leadUnits?: unknown }[]) : [];
  return [
    ...assignments.map((a) => (typeof a.unit === 'string' ? a.unit : '')),
    ...activities.flatMap((a) => (Array.isArray(a.leadUnits) ? a.leadUnits.filter((u): u is string => typeof u === 'string') : [])),
  ].filter(Boolean);
}

const unknownIndicator = (code: string) =>
  new ValidationFailedError([{ field: 'query.indicator', reason: `không có chỉ tiêu mã "${code}"`, reasonEn: `no indicator with code "${code}"` }]);

@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly units: OrgUnitService,
    private readonly indicators: IndicatorService,
  ) {}

  /**
   * "Rà soát các cơ sở có tỷ lệ tập hợp dưới 60%": the units of a level whose value is under a threshold,
   * each value computed by the indicator's method (a ratio of the unit's sums, never an average), and the
   * units that have no data for the period listed apart.
   */
  async belowThreshold(actor: Actor, q: BelowThresholdQuery) {
    const def = (await this.indicators.definitions()).find((d) => d.code === q.indicator);
    if (!def) throw unknownIndicator(q.indicator);
    const rootId = q.unitId ?? actor.unitIds[0];
    if (!rootId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, rootId);
    const rows = await this.repo.unitsWithRollup(rootId, q.level, q.indicator, q.period);
    const withValues = rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parentName, value: r.parts ? valueOf(def, r.parts) : null }));
    const below = withValues.filter((r) => r.value !== null && r.value < q.threshold).sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    const noData = withValues.filter((r) => r.value === null);
    return {
      indicator: { code: def.code, name: def.name, unit: def.unit, aggregation: def.aggregation, valueType: def.valueType },
      period: q.period,
      threshold: q.threshold,
      level: q.level,
      unitsAtLevel: rows.length,
      items: below,
      total: below.length,
      noData: noData.map(({ id, name, parentName }) => ({ id, name, parentName })),
    };
  }

  /** The list under the threshold as an XLSX file; units without data follow, marked as such. */
  async belowThresholdWorkbook(actor: Actor, q: BelowThresholdQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.belowThreshold(actor, q);
    const percent = isPercent(data.indicator);
    const rows = [
      ...data.items.map((r, i) => ({ rank: i + 1, name: r.name, parentName: r.parentName, value: r.value, note: null })),
      ...data.noData.map((r) => ({ rank: null, name: r.name, parentName: r.parentName, value: null, note: 'Chưa có số liệu' })),
    ];
    const content = await buildWorkbook(
      'Dưới ngưỡng',
      `${data.indicator.name} dưới ${formatThreshold(q.threshold)}${percent ? '%' : ''} — ${formatPeriodVi(q.period)}`,
      [
        { header: 'STT', key: 'rank', width: 6 },
        { header: 'Đơn vị', key: 'name', width: 38 },
        { header: 'Trực thuộc', key: 'parentName', width: 32 },
        { header: percent ? 'Giá trị (%)' : `Giá trị (${data.indicator.unit})`, key: 'value', numFmt: percent ? '0.0' : '#,##0.##' },
        { header: 'Ghi chú', key: 'note', width: 20 },
      ],
      rows,
    );
    return { filename: `duoi-nguong-${q.indicator}-${q.period}.xlsx`, content };
  }

  /**
   * Progress of the targets of the issued plans of a year that concern a unit (plans of the unit or of its
   * ancestors): actual from the unit's rollup for the year, achievement and status by @sen/indicators'
   * evaluateTarget (flows prorated by the elapsed share of the year), then the same for each child union
   * so that the leader can drill down. Targets not linked to an indicator are "not measured", and a total
   * of a plan above the unit that was not allocated to it is "not allocated": neither is guessed.
   */
  async planProgress(actor: Actor, q: PlanProgressQuery) {
    const unitId = q.unitId ?? actor.unitIds[0];
    if (!unitId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, unitId);
    const [unit, plans, definitions, departments, children] = await Promise.all([
      this.repo.unit(unitId),
      this.repo.issuedPlansAbove(unitId, q.year, q.planId),
      this.indicators.definitions(),
      this.repo.departments(),
      this.repo.childUnions(unitId),
    ]);
    if (!unit) throw new NotFoundError('Unit', 'đơn vị');
    if (q.departmentId && !departments.some((d) => d.id === q.departmentId)) {
      throw new ValidationFailedError([{ field: 'query.departmentId', reason: 'không phải một ban, đơn vị chuyên môn của tỉnh', reasonEn: 'not a department of the tenant' }]);
    }
    const defs = new Map(definitions.map((d) => [d.code, d]));
    const departmentKeys = departments.map((d) => ({ id: d.id, key: looseName(d.name) }));

    const all: TargetRow[] = plans.flatMap((plan) => {
      const responsible = responsibleNames(plan.content).map(looseName);
      const departmentIds = departmentKeys.filter((d) => responsible.some((r) => r.includes(d.key))).map((d) => d.id);
      const targets = (Array.isArray(plan.content.targets) ? plan.content.targets : []) as StoredTarget[];
      return targets.map((target, index) => ({ plan, index, target, def: target.indicatorCode ? defs.get(target.indicatorCode) : undefined, departmentIds }));
    });
    const programmeKey = q.programme ? foldVietnamese(q.programme) : null;
    const rows = all.filter(
      (r) =>
        (!programmeKey || (r.plan.programme !== null && foldVietnamese(r.plan.programme) === programmeKey)) &&
        (!q.departmentId || r.departmentIds.includes(q.departmentId)) &&
        (!q.level || r.target.level === q.level || (r.target.levels ?? []).includes(q.level)),
    );

    const period = String(q.year);
    const asOf = q.asOf ? new Date(`${q.asOf}T12:00:00Z`) : new Date();
    const codes = [...new Set(rows.map((r) => r.def?.code).filter((c): c is string => !!c))];
    const unitIds = [unitId, ...children.map((c) => c.id)];
    const planIds = [...new Set(rows.map((r) => r.plan.id))];
    const [parts, allocations] = await Promise.all([this.repo.rollupParts(unitIds, codes, period), this.repo.allocations(planIds, unitIds)]);

    const evaluate = (r: TargetRow, at: string) => {
      const p = r.def ? parts.get(at)?.get(r.def.code) : undefined;
      return evaluateRow(r, at, p, allocations.get(`${r.plan.id}:${r.index}:${at}`), period, asOf);
    };

    const items = rows.map((r) => {
      const e = evaluate(r, unitId);
      return {
        planId: r.plan.id,
        symbol: r.plan.symbol,
        planTitle: r.plan.title,
        programme: r.plan.programme,
        departmentIds: r.departmentIds,
        targetIndex: r.index,
        text: r.target.text,
        level: r.target.level ?? null,
        indicatorCode: r.def?.code ?? null,
        indicatorName: r.def?.name ?? null,
        ...e,
        statusLabel: STATUS_LABELS_VI[e.status],
      };
    });
    const summarize = (statuses: ProgressStatus[]) => statuses.reduce((s, st) => ({ ...s, [st]: s[st] + 1 }), emptySummary());

    return {
      year: q.year,
      unitId,
      unit: { id: unit.id, name: unit.name, level: unit.level },
      items,
      total: items.length,
      summary: summarize(items.map((i) => i.status)),
      children: children.map((c) => ({ ...c, summary: summarize(rows.map((r) => evaluate(r, c.id).status)) })),
      // What the filters can choose from (taken before filtering, so a filter never hides its own options).
      options: {
        plans: plans.map((p) => ({ id: p.id, symbol: p.symbol, title: p.title })),
        programmes: [...new Set(plans.map((p) => p.programme).filter((p): p is string => !!p))],
        departments: departments.filter((d) => all.some((r) => r.departmentIds.includes(d.id))),
        levels: [...new Set(all.flatMap((r) => [r.target.level, ...(r.target.levels ?? [])]).filter((l): l is string => !!l))],
      },
    };
  }

  /** The progress table, filtered the same way, as an XLSX file. */
  async planProgressWorkbook(actor: Actor, q: PlanProgressQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.planProgress(actor, q);
    const content = await buildWorkbook(
      'Tiến độ chỉ tiêu',
      `Tiến độ thực hiện chỉ tiêu năm ${q.year} — ${data.unit.name}`,
      [
        { header: 'Kế hoạch', key: 'symbol', width: 14 },
        { header: 'Chỉ tiêu', key: 'text', width: 60 },
        { header: 'Chỉ số thống kê', key: 'indicatorName', width: 36 },
        { header: 'Chỉ tiêu giao', key: 'target', numFmt: '#,##0.##' },
        { header: 'Đơn vị tính', key: 'unit', width: 12 },
        { header: 'Thực hiện', key: 'actual', numFmt: '#,##0.##' },
        { header: 'Đạt (%)', key: 'achievementPct', numFmt: '0.0' },
        { header: 'Trạng thái', key: 'statusLabel', width: 26 },
      ],
      data.items,
    );
    return { filename: `tien-do-chi-tieu-${q.year}-${data.unitId}.xlsx`, content };
  }
}

function isPercent(def: { aggregation: string; valueType: string }): boolean {
  return def.aggregation === 'ratio' || def.aggregation === 'coverage' || def.valueType === 'percentage';
}

function formatThreshold(n: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
}

/**
 * A target as it applies to one unit. Totals ("2.500 hội viên mới") add up over units, so below the plan's
 * own unit they count only when allocated; rates and coverage hold for every unit as they are. A minimum
 * per unit ("mỗi cơ sở có ít nhất 01 mô hình") measured by a coverage indicator means all units: 100%.
 */
function evaluateRow(r: TargetRow, unitId: string, parts: RollupParts | undefined, allocated: number | undefined, period: string, asOf: Date) {
  const { target: t, def } = r;
  const none = { comparator: t.comparator, target: t.value, unit: t.unit, actual: null, expected: null, achievementPct: null, allocated: false };
  if (!def || t.value === null) return { ...none, status: 'not_measured' as ProgressStatus };
  const actual = parts ? valueOf(def, parts) : null;
  let value: number | null = allocated ?? t.value;
  let unit = t.unit;
  let comparator: TargetComparator = t.comparator ?? 'gte';
  if (def.aggregation === 'coverage' && unit !== '%') {
    value = 100;
    unit = '%';
    comparator = 'gte';
  } else if (allocated === undefined && unitId !== r.plan.unitId && (def.aggregation === 'sum' || getAggregationMethod(def.aggregation).additive)) {
    value = null;
  }
  if (value === null) return { ...none, actual, status: 'not_allocated' as ProgressStatus };
  const e = evaluateTarget({ indicatorCode: def.code, comparator, value, scope: { unitId: r.plan.unitId, level: t.level ?? undefined }, period }, def, actual, { asOf });
  return { comparator, target: value, unit, actual: e.actual, expected: e.expected, achievementPct: e.achievementPct, allocated: allocated !== undefined, status: e.status as ProgressStatus };
}
