import type {
  BulkGrid,
  CreateReportForm,
  CreateReportInstances,
  reportHistoryItemSchema,
  reportInstancesResultSchema,
  BulkValues,
  BulkValuesResult,
  CompletenessResponse,
  PutReportValues,
  ReportDetail,
  TenantSettingsDto,
  TenantSettingsResult,
  ReportFormDto,
  ReportListItem,
  ReportStatus,
} from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

export interface ReportListResponse {
  items: ReportListItem[];
  total: number;
}

export type ReportHistoryItem = ReturnType<(typeof reportHistoryItemSchema)['parse']>;
export type ReportInstancesResult = ReturnType<(typeof reportInstancesResultSchema)['parse']>;

export interface ReportListFilters {
  period?: string;
  unitId?: string;
  status?: ReportStatus;
  formCode?: string;
  limit: number;
  offset: number;
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (f: ReportListFilters) => ['reports', 'list', f] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  history: (id: string) => ['reports', 'history', id] as const,
  forms: ['reports', 'forms'] as const,
  completeness: (period: string, formCode: string, unitId?: string) => ['reports', 'completeness', period, formCode, unitId ?? null] as const,
  bulkGrid: (period: string, formCode: string) => ['reports', 'bulk-grid', period, formCode] as const,
  settings: ['tenant-settings'] as const,
};

export function listReports(client: ApiClient, f: ReportListFilters, signal?: AbortSignal) {
  return client.get<ReportListResponse>('/api/v1/reports', { ...f }, signal);
}

export function getReport(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.get<ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}`, undefined, signal);
}

export function putReportValues(client: ApiClient, id: string, body: PutReportValues) {
  return client.request<ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/values`, { method: 'PUT', body });
}

export function submitReport(client: ApiClient, id: string) {
  return client.post<ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/submit`);
}

export function approveReport(client: ApiClient, id: string) {
  return client.post<ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/approve`);
}

export function returnReport(client: ApiClient, id: string, comment: string) {
  return client.post<ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/return`, { comment });
}

/** Tenant administrators send an approved report back to its unit; the reason is kept as the return comment and audited. */
export function reopenReport(client: ApiClient, id: string, reason: string) {
  return client.post<ReportDetail>(`/api/v1/reports/${encodeURIComponent(id)}/reopen`, { reason });
}

/** Every value change of a report, newest first: who, when, old and new. */
export function getReportHistory(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.get<{ items: ReportHistoryItem[]; total: number }>(`/api/v1/reports/${encodeURIComponent(id)}/history`, undefined, signal);
}

export function createReportForm(client: ApiClient, body: CreateReportForm) {
  return client.post<ReportFormDto>('/api/v1/report-forms', body);
}

/** The period's draft reports for every unit of the form's level (idempotent: what exists is counted, not duplicated). */
export function createReportInstances(client: ApiClient, formId: string, body: CreateReportInstances) {
  return client.post<ReportInstancesResult>(`/api/v1/report-forms/${encodeURIComponent(formId)}/instances`, body);
}

/** The tenant's report forms (GET /api/v1/report-forms: `{items,total}` or a bare list). */
export async function listReportForms(client: ApiClient, signal?: AbortSignal): Promise<ReportFormDto[]> {
  const res = await client.get<{ items: ReportFormDto[] } | ReportFormDto[]>('/api/v1/report-forms', undefined, signal);
  return Array.isArray(res) ? res : res.items;
}

export function getCompleteness(client: ApiClient, q: { period: string; formCode: string; unitId?: string }, signal?: AbortSignal) {
  return client.get<CompletenessResponse>('/api/v1/reports/completeness', q, signal);
}

export function getBulkGrid(client: ApiClient, q: { period: string; formCode: string }, signal?: AbortSignal) {
  return client.get<BulkGrid>('/api/v1/reports/bulk-values', q, signal);
}

export function putBulkValues(client: ApiClient, body: BulkValues) {
  return client.request<BulkValuesResult>('/api/v1/reports/bulk-values', { method: 'PUT', body });
}

export function importBulkValues(client: ApiClient, q: { period: string; formCode: string }, file: File | Blob, filename?: string) {
  const form = new FormData();
  if (filename) form.append('file', file, filename);
  else form.append('file', file);
  const query = new URLSearchParams(q).toString();
  return client.request<BulkValuesResult>(`/api/v1/reports/bulk-values/import?${query}`, { method: 'POST', body: form });
}

export function bulkTemplateUrl(q: { period: string; formCode: string }): string {
  return `/api/v1/reports/bulk-values/template.xlsx?${new URLSearchParams(q).toString()}`;
}

export function getTenantSettings(client: ApiClient, signal?: AbortSignal) {
  return client.get<TenantSettingsDto>('/api/v1/tenants/current/settings', undefined, signal);
}

export function putTenantSettings(client: ApiClient, body: TenantSettingsDto) {
  return client.request<TenantSettingsResult>('/api/v1/tenants/current/settings', { method: 'PUT', body });
}
