import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { dashboardKeys, getBelowThreshold, getPlanProgress, type BelowThresholdQuery, type PlanProgressQuery } from '../api/dashboard.api';

export function usePlanProgress(q: PlanProgressQuery) {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.progress(q),
    queryFn: ({ signal }) => getPlanProgress(client, q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useBelowThreshold(q: BelowThresholdQuery | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.below(q ?? { indicator: '', period: '', threshold: 0 }),
    queryFn: ({ signal }) => getBelowThreshold(client, q!, signal),
    enabled: !!q,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
