import { useCallback, useMemo, useState } from 'react';
import { Spin, TreeSelect, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgUnitListItem } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useMe } from '../../auth/hooks/useSession';
import { listChildren, orgUnitKeys } from '../api/org-units.api';
import { useUnitDetail, useUnitSearch } from '../hooks/useOrgUnits';

/** Children shown per opened node in the picker (the API caps a page at 500). */
const PICKER_PAGE = 500;

interface Node {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: Node[];
}

export interface UnitTreeSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Names of units that may be selected before the tree is loaded (e.g. a user's current roles). */
  knownNames?: Record<string, string | null | undefined>;
  placeholder?: string;
  allowClear?: boolean;
  levelLabel?: (code: string) => string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/**
 * Picks one unit from the user's tree: opens lazily from the user's root units, a page of children
 * per node; typing two letters or more searches the whole subtree on the API (diacritics optional).
 */
export function UnitTreeSelect({ id, value, onChange, knownNames, placeholder, allowClear = true, levelLabel, style, ...rest }: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const me = useMe();
  const [children, setChildren] = useState<Record<string, OrgUnitListItem[]>>({});
  const [names, setNames] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const searching = query.length >= 2;
  const results = useUnitSearch(searching ? query : '', 50);

  const remember = useCallback((items: { id: string; name: string }[]) => {
    setNames((prev) => {
      const next = { ...prev };
      for (const u of items) next[u.id] = u.name;
      return next;
    });
  }, []);

  const load = useCallback(
    async (parentId: string) => {
      if (children[parentId]) return;
      const page = await queryClient.fetchQuery({
        queryKey: orgUnitKeys.children(parentId, 0, PICKER_PAGE),
        queryFn: ({ signal }) => listChildren(client, parentId, 0, PICKER_PAGE, signal),
        staleTime: 60_000,
      });
      setChildren((prev) => ({ ...prev, [parentId]: page.items }));
      remember(page.items);
    },
    [children, client, queryClient, remember],
  );

  const treeData = useMemo((): Node[] => {
    if (searching) {
      return (results.data?.items ?? []).map((u) => ({ value: u.id, title: u.name, isLeaf: true }));
    }
    const build = (unit: { id: string; name: string }, depth: number): Node => {
      const kids = children[unit.id];
      return {
        value: unit.id,
        title: unit.name,
        isLeaf: kids ? kids.length === 0 : false,
        children: kids && depth < 12 ? kids.map((k) => build(k, depth + 1)) : undefined,
      };
    };
    return (me.data?.units ?? []).map((r) => build(r, 0));
  }, [searching, results.data, children, me.data]);

  const quick = (unitId: string) =>
    names[unitId] ?? knownNames?.[unitId] ?? me.data?.units.find((u) => u.id === unitId)?.name ?? results.data?.items.find((u) => u.id === unitId)?.name;
  // A unit chosen elsewhere (a link, the address bar) is named from its detail.
  const detail = useUnitDetail(value && !quick(value) ? value : null);
  const label = (unitId: string) => quick(unitId) ?? (detail.data?.id === unitId ? detail.data.name : undefined) ?? '…';

  return (
    <TreeSelect<{ value: string; label: string } | undefined>
      id={id}
      aria-label={rest['aria-label']}
      style={{ width: '100%', ...style }}
      labelInValue
      value={value ? { value, label: label(value) } : undefined}
      onChange={(next) => {
        if (next && searching) remember(results.data?.items ?? []);
        onChange?.(next?.value);
        setSearch('');
      }}
      treeData={treeData}
      loadData={(node) => (searching ? Promise.resolve() : load(String(node.value)))}
      showSearch
      searchValue={search}
      onSearch={setSearch}
      filterTreeNode={() => true}
      allowClear={allowClear}
      placeholder={placeholder ?? t('orgUnits.picker.treePlaceholder')}
      treeNodeLabelProp="title"
      popupMatchSelectWidth={false}
      listHeight={320}
      notFoundContent={results.isFetching ? <Spin size="small" /> : t('common.noResults')}
      treeTitleRender={
        levelLabel && searching
          ? (node) => {
              const unit = results.data?.items.find((u) => u.id === node.value);
              return (
                <span className="unit-option">
                  <span>{node.title as string}</span>
                  {unit && (
                    <Typography.Text type="secondary" className="unit-option__level">
                      {levelLabel(unit.level)}
                    </Typography.Text>
                  )}
                </span>
              );
            }
          : undefined
      }
    />
  );
}
