import { cloneElement, isValidElement, useMemo, useState } from 'react';
import { Input, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IndicatorListItem } from '@sen/contracts';
import { formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { filterIndicators } from '../../indicators/search';
import { useIndicators } from '../../indicators/hooks/useIndicators';
import { reportIndicatorName } from '../catalogue';

/** Picks the indicators of a form from the national catalogue and the tenant's own (a form field: value/onChange). */
export function IndicatorPicker({ value, onChange, id }: { value?: string[]; onChange?: (codes: string[]) => void; id?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const indicators = useIndicators();
  const [query, setQuery] = useState('');
  const selected = value ?? [];
  const rows = useMemo(() => filterIndicators(indicators.data?.items ?? [], query), [indicators.data, query]);

  return (
    <div className="indicator-picker" id={id}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8, flexWrap: 'wrap' }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('reportForms.searchIndicators')}
          aria-label={t('reportForms.searchIndicators')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Typography.Text type="secondary" data-testid="picked-count">
          {t('reportForms.picked', { n: formatNumber(selected.length) })}
        </Typography.Text>
      </div>
      <div className="report-forms__indicators">
        <Table<IndicatorListItem>
          rowKey="code"
          size="small"
          loading={indicators.isLoading}
          dataSource={rows}
          pagination={false}
          onRow={(row) => ({
            // A click anywhere on the row picks (or drops) the indicator.
            onClick: () => onChange?.(selected.includes(row.code) ? selected.filter((c) => c !== row.code) : [...selected, row.code]),
            className: 'clickable-row',
          })}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => onChange?.(keys.map(String)),
            // Each checkbox is named by its indicator (antd's own has no label); its click is not also the row's.
            renderCell: (_checked, row, _i, node) => (
              <span onClick={(e) => e.stopPropagation()}>
                {isValidElement(node) ? cloneElement(node as React.ReactElement<{ 'aria-label'?: string }>, { 'aria-label': reportIndicatorName(row, language) }) : node}
              </span>
            ),
          }}
          columns={[
            {
              key: 'name',
              title: t('reportForms.indicator'),
              render: (_v, row) => (
                <span>
                  {reportIndicatorName(row, language)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.unit} · {row.code}
                  </Typography.Text>
                </span>
              ),
            },
            {
              key: 'scope',
              title: t('reportForms.scope'),
              width: 110,
              render: (_v, row) => (row.national ? <Tag color="magenta">{t('reportForms.national')}</Tag> : <Tag color="geekblue">{t('reportForms.own')}</Tag>),
            },
          ]}
        />
      </div>
    </div>
  );
}
