import { downloadWithSession } from '../../../lib/download';
import type {
  CreatePlan,
  IndicatorLink,
  PlanAllocations,
  PlanAllocationsResult,
  PlanCalendarResponse,
  PlanContent,
  PlanDetail,
  PlanImportResult,
  PlanListResponse,
  PlanActivityProgress,
  PlanObligationsResponse,
  PlanStatus,
  PlanVersionList,
  SetActivityStatus,
} from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';


export interface PlanListFilters {
  q?: string;
  year?: number;
  status?: PlanStatus;
  programme?: string;
  unitId?: string;
  limit?: number;
  offset?: number;
}

export const planKeys = {
  all: ['plans'] as const,
  list: (f: PlanListFilters) => ['plans', 'list', f] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  versions: (id: string) => ['plans', 'versions', id] as const,
  calendar: (from: string, to: string, unitId?: string) => ['plans', 'calendar', from, to, unitId ?? null] as const,
  obligations: (unitId?: string) => ['plans', 'obligations', unitId ?? null] as const,
  planObligations: (planId: string) => ['plans', 'obligations', 'plan', planId] as const,
};

const base = '/api/v1/plans';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function listPlans(client: ApiClient, f: PlanListFilters, signal?: AbortSignal) {
  return client.get<PlanListResponse>(base, { ...f }, signal);
}

export function getPlan(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.get<PlanDetail>(one(id), undefined, signal);
}

/** The file goes as multipart field `file` (.docx, .txt, .md). Nothing is saved. */
export function importPlanFile(client: ApiClient, file: File | Blob, filename?: string) {
  const form = new FormData();
  if (filename) form.append('file', file, filename);
  else form.append('file', file);
  return client.request<PlanImportResult>(`${base}/import`, { method: 'POST', body: form });
}

export function importPlanText(client: ApiClient, text: string) {
  return client.post<PlanImportResult>(`${base}/import`, { text });
}

export function suggestLinks(client: ApiClient, targets: { text: string; unit: string | null }[]) {
  return client.post<IndicatorLink[]>(`${base}/suggest-links`, { targets });
}

export function createPlan(client: ApiClient, body: CreatePlan) {
  return client.post<PlanDetail>(base, body);
}

export function updatePlan(client: ApiClient, id: string, plan: PlanContent, expectedVersion?: number) {
  return client.request<PlanDetail>(one(id), { method: 'PUT', body: { plan, expectedVersion } });
}

export function transitionPlan(client: ApiClient, id: string, to: 'draft' | 'in_review' | 'issued' | 'closed') {
  return client.post<PlanDetail>(`${one(id)}/transition`, { to });
}

export function revisePlan(client: ApiClient, id: string) {
  return client.post<PlanDetail>(`${one(id)}/revise`);
}

export function derivePlan(client: ApiClient, id: string, unitId: string) {
  return client.post<PlanDetail>(`${one(id)}/derive`, { unitId });
}

export function allocateTarget(client: ApiClient, id: string, body: PlanAllocations) {
  return client.post<PlanAllocationsResult>(`${one(id)}/allocations`, body);
}

export function planVersions(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.get<PlanVersionList>(`${one(id)}/versions`, undefined, signal);
}

export function planCalendar(client: ApiClient, from: string, to: string, unitId?: string, signal?: AbortSignal) {
  return client.get<PlanCalendarResponse>(`${base}/calendar`, { from, to, unitId }, signal);
}

export function planObligations(client: ApiClient, unitId?: string, signal?: AbortSignal) {
  return client.get<PlanObligationsResponse>(`${base}/obligations`, { unitId }, signal);
}

/** Whom an issued plan binds, unit by unit (the units of the caller's subtrees). */
export function obligationsOfPlan(client: ApiClient, planId: string, signal?: AbortSignal) {
  return client.get<PlanObligationsResponse>(`${base}/obligations`, { planId }, signal);
}

/** Records the progress of an activity of an issued plan. */
export function setActivityStatus(client: ApiClient, planId: string, idx: number, body: SetActivityStatus) {
  return client.request<PlanActivityProgress>(`${one(planId)}/activities/${idx}/status`, { method: 'PUT', body });
}

/** The calendar of [from, to] as an XLSX file, under the name the API gives. */
export function downloadCalendarXlsx(client: ApiClient, from: string, to: string, unitId?: string, fetchImpl: typeof fetch = fetch) {
  const q = new URLSearchParams({ from, to, ...(unitId ? { unitId } : {}) });
  return downloadWithSession(client, `${base}/calendar.xlsx?${q.toString()}`, `lich-hoat-dong-${from}-${to}.xlsx`, fetchImpl);
}

export { dispositionFilename } from '../../../lib/download';

/** Downloads the plan's Word file (GET …/export.docx) under the name the API gives. */
export function downloadPlanDocx(client: ApiClient, id: string, fetchImpl: typeof fetch = fetch): Promise<{ filename: string; size: number }> {
  return downloadWithSession(client, `${one(id)}/export.docx`, `ke-hoach-${id}.docx`, fetchImpl);
}
