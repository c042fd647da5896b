import type { AggregationMethod } from './aggregation-method';
import { emptyParts, mergeParts, readNumber } from './rollup-parts';

/** Smallest unit value (e.g. the lowest membership rate among communes, to find those under 60%). */
export const minMethod: AggregationMethod = {
  id: 'min',
  nameVi: 'Giá trị nhỏ nhất',
  nameEn: 'Minimum',
  additive: false,
  fromUnitValue(input, def) {
    const v = readNumber(input, 'value', def.code);
    if (v === null) return emptyParts();
    return { ...emptyParts(), min: v, count: 1 };
  },
  combine: mergeParts,
  // Removing the unit that held the minimum leaves no way to know the next smallest: recompute.
  subtract: () => null,
  value: (parts) => parts.min,
};
