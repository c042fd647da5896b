import { Alert, List, Skeleton, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrgUnitListItem } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { kindLabel } from '../../../lib/labels';
import { currentLanguage } from '../../../i18n';
import { useUnitSearch } from '../hooks/useOrgUnits';

/** Results of a search over the whole visible tree (diacritics ignored by the API). */
export function OrgUnitSearchResults({
  query,
  selectedId,
  levelLabel,
  onOpen,
}: {
  query: string;
  selectedId: string | null;
  levelLabel: (code: string) => string;
  onOpen: (unit: OrgUnitListItem) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const search = useUnitSearch(query);

  if (query.trim().length < 2) {
    return <Typography.Text type="secondary">{t('orgUnits.search.tooShort')}</Typography.Text>;
  }
  if (search.isError) {
    return <Alert type="error" showIcon message={errorMessage(search.error, language, t('errors.generic'))} />;
  }
  if (search.isLoading || !search.data) {
    return <Skeleton active paragraph={{ rows: 4 }} title={false} />;
  }
  const { items, total } = search.data;
  return (
    <div className="unit-search" aria-live="polite">
      <Typography.Text type="secondary" className="unit-search__summary">
        {total === 0
          ? t('orgUnits.search.none', { query })
          : total > items.length
            ? t('orgUnits.search.someOf', { shown: formatNumber(items.length), total: formatNumber(total) })
            : t('orgUnits.search.found', { count: total, total: formatNumber(total) })}
      </Typography.Text>
      {items.length > 0 && (
        <List
          className="unit-search__list"
          size="small"
          dataSource={items}
          renderItem={(unit) => (
            <List.Item
              key={unit.id}
              className={unit.id === selectedId ? 'unit-search__item unit-search__item--selected' : 'unit-search__item'}
              onClick={() => onOpen(unit)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onOpen(unit);
                }
              }}
              tabIndex={0}
              role="button"
              extra={<RightOutlined />}
            >
              <List.Item.Meta
                title={<span className="unit-search__name">{unit.name}</span>}
                description={`${levelLabel(unit.level)} · ${kindLabel(unit.kind, language, t)}`}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
