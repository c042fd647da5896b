import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgUnit, MergeOrgUnits, UpdateOrgUnit } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { CHILDREN_PAGE_SIZE, createUnit, getUnit, importUnits, listChildren, mergeUnits, orgUnitKeys, searchUnits, updateUnit } from '../api/org-units.api';

export function useUnitDetail(id: string | null | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: orgUnitKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getUnit(client, id!, signal),
    enabled: !!id,
  });
}

/** The first page of a unit's children (shared with the tree's cache). */
export function useChildren(parentId: string | null | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: orgUnitKeys.children(parentId ?? '', 0, CHILDREN_PAGE_SIZE),
    queryFn: ({ signal }) => listChildren(client, parentId!, 0, CHILDREN_PAGE_SIZE, signal),
    enabled: !!parentId,
  });
}

/** Number of direct children (one row fetched, the total read). */
export function useChildCount(parentId: string | null | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: orgUnitKeys.children(parentId ?? '', 0, 1),
    queryFn: ({ signal }) => listChildren(client, parentId!, 0, 1, signal),
    enabled: !!parentId,
    select: (res) => res.total,
  });
}

export function useUnitSearch(q: string, limit?: number) {
  const client = useApiClient();
  const query = q.trim();
  return useQuery({
    queryKey: [...orgUnitKeys.search(query), limit ?? null],
    queryFn: ({ signal }) => searchUnits(client, query, limit, signal),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** After any change to the tree every cached list and detail is stale. */
function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
}

export function useCreateUnit() {
  const client = useApiClient();
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (body: CreateOrgUnit) => createUnit(client, body), onSuccess: invalidate });
}

export function useUpdateUnit() {
  const client = useApiClient();
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrgUnit }) => updateUnit(client, id, body),
    onSuccess: invalidate,
  });
}

export function useMergeUnits() {
  const client = useApiClient();
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (body: MergeOrgUnits) => mergeUnits(client, body), onSuccess: invalidate });
}

export function useImportUnits() {
  const client = useApiClient();
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (file: File) => importUnits(client, file, file.name),
    onSuccess: (result) => {
      if (result.created > 0) void invalidate();
    },
  });
}
