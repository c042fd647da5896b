import type { PlanCalendarItem } from '@sen/contracts';
import { PROGRESS_STATUSES, type ProgressItem, type ProgressStatus, type StatusSummary } from './api/dashboard.api';

/** Colours of the statuses, dark enough for white text and for 3:1 against white in the charts. */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  achieved: '#237804',
  on_track: '#0958d9',
  at_risk: '#995c00',
  off_track: '#a8071a',
  no_data: '#595959',
  not_allocated: '#6e6e6e',
  not_measured: '#6e6e6e',
};

/** The statuses of targets that are measured: the ones a chart of progress is about. */
export const MEASURED: readonly ProgressStatus[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

/** Slices of a status chart, in the order of PROGRESS_STATUSES, empty ones left out. */
export function statusSlices(summary: StatusSummary | undefined, label: (s: ProgressStatus) => string): { status: ProgressStatus; name: string; value: number; color: string }[] {
  if (!summary) return [];
  return PROGRESS_STATUSES.filter((s) => summary[s] > 0).map((s) => ({ status: s, name: label(s), value: summary[s], color: STATUS_COLORS[s] }));
}

/** Share of the measured targets that are achieved or on track, in % (null when none is measured). */
export function healthyShare(summary: StatusSummary | undefined): number | null {
  if (!summary) return null;
  const measured = MEASURED.reduce((n, s) => n + summary[s], 0);
  return measured === 0 ? null : (100 * (summary.achieved + summary.on_track)) / measured;
}

/** Filters of the progress table that the page applies itself (the API applies the same for the export). */
export interface ProgressFilters {
  planId?: string;
  programme?: string;
  departmentId?: string;
  level?: string;
  status?: ProgressStatus;
}

export function filterItems(items: ProgressItem[], f: ProgressFilters): ProgressItem[] {
  return items.filter((i) => !f.status || i.status === f.status);
}

/** Bars of the achievement of each measured target (capped at 150% so one outlier does not flatten the rest). */
export function achievementBars(items: ProgressItem[]): { key: string; name: string; text: string; value: number; shown: number; color: string }[] {
  return items
    .filter((i) => i.achievementPct !== null)
    .map((i) => ({
      key: `${i.planId}-${i.targetIndex}`,
      name: `${i.symbol ?? ''} #${i.targetIndex + 1}`,
      text: i.text,
      value: i.achievementPct!,
      shown: Math.min(150, i.achievementPct!),
      color: STATUS_COLORS[i.status],
    }));
}

export type ActivityState = 'done' | 'cancelled' | 'ongoing' | 'upcoming' | 'overdue';

/**
 * Where an activity stands on a day: what was recorded for it (done, cancelled), else by its dates — an
 * activity still "planned" after its end is overdue, since nobody reported it done.
 */
export function activityState(item: Pick<PlanCalendarItem, 'status' | 'dateFrom' | 'dateTo'>, today: string): ActivityState {
  if (item.status === 'done' || item.status === 'cancelled') return item.status;
  if (item.dateTo < today) return 'overdue';
  if (item.dateFrom > today) return 'upcoming';
  return 'ongoing';
}

/** First and last day (YYYY-MM-DD) of the month and of the quarter of a month "YYYY-MM". */
export function monthAndQuarter(month: string): { month: { from: string; to: string }; quarter: { from: string; to: string; index: number } } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = (year: number, mo: number) => new Date(Date.UTC(year, mo, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const q = Math.floor((m - 1) / 3);
  const qFirst = q * 3 + 1;
  return {
    month: { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last(y, m))}` },
    quarter: { from: `${y}-${pad(qFirst)}-01`, to: `${y}-${pad(qFirst + 2)}-${pad(last(y, qFirst + 2))}`, index: q + 1 },
  };
}

/**
 * The year a progress page opens on: this year when an issued plan concerns it, else the latest plan year before it
 * (a leader looking in December 2026 at plans of 2024), else the nearest one to come; this year when there is none.
 */
export function defaultYear(planYears: readonly number[] | undefined, thisYear: number): number {
  const years = [...(planYears ?? [])].sort((a, b) => b - a);
  if (years.length === 0 || years.includes(thisYear)) return thisYear;
  return years.find((y) => y < thisYear) ?? years[years.length - 1]!;
}

/** The first (newest) period of a list that is of one of the kinds wanted (all kinds when none is named). */
export function latestPeriod(periods: readonly string[] | undefined, accept: (id: string) => boolean = () => true): string | undefined {
  return (periods ?? []).find(accept);
}

/**
 * The period a page opens on: the one in the address; else the one last picked, when it has data; else the newest
 * with data (of the kinds accepted); else the fallback (the current half-year) — never an empty period by default
 * when there is data.
 */
export function openingPeriod(
  asked: string | null | undefined,
  remembered: string | null | undefined,
  withData: readonly string[] | undefined,
  fallback: string,
  accept: (id: string) => boolean = () => true,
): string {
  if (asked) return asked;
  if (remembered && accept(remembered) && (withData === undefined || withData.includes(remembered))) return remembered;
  return latestPeriod(withData, accept) ?? (remembered && accept(remembered) ? remembered : fallback);
}

/** Whether a query of periods has answered (data or an error): a page waits for it before choosing a period. */
export function settled(q: { data?: unknown; isError: boolean }): boolean {
  return q.data !== undefined || q.isError;
}
