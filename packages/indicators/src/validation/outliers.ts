/**
 * Outlier check of a reported value against the same unit's own history. A typo (an extra zero, a
 * province total typed into a commune's form) usually shows as a jump no earlier period comes near.
 *
 * Two tests, either is enough for a warning (never an error: growth happens):
 * - jump: the value is more than OUTLIER_MAX_MULTIPLIER × the largest earlier value (needs one earlier
 *   positive value);
 * - spread: the value is further than OUTLIER_MAD_K robust standard deviations from the median, the
 *   robust deviation being MAD × 1.4826 (needs OUTLIER_MIN_HISTORY earlier values). Median and MAD are
 *   used instead of mean and standard deviation because one old typo would inflate those.
 */
export const OUTLIER_MAX_MULTIPLIER = 3;
export const OUTLIER_MAD_K = 3.5;
export const OUTLIER_MIN_HISTORY = 4;
/** Scales the MAD to the standard deviation for normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;

export type OutlierFinding =
  | { kind: 'jump'; previousMax: number; multiplier: number }
  | { kind: 'spread'; median: number; mad: number; low: number; high: number };

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return median(values.map((v) => Math.abs(v - m)));
}

/** Checks a value against earlier values (nulls and non-finite entries are ignored); null when it fits. */
export function detectOutlier(value: number, history: readonly (number | null | undefined)[]): OutlierFinding | null {
  const past = history.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (past.length === 0 || !Number.isFinite(value)) return null;
  const previousMax = Math.max(...past);
  if (previousMax > 0 && value > OUTLIER_MAX_MULTIPLIER * previousMax) {
    return { kind: 'jump', previousMax, multiplier: value / previousMax };
  }
  if (past.length >= OUTLIER_MIN_HISTORY) {
    const m = median(past) ?? 0;
    const mad = medianAbsoluteDeviation(past) ?? 0;
    // A constant history has MAD 0: any change would be "infinitely" far, so only the jump test applies.
    if (mad > 0) {
      const spread = OUTLIER_MAD_K * MAD_TO_SIGMA * mad;
      const low = m - spread;
      const high = m + spread;
      if (value < low || value > high) return { kind: 'spread', median: m, mad, low, high };
    }
  }
  return null;
}
