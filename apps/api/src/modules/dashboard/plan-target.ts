import type { IndicatorDefinition, TargetComparator } from '@sen/indicators';

/** A target as a plan stores it (content.targets[], see @sen/plans' Target and the contracts' planTargetSchema). */
export interface StoredTarget {
  text: string;
  value: number | null;
  unit: string | null;
  comparator: TargetComparator | null;
  level: string | null;
  levels?: string[];
  aggregation?: 'total' | 'ratio' | 'perUnitMinimum' | 'activityCount';
  indicatorCode?: string | null;
}

/** What a target is compared with: the value, its unit and the comparator @sen/indicators' evaluateTarget takes. */
export interface MeasuredTarget {
  value: number;
  unit: string | null;
  comparator: TargetComparator;
}

/** Why a linked indicator cannot measure a target, in both languages. */
export interface Mismatch {
  mismatch: { vi: string; en: string };
}

const COMPARATORS: readonly TargetComparator[] = ['gte', 'gt', 'lte', 'eq', 'approx'];

/** True when the indicator's values are percentages (ratios, coverage, percentage values). */
export function isPercentIndicator(def: Pick<IndicatorDefinition, 'aggregation' | 'valueType'>): boolean {
  return def.aggregation === 'ratio' || def.aggregation === 'coverage' || def.valueType === 'percentage';
}

/**
 * A plan's target as its linked indicator measures it — the one reading shared by the province dashboard and the
 * central comparison, so that both show the same target and achievement.
 *
 * A per-unit minimum ("mỗi cơ sở Hội có ít nhất 01 mô hình") measured by a coverage indicator (units meeting the
 * minimum / all units) means every unit: 100 % — provided the indicator counts the same minimum. A count stated
 * by the target ("Cấp Thành phố hỗ trợ nhân rộng 18 mô hình") cannot be read off a percentage, nor a percentage
 * off a count: those answer why instead of a number that would look right and mean nothing.
 */
export function measuredTarget(t: StoredTarget, def: IndicatorDefinition): MeasuredTarget | Mismatch | null {
  if (t.value === null || !Number.isFinite(t.value)) return null;
  const comparator = COMPARATORS.find((c) => c === t.comparator) ?? 'gte';
  const percentTarget = t.unit === '%';
  if (def.aggregation === 'coverage' && !percentTarget) {
    // Imported plans say how the target aggregates; older contents do not: a count next to a coverage indicator
    // was then always read as a per-unit minimum.
    const perUnit = t.aggregation === undefined || t.aggregation === 'perUnitMinimum';
    if (!perUnit) {
      return {
        mismatch: {
          vi: `Chỉ tiêu tính bằng ${t.unit ?? 'số lượng'}, chỉ số "${def.name}" tính bằng tỷ lệ (%): không so sánh được`,
          en: `The target is a number of ${t.unit ?? 'items'}, "${def.nameEn}" a share (%): not comparable`,
        },
      };
    }
    const minimum = def.coverage?.minimum;
    if (minimum !== undefined && minimum !== t.value) {
      return {
        mismatch: {
          vi: `Chỉ số "${def.name}" đếm đơn vị đạt ít nhất ${minimum}, chỉ tiêu yêu cầu ít nhất ${t.value}: không so sánh được`,
          en: `"${def.nameEn}" counts units with at least ${minimum}, the target asks for at least ${t.value}: not comparable`,
        },
      };
    }
    return { value: 100, unit: '%', comparator: 'gte' };
  }
  if (isPercentIndicator(def) !== percentTarget && t.unit !== null) {
    return {
      mismatch: {
        vi: `Chỉ tiêu tính bằng ${t.unit}, chỉ số "${def.name}" tính bằng ${def.unit}: không so sánh được`,
        en: `The target is in ${t.unit}, "${def.nameEn}" in ${def.unit}: not comparable`,
      },
    };
  }
  return { value: t.value, unit: t.unit, comparator };
}

export function isMismatch(m: MeasuredTarget | Mismatch | null): m is Mismatch {
  return m !== null && 'mismatch' in m;
}
