import type { AggregationMethod } from './aggregation-method';
import { emptyParts, mergeParts, readNumber } from './rollup-parts';

/** Largest unit value. */
export const maxMethod: AggregationMethod = {
  id: 'max',
  nameVi: 'Giá trị lớn nhất',
  nameEn: 'Maximum',
  additive: false,
  fromUnitValue(input, def) {
    const v = readNumber(input, 'value', def.code);
    if (v === null) return emptyParts();
    return { ...emptyParts(), max: v, count: 1 };
  },
  combine: mergeParts,
  // Removing the unit that held the maximum leaves no way to know the next largest: recompute.
  subtract: () => null,
  value: (parts) => parts.max,
};
