import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Grid, InputNumber, message, Row, Select, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '@sen/contracts';
import { buildQuery } from '../lib/api-client';
import { useApiClient } from '../lib/api-context';
import { errorMessage } from '../lib/api-error';
import { downloadWithSession } from '../lib/download';
import { formatNumber } from '../lib/format';
import { indicatorName, levelLabel } from '../lib/labels';
import { defaultHalfYear, periodLabel } from '../lib/periods';
import { rememberedPeriod, rememberPeriod } from '../lib/preferred-period';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import type { BelowThresholdQuery, BelowThresholdResponse } from '../modules/dashboard/api/dashboard.api';
import { useBelowThreshold, useDashboardPeriods } from '../modules/dashboard/hooks/useDashboard';
import { openingPeriod, settled } from '../modules/dashboard/progress';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { IndicatorSelect } from '../modules/rollups/components/IndicatorSelect';
import { formatIndicatorValue, isPercentIndicator } from '../modules/rollups/format';
import '../modules/dashboard/dashboard.css';

type Row = BelowThresholdResponse['items'][number];

/** "Rà soát các cơ sở có tỷ lệ tập hợp dưới 60%": the units of a level under a threshold, for any indicator and period. */
export function BelowThresholdPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const screens = Grid.useBreakpoint();
  const client = useApiClient();
  const me = useMe();
  const indicators = useIndicators();
  const [params, setParams] = useSearchParams();
  const indicator = params.get('indicator') ?? 'TY_LE_TAP_HOP_HOI_VIEN';
  // Without a period in the address: the one last picked if it has data, else the newest with data.
  const periods = useDashboardPeriods({ indicator }, !params.get('period'));
  const period = !params.get('period') && !settled(periods) ? undefined : openingPeriod(params.get('period'), rememberedPeriod(), periods.data?.periods, defaultHalfYear());
  const level = params.get('level') ?? 'grassroots';
  const fromUrl = params.get('threshold');
  const [threshold, setThreshold] = useState<number | null>(fromUrl === null ? 60 : Number(fromUrl));
  const debounced = useDebouncedValue(threshold, 400);
  const levels = me.data?.tenant.levels;

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'period') rememberPeriod(value);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if (debounced !== null && String(debounced) !== params.get('threshold')) set('threshold', String(debounced));
    // Only the settled threshold goes to the address bar.
  }, [debounced]);

  const query: BelowThresholdQuery | null = indicator && period && debounced !== null ? { indicator, period, threshold: debounced, level } : null;
  const below = useBelowThreshold(query);
  const def = indicators.data?.items.find((i) => i.code === indicator);
  const percent = isPercentIndicator(def);
  const data = below.data;

  const exportXlsx = async () => {
    if (!query) return;
    try {
      await downloadWithSession(client, `/api/v1/dashboard/below-threshold.xlsx${buildQuery({ ...query })}`, `duoi-nguong-${indicator}-${period ?? ''}.xlsx`);
    } catch (err) {
      void message.error(errorMessage(err, language, t('errors.generic')));
    }
  };

  const columns: ColumnsType<Row> = [
    { key: 'rank', title: t('dashboard.below.columns.rank'), width: 60, align: 'right', render: (_v, _r, i) => formatNumber(i + 1) },
    { key: 'name', title: t('dashboard.below.columns.unit'), dataIndex: 'name', sorter: (a, b) => compareVietnamese(a.name, b.name) },
    { key: 'parent', title: t('dashboard.below.columns.parent'), dataIndex: 'parentName', responsive: ['sm'], render: (v: string | null) => v ?? '—' },
    {
      key: 'value',
      title: t('dashboard.below.columns.value'),
      dataIndex: 'value',
      align: 'right',
      className: 'nowrap',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.value ?? 0) - (b.value ?? 0),
      render: (v: number | null) => <strong>{formatIndicatorValue(v, def)}</strong>,
    },
  ];

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={1} className="page__title">
            {t('dashboard.below.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dashboard.below.subtitle')}</Typography.Text>
        </div>
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} disabled={!data}>
          {t('dashboard.exportXlsx')}
        </Button>
      </div>
      <Card className="filters-card dash-filters" size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={10}>
            <label className="filter-label" htmlFor="below-indicator">
              {t('dashboard.below.indicator')}
            </label>
            <IndicatorSelect
              id="below-indicator"
              items={(indicators.data?.items ?? []).map((i) => ({ ...i, name: indicatorName(i, language) }))}
              value={indicator}
              onChange={(v) => set('indicator', v)}
              loading={indicators.isLoading}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <label className="filter-label" htmlFor="below-period">
              {t('rollups.period')}
            </label>
            <PeriodSelect id="below-period" value={period} onChange={(v) => set('period', v)} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <label className="filter-label" htmlFor="below-threshold">
              {t('dashboard.below.threshold')}
            </label>
            <InputNumber<number>
              id="below-threshold"
              value={threshold}
              onChange={(v) => setThreshold(v)}
              min={0}
              decimalSeparator=","
              addonAfter={percent ? '%' : undefined}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <label className="filter-label" htmlFor="below-level">
              {t('dashboard.below.level')}
            </label>
            <Select id="below-level" value={level} style={{ width: '100%' }} options={(levels ?? []).map((l) => ({ value: l.code, label: levelLabel(l.code, levels, language, t) }))} onChange={(v: string) => set('level', v)} />
          </Col>
        </Row>
      </Card>

      {below.isError ? (
        <Alert type="error" showIcon message={errorMessage(below.error, language, t('errors.generic'))} />
      ) : (
        <>
          <Row gutter={[16, 16]} className="dash-tiles">
            <Col xs={12} md={8}>
              <Card size="small">
                <Statistic title={t('dashboard.below.countBelow')} value={data ? formatNumber(data.total) : '—'} valueStyle={{ color: data?.total ? '#a8071a' : undefined }} />
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card size="small">
                <Statistic title={t('dashboard.below.countLevel', { level: levelLabel(level, levels, language, t) })} value={data ? formatNumber(data.unitsAtLevel) : '—'} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small">
                <Statistic title={t('dashboard.below.countNoData')} value={data ? formatNumber(data.noData.length) : '—'} />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={data ? t('dashboard.below.tableTitle', { name: indicatorName(data.indicator, language), threshold: `${formatNumber(data.threshold)}${percent ? '%' : ''}`, period: periodLabel(data.period, language) }) : t('dashboard.below.title')}
          >
            <div data-testid="below-table">
              <Table<Row>
                rowKey="id"
                size={screens.md ? 'middle' : 'small'}
                loading={below.isFetching && !below.data}
                dataSource={data?.items ?? []}
                columns={columns}
                pagination={(data?.items.length ?? 0) > 25 ? { pageSize: 25, showSizeChanger: false } : false}
                showSorterTooltip={false}
                locale={{ emptyText: t('dashboard.below.none') }}
              />
            </div>
            {data && data.noData.length > 0 && (
              <Collapse
                ghost
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: 'nodata',
                    label: t('dashboard.below.noDataList', { count: data.noData.length }),
                    children: (
                      <ul className="dash-nodata">
                        {data.noData.map((u) => (
                          <li key={u.id}>
                            {u.name}
                            {u.parentName ? <Typography.Text type="secondary"> — {u.parentName}</Typography.Text> : null}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
