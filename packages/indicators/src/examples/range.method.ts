import type { AggregationMethod } from '../aggregation/aggregation-method';
import { emptyParts, mergeParts, readNumber } from '../aggregation/rollup-parts';

/**
 * Example of a new aggregation method (see README, "Adding an aggregation method"): the range, i.e.
 * the gap between the best and the worst unit ("chênh lệch giữa cơ sở cao nhất và thấp nhất") —
 * useful to see whether a province's communes move together.
 *
 * It keeps its state in the existing min and max columns, so it needs no database change. It is NOT
 * delta-able: once the unit holding the minimum changes, the next smallest is unknown, so `subtract`
 * returns null and `applyChange` asks the caller to recompute the parent from its children.
 */
export const rangeMethod: AggregationMethod = {
  id: 'range',
  nameVi: 'Chênh lệch cao nhất – thấp nhất',
  nameEn: 'Range (max − min)',
  additive: false,
  fromUnitValue(input, def) {
    const v = readNumber(input, 'value', def.code);
    if (v === null) return emptyParts();
    return { ...emptyParts(), min: v, max: v, count: 1 };
  },
  combine: mergeParts,
  subtract: () => null,
  value: (parts) => (parts.min === null || parts.max === null ? null : parts.max - parts.min),
};
