import type { NationalRecomputeStatus, Reconciliation, RollupResponse } from '@sen/contracts';
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
  nationalJob: (jobId: string) => ['rollups', 'national-job', jobId] as const,
  reconciliation: (scope: 'tenant' | 'nation', period?: string) => ['rollups', 'reconciliation', scope, period ?? null] as const,
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

/** A full recompute of the period for every active tenant (platform administrators, central analysts). */
export function startNationalRecompute(client: ApiClient, period: string) {
  return client.post<RecomputeJob>('/api/v1/rollups/national-recompute', { period });
}

export function getNationalRecompute(client: ApiClient, jobId: string, signal?: AbortSignal) {
  return client.get<NationalRecomputeStatus>(`/api/v1/rollups/national-recompute/${encodeURIComponent(jobId)}`, undefined, signal);
}

/** Reconcile the totals with a full recompute now: the tenant's, or (scope nation) every tenant's. */
export function startReconcile(client: ApiClient, body: { period?: string; scope?: 'tenant' | 'nation' }) {
  return client.post<RecomputeJob>('/api/v1/rollups/reconcile', body);
}

/** The last reconciliation of the tenant (one item at most), or of each tenant (scope nation). */
export function getReconciliation(client: ApiClient, q: { period?: string; scope?: 'tenant' | 'nation' }, signal?: AbortSignal) {
  return client.get<{ items: Reconciliation[] }>('/api/v1/rollups/reconciliation', q, signal);
}
