import { Fragment } from 'react';
import { Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { compareVietnamese, type IndicatorListItem } from '@sen/contracts';
import { formatNumber } from '../../../lib/format';

/** Long UPPER_SNAKE codes may wrap after an underscore (<wbr>: nothing extra when copied). */
function CodeWithBreaks({ code }: { code: string }) {
  const parts = code.split('_');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

/** The indicators, with Vietnamese labels for their kind (flow/stock) and aggregation. */
export function IndicatorTable({ items, loading }: { items: IndicatorListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  // The scope column shows from xl up; below it the "Quốc gia" tag sits next to the name.
  const scopeColumn = !!screens.xl;

  const kindTag = (kind: IndicatorListItem['kind']) => (
    <Tooltip title={t(`indicators.kindHelp.${kind}`)}>
      <Tag color={kind === 'flow' ? 'cyan' : 'purple'}>{t(`indicators.kind.${kind}`)}</Tag>
    </Tooltip>
  );
  const nationalTag = (national: boolean) => (national ? <Tag color="gold">{t('indicators.national')}</Tag> : null);

  const columns: ColumnsType<IndicatorListItem> = [
    {
      key: 'code',
      title: t('indicators.columns.code'),
      dataIndex: 'code',
      width: 220,
      responsive: ['md'],
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (code: string) => (
        <Typography.Text code className="indicator-code">
          <CodeWithBreaks code={code} />
        </Typography.Text>
      ),
    },
    {
      key: 'name',
      title: t('indicators.columns.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareVietnamese(a.name, b.name),
      render: (name: string, row) =>
        phone ? (
          <Space direction="vertical" size={2}>
            <Typography.Text strong>{name}</Typography.Text>
            <Typography.Text type="secondary" className="indicator-code">
              {row.code} · {row.unit}
            </Typography.Text>
            <Space size={4} wrap>
              {kindTag(row.kind)}
              <Tag>{t(`indicators.aggregation.${row.aggregation}`)}</Tag>
              {nationalTag(row.national)}
            </Space>
          </Space>
        ) : (
          <Space size={6} wrap>
            <span>{name}</span>
            {!scopeColumn && nationalTag(row.national)}
          </Space>
        ),
    },
    { key: 'unit', title: t('indicators.columns.unit'), dataIndex: 'unit', width: 130, responsive: ['md'] },
    {
      key: 'kind',
      title: t('indicators.columns.kind'),
      dataIndex: 'kind',
      width: 150,
      responsive: ['md'],
      filters: [
        { text: t('indicators.kind.flow'), value: 'flow' },
        { text: t('indicators.kind.stock'), value: 'stock' },
      ],
      onFilter: (value, row) => row.kind === value,
      render: (kind: IndicatorListItem['kind']) => kindTag(kind),
    },
    {
      key: 'aggregation',
      title: t('indicators.columns.aggregation'),
      dataIndex: 'aggregation',
      width: 220,
      responsive: ['lg'],
      render: (aggregation: IndicatorListItem['aggregation']) => (
        <Tooltip title={t(`indicators.aggregationHelp.${aggregation}`)}>{t(`indicators.aggregation.${aggregation}`)}</Tooltip>
      ),
    },
    {
      key: 'national',
      title: t('indicators.columns.scope'),
      dataIndex: 'national',
      width: 120,
      responsive: ['xl'],
      filters: [
        { text: t('indicators.national'), value: true },
        { text: t('indicators.tenantOnly'), value: false },
      ],
      onFilter: (value, row) => row.national === value,
      render: (national: boolean) => nationalTag(national) ?? <Typography.Text type="secondary">{t('indicators.tenantOnly')}</Typography.Text>,
    },
  ];

  return (
    <Table<IndicatorListItem>
      rowKey="code"
      size={phone ? 'small' : 'middle'}
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={{
        pageSize: 20,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => t('indicators.total', { count: total, n: formatNumber(total) }),
      }}
    />
  );
}
