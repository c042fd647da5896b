import { Injectable } from '@nestjs/common';
import { valueOf } from '@sen/indicators';
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
}
