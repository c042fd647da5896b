import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { OrgUnitListItem, OrgUnitListResponse, UnitKind } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { CHILDREN_PAGE_SIZE, listChildren, orgUnitKeys } from '../api/org-units.api';

/** A unit as the tree knows it: the roots from /auth/me have no kind or parent. */
export interface TreeUnit {
  id: string;
  name: string;
  level: string;
  kind?: UnitKind;
  parentId?: string | null;
}

export const MORE_KEY_PREFIX = 'more:';

export interface UnitTreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  unit?: TreeUnit;
  /** For the "show more" row: the parent whose next page it loads, and how many are left. */
  moreOf?: { parentId: string; remaining: number };
  children?: UnitTreeNode[];
}

interface ChildPage {
  items: OrgUnitListItem[];
  total: number;
}

/**
 * The lazily loaded unit tree: children of a node are fetched (`?parentId=`) when it is first
 * expanded, a page at a time; the node gets a "show more" row while more remain.
 */
export function useUnitTree(roots: TreeUnit[]) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [pages, setPages] = useState<Record<string, ChildPage>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;

  const fetchPage = useCallback(
    (parentId: string, offset: number, fresh = false): Promise<OrgUnitListResponse> =>
      queryClient.fetchQuery({
        queryKey: orgUnitKeys.children(parentId, offset, CHILDREN_PAGE_SIZE),
        queryFn: ({ signal }) => listChildren(client, parentId, offset, CHILDREN_PAGE_SIZE, signal),
        staleTime: fresh ? 0 : 30_000,
      }),
    [client, queryClient],
  );

  /** First page of a node's children (no-op once loaded). */
  const loadChildren = useCallback(
    async (parentId: string) => {
      if (pagesRef.current[parentId]) return;
      const page = await fetchPage(parentId, 0);
      setPages((prev) => (prev[parentId] ? prev : { ...prev, [parentId]: { items: page.items, total: page.total } }));
    },
    [fetchPage],
  );

  const loadMore = useCallback(
    async (parentId: string) => {
      const current = pagesRef.current[parentId];
      if (!current) return loadChildren(parentId);
      setLoadingMore(parentId);
      try {
        const page = await fetchPage(parentId, current.items.length);
        setPages((prev) => {
          const before = prev[parentId] ?? { items: [], total: page.total };
          const seen = new Set(before.items.map((i) => i.id));
          return { ...prev, [parentId]: { items: [...before.items, ...page.items.filter((i) => !seen.has(i.id))], total: page.total } };
        });
      } finally {
        setLoadingMore(null);
      }
    },
    [fetchPage, loadChildren],
  );

  /** After a change (add, rename, move, merge, import): reload every node that was loaded. */
  const reloadLoaded = useCallback(async () => {
    const loaded = Object.entries(pagesRef.current);
    const fresh = await Promise.all(
      loaded.map(async ([parentId, before]) => {
        const limit = Math.max(CHILDREN_PAGE_SIZE, before.items.length);
        const first = await fetchPage(parentId, 0, true);
        let items = first.items;
        // Keep as many rows as were shown ("show more" pages included).
        while (items.length < Math.min(limit, first.total)) {
          const next = await fetchPage(parentId, items.length, true);
          if (next.items.length === 0) break;
          items = [...items, ...next.items];
        }
        return [parentId, { items, total: first.total }] as const;
      }),
    );
    setPages(Object.fromEntries(fresh));
  }, [fetchPage]);

  /** Opens the tree down to a unit: loads and expands each ancestor that lies under one of the roots. */
  const reveal = useCallback(
    async (path: { id: string }[], unitId: string) => {
      const ids = path.map((p) => p.id).filter((id) => id !== unitId);
      const rootIds = new Set(roots.map((r) => r.id));
      const start = ids.findIndex((id) => rootIds.has(id));
      if (start < 0) return;
      const ancestors = ids.slice(start);
      await Promise.all(ancestors.map((id) => loadChildren(id).catch(() => undefined)));
      setExpandedKeys((prev) => [...new Set([...prev, ...ancestors])]);
    },
    [roots, loadChildren],
  );

  const treeData = useMemo(() => {
    const build = (unit: TreeUnit): UnitTreeNode => {
      const page = pages[unit.id];
      const node: UnitTreeNode = { key: unit.id, title: unit.name, unit, isLeaf: page ? page.total === 0 : false };
      if (page) {
        node.children = page.items.map(build);
        if (page.items.length < page.total) {
          node.children.push({
            key: `${MORE_KEY_PREFIX}${unit.id}`,
            title: '',
            isLeaf: true,
            moreOf: { parentId: unit.id, remaining: page.total - page.items.length },
          });
        }
      }
      return node;
    };
    return roots.map(build);
  }, [roots, pages]);

  return {
    treeData,
    loadedKeys: Object.keys(pages),
    expandedKeys,
    setExpandedKeys,
    loadChildren,
    loadMore,
    loadingMore,
    reloadLoaded,
    reveal,
  };
}
