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

/** Periods of the same kind ending with `period`, oldest first (2024S1, 3 → 2023S1, 2023S2, 2024S1). */
export function periodsUpTo(period: string, count: number): string[] {
  const m = /^(\d{4})(?:(S[12])|(Q[1-4])|(0[1-9]|1[0-2]))?$/.exec(period);
  if (!m) return [];
  const year = Number(m[1]);
  const [perYear, index, make] = m[2]
    ? [2, Number(m[2].slice(1)), (y: number, i: number) => `${y}S${i}`]
    : m[3]
      ? [4, Number(m[3].slice(1)), (y: number, i: number) => `${y}Q${i}`]
      : m[4]
        ? [12, Number(m[4]), (y: number, i: number) => `${y}${String(i).padStart(2, '0')}`]
        : [1, 1, (y: number) => String(y)];
  const out: string[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const zeroBased = year * perYear + (index - 1) - k;
    out.push(make(Math.floor(zeroBased / perYear), (zeroBased % perYear) + 1));
  }
  return out;
}

export interface SeriesLineInput {
  tenant: string;
  key?: string;
  name: string;
  points: { period: string; value: number | null }[];
}

/** Rows of the line chart: one per period, a column per line (its key), null where a line has no value. */
export function seriesRows(periods: readonly string[], items: readonly SeriesLineInput[]): Record<string, string | number | null>[] {
  return periods.map((period) => {
    const row: Record<string, string | number | null> = { period };
    for (const item of items) row[item.key ?? item.tenant] = item.points.find((p) => p.period === period)?.value ?? null;
    return row;
  });
}

/** A change from the previous period as people read it: "+2,5" / "−1.200"; a rate's change is in points. */
export function formatChange(change: number | null | undefined, format: (v: number) => string): string {
  if (change === null || change === undefined) return '—';
  if (change === 0) return format(0);
  return `${change > 0 ? '+' : '−'}${format(Math.abs(change))}`;
}

/** Provinces shown in the time series by default: the highest values of the comparison (at most `n`). */
export function defaultSeriesTenants(items: readonly ComparisonItem[], n = 5): string[] {
  const seen = new Set<string>();
  for (const row of chartRows(items)) {
    seen.add(row.tenant);
    if (seen.size >= n) break;
  }
  return [...seen];
}
