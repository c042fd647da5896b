import { useMutation, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { getNationalRecompute, getReconciliation, getRecompute, getRollup, rollupKeys, startNationalRecompute, startReconcile, startRecompute } from '../api/rollups.api';
import { isFinished } from '../format';

export function useRollup(indicator: string | undefined, period: string | undefined, unitId?: string, options: { refetchInterval?: number | false } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: rollupKeys.one(indicator ?? '', period ?? '', unitId),
    queryFn: ({ signal }) => getRollup(client, { indicator: indicator!, period: period!, unitId }, signal),
    enabled: !!indicator && !!period,
    staleTime: 5_000,
    refetchInterval: options.refetchInterval,
  });
}

export function useStartRecompute() {
  const client = useApiClient();
  return useMutation({ mutationFn: (period: string) => startRecompute(client, period) });
}

/** Polls a recompute job every 700 ms until it completes or fails. */
export function useRecomputeJob(jobId: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: rollupKeys.job(jobId ?? ''),
    queryFn: ({ signal }) => getRecompute(client, jobId!, signal),
    enabled: !!jobId,
    refetchInterval: (query) => (isFinished(query.state.data?.state) ? false : 700),
    staleTime: 0,
  });
}

export function useStartNationalRecompute() {
  const client = useApiClient();
  return useMutation({ mutationFn: (period: string) => startNationalRecompute(client, period) });
}

/** Polls a national recompute every 700 ms until it completes or fails: the whole and each tenant's progress. */
export function useNationalRecompute(jobId: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: rollupKeys.nationalJob(jobId ?? ''),
    queryFn: ({ signal }) => getNationalRecompute(client, jobId!, signal),
    enabled: !!jobId,
    refetchInterval: (query) => (isFinished(query.state.data?.state) ? false : 700),
    staleTime: 0,
  });
}

export function useStartReconcile() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: { period?: string; scope?: 'tenant' | 'nation' }) => startReconcile(client, body) });
}

/** The last reconciliation; polled every 2 s while `waitingSince` is set (a reconciliation asked for and not yet in). */
export function useReconciliation(scope: 'tenant' | 'nation', period: string | undefined, options: { enabled?: boolean; poll?: boolean } = {}) {
  const client = useApiClient();
  return useQuery({
    queryKey: rollupKeys.reconciliation(scope, period),
    queryFn: ({ signal }) => getReconciliation(client, { period, ...(scope === 'nation' ? { scope } : {}) }, signal),
    enabled: options.enabled !== false && !!period,
    refetchInterval: options.poll ? 2_000 : false,
    staleTime: 10_000,
  });
}
