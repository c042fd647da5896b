import { useMemo } from 'react';
import { Select } from 'antd';
import { foldVietnamese } from '@sen/contracts';
import { periodOptions, recentPeriods, type PeriodKind } from '../../../lib/periods';
import { currentLanguage } from '../../../i18n';

/** A Select of the recent periods with their Vietnamese names ("6 tháng đầu năm 2024"), grouped by year. */
export function PeriodSelect({
  value,
  onChange,
  kinds,
  allowClear,
  placeholder,
  id,
  style,
  ...rest
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  kinds?: PeriodKind[];
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const language = currentLanguage();
  const options = useMemo(() => {
    const ids = recentPeriods(new Date(), { years: 4, kinds });
    if (value && !ids.includes(value)) ids.push(value);
    return periodOptions(ids, language);
  }, [kinds, language, value]);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch
      filterOption={(input, option) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input))}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
