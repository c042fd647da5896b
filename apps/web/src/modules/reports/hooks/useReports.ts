import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PutReportValues, ReportDetail } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { getUnit, orgUnitKeys } from '../../org-units/api/org-units.api';
import {
  approveReport,
  getCompleteness,
  getReport,
  listReportForms,
  listReports,
  putReportValues,
  reportKeys,
  returnReport,
  submitReport,
  type ReportListFilters,
} from '../api/reports.api';

export function useReportList(filters: ReportListFilters) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportKeys.list(filters),
    queryFn: ({ signal }) => listReports(client, filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
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
