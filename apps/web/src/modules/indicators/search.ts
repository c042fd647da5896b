import { compareVietnamese, foldVietnamese, type IndicatorListItem } from '@sen/contracts';

/** The text an indicator is found by: its code, name and unit of measure, without diacritics. */
function haystack(indicator: IndicatorListItem): string {
  return foldVietnamese(`${indicator.code} ${indicator.code.replace(/_/g, ' ')} ${indicator.name} ${indicator.unit}`);
}

/**
 * Indicators matching every word of the query, diacritics and case ignored ("hoi vien moi" finds
 * "Hội viên mới"), in Vietnamese order of their names.
 */
export function filterIndicators(items: readonly IndicatorListItem[], query: string): IndicatorListItem[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  const matching = words.length === 0 ? [...items] : items.filter((item) => {
    const text = haystack(item);
    return words.every((w) => text.includes(w));
  });
  return matching.sort((a, b) => compareVietnamese(a.name, b.name));
}
