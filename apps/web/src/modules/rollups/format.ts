import type { IndicatorListItem } from '@sen/contracts';
import { formatNumber, formatPercent } from '../../lib/format';

/** Whether an indicator's aggregated value is a percentage (ratios and coverage are 0–100). */
export function isPercentIndicator(indicator: Pick<IndicatorListItem, 'aggregation' | 'valueType'> | undefined): boolean {
  return !!indicator && (indicator.aggregation === 'ratio' || indicator.aggregation === 'coverage' || indicator.valueType === 'percentage');
}

/** An aggregated value as people read it: "90,5%" for a rate, "2.500" for a count. */
export function formatIndicatorValue(value: number | null | undefined, indicator: Pick<IndicatorListItem, 'aggregation' | 'valueType'> | undefined): string {
  return isPercentIndicator(indicator) ? formatPercent(value, 1) : formatNumber(value, 2);
}

/** Final BullMQ states: the bar stops there. */
export function isFinished(state: string | undefined): boolean {
  return state === 'completed' || state === 'failed' || state === 'unknown';
}

/** The bar's percentage: a completed job is 100 whatever it last reported; clamps to 0–100. */
export function progressPercent(job: { state: string; progress: number } | undefined): number {
  if (!job) return 0;
  if (job.state === 'completed') return 100;
  return Math.max(0, Math.min(100, Math.round(job.progress)));
}
