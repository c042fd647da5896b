import { rollup } from '../aggregation/rollup';
import type { UnitValue } from '../aggregation/rollup-parts';
import { IndicatorsError } from '../shared/errors';
import type { IndicatorDefinition } from './indicator-definition';

/** A category's value: a plain number, or numerator/denominator for a ratio. */
export type CategoryValue = number | null | UnitValue;

/**
 * The total of a disaggregated indicator from its values per category, with the indicator's own
 * method: a sum for additive indicators, the ratio of the summed numerators and denominators for a
 * ratio (never the mean of the categories' percentages), the weighted mean for an average.
 *
 * With `disaggregationCode`, every key must be a category of that disaggregation; otherwise of one of
 * the indicator's disaggregations. Categories not given contribute nothing.
 */
export function deriveTotal(
  def: IndicatorDefinition,
  valuesByCategory: Readonly<Record<string, CategoryValue>>,
  disaggregationCode?: string,
): number | null {
  const disaggregations = def.disaggregations ?? [];
  const chosen = disaggregationCode === undefined ? disaggregations : disaggregations.filter((d) => d.code === disaggregationCode);
  if (disaggregationCode !== undefined && chosen.length === 0) {
    throw new IndicatorsError(
      'DISAGGREGATION_UNKNOWN',
      `Indicator ${def.code} has no disaggregation "${disaggregationCode}"`,
      `Chỉ số ${def.code} không có phân tổ "${disaggregationCode}"`,
      'disaggregation',
    );
  }
  const known = new Set(chosen.flatMap((d) => d.categories.map((c) => c.code)));
  const values: UnitValue[] = [];
  for (const [category, v] of Object.entries(valuesByCategory)) {
    if (!known.has(category)) {
      throw new IndicatorsError(
        'DISAGGREGATION_CATEGORY_UNKNOWN',
        `Indicator ${def.code}: unknown category "${category}" (known: ${[...known].join(', ') || 'none'})`,
        `Chỉ số ${def.code}: không có nhóm phân tổ "${category}" (có: ${[...known].join(', ') || 'không có'})`,
        category,
      );
    }
    values.push(typeof v === 'number' || v === null ? { value: v } : v);
  }
  return rollup(def, values).value;
}
