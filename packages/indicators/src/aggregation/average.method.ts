import { AggregationError } from '../shared/errors';
import type { AggregationMethod } from './aggregation-method';
import { emptyParts, mergeParts, readNumber, subtractAdditiveParts } from './rollup-parts';

/**
 * Weighted average: each unit's value weighs by another indicator's value at that unit (e.g. meetings
 * per branch, weighted by the unit's number of branches). Kept as Σ value·weight and Σ weight, so the
 * province's average is exact and updatable by deltas.
 */
export const averageMethod: AggregationMethod = {
  id: 'average',
  nameVi: 'Bình quân gia quyền',
  nameEn: 'Weighted average',
  additive: false,
  fromUnitValue(input, def) {
    const v = readNumber(input, 'value', def.code);
    if (v === null) return emptyParts();
    const w = readNumber(input, 'weight', def.code);
    if (w === null) {
      if (def.weightIndicator) {
        throw new AggregationError(
          `Indicator ${def.code} is averaged weighted by ${def.weightIndicator}: weight is missing`,
          `Chỉ số ${def.code} tính bình quân theo trọng số ${def.weightIndicator}: thiếu trọng số`,
          'weight',
        );
      }
    } else if (w < 0) {
      throw new AggregationError(
        `Indicator ${def.code}: weight must not be negative, got ${w}`,
        `Chỉ số ${def.code}: trọng số không được âm, nhận ${w}`,
        'weight',
      );
    }
    const weight = w ?? 1;
    // "+ 0" turns -0 (a negative value at weight 0) into 0, so parts compare equal whatever the order.
    return { ...emptyParts(), weightedSum: v * weight + 0, weight, count: 1 };
  },
  combine: mergeParts,
  subtract: subtractAdditiveParts,
  value: (parts) => (parts.weight === 0 ? null : parts.weightedSum / parts.weight),
};
