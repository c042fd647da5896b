import type { ApiClient } from '../../../lib/api-client';

export const PROGRESS_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data', 'not_allocated', 'not_measured'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export type StatusSummary = Record<ProgressStatus, number>;

/** One target of GET /api/v1/dashboard/plan-progress. */
export interface ProgressItem {
  planId: string;
  symbol: string | null;
  planTitle: string;
  programme: string | null;
  departmentIds: string[];
  targetIndex: number;
  text: string;
  level: string | null;
  /** The levels the target names (empty: the plan's unit and all below). */
  levels: string[];
  indicatorCode: string | null;
  indicatorName: string | null;
  indicatorNameEn: string | null;
  comparator: string | null;
  target: number | null;
  unit: string | null;
  actual: number | null;
  expected: number | null;
  achievementPct: number | null;
  allocated: boolean;
  status: ProgressStatus;
  statusLabel: string;
  statusLabelEn: string;
  /** The period the actual is taken from (the year, or its first half before the year is over); null without data. */
  period: string | null;
  /** Why a target is measured the way it is, or why it cannot be (vi / en). */
  note: string | null;
  noteEn: string | null;
}

export interface PlanProgressResponse {
  year: number;
  /** The date the progress is read at (ISO). */
  asOf: string;
  unitId: string;
  unit: { id: string; name: string; level: string };
  /** False when neither the unit's level nor one below it reports on any form. */
  reporting: boolean;
  reportingLevels: string[];
  items: ProgressItem[];
  total: number;
  summary: StatusSummary;
  children: { id: string; name: string; level: string; childCount: number; reporting: boolean; targets: number; summary: StatusSummary }[];
  options: {
    plans: { id: string; symbol: string | null; title: string }[];
    programmes: string[];
    departments: { id: string; name: string }[];
    levels: string[];
  };
}

export interface PlanProgressQuery {
  year: number;
  asOf?: string;
  unitId?: string;
  planId?: string;
  programme?: string;
  departmentId?: string;
  level?: string;
}

export interface BelowThresholdQuery {
  indicator: string;
  period: string;
  threshold: number;
  level?: string;
  unitId?: string;
}

export interface BelowThresholdResponse {
  indicator: { code: string; name: string; nameEn?: string; unit: string; aggregation: string; valueType: string };
  period: string;
  threshold: number;
  level: string;
  unitsAtLevel: number;
  items: { id: string; name: string; parentName: string | null; value: number | null }[];
  total: number;
  noData: { id: string; name: string; parentName: string | null }[];
}

/** GET /api/v1/dashboard/periods: what a unit's dashboards can open on, newest first. */
export interface DashboardPeriods {
  unitId: string;
  indicator: string | null;
  periods: string[];
  planYears: number[];
  forms: { formCode: string; periods: string[] }[];
}

export const dashboardKeys = {
  periods: (unitId: string | undefined, indicator: string | undefined) => ['dashboard', 'periods', unitId ?? null, indicator ?? null] as const,
  progress: (q: PlanProgressQuery) => ['dashboard', 'plan-progress', q] as const,
  below: (q: BelowThresholdQuery) => ['dashboard', 'below-threshold', q] as const,
};

export function getPlanProgress(client: ApiClient, q: PlanProgressQuery, signal?: AbortSignal) {
  return client.get<PlanProgressResponse>('/api/v1/dashboard/plan-progress', { ...q }, signal);
}

export function getBelowThreshold(client: ApiClient, q: BelowThresholdQuery, signal?: AbortSignal) {
  return client.get<BelowThresholdResponse>('/api/v1/dashboard/below-threshold', { ...q }, signal);
}

export function getDashboardPeriods(client: ApiClient, q: { unitId?: string; indicator?: string }, signal?: AbortSignal) {
  return client.get<DashboardPeriods>('/api/v1/dashboard/periods', { ...q }, signal);
}
