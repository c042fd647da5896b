import type {
  CreateOrgUnit,
  ImportResult,
  MergeOrgUnits,
  OrgUnit,
  OrgUnitListItem,
  OrgUnitListResponse,
  UpdateOrgUnit,
} from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

/** How many children one tree expansion loads; more come with "Xem thêm". */
export const CHILDREN_PAGE_SIZE = 100;
export const SEARCH_LIMIT = 20;

export const orgUnitKeys = {
  all: ['org-units'] as const,
  children: (parentId: string, offset: number, limit: number) => ['org-units', 'children', parentId, offset, limit] as const,
  childrenOf: (parentId: string) => ['org-units', 'children', parentId] as const,
  search: (q: string) => ['org-units', 'search', q] as const,
  detail: (id: string) => ['org-units', 'detail', id] as const,
};

export function listChildren(client: ApiClient, parentId: string, offset = 0, limit = CHILDREN_PAGE_SIZE, signal?: AbortSignal) {
  return client.get<OrgUnitListResponse>('/api/v1/org-units', { parentId, offset, limit }, signal);
}

/** Searches the whole visible subtree; the API ignores diacritics ("cau giay" finds "Cầu Giấy"). */
export function searchUnits(client: ApiClient, q: string, limit = SEARCH_LIMIT, signal?: AbortSignal) {
  return client.get<OrgUnitListResponse>('/api/v1/org-units', { q, limit }, signal);
}

export function getUnit(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.get<OrgUnit>(`/api/v1/org-units/${encodeURIComponent(id)}`, undefined, signal);
}

export function createUnit(client: ApiClient, body: CreateOrgUnit) {
  return client.post<OrgUnitListItem>('/api/v1/org-units', body);
}

export function updateUnit(client: ApiClient, id: string, body: UpdateOrgUnit) {
  return client.patch<OrgUnitListItem>(`/api/v1/org-units/${encodeURIComponent(id)}`, body);
}

export function mergeUnits(client: ApiClient, body: MergeOrgUnits) {
  return client.post<unknown>('/api/v1/org-units/merge', body);
}

export function importUnits(client: ApiClient, file: File | Blob, filename?: string) {
  const form = new FormData();
  if (filename) form.append('file', file, filename);
  else form.append('file', file);
  return client.request<ImportResult>('/api/v1/org-units/import', { method: 'POST', body: form });
}
