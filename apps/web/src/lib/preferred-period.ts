import { useCallback, useState } from 'react';
import { defaultHalfYear, parsePeriod } from './periods';

export const PERIOD_STORAGE_KEY = 'sen.period';

/** The period last picked on a rollup or comparison screen (remembered), else the current half-year. */
export function storedPeriod(): string {
  try {
    const v = window.localStorage.getItem(PERIOD_STORAGE_KEY);
    if (v && parsePeriod(v)) return v;
  } catch {
    // no storage
  }
  return defaultHalfYear();
}

/** The period last picked, or null when none was (unlike storedPeriod, no default). */
export function rememberedPeriod(): string | null {
  try {
    const v = window.localStorage.getItem(PERIOD_STORAGE_KEY);
    return v && parsePeriod(v) ? v : null;
  } catch {
    return null;
  }
}

export function rememberPeriod(period: string | undefined): void {
  try {
    if (period) window.localStorage.setItem(PERIOD_STORAGE_KEY, period);
  } catch {
    // no storage
  }
}

export function usePreferredPeriod(): [string, (p: string | undefined) => void] {
  const [period, setPeriod] = useState(storedPeriod);
  const set = useCallback((p: string | undefined) => {
    if (!p) return;
    rememberPeriod(p);
    setPeriod(p);
  }, []);
  return [period, set];
}
