import { deriveTotal, findIndicator, type Disaggregation } from '@sen/indicators';
import { indicatorName } from '../../lib/labels';
import type { Language } from '../../i18n';
import type { EntryValue } from './report-form';

/**
 * What a report's indicators do not carry, from the national catalogue of @sen/indicators — the same
 * definitions the API checks `{"indicator","category","value"}` against: the breakdowns of disaggregated
 * indicators (per category: by age group, by type of club …) and English names. Tenants' own indicators
 * have no categories.
 */
export function disaggregationsOf(code: string): Disaggregation[] {
  return findIndicator(code)?.disaggregations ?? [];
}

/** A report indicator's name in the interface language (the report carries the Vietnamese name; the catalogue the English one). */
export function reportIndicatorName(indicator: { code: string; name: string }, language: Language): string {
  return indicatorName({ name: indicator.name, nameEn: findIndicator(indicator.code)?.nameEn }, language);
}

/** The Vietnamese name of a category of an indicator (its code when the catalogue does not know it). */
export function categoryName(indicator: string, category: string): string {
  for (const d of disaggregationsOf(indicator)) {
    const c = d.categories.find((x) => x.code === category);
    if (c) return c.name;
  }
  return category;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The total of the categories entered for one disaggregation, by the indicator's own method (a sum, or the
 * ratio of the summed numerators and denominators); null while no category has a value.
 */
export function categoriesTotal(indicator: string, disaggregation: Disaggregation, values: Record<string, EntryValue | undefined> | undefined): number | null {
  const def = findIndicator(indicator);
  if (!def) return null;
  const given: Record<string, number | { value?: number | null; numerator?: number | null; denominator?: number | null }> = {};
  for (const c of disaggregation.categories) {
    const v = values?.[c.code];
    if (!v) continue;
    if (def.aggregation === 'ratio') {
      if (num(v.numerator) !== null && num(v.denominator) !== null) given[c.code] = { numerator: num(v.numerator), denominator: num(v.denominator) };
    } else if (num(v.value) !== null) {
      given[c.code] = num(v.value)!;
    }
  }
  if (Object.keys(given).length === 0) return null;
  return deriveTotal(def, given, disaggregation.code);
}
