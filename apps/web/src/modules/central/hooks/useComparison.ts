import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { centralKeys, getComparison } from '../api/central.api';

export function useComparison(indicator: string | undefined, period: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: centralKeys.comparison(indicator ?? '', period ?? ''),
    queryFn: ({ signal }) => getComparison(client, { indicator: indicator!, period: period! }, signal),
    enabled: !!indicator && !!period,
    staleTime: 30_000,
  });
}
