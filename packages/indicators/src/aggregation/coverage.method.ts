import { AggregationError } from '../shared/errors';
import type { AggregationMethod } from './aggregation-method';
import { emptyParts, mergeParts, readNumber, subtractAdditiveParts } from './rollup-parts';

/**
 * Per-unit minimum at a level: "mỗi cơ sở Hội có ít nhất 01 mô hình" is the share of units at the
 * level (grassroots) whose value reaches the minimum. Each unit reports a count; the province's value
 * is a percentage. A unit at the level that reported nothing still counts as eligible and not meeting
 * (feed every unit of the level to get an honest denominator); units at other levels do not count.
 */
export const coverageMethod: AggregationMethod = {
  id: 'coverage',
  nameVi: 'Tỷ lệ đơn vị đạt mức tối thiểu',
  nameEn: 'Coverage (share of units meeting a minimum)',
  additive: false,
  fromUnitValue(input, def) {
    if (!def.coverage) {
      throw new AggregationError(
        `Indicator ${def.code} uses coverage but has no coverage configuration`,
        `Chỉ số ${def.code} tính theo tỷ lệ đơn vị đạt nhưng thiếu cấu hình coverage`,
        'coverage',
      );
    }
    if (input.level !== def.coverage.level) return emptyParts();
    const v = readNumber(input, 'value', def.code);
    return {
      ...emptyParts(),
      eligible: 1,
      meeting: v !== null && v >= def.coverage.minimum ? 1 : 0,
      count: v === null ? 0 : 1,
    };
  },
  combine: mergeParts,
  subtract: subtractAdditiveParts,
  value: (parts) => (parts.eligible === 0 ? null : (100 * parts.meeting) / parts.eligible),
};
