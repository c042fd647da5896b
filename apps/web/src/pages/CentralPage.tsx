import { lazy, Suspense, useMemo } from 'react';
import { Alert, Button, Card, Col, Empty, Grid, message, Progress, Row, Segmented, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { useApiClient } from '../lib/api-context';
import { downloadWithSession } from '../lib/download';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { compareVietnamese, isBeforeReorganisation, type CentralCompletenessItem, type CentralView, type ComparisonItem } from '@sen/contracts';
import { errorMessage } from '../lib/api-error';
import { formatNumber, formatPercent } from '../lib/format';
import { indicatorName } from '../lib/labels';
import { rememberedPeriod, rememberPeriod } from '../lib/preferred-period';
import { defaultHalfYear, periodLabel } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { chartRows, compareNullable, defaultSeriesTenants, formatChange, periodsUpTo, seriesRows, shortTenantName } from '../modules/central/comparison';
import type { SeriesResponse } from '../modules/central/api/central.api';
import { useCentralCompleteness, useCentralPeriods, useComparison, useSeries } from '../modules/central/hooks/useComparison';
import { openingPeriod, settled } from '../modules/dashboard/progress';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { IndicatorSelect } from '../modules/rollups/components/IndicatorSelect';
import { formatIndicatorValue, isPercentIndicator } from '../modules/rollups/format';

// The chart library is loaded with this page only.
const ComparisonChart = lazy(() => import('../modules/central/components/ComparisonChart'));
const SeriesChart = lazy(() => import('../modules/central/components/SeriesChart'));
const CompletenessChart = lazy(() => import('../modules/central/components/CompletenessChart'));

type SeriesItem = SeriesResponse['items'][number];

const rowKeyOf = (row: { key?: string; tenant: string }) => row.key ?? row.tenant;

/**
 * The central union compares the provinces on one national indicator: side by side for a period (rank, change
 * from the previous period), over several periods, and by reporting completeness. A period before the 2025
 * merger can be shown by today's provinces or by the provinces as they were.
 */
export function CentralPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const screens = Grid.useBreakpoint();
  const indicators = useIndicators();
  const national = useMemo(() => (indicators.data?.items ?? []).filter((i) => i.national), [indicators.data]);
  const [params, setParams] = useSearchParams();
  const indicator = params.get('indicator') ?? national.find((i) => i.code === 'TY_LE_TAP_HOP_HOI_VIEN')?.code ?? national[0]?.code;
  // Without a period in the address: the one last picked if some province has data for it, else the latest with data.
  const periods = useCentralPeriods(indicator, !params.get('period'));
  const period = params.get('period') || settled(periods) ? openingPeriod(params.get('period'), rememberedPeriod(), periods.data?.periods, defaultHalfYear()) : undefined;
  const tab = (['comparison', 'series', 'completeness'] as const).find((x) => x === params.get('tab')) ?? 'comparison';
  const canUnfold = !!period && isBeforeReorganisation(period);
  const view: CentralView = canUnfold && params.get('view') === 'former' ? 'former' : 'folded';
  const seriesLength = Number(params.get('n') ?? 6) || 6;

  const comparison = useComparison(indicator, period, view);
  // The province choices of the time series are today's provinces, whatever the view.
  const foldedComparison = useComparison(indicator, period, 'folded');
  const seriesPeriods = useMemo(() => (period ? periodsUpTo(period, seriesLength) : []), [period, seriesLength]);
  const chosenParam = params.get('tenants');
  const chosen = useMemo(
    () => (chosenParam !== null ? chosenParam.split(',').filter(Boolean) : defaultSeriesTenants(foldedComparison.data?.items ?? [])),
    [chosenParam, foldedComparison.data],
  );
  const seriesView = view;
  const series = useSeries(indicator, seriesPeriods, chosen, seriesView, tab === 'series');
  const completeness = useCentralCompleteness(period, view, tab === 'completeness');
  const client = useApiClient();

  const download = async (path: string, query: Record<string, string | undefined>, fallback: string) => {
    const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
    try {
      await downloadWithSession(client, `/api/v1/central/${path}?${q}`, fallback);
    } catch (err) {
      void message.error(errorMessage(err, language, t('errors.generic')));
    }
  };
  const former = (v: CentralView) => (v === 'former' ? v : undefined);

  const def = national.find((i) => i.code === indicator);
  // The indicator list may not carry the English name; the comparison does.
  const defName = indicatorName(
    { name: def?.name ?? comparison.data?.indicator.name ?? '', nameEn: (def as { nameEn?: string } | undefined)?.nameEn ?? (comparison.data?.indicator.nameEn as string | undefined) },
    language,
  );
  const shape = def ?? (comparison.data?.indicator as { aggregation?: 'ratio'; valueType?: 'percentage' } | undefined);
  const percent = isPercentIndicator(shape as Parameters<typeof isPercentIndicator>[0]);
  const format = (v: number | null) => formatIndicatorValue(v, shape as Parameters<typeof formatIndicatorValue>[1]);
  // A rate's change is in percentage points, not a percentage of the rate.
  const formatDelta = (v: number) => (percent ? t('central.points', { value: formatNumber(v, 1) }) : formatNumber(v, 2));
  const items = comparison.data?.items ?? [];
  const rows = chartRows(items);
  const periodText = period ? periodLabel(period, language) : '';

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
      if (key === 'period') rememberPeriod(value);
    }
    setParams(next, { replace: true });
  };

  const nameColumn = <T extends { name: string; tenant: string; formerProvince?: string | null }>(): ColumnsType<T>[number] => ({
    key: 'name',
    title: view === 'former' && screens.sm ? t('central.columns.tenantFormer') : t('central.columns.tenant'),
    dataIndex: 'name',
    sorter: (a, b) => compareVietnamese(a.name, b.name),
    render: (v: string, row) => (
      <div className="central-tenant">
        <span title={v}>{screens.sm ? v : shortTenantName(v)}</span>
        <Typography.Text type="secondary" className="central-tenant__code">
          {row.formerProvince ? t('central.nowIn', { tenant: row.tenant }) : row.tenant}
        </Typography.Text>
      </div>
    ),
  });

  const changeCell = (row: ComparisonItem) => (
    <div className="central-value" data-testid={`change-${rowKeyOf(row)}`}>
      {row.change === null || row.change === undefined ? (
        '—'
      ) : (
        <Typography.Text type={row.change > 0 ? 'success' : row.change < 0 ? 'danger' : undefined}>
          {row.change > 0 ? <ArrowUpOutlined /> : row.change < 0 ? <ArrowDownOutlined /> : null} {formatChange(row.change, formatDelta)}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" className="central-value__parts">
        {t('central.previous', { value: format(row.previous ?? null) })}
      </Typography.Text>
    </div>
  );
  // Targets are not linked to the plans yet: their columns appear once a province has one.
  const withTargets = items.some((i) => i.target !== null || i.achievement !== null);
  const allColumns: ColumnsType<ComparisonItem> = [
    {
      key: 'rank',
      title: t('central.columns.rank'),
      dataIndex: 'rank',
      align: 'center',
      width: screens.sm ? 64 : 44,
      sorter: (a, b, order) => compareNullable(a.rank ?? null, b.rank ?? null, order),
      render: (v: number | null | undefined) => (v ? <Tag color={v === 1 ? 'magenta' : undefined}>{v}</Tag> : '—'),
    },
    nameColumn<ComparisonItem>(),
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
          {!screens.sm && changeCell(row)}
        </div>
      ),
    },
    {
      key: 'change',
      title: t('central.columns.change'),
      dataIndex: 'change',
      align: 'right',
      className: 'nowrap',
      sorter: (a, b, order) => compareNullable(a.change ?? null, b.change ?? null, order),
      render: (_v: number | null | undefined, row) => changeCell(row),
    },
    { key: 'target', title: t('central.columns.target'), dataIndex: 'target', align: 'right', className: 'nowrap', responsive: ['lg'], sorter: (a, b, order) => compareNullable(a.target, b.target, order), render: (v: number | null) => format(v) },
    {
      key: 'achievement',
      title: t('central.columns.achievement'),
      dataIndex: 'achievement',
      align: 'right',
      className: 'nowrap',
      responsive: ['lg'],
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

  // On a phone the change goes under the value, so that rank, province and value fit the screen.
  const columns = allColumns.filter((c) => (withTargets || (c.key !== 'target' && c.key !== 'achievement')) && (screens.sm || c.key !== 'change'));

  const seriesItems = series.data?.items ?? [];
  const seriesColumns: ColumnsType<SeriesItem> = [
    nameColumn<SeriesItem>(),
    ...seriesPeriods.filter((p) => seriesItems.some((i) => i.points.some((pt) => pt.period === p && pt.value !== null))).map((p) => ({
      key: p,
      title: periodLabel(p, language),
      align: 'right' as const,
      className: 'nowrap',
      render: (_v: unknown, row: SeriesItem) => format(row.points.find((pt) => pt.period === p)?.value ?? null),
    })),
  ];

  const completenessItems = completeness.data?.items ?? [];
  const count = (key: 'expected' | 'submitted' | 'approved' | 'late', title: string, responsive?: ('sm' | 'md')[]): ColumnsType<CentralCompletenessItem>[number] => ({
    key,
    title,
    dataIndex: key,
    align: 'right',
    className: 'nowrap',
    responsive,
    sorter: (a, b) => a[key] - b[key],
    render: (v: number) => formatNumber(v),
  });
  const completenessColumns: ColumnsType<CentralCompletenessItem> = [
    nameColumn<CentralCompletenessItem>(),
    count('expected', t('central.completeness.expected'), ['sm']),
    count('submitted', t('central.completeness.submitted')),
    count('approved', t('central.completeness.approved'), ['sm']),
    count('late', t('central.completeness.late'), ['md']),
    {
      key: 'submittedRate',
      title: t('central.completeness.rate'),
      dataIndex: 'submittedRate',
      width: screens.md ? 180 : 110,
      defaultSortOrder: 'descend',
      sorter: (a, b, order) => compareNullable(a.submittedRate, b.submittedRate, order),
      render: (v: number | null, row) =>
        v === null ? '—' : <Progress
            percent={Math.round(v * 10) / 10}
            // The chart's colours: approved green, handed in and waiting amber.
            success={{ percent: row.approvedRate ?? 0, strokeColor: '#389e0d' }}
            strokeColor="#faad14"
            size="small"
            format={(p) => formatPercent(p ?? 0, 1)}
            status="normal"
            aria-label={t('central.completeness.rateOf', { name: row.name })}
          />,
    },
  ];
  const completenessRows = completenessItems.map((i) => ({
    key: i.key,
    name: i.name,
    approved: i.approved,
    waiting: i.submitted - i.approved,
    missing: i.expected - i.submitted,
  }));

  const error = (e: unknown) => (
    <Card>
      <Typography.Text type="danger">{errorMessage(e, language, t('errors.generic'))}</Typography.Text>
    </Card>
  );
  const exportButton = (onClick: () => void, disabled: boolean, testId: string) => (
    <Button icon={<DownloadOutlined />} onClick={onClick} disabled={disabled} data-testid={testId}>
      {screens.sm ? t('central.exportXlsx') : null}
    </Button>
  );

  const comparisonTab = comparison.isError ? (
    error(comparison.error)
  ) : (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={14}>
        <Card
          size="small"
          title={
            <span className="central-card-title">
              {defName} — {periodText}
            </span>
          }
          extra={exportButton(
            () => void download('comparison.xlsx', { indicator, period, view: former(view) }, `so-sanh-${indicator}-${period}.xlsx`),
            !items.length,
            'export-comparison',
          )}
        >
          <Table<ComparisonItem>
            rowKey={rowKeyOf}
            size={screens.md ? 'middle' : 'small'}
            loading={comparison.isLoading}
            dataSource={items}
            columns={columns}
            pagination={false}
            showSorterTooltip={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('central.none') }}
            data-testid="comparison-table"
          />
        </Card>
      </Col>
      <Col xs={24} xxl={10}>
        <Card size="small" title={t('central.chart')}>
          {comparison.isLoading ? (
            <Skeleton active />
          ) : rows.length === 0 ? (
            <Empty description={t('central.none')} />
          ) : (
            <Suspense fallback={<Skeleton active />}>
              <ComparisonChart rows={rows} format={(v) => format(v)} percent={percent} label={t('central.chartLabel', { name: defName, period: periodText })} />
            </Suspense>
          )}
        </Card>
      </Col>
    </Row>
  );

  const tenantOptions = (foldedComparison.data?.items ?? []).map((i) => ({ value: i.tenant, label: i.name })).sort((a, b) => compareVietnamese(a.label, b.label));
  const seriesTab = (
    <Card
      size="small"
      title={<span className="central-card-title">{defName}</span>}
      extra={exportButton(
        () => void download('series.xlsx', { indicator, periods: seriesPeriods.join(','), tenants: chosen.join(','), view: former(seriesView) }, `dien-bien-${indicator}.xlsx`),
        !seriesItems.length,
        'export-series',
      )}
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={16}>
          <label className="filter-label" htmlFor="central-series-tenants">
            {t('central.series.provinces')}
          </label>
          <Select
            id="central-series-tenants"
            mode="multiple"
            style={{ width: '100%' }}
            value={chosen}
            options={tenantOptions}
            optionFilterProp="label"
            placeholder={t('central.series.none')}
            onChange={(v: string[]) => set({ tenants: v.join(',') || ',' })}
            data-testid="series-tenants"
          />
        </Col>
        <Col xs={24} md={8}>
          <label className="filter-label" htmlFor="central-series-count">
            {t('central.series.count')}
          </label>
          <Select
            id="central-series-count"
            style={{ width: '100%' }}
            value={seriesLength}
            options={[4, 6, 8, 12].map((n) => ({ value: n, label: t('central.series.periods', { count: n }) }))}
            onChange={(n: number) => set({ n: String(n) })}
          />
        </Col>
      </Row>
      {series.isError ? (
        <Typography.Text type="danger">{errorMessage(series.error, language, t('errors.generic'))}</Typography.Text>
      ) : chosen.length === 0 ? (
        <Empty description={t('central.series.none')} />
      ) : series.isLoading ? (
        <Skeleton active />
      ) : seriesItems.length === 0 ? (
        <Empty description={t('central.none')} />
      ) : (
        <>
          <Suspense fallback={<Skeleton active />}>
            <SeriesChart
              rows={seriesRows(seriesPeriods, seriesItems)}
              lines={seriesItems.map((i) => ({ key: rowKeyOf(i), name: i.name }))}
              format={(v) => format(v)}
              periodLabel={(id) => periodLabel(id, language)}
              label={t('central.series.chartLabel', { name: defName })}
            />
          </Suspense>
          <Table<SeriesItem>
            rowKey={rowKeyOf}
            size="small"
            dataSource={seriesItems}
            columns={seriesColumns}
            pagination={false}
            showSorterTooltip={false}
            scroll={{ x: 'max-content' }}
            style={{ marginTop: 12 }}
            data-testid="series-table"
          />
        </>
      )}
    </Card>
  );

  const completenessTab = completeness.isError ? (
    error(completeness.error)
  ) : (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={14}>
        <Card
          size="small"
          title={<span className="central-card-title">{t('central.completeness.title', { period: periodText })}</span>}
          extra={exportButton(() => void download('completeness.xlsx', { period, view: former(view) }, `tien-do-bao-cao-${period}.xlsx`), !completenessItems.length, 'export-completeness')}
        >
          <Table<CentralCompletenessItem>
            rowKey="key"
            size={screens.md ? 'middle' : 'small'}
            loading={completeness.isLoading}
            dataSource={completenessItems}
            columns={completenessColumns}
            pagination={false}
            showSorterTooltip={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('central.none') }}
            data-testid="completeness-table"
          />
        </Card>
      </Col>
      <Col xs={24} xxl={10}>
        <Card size="small" title={t('central.chart')}>
          {completeness.isLoading ? (
            <Skeleton active />
          ) : completenessRows.length === 0 ? (
            <Empty description={t('central.none')} />
          ) : (
            <Suspense fallback={<Skeleton active />}>
              <CompletenessChart
                rows={completenessRows}
                labels={{ approved: t('central.completeness.approved'), waiting: t('central.completeness.waiting'), missing: t('central.completeness.missing') }}
                format={(v) => formatNumber(v)}
                label={t('central.completeness.chartLabel', { period: periodText })}
              />
            </Suspense>
          )}
        </Card>
      </Col>
    </Row>
  );

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={1} className="page__title">
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
            <IndicatorSelect
              id="central-indicator"
              items={national.map((i) => ({ ...i, name: indicatorName(i, language) }))}
              value={indicator}
              onChange={(v) => set({ indicator: v })}
              loading={indicators.isLoading}
            />
          </Col>
          <Col xs={24} lg={10}>
            <label className="filter-label" htmlFor="central-period">
              {t('rollups.period')}
            </label>
            <PeriodSelect id="central-period" value={period} onChange={(v) => set({ period: v })} style={{ width: '100%' }} />
          </Col>
          {canUnfold && (
            <Col xs={24}>
              <div className="filter-label" id="central-view-label">
                {t('central.view.label')}
              </div>
              <Segmented<CentralView>
                aria-labelledby="central-view-label"
                block={!screens.md}
                value={view}
                onChange={(v) => set({ view: v === 'former' ? v : undefined })}
                options={[
                  { value: 'folded', label: t('central.view.folded') },
                  { value: 'former', label: t('central.view.former') },
                ]}
                data-testid="central-view"
              />
              <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                {view === 'former' ? t('central.view.formerHelp') : t('central.view.foldedHelp')}
              </Typography.Paragraph>
            </Col>
          )}
        </Row>
      </Card>
      {view === 'former' && tab === 'series' && !seriesPeriods.every(isBeforeReorganisation) && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('central.view.seriesNote')} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'comparison' ? undefined : k })}
        items={[
          { key: 'comparison', label: t('central.tabs.comparison'), children: comparisonTab },
          { key: 'series', label: t('central.tabs.series'), children: seriesTab },
          { key: 'completeness', label: t('central.tabs.completeness'), children: completenessTab },
        ]}
      />
    </div>
  );
}
