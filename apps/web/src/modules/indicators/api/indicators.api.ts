import type { IndicatorListItem } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

export interface IndicatorListResponse {
  items: IndicatorListItem[];
  total: number;
}

export const indicatorKeys = {
  list: ['indicators', 'list'] as const,
};

export function listIndicators(client: ApiClient, signal?: AbortSignal) {
  return client.get<IndicatorListResponse>('/api/v1/indicators', undefined, signal);
}
