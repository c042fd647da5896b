import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { dashboardKeys, getBelowThreshold, getDashboardPeriods, getPlanProgress, type BelowThresholdQuery, type PlanProgressQuery } from '../api/dashboard.api';

export function usePlanProgress(q: PlanProgressQuery, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.progress(q),
    queryFn: ({ signal }) => getPlanProgress(client, q, signal),
    enabled,
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

/** The periods with data of a unit (default: the user's), to open a page on the latest of them. */
export function useDashboardPeriods(q: { unitId?: string; indicator?: string } = {}, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.periods(q.unitId, q.indicator),
    queryFn: ({ signal }) => getDashboardPeriods(client, q, signal),
    enabled,
    staleTime: 60_000,
  });
}
