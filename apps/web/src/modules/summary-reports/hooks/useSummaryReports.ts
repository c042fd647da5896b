import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSummaryReport } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { createSummaryReport, getSummaryReport, listSummaryReports, summaryReportKeys } from '../api/summary-reports.api';
import { isSettled } from '../status';

/** The earlier summary reports, newest first; polled while one of them is still being generated. */
export function useSummaryReportList(page: { limit: number; offset: number }) {
  const client = useApiClient();
  return useQuery({
    queryKey: summaryReportKeys.list(page),
    queryFn: ({ signal }) => listSummaryReports(client, page, signal),
    refetchInterval: (query) => (query.state.data?.items.some((r) => !isSettled(r.status)) ? 2_000 : false),
  });
}

/** Follows one summary report every 500 ms until the worker is done with it (or gave up). */
export function useSummaryReport(id: string | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: summaryReportKeys.one(id ?? ''),
    queryFn: ({ signal }) => getSummaryReport(client, id!, signal),
    enabled: !!id,
    refetchInterval: (query) => (isSettled(query.state.data?.status) ? false : 500),
    staleTime: 0,
  });
}

export function useCreateSummaryReport() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSummaryReport) => createSummaryReport(client, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...summaryReportKeys.all, 'list'] }),
  });
}
