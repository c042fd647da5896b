import { lazy, Suspense, useMemo } from 'react';
import { Button, Card, Col, Empty, Grid, message, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useApiClient } from '../lib/api-context';
import { downloadWithSession } from '../lib/download';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { compareVietnamese, type ComparisonItem } from '@sen/contracts';
import { errorMessage } from '../lib/api-error';
import { formatNumber, formatPercent } from '../lib/format';
import { rememberPeriod, storedPeriod } from '../lib/preferred-period';
import { periodLabel } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { chartRows, compareNullable } from '../modules/central/comparison';
import { useComparison } from '../modules/central/hooks/useComparison';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { IndicatorSelect } from '../modules/rollups/components/IndicatorSelect';
import { formatIndicatorValue, isPercentIndicator } from '../modules/rollups/format';

// The chart library is loaded with this page only.
const ComparisonChart = lazy(() => import('../modules/central/components/ComparisonChart'));

/** The central union compares the provinces on one national indicator for one period. */
export function CentralPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const screens = Grid.useBreakpoint();
  const indicators = useIndicators();
  const national = useMemo(() => (indicators.data?.items ?? []).filter((i) => i.national), [indicators.data]);
  const [params, setParams] = useSearchParams();
  const indicator = params.get('indicator') ?? national.find((i) => i.code === 'TY_LE_TAP_HOP_HOI_VIEN')?.code ?? national[0]?.code;
  const period = params.get('period') ?? storedPeriod();
  const comparison = useComparison(indicator, period);
  const client = useApiClient();
  const exportXlsx = async () => {
    if (!indicator || !period) return;
    const q = new URLSearchParams({ indicator, period }).toString();
    try {
      await downloadWithSession(client, `/api/v1/central/comparison.xlsx?${q}`, `so-sanh-${indicator}-${period}.xlsx`);
    } catch (err) {
      void message.error(errorMessage(err, language, t('errors.generic')));
    }
  };
  const def = national.find((i) => i.code === indicator);
  const shape = def ?? (comparison.data?.indicator as { aggregation?: 'ratio'; valueType?: 'percentage' } | undefined);
  const percent = isPercentIndicator(shape as Parameters<typeof isPercentIndicator>[0]);
  const format = (v: number | null) => formatIndicatorValue(v, shape as Parameters<typeof formatIndicatorValue>[1]);
  const items = comparison.data?.items ?? [];
  const rows = chartRows(items);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'period') rememberPeriod(value);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<ComparisonItem> = [
    {
      key: 'name',
      title: t('central.columns.tenant'),
      dataIndex: 'name',
      sorter: (a, b) => compareVietnamese(a.name, b.name),
      render: (v: string, row) => (
        <div className="central-tenant">
          <span>{v}</span>
          <Typography.Text type="secondary" className="central-tenant__code">
            {row.tenant}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'value',
      title: t('central.columns.value'),
      dataIndex: 'value',
      align: 'right',
      width: 130,
      className: 'nowrap',
      defaultSortOrder: 'descend',
      sorter: (a, b, order) => compareNullable(a.value, b.value, order),
      render: (v: number | null, row) => (
        <div className="central-value">
          <strong>{format(v)}</strong>
          {percent && row.numerator !== null && row.denominator !== null && (
            <Typography.Text type="secondary" className="central-value__parts" title={t('central.columns.parts')}>
              {formatNumber(row.numerator)} / {formatNumber(row.denominator)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'target', title: t('central.columns.target'), dataIndex: 'target', align: 'right', className: 'nowrap', responsive: ['md'], sorter: (a, b, order) => compareNullable(a.target, b.target, order), render: (v: number | null) => format(v) },
    {
      key: 'achievement',
      title: t('central.columns.achievement'),
      dataIndex: 'achievement',
      align: 'right',
      className: 'nowrap',
      sorter: (a, b, order) => compareNullable(a.achievement, b.achievement, order),
      render: (v: number | null) => (v === null ? '—' : <Tag color={v >= 100 ? 'green' : v >= 80 ? 'gold' : 'red'}>{formatPercent(v, 1)}</Tag>),
    },
    {
      key: 'units',
      title: t('central.columns.units'),
      align: 'right',
      className: 'nowrap',
      responsive: ['md'],
      sorter: (a, b) => a.unitsReporting / Math.max(1, a.unitsExpected) - b.unitsReporting / Math.max(1, b.unitsExpected),
      render: (_v, row) => `${formatNumber(row.unitsReporting)} / ${formatNumber(row.unitsExpected)}`,
    },
  ];

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('central.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('central.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card className="filters-card" size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={14}>
            <label className="filter-label" htmlFor="central-indicator">
              {t('central.indicator')}
            </label>
            <IndicatorSelect id="central-indicator" items={national} value={indicator} onChange={(v) => set('indicator', v)} loading={indicators.isLoading} />
          </Col>
          <Col xs={24} lg={10}>
            <label className="filter-label" htmlFor="central-period">
              {t('rollups.period')}
            </label>
            <PeriodSelect id="central-period" value={period} onChange={(v) => set('period', v)} style={{ width: '100%' }} />
          </Col>
        </Row>
      </Card>
      {comparison.isError ? (
        <Card>
          <Typography.Text type="danger">{errorMessage(comparison.error, language, t('errors.generic'))}</Typography.Text>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={
                <span>
                  {def?.name ?? comparison.data?.indicator.name} — {periodLabel(period, language)}
                </span>
              }
              extra={
                <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} disabled={!items.length}>
                  {t('central.exportXlsx')}
                </Button>
              }
            >
              <Table<ComparisonItem>
                rowKey="tenant"
                size={screens.md ? 'middle' : 'small'}
                loading={comparison.isLoading}
                dataSource={items}
                columns={columns}
                pagination={false}
                showSorterTooltip={false}
                scroll={{ x: 560 }}
                locale={{ emptyText: t('central.none') }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('central.chart')}>
              {comparison.isLoading ? (
                <Skeleton active />
              ) : rows.length === 0 ? (
                <Empty description={t('central.none')} />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <ComparisonChart rows={rows} format={(v) => format(v)} label={t('central.chartLabel', { name: def?.name ?? '', period: periodLabel(period, language) })} />
                </Suspense>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
