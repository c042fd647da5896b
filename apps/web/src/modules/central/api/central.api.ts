import type { ComparisonItem } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

/** GET /api/v1/central/comparison */
export interface ComparisonResponse {
  indicator: { code: string; name: string; unit: string; aggregation?: string; valueType?: string; [key: string]: unknown };
  period: string;
  items: ComparisonItem[];
}

export const centralKeys = {
  comparison: (indicator: string, period: string) => ['central', 'comparison', indicator, period] as const,
};

export function getComparison(client: ApiClient, q: { indicator: string; period: string }, signal?: AbortSignal) {
  return client.get<ComparisonResponse>('/api/v1/central/comparison', q, signal);
}
