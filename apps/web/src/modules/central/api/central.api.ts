import type { CentralCompletenessItem, CentralView, ComparisonItem } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

/** GET /api/v1/central/comparison */
export interface ComparisonResponse {
  indicator: { code: string; name: string; unit: string; aggregation?: string; valueType?: string; [key: string]: unknown };
  period: string;
  items: ComparisonItem[];
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  unitsReporting: number;
  unitsExpected: number;
}

/** GET /api/v1/central/series */
export interface SeriesResponse {
  indicator: { code: string; name: string; unit: string; aggregation?: string; valueType?: string };
  periods: string[];
  items: { tenant: string; key?: string; name: string; formerProvince?: string | null; points: SeriesPoint[] }[];
}

/** GET /api/v1/central/completeness */
export interface CompletenessResponse {
  period: string;
  items: CentralCompletenessItem[];
}

/** GET /api/v1/central/periods: the periods with data of an indicator, newest first. */
export interface CentralPeriodsResponse {
  indicator: string;
  periods: string[];
  items: { period: string; provinces: number }[];
}

export const centralKeys = {
  periods: (indicator: string) => ['central', 'periods', indicator] as const,
  comparison: (indicator: string, period: string, view: CentralView) => ['central', 'comparison', indicator, period, view] as const,
  series: (indicator: string, periods: string[], tenants: string[], view: CentralView) => ['central', 'series', indicator, periods.join(','), tenants.join(','), view] as const,
  completeness: (period: string, view: CentralView) => ['central', 'completeness', period, view] as const,
};

export function getComparison(client: ApiClient, q: { indicator: string; period: string; view?: CentralView }, signal?: AbortSignal) {
  return client.get<ComparisonResponse>('/api/v1/central/comparison', q, signal);
}

export function getSeries(client: ApiClient, q: { indicator: string; periods: string[]; tenants: string[]; view?: CentralView }, signal?: AbortSignal) {
  return client.get<SeriesResponse>('/api/v1/central/series', { indicator: q.indicator, periods: q.periods.join(','), tenants: q.tenants.join(','), view: q.view }, signal);
}

export function getCompleteness(client: ApiClient, q: { period: string; view?: CentralView }, signal?: AbortSignal) {
  return client.get<CompletenessResponse>('/api/v1/central/completeness', q, signal);
}

export function getCentralPeriods(client: ApiClient, q: { indicator: string }, signal?: AbortSignal) {
  return client.get<CentralPeriodsResponse>('/api/v1/central/periods', q, signal);
}
