import type { CreateTenant, ImportResult, TenantDto } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

export interface TenantListResponse {
  items: TenantDto[];
  total: number;
}

export interface OnboardResult {
  tenant: TenantDto;
  units: ImportResult;
}

export const tenantKeys = {
  list: ['tenants', 'list'] as const,
};

export function listTenants(client: ApiClient, signal?: AbortSignal) {
  return client.get<TenantListResponse>('/api/v1/tenants', undefined, signal);
}

export function createTenant(client: ApiClient, body: CreateTenant) {
  return client.post<OnboardResult>('/api/v1/tenants', body);
}

export function setTenantStatus(client: ApiClient, code: string, action: 'suspend' | 'resume') {
  return client.post<TenantDto>(`/api/v1/tenants/${encodeURIComponent(code)}/${action}`);
}
