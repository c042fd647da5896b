import { Injectable } from '@nestjs/common';
import { DEFAULT_LEVEL_LABELS_VI, foldVietnamese } from '@sen/contracts';
import {
  comparePeriodsByEnd,
  defineIndicator,
  evaluateTarget,
  formatPeriodVi,
  getAggregationMethod,
  parsePeriod,
  TARGET_STATUS_LABELS_EN,
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
import { isMismatch, isPercentIndicator, measuredTarget, type StoredTarget } from './plan-target';

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
const STATUS_LABELS_EN: Record<ProgressStatus, string> = {
  ...TARGET_STATUS_LABELS_EN,
  not_allocated: 'Not allocated to the unit',
  not_measured: 'Not linked to an indicator',
};

/** The label of a target whose linked indicator cannot measure it. */
const MISMATCH_LABEL = { vi: 'Chỉ số không đo được chỉ tiêu này', en: 'The indicator cannot measure it' };

/**
 * A count of activities ("Cấp Thành phố tổ chức 3 chương trình, sự kiện") is measured by the plan's own activities
 * done at that level: a flow (done activities add up over the year), so mid-year it is compared with the prorated
 * number as evaluateTarget does for any flow.
 */
const ACTIVITIES_DONE = defineIndicator({
  code: 'HOAT_DONG_KE_HOACH_DA_XONG',
  name: 'Hoạt động của kế hoạch đã hoàn thành',
  nameEn: 'Activities of the plan done',
  unit: 'hoạt động',
  valueType: 'integer',
  kind: 'flow',
  aggregation: 'sum',
  national: false,
});

/** The periods whose data count for a year's targets at a date: those that start on 1 January and have ended. */
function periodsToDate(year: number, asOf: string): string[] {
  return [String(year), `${year}S1`, `${year}Q1`, `${year}01`].filter((p) => parsePeriod(p).end <= asOf);
}

/** The date the progress is read at: today during the plan's year, its last day once it is over. */
export function defaultAsOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today > end ? end : today;
}

