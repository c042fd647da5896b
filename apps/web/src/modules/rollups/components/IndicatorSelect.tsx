import { Select } from 'antd';
import { foldVietnamese, type IndicatorListItem } from '@sen/contracts';
import { currentLanguage } from '../../../i18n';
import { indicatorName } from '../../../lib/labels';

/** Picks an indicator by name or code (diacritics optional). */
export function IndicatorSelect({
  items,
  value,
  onChange,
  loading,
  id,
  style,
  ...rest
}: {
  items: IndicatorListItem[];
  value?: string;
  onChange: (code: string) => void;
  loading?: boolean;
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const language = currentLanguage();
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={onChange}
      loading={loading}
      showSearch
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      optionFilterProp="label"
      filterOption={(input, option) => foldVietnamese(`${option?.label ?? ''} ${option?.value ?? ''}`).includes(foldVietnamese(input))}
      options={items.map((i) => ({ value: i.code, label: indicatorName(i, language) }))}
      listHeight={360}
    />
  );
}
