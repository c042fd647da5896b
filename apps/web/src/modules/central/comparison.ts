import { compareVietnamese, type ComparisonItem } from '@sen/contracts';

/**
 * A Table sorter that keeps provinces without figures last in both directions (one that did not report
 * is neither highest nor lowest). antd reverses the comparator's result for 'descend', hence the order.
 */
export function compareNullable(a: number | null, b: number | null, order?: 'ascend' | 'descend' | null): number {
  const last = order === 'descend' ? -1 : 1;
  if (a === null && b === null) return 0;
  if (a === null) return last;
  if (b === null) return -last;
  return a - b;
}

export interface ChartRow {
  tenant: string;
  name: string;
  value: number;
  target: number | null;
}

/** Rows of the bar chart: provinces with a value, highest first (names in Vietnamese order on ties). */
export function chartRows(items: readonly ComparisonItem[]): ChartRow[] {
  return items
    .filter((i): i is ComparisonItem & { value: number } => i.value !== null)
    .sort((a, b) => b.value - a.value || compareVietnamese(a.name, b.name))
    .map((i) => ({ tenant: i.tenant, name: i.name, value: i.value, target: i.target }));
}

/** "Hội LHPN thành phố Hà Nội" → "Hà Nội" for chart axis labels. */
export function shortTenantName(name: string): string {
  return name.replace(/^Hội LHPN\s+/i, '').replace(/^(tỉnh|thành phố)\s+/i, '');
}
