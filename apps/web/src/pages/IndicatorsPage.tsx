import { useMemo, useState } from 'react';
import { Alert, Card, Input, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api-error';
import { formatNumber } from '../lib/format';
import { currentLanguage } from '../i18n';
import { IndicatorTable } from '../modules/indicators/components/IndicatorTable';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { filterIndicators } from '../modules/indicators/search';

export function IndicatorsPage() {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const [query, setQuery] = useState('');
  const items = useMemo(() => filterIndicators(indicators.data?.items ?? [], query), [indicators.data, query]);
  const total = indicators.data?.items.length ?? 0;

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('indicators.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('indicators.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card>
        <div className="indicator-toolbar">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('indicators.searchPlaceholder')}
            aria-label={t('indicators.searchLabel')}
            className="indicator-toolbar__search"
          />
          {indicators.data && (
            <Typography.Text type="secondary">
              {query.trim()
                ? t('indicators.matching', { shown: formatNumber(items.length), total: formatNumber(total) })
                : t('indicators.total', { count: total, n: formatNumber(total) })}
            </Typography.Text>
          )}
        </div>
        {indicators.isError ? (
          <Alert type="error" showIcon message={errorMessage(indicators.error, currentLanguage(), t('errors.generic'))} />
        ) : (
          <IndicatorTable items={items} loading={indicators.isLoading} />
        )}
      </Card>
    </div>
  );
}
