import type { RollupResponse } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

export interface RecomputeJob {
  jobId: string;
}

/** BullMQ's job states; the bar stops at completed or failed. */
export interface RecomputeProgress {
  state: string;
  progress: number;
}

export const rollupKeys = {
  all: ['rollups'] as const,
  one: (indicator: string, period: string, unitId?: string) => ['rollups', indicator, period, unitId ?? null] as const,
  job: (jobId: string) => ['rollups', 'job', jobId] as const,
};

export function getRollup(client: ApiClient, q: { indicator: string; period: string; unitId?: string }, signal?: AbortSignal) {
  return client.get<RollupResponse>('/api/v1/rollups', q, signal);
}

export function startRecompute(client: ApiClient, period: string) {
  return client.post<RecomputeJob>('/api/v1/rollups/recompute', { period });
}

export function getRecompute(client: ApiClient, jobId: string, signal?: AbortSignal) {
  return client.get<RecomputeProgress>(`/api/v1/rollups/recompute/${encodeURIComponent(jobId)}`, undefined, signal);
}
