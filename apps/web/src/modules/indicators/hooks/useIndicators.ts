import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { indicatorKeys, listIndicators } from '../api/indicators.api';

export function useIndicators() {
  const client = useApiClient();
  return useQuery({
    queryKey: indicatorKeys.list,
    queryFn: ({ signal }) => listIndicators(client, signal),
    staleTime: 5 * 60_000,
  });
}