/** Vietnam's date (UTC+7), ISO. */
const vietnamToday = (now = new Date()): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** One target of one plan, with what the filters look at. */
interface TargetRow {
  plan: IssuedPlan;
  index: number;
  target: StoredTarget;
  def: IndicatorDefinition | undefined;
  departmentIds: string[];
  /** The levels the target names (level and levels); empty: the plan's unit and everything under it. */
  levels: string[];
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
      indicator: { code: def.code, name: def.name, nameEn: def.nameEn, unit: def.unit, aggregation: def.aggregation, valueType: def.valueType },
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
    const percent = isPercentIndicator(data.indicator);
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
   * ancestors), as of a date (default: today, or the last day of the year once it is over): actual from the unit's
   * totals of the latest period of the year ended by then (the year, else its first half, quarter or month),
   * achievement and status by @sen/indicators' evaluateTarget at the end of that period (flows prorated by the
   * share of the year it covers); then the same for each child union so that the leader can drill down.
   *
   * A target applies to the levels it names and to the units above them (a per-unit minimum of the communes holds
   * for each commune and, as coverage, for the city); a city-level total does not apply to a ward, so each unit is
   * shown only its own targets. Counts of activities are measured by the plan's activities done at their level.
   * Targets not linked to an indicator are "not measured", and a total of a plan above the unit that was not
   * allocated to it is "not allocated": neither is guessed.
   */
  async planProgress(actor: Actor, q: PlanProgressQuery) {
    const unitId = q.unitId ?? actor.unitIds[0];
    if (!unitId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, unitId);
    const [unit, plans, definitions, departments, children, levelOrder, reportingLevels] = await Promise.all([
      this.repo.unit(unitId),
      this.repo.issuedPlansAbove(unitId, q.year, q.planId),
      this.indicators.definitions(),
      this.repo.departments(),
      this.repo.childUnions(unitId),
      this.repo.levels(),
      this.repo.reportingLevels(),
    ]);
    if (!unit) throw new NotFoundError('Unit', 'đơn vị');
    if (q.departmentId && !departments.some((d) => d.id === q.departmentId)) {
      throw new ValidationFailedError([{ field: 'query.departmentId', reason: 'không phải một ban, đơn vị chuyên môn của tỉnh', reasonEn: 'not a department of the tenant' }]);
    }
    const defs = new Map(definitions.map((d) => [d.code, d]));
    const departmentKeys = departments.map((d) => ({ id: d.id, key: looseName(d.name) }));
    const rank = (level: string) => (levelOrder.includes(level) ? levelOrder.indexOf(level) : levelOrder.length);
    // A target applies at a unit of its level or above one (its subtree holds units of that level).
    const applies = (r: TargetRow, level: string) => r.levels.length === 0 || r.levels.some((l) => rank(l) >= rank(level));
    // Whether the units of a level, or some below them, report on a form at all (a branch reports nothing).
    const reports = (level: string) => reportingLevels.some((l) => rank(l) >= rank(level));

    const all: TargetRow[] = plans.flatMap((plan) => {
      const responsible = responsibleNames(plan.content).map(looseName);
      const departmentIds = departmentKeys.filter((d) => responsible.some((r) => r.includes(d.key))).map((d) => d.id);
      const targets = (Array.isArray(plan.content.targets) ? plan.content.targets : []) as StoredTarget[];
      return targets.map((target, index) => ({
        plan,
        index,
        target,
        def: target.indicatorCode ? defs.get(target.indicatorCode) : undefined,
        departmentIds,
        levels: [...new Set([target.level, ...(target.levels ?? [])].filter((l): l is string => !!l))],
      }));
    });
    const programmeKey = q.programme ? foldVietnamese(q.programme) : null;
    const rows = all.filter(
      (r) =>
        (!programmeKey || (r.plan.programme !== null && foldVietnamese(r.plan.programme) === programmeKey)) &&
        (!q.departmentId || r.departmentIds.includes(q.departmentId)) &&
        (!q.level || r.levels.includes(q.level)),
    );
    const mine = rows.filter((r) => applies(r, unit.level));

    const asOf = q.asOf ?? defaultAsOf(q.year, vietnamToday());
    const periods = periodsToDate(q.year, asOf);
    const codes = [...new Set(rows.map((r) => r.def?.code).filter((c): c is string => !!c))];
    const unitIds = [unitId, ...children.map((c) => c.id)];
    const planIds = [...new Set(rows.map((r) => r.plan.id))];
    const [byPeriod, allocations, activities] = await Promise.all([
      Promise.all(periods.map((p) => this.repo.rollupParts(unitIds, codes, p))),
      this.repo.allocations(planIds, unitIds),
      this.repo.activitiesDone(planIds, asOf),
    ]);
    /** The unit's total of the latest period to date that has data for the indicator. */
    const dataOf = (at: string, code: string): { period: string; parts: RollupParts } | null => {
      for (const [i, period] of periods.entries()) {
        const p = byPeriod[i]?.get(at)?.get(code);
        if (p && p.count > 0) return { period, parts: p };
      }
      return null;
    };
    const context: EvaluationContext = { year: q.year, asOf, dataOf, allocations, activities };

    const items = mine.map((r) => {
      const e = evaluateRow(r, unitId, context);
      return {
        planId: r.plan.id,
        symbol: r.plan.symbol,
        planTitle: r.plan.title,
        programme: r.plan.programme,
        departmentIds: r.departmentIds,
        targetIndex: r.index,
        text: r.target.text,
        level: r.target.level ?? null,
        levels: r.levels,
        indicatorCode: r.def?.code ?? null,
        indicatorName: r.def?.name ?? null,
        indicatorNameEn: r.def?.nameEn ?? null,
        ...e,
        // Linked, but the indicator cannot measure it (see measuredTarget): not "not linked".
        statusLabel: e.status === 'not_measured' && r.def && e.note ? MISMATCH_LABEL.vi : STATUS_LABELS_VI[e.status],
        statusLabelEn: e.status === 'not_measured' && r.def && e.note ? MISMATCH_LABEL.en : STATUS_LABELS_EN[e.status],
      };
    });
    const summarize = (statuses: ProgressStatus[]) => statuses.reduce((s, st) => ({ ...s, [st]: s[st] + 1 }), emptySummary());

    return {
      year: q.year,
      asOf,
      unitId,
      unit: { id: unit.id, name: unit.name, level: unit.level },
      /** False when neither the unit's level nor one below it reports on any form: nothing can be measured there. */
      reporting: reports(unit.level),
      reportingLevels,
      items,
      total: items.length,
      summary: summarize(items.map((i) => i.status)),
      children: children.map((c) => {
        const theirs = rows.filter((r) => applies(r, c.level));
        return { ...c, reporting: reports(c.level), targets: theirs.length, summary: summarize(theirs.map((r) => evaluateRow(r, c.id, context).status)) };
      }),
      // What the filters can choose from (taken before filtering, so a filter never hides its own options).
      options: {
        plans: plans.map((p) => ({ id: p.id, symbol: p.symbol, title: p.title })),
        programmes: [...new Set(plans.map((p) => p.programme).filter((p): p is string => !!p))],
        departments: departments.filter((d) => all.some((r) => r.departmentIds.includes(d.id))),
        levels: [...new Set(all.flatMap((r) => r.levels))].sort((a, b) => rank(a) - rank(b)),
      },
    };
  }

  /** The progress table, filtered the same way, as an XLSX file. */
  async planProgressWorkbook(actor: Actor, q: PlanProgressQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.planProgress(actor, q);
    const content = await buildWorkbook(
      'Tiến độ chỉ tiêu',
      `Tiến độ thực hiện chỉ tiêu năm ${q.year} — ${data.unit.name} — đến ngày ${formatDateVi(data.asOf)}`,
      [
        { header: 'Kế hoạch', key: 'symbol', width: 14 },
        { header: 'Chỉ tiêu', key: 'text', width: 60 },
        { header: 'Chỉ số thống kê', key: 'indicatorName', width: 36 },
        { header: 'Chỉ tiêu giao', key: 'target', numFmt: '#,##0.##' },
        { header: 'Đơn vị tính', key: 'unit', width: 12 },
        { header: 'Thực hiện', key: 'actual', numFmt: '#,##0.##' },
        { header: 'Đạt (%)', key: 'achievementPct', numFmt: '0.0' },
        { header: 'Trạng thái', key: 'statusLabel', width: 26 },
        { header: 'Số liệu kỳ', key: 'periodLabel', width: 22 },
        { header: 'Ghi chú', key: 'note', width: 40 },
      ],
      data.items.map((i) => ({ ...i, periodLabel: i.period ? formatPeriodVi(i.period) : null })),
    );
    return { filename: `tien-do-chi-tieu-${q.year}-${data.unitId}.xlsx`, content };
  }

  /** The drill-down table (each child union and the statuses of the targets that apply to it) as an XLSX file. */
  async planProgressChildrenWorkbook(actor: Actor, q: PlanProgressQuery): Promise<{ filename: string; content: Buffer }> {
    const data = await this.planProgress(actor, q);
    const levelNames = await this.levelNames();
    const measured = (s: Summary) => s.achieved + s.on_track + s.at_risk + s.off_track + s.no_data;
    const content = await buildWorkbook(
      'Đơn vị trực thuộc',
      `Tiến độ thực hiện chỉ tiêu năm ${q.year} của các đơn vị trực thuộc ${data.unit.name} — đến ngày ${formatDateVi(data.asOf)}`,
      [
        { header: 'Đơn vị', key: 'name', width: 40 },
        { header: 'Cấp', key: 'levelName', width: 16 },
        { header: 'Số chỉ tiêu', key: 'targets', numFmt: '#,##0' },
        ...(['achieved', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_allocated', 'not_measured'] as const).map((st) => ({ header: STATUS_LABELS_VI[st], key: st, numFmt: '#,##0', width: 14 })),
        { header: 'Đạt, đúng tiến độ (%)', key: 'healthy', numFmt: '0.0', width: 16 },
        { header: 'Ghi chú', key: 'note', width: 40 },
      ],
      data.children.map((c) => {
        const m = measured(c.summary);
        return {
          name: c.name,
          levelName: levelNames.get(c.level) ?? c.level,
          targets: c.targets,
          ...c.summary,
          healthy: m > 0 ? (100 * (c.summary.achieved + c.summary.on_track)) / m : null,
          note: c.reporting ? null : notReportingNote(levelNames.get(c.level) ?? c.level, data.reportingLevels.map((l) => levelNames.get(l) ?? l)),
        };
      }),
    );
    return { filename: `tien-do-chi-tieu-${q.year}-${data.unitId}-don-vi-truc-thuoc.xlsx`, content };
  }

  /**
   * The periods a unit's dashboards can open on: those with counted values in its subtree (for an indicator, or
   * any), newest first; the years of the issued plans that concern it; and per form, the periods with reports
   * handed in. The pages open on the latest of these rather than on an empty current period.
   */
  async periods(actor: Actor, q: { unitId?: string; indicator?: string }) {
    const unitId = q.unitId ?? actor.unitIds[0];
    if (!unitId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, unitId);
    if (q.indicator && !(await this.indicators.definitions()).some((d) => d.code === q.indicator)) throw unknownIndicator(q.indicator);
    const [periods, planYears, reported] = await Promise.all([this.repo.periodsWithData(unitId, q.indicator), this.repo.planYears(unitId), this.repo.reportedPeriods(unitId)]);
    const newestFirst = (list: string[]) => [...new Set(list)].sort((a, b) => comparePeriodsByEnd(b, a));
    const forms = new Map<string, string[]>();
    for (const r of reported) forms.set(r.formCode, [...(forms.get(r.formCode) ?? []), r.period]);
    return {
      unitId,
      indicator: q.indicator ?? null,
      periods: newestFirst(periods),
      planYears,
      forms: [...forms.entries()].map(([formCode, list]) => ({ formCode, periods: newestFirst(list) })).sort((a, b) => a.formCode.localeCompare(b.formCode)),
    };
  }

  private async levelNames(): Promise<Map<string, string>> {
    const me = await this.repo.levelNames();
    return new Map([...Object.entries(DEFAULT_LEVEL_LABELS_VI), ...me]);
  }
}

/** "Chi hội không báo cáo biểu mẫu nào: số liệu được báo cáo ở cấp Xã, phường." */
export function notReportingNote(level: string, reportingLevels: string[]): string {
  return `${level} không báo cáo biểu mẫu nào${reportingLevels.length ? `: số liệu được báo cáo ở cấp ${reportingLevels.join(', ')}` : ''}.`;
}

/** 2024-07-15 → 15/07/2024. */
function formatDateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function formatThreshold(n: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
}

interface EvaluationContext {
  year: number;
  asOf: string;
  dataOf: (unitId: string, code: string) => { period: string; parts: RollupParts } | null;
  allocations: Map<string, number>;
  activities: Map<string, number>;
}

/**
 * A target as it applies to one unit. Totals ("2.500 hội viên mới") add up over units, so below the plan's own
 * unit they count only when allocated; rates and coverage hold for every unit as they are. How a linked indicator
 * reads the target (a per-unit minimum by a coverage indicator: 100 %) is measuredTarget's, shared with the
 * central comparison. The actual is the latest period to date with data, evaluated at that period's end.
 */
function evaluateRow(r: TargetRow, unitId: string, ctx: EvaluationContext) {
  const { target: t } = r;
  const none = {
    comparator: t.comparator,
    target: t.value,
    unit: t.unit,
    actual: null as number | null,
    expected: null as number | null,
    achievementPct: null as number | null,
    allocated: false,
    period: null as string | null,
    note: null as string | null,
    noteEn: null as string | null,
  };
  const year = String(ctx.year);
  const evaluate = (def: IndicatorDefinition, m: { value: number; comparator: TargetComparator }, actual: number | null, at: string) =>
    evaluateTarget({ indicatorCode: def.code, comparator: m.comparator, value: m.value, scope: { unitId: r.plan.unitId, level: t.level ?? undefined }, period: year }, def, actual, { asOf: at });

  if (t.aggregation === 'activityCount') {
    if (t.value === null) return { ...none, status: 'not_measured' as ProgressStatus };
    // Only the plan's own unit holds its activities; the level rule keeps the target there.
    const levels = r.levels.length ? r.levels : [''];
    const done = unitId === r.plan.unitId ? levels.reduce((n, l) => n + (ctx.activities.get(`${r.plan.id}|${l}`) ?? 0), 0) : null;
    const comparator = t.comparator ?? 'gte';
    const e = evaluate(ACTIVITIES_DONE, { value: t.value, comparator }, done, ctx.asOf);
    return {
      ...none,
      comparator,
      actual: e.actual,
      expected: e.expected,
      achievementPct: e.achievementPct,
      status: e.status as ProgressStatus,
      note: 'Số hoạt động của kế hoạch ở cấp này đã hoàn thành',
      noteEn: "The plan's activities at this level that are done",
    };
  }
  const def = r.def;
  if (!def || t.value === null) return { ...none, status: 'not_measured' as ProgressStatus };
  const measured = measuredTarget(t, def);
  if (measured === null) return { ...none, status: 'not_measured' as ProgressStatus };
  if (isMismatch(measured)) return { ...none, status: 'not_measured' as ProgressStatus, note: measured.mismatch.vi, noteEn: measured.mismatch.en };

  const data = ctx.dataOf(unitId, def.code);
  const actual = data ? valueOf(def, data.parts) : null;
  const allocated = ctx.allocations.get(`${r.plan.id}:${r.index}:${unitId}`);
  let value: number | null = measured.value;
  // An allocation replaces the target as written (not the 100 % a per-unit minimum is read as).
  if (allocated !== undefined && measured.value === t.value) value = allocated;
  else if (unitId !== r.plan.unitId && def.aggregation !== 'coverage' && (def.aggregation === 'sum' || getAggregationMethod(def.aggregation).additive)) value = null;
  const base = { ...none, target: value, unit: measured.unit, comparator: measured.comparator, period: data?.period ?? null };
  if (value === null) return { ...base, actual, status: 'not_allocated' as ProgressStatus };
  const at = data ? parsePeriod(data.period).end : ctx.asOf;
  const e = evaluate(def, { value, comparator: measured.comparator }, actual, at < ctx.asOf ? at : ctx.asOf);
  return { ...base, actual: e.actual, expected: e.expected, achievementPct: e.achievementPct, allocated: allocated !== undefined, status: e.status as ProgressStatus };
}
