import { useMemo, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useUnitSearch } from '../hooks/useOrgUnits';

export interface PickedUnit {
  id: string;
  name: string;
  level: string;
  parentId?: string | null;
}

interface UnitPickerProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  mode?: 'multiple';
  /** Units to show before any search (e.g. the unit the dialog was opened on). */
  initialUnits?: PickedUnit[];
  excludeIds?: string[];
  placeholder?: string;
  levelLabel: (code: string) => string;
  'aria-label'?: string;
}

/** Picks units by typing part of their name (searched on the API, diacritics optional). */
export function UnitPicker({ id, value, onChange, mode, initialUnits = [], excludeIds = [], placeholder, levelLabel, ...rest }: UnitPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const results = useUnitSearch(debounced);
  const [known, setKnown] = useState<Record<string, PickedUnit>>(() => Object.fromEntries(initialUnits.map((u) => [u.id, u])));

  const options = useMemo(() => {
    const found = debounced.trim().length >= 2 ? (results.data?.items ?? []) : [];
    const selected = (Array.isArray(value) ? value : value ? [value] : []).map((v) => known[v]).filter((u): u is PickedUnit => !!u);
    const all = new Map<string, PickedUnit>();
    for (const u of [...selected, ...initialUnits, ...found]) if (!excludeIds.includes(u.id)) all.set(u.id, u);
    return [...all.values()].map((u) => ({ value: u.id, label: u.name, unit: u }));
  }, [debounced, results.data, value, known, initialUnits, excludeIds]);

  const tooShort = debounced.trim().length < 2;

  return (
    <Select<string | string[], (typeof options)[number]>
      id={id}
      aria-label={rest['aria-label']}
      mode={mode}
      showSearch
      allowClear
      value={value}
      placeholder={placeholder ?? t('orgUnits.picker.placeholder')}
      filterOption={false}
      onSearch={setSearch}
      onChange={(next) => {
        setKnown((prev) => {
          const copy = { ...prev };
          for (const o of options) copy[o.value] = o.unit;
          return copy;
        });
        onChange?.(next);
      }}
      options={options}
      optionRender={(option) => (
        <div className="unit-option">
          <span>{option.data.label}</span>
          <Typography.Text type="secondary" className="unit-option__level">
            {levelLabel(option.data.unit.level)}
          </Typography.Text>
        </div>
      )}
      notFoundContent={
        results.isFetching ? <Spin size="small" /> : tooShort ? t('orgUnits.picker.typeToSearch') : t('common.noResults')
      }
      style={{ width: '100%' }}
    />
  );
}
