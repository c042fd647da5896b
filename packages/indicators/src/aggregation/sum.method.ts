import type { AggregationMethod } from './aggregation-method';
import { emptyParts, mergeParts, readNumber, subtractAdditiveParts } from './rollup-parts';

/** Total at a scope: "giúp 1.000 hộ nghèo thoát nghèo" is the sum of the units' values. */
export const sumMethod: AggregationMethod = {
  id: 'sum',
  nameVi: 'Tổng',
  nameEn: 'Sum',
  additive: true,
  fromUnitValue(input, def) {
    const v = readNumber(input, 'value', def.code);
    if (v === null) return emptyParts();
    return { ...emptyParts(), sum: v, count: 1 };
  },
  combine: mergeParts,
  subtract: subtractAdditiveParts,
  value: (parts) => (parts.count === 0 ? null : parts.sum),
};
