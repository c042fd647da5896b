import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePlan, PlanAllocations, PlanContent, PlanDetail, SetActivityStatus } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import {
  allocateTarget,
  createPlan,
  derivePlan,
  getPlan,
  listPlans,
  planCalendar,
  planKeys,
  obligationsOfPlan,
  planObligations,
  planVersions,
  revisePlan,
  setActivityStatus,
  transitionPlan,
  updatePlan,
  type PlanListFilters,
} from '../api/plans.api';

export function usePlanList(filters: PlanListFilters, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: planKeys.list(filters),
    queryFn: ({ signal }) => listPlans(client, filters, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlan(id: string | undefined) {
  const client = useApiClient();
  return useQuery({ queryKey: planKeys.detail(id ?? ''), queryFn: ({ signal }) => getPlan(client, id!, signal), enabled: !!id });
}

export function usePlanVersions(id: string | undefined) {
  const client = useApiClient();
  return useQuery({ queryKey: planKeys.versions(id ?? ''), queryFn: ({ signal }) => planVersions(client, id!, signal), enabled: !!id });
}

export function usePlanCalendar(from: string, to: string, unitId?: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: planKeys.calendar(from, to, unitId),
    queryFn: ({ signal }) => planCalendar(client, from, to, unitId, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlanObligations(unitId: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: planKeys.obligations(unitId),
    queryFn: ({ signal }) => planObligations(client, unitId, signal),
    enabled: !!unitId,
  });
}

/** After a change: the plan answered goes into the cache at once, every plan query is refreshed. */
function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return (data?: unknown) => {
    const plan = data as PlanDetail | undefined;
    if (plan && typeof plan === 'object' && 'id' in plan && 'content' in plan) queryClient.setQueryData(planKeys.detail(plan.id), plan);
    return queryClient.invalidateQueries({ queryKey: planKeys.all });
  };
}

export function useCreatePlan() {
  const client = useApiClient();
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (body: CreatePlan) => createPlan(client, body), onSuccess: invalidate });
}

export function useUpdatePlan(id: string) {
  const client = useApiClient();
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ plan, expectedVersion }: { plan: PlanContent; expectedVersion?: number }) => updatePlan(client, id, plan, expectedVersion),
    onSuccess: invalidate,
  });
}

export function useTransitionPlan(id: string) {
  const client = useApiClient();
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (to: 'draft' | 'in_review' | 'issued' | 'closed') => transitionPlan(client, id, to), onSuccess: invalidate });
}

export function useRevisePlan(id: string) {
  const client = useApiClient();
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: () => revisePlan(client, id), onSuccess: invalidate });
}

export function useDerivePlan(id: string) {
  const client = useApiClient();
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (unitId: string) => derivePlan(client, id, unitId), onSuccess: invalidate });
}

export function useAllocateTarget(id: string) {
  const client = useApiClient();
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (body: PlanAllocations) => allocateTarget(client, id, body), onSuccess: invalidate });
}

export function usePlanBoundUnits(planId: string | undefined, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: planKeys.planObligations(planId ?? ''),
    queryFn: ({ signal }) => obligationsOfPlan(client, planId!, signal),
    enabled: !!planId && enabled,
  });
}

/** Records an activity's progress; the plan, the calendars and the unit pages refresh. */
export function useSetActivityStatus() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, idx, body }: { planId: string; idx: number; body: SetActivityStatus }) => setActivityStatus(client, planId, idx, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
