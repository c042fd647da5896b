import { AggregationError } from '../shared/errors';
import { isPeriodId } from '../periods/period';
import type { AggregationMethod } from './aggregation-method';
import { emptyParts, mergeParts, readNumber } from './rollup-parts';

/**
 * The most recent value: the value of the latest period among the contributions (ties on the same
 * period: the larger value, so the result does not depend on arrival order). Across periods every
 * stock behaves like this (see `combinePeriods`); as a unit-level method it serves indicators where
 * only the freshest report matters.
 */
export const latestMethod: AggregationMethod = {
  id: 'latest',
  nameVi: 'Giá trị mới nhất',
  nameEn: 'Latest value',
  additive: false,
  fromUnitValue(input, def) {
    const v = readNumber(input, 'value', def.code);
    if (v === null) return emptyParts();
    if (input.period === undefined || !isPeriodId(input.period)) {
      throw new AggregationError(
        `Indicator ${def.code} takes the latest value: period must be a period id, got ${String(input.period)}`,
        `Chỉ số ${def.code} lấy giá trị mới nhất: cần mã kỳ báo cáo hợp lệ, nhận ${String(input.period)}`,
        'period',
      );
    }
    return { ...emptyParts(), latestPeriod: input.period, latestValue: v, count: 1 };
  },
  combine: mergeParts,
  // Removing the latest contribution leaves no way to know the one before it: recompute.
  subtract: () => null,
  value: (parts) => parts.latestValue,
};
