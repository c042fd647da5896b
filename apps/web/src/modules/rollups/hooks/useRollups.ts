import { useMutation, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { getRecompute, getRollup, rollupKeys, startRecompute } from '../api/rollups.api';
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
