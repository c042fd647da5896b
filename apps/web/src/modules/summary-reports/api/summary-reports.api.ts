import type { CreateSummaryReport, SummaryReportDto } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

export interface SummaryReportList {
  items: SummaryReportDto[];
  total: number;
}

export const summaryReportKeys = {
  all: ['summary-reports'] as const,
  list: (q: { limit: number; offset: number }) => ['summary-reports', 'list', q] as const,
  one: (id: string) => ['summary-reports', 'one', id] as const,
};

export function listSummaryReports(client: ApiClient, q: { limit: number; offset: number; unitId?: string; period?: string }, signal?: AbortSignal) {
  return client.get<SummaryReportList>('/api/v1/summary-reports', q, signal);
}

export function getSummaryReport(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.get<SummaryReportDto>(`/api/v1/summary-reports/${encodeURIComponent(id)}`, undefined, signal);
}

export function createSummaryReport(client: ApiClient, body: CreateSummaryReport) {
  return client.post<Pick<SummaryReportDto, 'id' | 'status' | 'progress'>>('/api/v1/summary-reports', body);
}

export const summaryReportFileUrl = (id: string): string => `/api/v1/summary-reports/${encodeURIComponent(id)}/file.docx`;
