import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTenant } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { createTenant, listTenants, setTenantStatus, tenantKeys } from '../api/tenants.api';

export function useTenantList() {
  const client = useApiClient();
  return useQuery({ queryKey: tenantKeys.list, queryFn: ({ signal }) => listTenants(client, signal) });
}

export function useCreateTenant() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTenant) => createTenant(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantKeys.list }),
  });
}

export function useSetTenantStatus() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, action }: { code: string; action: 'suspend' | 'resume' }) => setTenantStatus(client, code, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantKeys.list }),
  });
}
