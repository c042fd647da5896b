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
  indicatorCode: string | null;
  indicatorName: string | null;
  comparator: string | null;
  target: number | null;
  unit: string | null;
  actual: number | null;
  expected: number | null;
  achievementPct: number | null;
  allocated: boolean;
  status: ProgressStatus;
  statusLabel: string;
}

export interface PlanProgressResponse {
  year: number;
  unitId: string;
  unit: { id: string; name: string; level: string };
  items: ProgressItem[];
  total: number;
  summary: StatusSummary;
  children: { id: string; name: string; level: string; childCount: number; summary: StatusSummary }[];
  options: {
    plans: { id: string; symbol: string | null; title: string }[];
    programmes: string[];
    departments: { id: string; name: string }[];
    levels: string[];
  };
}

export interface PlanProgressQuery {
  year: number;
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
  indicator: { code: string; name: string; unit: string; aggregation: string; valueType: string };
  period: string;
  threshold: number;
  level: string;
  unitsAtLevel: number;
  items: { id: string; name: string; parentName: string | null; value: number | null }[];
  total: number;
  noData: { id: string; name: string; parentName: string | null }[];
}

export const dashboardKeys = {
  progress: (q: PlanProgressQuery) => ['dashboard', 'plan-progress', q] as const,
  below: (q: BelowThresholdQuery) => ['dashboard', 'below-threshold', q] as const,
};

export function getPlanProgress(client: ApiClient, q: PlanProgressQuery, signal?: AbortSignal) {
  return client.get<PlanProgressResponse>('/api/v1/dashboard/plan-progress', { ...q }, signal);
}

export function getBelowThreshold(client: ApiClient, q: BelowThresholdQuery, signal?: AbortSignal) {
  return client.get<BelowThresholdResponse>('/api/v1/dashboard/below-threshold', { ...q }, signal);
}
