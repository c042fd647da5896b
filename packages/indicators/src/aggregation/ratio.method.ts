import { AggregationError } from '../shared/errors';
import type { AggregationMethod } from './aggregation-method';
import { emptyParts, mergeParts, readNumber, subtractAdditiveParts } from './rollup-parts';

/**
 * Ratio: "trên 90% cán bộ, hội viên được tuyên truyền" is the sum of numerators over the sum of
 * denominators, × 100. Never a mean of the units' percentages: a branch of 10 members at 100% and a
 * commune of 1.000 at 50% make 50,5%, not 75%.
 */
export const ratioMethod: AggregationMethod = {
  id: 'ratio',
  nameVi: 'Tỷ lệ (tổng tử số / tổng mẫu số)',
  nameEn: 'Ratio of sums',
  additive: false,
  fromUnitValue(input, def) {
    const numerator = readNumber(input, 'numerator', def.code);
    const denominator = readNumber(input, 'denominator', def.code);
    if (numerator === null && denominator === null) {
      // A bare percentage cannot be rolled up: without its denominator it would weigh like any other.
      if (readNumber(input, 'value', def.code) !== null) {
        throw new AggregationError(
          `Indicator ${def.code} is a ratio: report numerator and denominator, not only the percentage`,
          `Chỉ số ${def.code} là tỷ lệ: cần báo cáo tử số và mẫu số, không chỉ tỷ lệ phần trăm`,
          'numerator',
        );
      }
      return emptyParts();
    }
    if (numerator === null || denominator === null) {
      const missing = numerator === null ? 'numerator' : 'denominator';
      throw new AggregationError(
        `Indicator ${def.code} is a ratio: ${missing} is missing`,
        `Chỉ số ${def.code} là tỷ lệ: thiếu ${missing === 'numerator' ? 'tử số' : 'mẫu số'}`,
        missing,
      );
    }
    return { ...emptyParts(), numerator, denominator, count: 1 };
  },
  combine: mergeParts,
  subtract: subtractAdditiveParts,
  value: (parts) => (parts.denominator === 0 ? null : (100 * parts.numerator) / parts.denominator),
};
