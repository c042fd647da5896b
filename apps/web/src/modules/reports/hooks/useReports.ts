import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkValues, CreateReportForm, PutReportValues, ReportDetail, TenantSettingsDto } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { getUnit, orgUnitKeys } from '../../org-units/api/org-units.api';
import {
  approveReport,
  createReportForm,
  createReportInstances,
  getReportHistory,
  reopenReport,
  getBulkGrid,
  getCompleteness,
  getTenantSettings,
  importBulkValues,
  putBulkValues,
  putTenantSettings,
  getReport,
  listReportForms,
  listReports,
  putReportValues,
  reportKeys,
  returnReport,
  submitReport,
  type ReportListFilters,
} from '../api/reports.api';

/** Reports of the user's subtree; `enabledFor: false` leaves the request out (a list the user's roles do not need). */
export function useReportList({ enabledFor = true, ...filters }: ReportListFilters & { enabledFor?: boolean }) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportKeys.list(filters),
    queryFn: ({ signal }) => listReports(client, filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    enabled: enabledFor,
  });
}

export function useReport(id: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getReport(client, id!, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useReportForms() {
  const client = useApiClient();
  return useQuery({ queryKey: reportKeys.forms, queryFn: ({ signal }) => listReportForms(client, signal), staleTime: 5 * 60_000 });
}

export function useCompleteness(period: string | undefined, formCode: string | undefined, unitId?: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportKeys.completeness(period ?? '', formCode ?? '', unitId),
    queryFn: ({ signal }) => getCompleteness(client, { period: period!, formCode: formCode!, unitId }, signal),
    enabled: !!period && !!formCode,
    staleTime: 10_000,
  });
}

/** Names of the units of the visible rows (one cached request per unit). */
export function useUnitNames(unitIds: string[]): Record<string, string | undefined> {
  const client = useApiClient();
  const unique = [...new Set(unitIds)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: orgUnitKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getUnit(client, id, signal),
      staleTime: 5 * 60_000,
    })),
  });
  return Object.fromEntries(unique.map((id, i) => [id, results[i]?.data?.name]));
}

/** Every write on a report answers the report: the cache takes it as it is, and the lists are refreshed. */
function useReportWrite<V>(id: string, write: (v: V) => Promise<ReportDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => {
      queryClient.setQueryData(reportKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: reportKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'completeness'] });
      void queryClient.invalidateQueries({ queryKey: ['rollups'] });
    },
  });
}

export function useSaveReportValues(id: string) {
  const client = useApiClient();
  return useReportWrite(id, (body: PutReportValues) => putReportValues(client, id, body));
}

export function useSubmitReport(id: string) {
  const client = useApiClient();
  return useReportWrite(id, () => submitReport(client, id));
}

export function useApproveReport(id: string) {
  const client = useApiClient();
  return useReportWrite(id, () => approveReport(client, id));
}

export function useReturnReport(id: string) {
  const client = useApiClient();
  return useReportWrite(id, (comment: string) => returnReport(client, id, comment));
}

export function useReopenReport(id: string) {
  const client = useApiClient();
  return useReportWrite(id, (reason: string) => reopenReport(client, id, reason));
}

/** The report's value history, fetched when it is opened. */
export function useReportHistory(id: string, enabled: boolean) {
  const client = useApiClient();
  return useQuery({ queryKey: reportKeys.history(id), queryFn: ({ signal }) => getReportHistory(client, id, signal), enabled, staleTime: 0 });
}

export function useCreateReportForm() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportForm) => createReportForm(client, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.forms }),
  });
}

/** New instances are new reports: the lists and the completeness figures are refreshed. */
export function useCreateReportInstances() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { formId: string; period: string }) => createReportInstances(client, v.formId, { period: v.period }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'completeness'] });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'bulk-grid'] });
    },
  });
}

export function useBulkGrid(period: string | undefined, formCode: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportKeys.bulkGrid(period ?? '', formCode ?? ''),
    queryFn: ({ signal }) => getBulkGrid(client, { period: period!, formCode: formCode! }, signal),
    enabled: !!period && !!formCode,
    staleTime: 0,
  });
}

/** Bulk writes change many reports: every report view and the totals are refreshed. */
function useBulkWrite<V, R>(write: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['rollups'] });
    },
  });
}

export function useSaveBulkValues() {
  const client = useApiClient();
  return useBulkWrite((body: BulkValues) => putBulkValues(client, body));
}

export function useImportBulkValues() {
  const client = useApiClient();
  return useBulkWrite((v: { period: string; formCode: string; file: File }) => importBulkValues(client, { period: v.period, formCode: v.formCode }, v.file, v.file.name));
}

export function useTenantSettings(enabled = true) {
  const client = useApiClient();
  return useQuery({ queryKey: reportKeys.settings, queryFn: ({ signal }) => getTenantSettings(client, signal), enabled, staleTime: 60_000 });
}

export function useSaveTenantSettings() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantSettingsDto) => putTenantSettings(client, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(reportKeys.settings, { countSubmitted: saved.countSubmitted });
      void queryClient.invalidateQueries({ queryKey: ['rollups'] });
    },
  });
}
