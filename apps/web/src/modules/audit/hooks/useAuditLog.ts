import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { auditKeys, listAudit } from '../api/audit.api';

export function useAuditLog(limit: number, offset: number, entity?: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: auditKeys.list(limit, offset, entity),
    queryFn: ({ signal }) => listAudit(client, { limit, offset, entity }, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
