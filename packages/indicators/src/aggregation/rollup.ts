import { AggregationError } from '../shared/errors';
import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { comparePeriods, isPeriodId } from '../periods/period';
import { getAggregationMethod } from './registry';
import { emptyParts, RollupParts, UnitValue } from './rollup-parts';

/** The parts and the value of a rollup. */
export interface RollupResult {
  parts: RollupParts;
  value: number | null;
}

/** Combines any number of parts with the indicator's method (empty list → empty parts). */
export function combineAll(def: IndicatorDefinition, parts: readonly RollupParts[]): RollupParts {
  const method = getAggregationMethod(def.aggregation);
  return parts.reduce((acc, p) => method.combine(acc, p), emptyParts());
}

/** The value of stored parts under the indicator's method. */
export function valueOf(def: IndicatorDefinition, parts: RollupParts): number | null {
  return getAggregationMethod(def.aggregation).value(parts);
}

/** The contribution of one unit's value under the indicator's method. */
export function partsOf(def: IndicatorDefinition, input: UnitValue): RollupParts {
  return getAggregationMethod(def.aggregation).fromUnitValue(input, def);
}

/** Rolls the values of a set of units (one period) up into one parts record and its value. */
export function rollup(def: IndicatorDefinition, unitValues: readonly UnitValue[]): RollupResult {
  const method = getAggregationMethod(def.aggregation);
  const parts = unitValues.reduce((acc, u) => method.combine(acc, method.fromUnitValue(u, def)), emptyParts());
  return { parts, value: method.value(parts) };
}

/** The parts of one period, for `combinePeriods`. */
export interface PeriodParts {
  period: string;
  parts: RollupParts;
}

/**
 * A longer period from its sub-periods (a year from its months, a quarter from its months …).
 * Flows add: the sub-periods' parts are combined with the method. Stocks take the latest sub-period
 * that has data — whatever the method: the members of 2024 are those at the last report, never the
 * sum of twelve monthly rolls. The result's `latestPeriod`/`latestValue` say which period that was.
 * The input is sorted by period, so its order does not matter.
 *
 * Coverage of a flow ("góp ý ít nhất 02 dự thảo" in the year) cannot be combined from the periods'
 * parts: a commune with one draft in S1 and one in S2 meets the yearly minimum but neither half's.
 * It throws; roll each unit's own values over the period first (sum its months), then `rollup` those.
 */
export function combinePeriods(partsByPeriod: readonly PeriodParts[], def: IndicatorDefinition): RollupParts {
  const method = getAggregationMethod(def.aggregation);
  for (const entry of partsByPeriod) {
    if (!isPeriodId(entry.period)) {
      throw new AggregationError(
        `combinePeriods: "${entry.period}" is not a period id`,
        `combinePeriods: "${entry.period}" không phải mã kỳ báo cáo`,
        'period',
      );
    }
  }
  const ordered = [...partsByPeriod].sort((a, b) => comparePeriods(a.period, b.period));
  if (def.kind === 'flow' && def.aggregation === 'coverage') {
    throw new AggregationError(
      `Indicator ${def.code}: coverage of a flow cannot be combined across periods; roll up each unit's values over the whole period instead`,
      `Chỉ số ${def.code}: không thể cộng dồn tỷ lệ đơn vị đạt qua các kỳ; cần tổng hợp lại từ số liệu của từng đơn vị trong cả kỳ`,
      'aggregation',
      'PERIOD_COMBINATION_UNSUPPORTED',
    );
  }
  if (def.kind === 'flow') {
    return ordered.reduce((acc, e) => method.combine(acc, e.parts), emptyParts());
  }
  for (let i = ordered.length - 1; i >= 0; i -= 1) {
    const entry = ordered[i];
    if (!entry) continue;
    const value = method.value(entry.parts);
    if (value !== null) return { ...entry.parts, latestPeriod: entry.period, latestValue: value };
  }
  return emptyParts();
}
