import { useQuery } from '@tanstack/react-query';
import type { CentralView } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { centralKeys, getCentralPeriods, getComparison, getCompleteness, getSeries } from '../api/central.api';

export function useComparison(indicator: string | undefined, period: string | undefined, view: CentralView = 'folded') {
  const client = useApiClient();
  return useQuery({
    queryKey: centralKeys.comparison(indicator ?? '', period ?? '', view),
    queryFn: ({ signal }) => getComparison(client, { indicator: indicator!, period: period!, view: view === 'former' ? view : undefined }, signal),
    enabled: !!indicator && !!period,
    staleTime: 30_000,
  });
}

export function useSeries(indicator: string | undefined, periods: string[], tenants: string[], view: CentralView = 'folded', enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: centralKeys.series(indicator ?? '', periods, tenants, view),
    queryFn: ({ signal }) => getSeries(client, { indicator: indicator!, periods, tenants, view: view === 'former' ? view : undefined }, signal),
    enabled: enabled && !!indicator && periods.length > 0 && tenants.length > 0,
    staleTime: 30_000,
  });
}

export function useCentralCompleteness(period: string | undefined, view: CentralView = 'folded', enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: centralKeys.completeness(period ?? '', view),
    queryFn: ({ signal }) => getCompleteness(client, { period: period!, view: view === 'former' ? view : undefined }, signal),
    enabled: enabled && !!period,
    staleTime: 30_000,
  });
}

/** The periods with data of a national indicator, for the page to open on the latest. */
export function useCentralPeriods(indicator: string | undefined, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: centralKeys.periods(indicator ?? ''),
    queryFn: ({ signal }) => getCentralPeriods(client, { indicator: indicator! }, signal),
    enabled: enabled && !!indicator,
    staleTime: 60_000,
  });
}
