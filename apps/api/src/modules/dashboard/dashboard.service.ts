import { Injectable } from '@nestjs/common';
import { evaluateTarget, TARGET_STATUS_LABELS_VI, valueOf, type TargetComparator } from '@sen/indicators';
import type { Actor } from '../../core/auth/actor';
import { NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { IndicatorService } from '../indicators/indicator.service';
import { OrgUnitService } from '../org-units/org-unit.service';
import { DashboardRepository } from './dashboard.repository';

export interface BelowThresholdQuery {
  indicator: string;
  period: string;
  threshold: number;
  level: string;
  unitId?: string;
}

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
    if (!def) throw new ValidationFailedError([{ field: 'query.indicator', reason: `không có chỉ tiêu mã "${q.indicator}"`, reasonEn: `no indicator with code "${q.indicator}"` }]);
    const rootId = q.unitId ?? actor.unitIds[0];
    if (!rootId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, rootId);
    const rows = await this.repo.unitsWithRollup(rootId, q.level, q.indicator, q.period);
    const withValues = rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parentName, value: r.parts ? valueOf(def, r.parts) : null }));
    const below = withValues.filter((r) => r.value !== null && r.value < q.threshold).sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    const noData = withValues.filter((r) => r.value === null);
    return {
      indicator: { code: def.code, name: def.name, unit: def.unit },
      period: q.period,
      threshold: q.threshold,
      level: q.level,
      unitsAtLevel: rows.length,
      items: below,
      total: below.length,
      noData: noData.map(({ id, name, parentName }) => ({ id, name, parentName })),
    };
  }

  /**
   * Progress of the targets of the issued plans of a year that concern a unit (plans of the unit or of its
   * ancestors): actual from the unit's rollup for the year, achievement and status by @sen/indicators'
   * evaluateTarget (flows prorated by the elapsed share of the year). Targets not linked to an indicator
   * are listed with status "not measured" rather than guessed.
   */
  async planProgress(actor: Actor, q: { year: number; planId?: string; unitId?: string; asOf?: string }) {
    const unitId = q.unitId ?? actor.unitIds[0];
    if (!unitId) throw new NotFoundError('Unit', 'đơn vị');
    await this.units.visibleUnit(actor, unitId);
    const plans = await this.repo.issuedPlansAbove(unitId, q.year, q.planId);
    const defs = new Map((await this.indicators.definitions()).map((d) => [d.code, d]));
    const period = String(q.year);
    const asOf = q.asOf ? new Date(`${q.asOf}T12:00:00Z`) : new Date();
    const items = [];
    for (const plan of plans) {
      const targets = (Array.isArray(plan.content.targets) ? plan.content.targets : []) as { text: string; value: number | null; unit: string | null; comparator: TargetComparator | null; level: string | null; indicatorCode?: string | null }[];
      const codes = [...new Set(targets.map((t) => t.indicatorCode).filter((c): c is string => !!c && defs.has(c)))];
      const parts = await this.repo.rollupParts(unitId, codes, period);
      for (const [index, t] of targets.entries()) {
        const def = t.indicatorCode ? defs.get(t.indicatorCode) : undefined;
        const base = { planId: plan.id, symbol: plan.symbol, planTitle: plan.title, targetIndex: index, text: t.text, indicatorCode: def?.code ?? null, indicatorName: def?.name ?? null, comparator: t.comparator, target: t.value, unit: t.unit };
        if (!def || t.value === null) {
          items.push({ ...base, actual: null, achievementPct: null, status: 'not_measured', statusLabel: 'Chưa gắn chỉ tiêu thống kê' });
          continue;
        }
        const p = parts.get(def.code);
        const actual = p ? valueOf(def, p) : null;
        const e = evaluateTarget({ indicatorCode: def.code, comparator: t.comparator ?? 'gte', value: t.value, scope: { unitId: plan.unitId, level: t.level ?? undefined }, period }, def, actual, { asOf });
        items.push({ ...base, actual: e.actual, expected: e.expected, achievementPct: e.achievementPct, status: e.status, statusLabel: TARGET_STATUS_LABELS_VI[e.status] });
      }
    }
    return { year: q.year, unitId, items, total: items.length };
  }
}
