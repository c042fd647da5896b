import { lazy, Suspense, useMemo } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Empty, Grid, message, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { compareVietnamese, foldVietnamese } from '@sen/contracts';
import { buildQuery } from '../lib/api-client';
import { useApiClient } from '../lib/api-context';
import { errorMessage } from '../lib/api-error';
import { downloadWithSession } from '../lib/download';
import { formatNumber, formatPercent } from '../lib/format';
import { indicatorName, levelLabel } from '../lib/labels';
import { periodLabel } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { PROGRESS_STATUSES, type PlanProgressQuery, type PlanProgressResponse, type ProgressItem, type ProgressStatus } from '../modules/dashboard/api/dashboard.api';
import { StatusBar, StatusTag } from '../modules/dashboard/components/StatusTag';
import { useDashboardPeriods, usePlanProgress } from '../modules/dashboard/hooks/useDashboard';
import { achievementBars, defaultYear, healthyShare, settled, statusSlices } from '../modules/dashboard/progress';
import { useUnitDetail } from '../modules/org-units/hooks/useOrgUnits';
import '../modules/dashboard/dashboard.css';

// The chart library is loaded with the pages that draw charts only.
const StatusChart = lazy(() => import('../modules/dashboard/components/StatusChart'));
const AchievementChart = lazy(() => import('../modules/dashboard/components/AchievementChart'));

type Child = PlanProgressResponse['children'][number];

/** Progress of the targets of the year's issued plans, for a unit and each of its child unions (drill down). */
export function PlanProgressPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const screens = Grid.useBreakpoint();
  const client = useApiClient();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const unitId = params.get('unitId') ?? undefined;
  // Without a year in the address: this year if a plan concerns it, else the latest plan year (not an empty page).
  const askedYear = Number(params.get('year')) || undefined;
  const periods = useDashboardPeriods({}, !askedYear);
  const year = askedYear ?? defaultYear(periods.data?.planYears, thisYear);
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '') ? params.get('asOf')! : undefined;
  const status = (params.get('status') as ProgressStatus | null) ?? undefined;
  const query: PlanProgressQuery = {
    year,
    asOf,
    unitId,
    planId: params.get('planId') ?? undefined,
    programme: params.get('programme') ?? undefined,
    departmentId: params.get('departmentId') ?? undefined,
    level: params.get('level') ?? undefined,
  };
  const progress = usePlanProgress(query, !!askedYear || settled(periods));
  const unit = useUnitDetail(unitId ?? progress.data?.unitId);
  const levels = me.data?.tenant.levels;
  const data = progress.data;
  const levelOf = (code: string) => levelLabel(code, levels, language, t);
  const yearOver = `${year}-12-31` < dayjs().format('YYYY-MM-DD');

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const items = useMemo(() => (data?.items ?? []).filter((i) => !status || i.status === status), [data, status]);
  const slices = statusSlices(data?.summary, (s) => t(`dashboard.status.${s}`));
  const bars = achievementBars(items);
  // The breadcrumb starts at the units the user is bound to: the ancestors above are not theirs to open.
  const rootIds = new Set((me.data?.units ?? []).map((u) => u.id));
  const path = unit.data?.path ?? [];
  const firstOwn = path.findIndex((p) => rootIds.has(p.id));
  const crumbs = firstOwn >= 0 ? path.slice(firstOwn) : path.slice(-1);

  const exportXlsx = async (children = false) => {
    const path = children ? 'plan-progress/children.xlsx' : 'plan-progress.xlsx';
    try {
      await downloadWithSession(client, `/api/v1/dashboard/${path}${buildQuery({ ...query })}`, `tien-do-chi-tieu-${year}${children ? '-don-vi-truc-thuoc' : ''}.xlsx`);
    } catch (err) {
      void message.error(errorMessage(err, language, t('errors.generic')));
    }
  };
  const note = (row: { note: string | null; noteEn: string | null }) => (language === 'en' ? row.noteEn : row.note) ?? null;

  const columns: ColumnsType<ProgressItem> = [
    {
      key: 'target',
      title: t('dashboard.progress.columns.target'),
      render: (_v, row) => (
        <div className="dash-target-text">
          <Link to={`/plans/${row.planId}`}>
            <Tag color="magenta">{row.symbol ?? t('plans.list.noNumber')}</Tag>
          </Link>
          <Typography.Paragraph ellipsis={{ rows: 3, tooltip: row.text }} style={{ margin: '4px 0 0' }}>
            {row.text}
          </Typography.Paragraph>
          {row.indicatorName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {indicatorName({ name: row.indicatorName, nameEn: row.indicatorNameEn }, language)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'value',
      title: t('dashboard.progress.columns.targetValue'),
      align: 'right',
      className: 'nowrap',
      render: (_v, row) => (row.target === null ? '—' : `${formatNumber(row.target)}${row.unit === '%' ? '%' : row.unit ? ` ${row.unit}` : ''}`),
    },
    {
      key: 'actual',
      title: t('dashboard.progress.columns.actual'),
      dataIndex: 'actual',
      align: 'right',
      className: 'nowrap',
      render: (v: number | null, row) => (
        <>
          {v === null ? '—' : row.unit === '%' ? formatPercent(v) : formatNumber(v)}
          {/* Before the year is over, the figures are those of its first half (or quarter, month). */}
          {row.period && row.period !== String(year) && (
            <Typography.Text type="secondary" className="dash-period">
              {periodLabel(row.period, language)}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'achievement',
      title: t('dashboard.progress.columns.achievement'),
      dataIndex: 'achievementPct',
      align: 'right',
      className: 'nowrap',
      sorter: (a, b) => (a.achievementPct ?? -1) - (b.achievementPct ?? -1),
      render: (v: number | null) => formatPercent(v),
    },
    {
      key: 'status',
      title: t('dashboard.progress.columns.status'),
      dataIndex: 'status',
      render: (s: ProgressStatus, row) => (
        <>
          <StatusTag status={s} label={s === 'not_measured' && row.indicatorCode && row.note ? (language === 'en' ? row.statusLabelEn : row.statusLabel) : undefined} />
          {note(row) && (
            <Typography.Text type="secondary" className="dash-note">
              {note(row)}
            </Typography.Text>
          )}
        </>
      ),
    },
  ];

  const childColumns: ColumnsType<Child> = [
    {
      key: 'name',
      title: t('dashboard.progress.childColumns.unit'),
      dataIndex: 'name',
      sorter: (a, b) => compareVietnamese(a.name, b.name),
      render: (v: string, row) => (
        <Link to={`?${new URLSearchParams({ ...Object.fromEntries(params), unitId: row.id }).toString()}`} data-testid="drill-down">
          {v}
        </Link>
      ),
    },
    { key: 'level', title: t('dashboard.progress.childColumns.level'), dataIndex: 'level', responsive: ['md'], render: (v: string) => levelOf(v) },
    {
      key: 'bar',
      title: t('dashboard.progress.childColumns.status'),
      render: (_v, row) =>
        // A branch reports no form: say so rather than "no data" for every target.
        row.reporting ? (
          <StatusBar summary={row.summary} />
        ) : (
          <Typography.Text type="secondary" data-testid="not-reporting">
            {t('dashboard.progress.notReporting', { level: levelOf(row.level) })}
          </Typography.Text>
        ),
    },
    {
      key: 'healthy',
      title: t('dashboard.progress.childColumns.healthy'),
      align: 'right',
      className: 'nowrap',
      sorter: (a, b) => (healthyShare(a.summary) ?? -1) - (healthyShare(b.summary) ?? -1),
      render: (_v, row) => (row.reporting ? formatPercent(healthyShare(row.summary), 0) : '—'),
    },
  ];

  const planOptions = (data?.options.plans ?? []).map((p) => ({ value: p.id, label: `${p.symbol ?? t('plans.list.noNumber')} — ${p.title}` }));
  const filter = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={1} className="page__title">
            {t('dashboard.progress.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dashboard.progress.subtitle')}</Typography.Text>
        </div>
        <Space wrap className="dash-progress-actions">
          <Select
            aria-label={t('plans.fields.year')}
            value={year}
            style={{ width: 100 }}
            options={Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
            onChange={(v: number) => set({ year: String(v), asOf: undefined })}
          />
          {/* The picture at a day of the year: today while it runs, its last day once over; any day to look back. */}
          <DatePicker
            aria-label={t('dashboard.progress.asOf')}
            format="DD/MM/YYYY"
            placeholder={t('dashboard.progress.asOf')}
            value={data?.asOf ? dayjs(data.asOf) : asOf ? dayjs(asOf) : null}
            minDate={dayjs(`${year}-01-01`)}
            maxDate={dayjs(`${year}-12-31`)}
            onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
            data-testid="progress-as-of"
          />
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} disabled={!data?.items.length}>
            {t('dashboard.exportXlsx')}
          </Button>
        </Space>
      </div>

      {crumbs.length > 0 && (
        <Breadcrumb
          className="dash-breadcrumb"
          items={crumbs.map((c, i) => ({
            key: c.id,
            title: i === crumbs.length - 1 ? <span aria-current="page">{c.name}</span> : <Link to={`?${new URLSearchParams({ ...Object.fromEntries(params), unitId: c.id }).toString()}`}>{c.name}</Link>,
          }))}
        />
      )}

      {data && (
        <Typography.Paragraph type="secondary" className="dash-as-of" data-testid="progress-as-of-text">
          {t(data.asOf >= `${year}-12-31` ? 'dashboard.progress.asOfYearEnd' : 'dashboard.progress.asOfText', { date: dayjs(data.asOf).format('DD/MM/YYYY'), year })}
          {!asOf && !yearOver && data.asOf < `${year}-12-31` ? ` ${t('dashboard.progress.asOfToday')}` : ''}
        </Typography.Paragraph>
      )}
      {data && !data.reporting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="progress-not-reporting"
          message={t('dashboard.progress.unitNotReporting', { level: levelOf(data.unit.level), levels: data.reportingLevels.map(levelOf).join(', ') })}
        />
      )}

      <Card className="filters-card dash-filters" size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={7}>
            <label className="filter-label" htmlFor="progress-plan">
              {t('dashboard.progress.filters.plan')}
            </label>
            <Select id="progress-plan" allowClear showSearch filterOption={filter} placeholder={t('dashboard.progress.filters.all')} value={query.planId} options={planOptions} onChange={(v?: string) => set({ planId: v })} popupMatchSelectWidth={false} />
          </Col>
          <Col xs={24} md={12} xl={5}>
            <label className="filter-label" htmlFor="progress-programme">
              {t('dashboard.progress.filters.programme')}
            </label>
            <Select
              id="progress-programme"
              allowClear
              showSearch
              filterOption={filter}
              placeholder={t('dashboard.progress.filters.all')}
              value={query.programme}
              options={(data?.options.programmes ?? []).map((p) => ({ value: p, label: p }))}
              onChange={(v?: string) => set({ programme: v })}
              popupMatchSelectWidth={false}
            />
          </Col>
          <Col xs={24} md={8} xl={5}>
            <label className="filter-label" htmlFor="progress-department">
              {t('dashboard.progress.filters.department')}
            </label>
            <Select
              id="progress-department"
              allowClear
              showSearch
              filterOption={filter}
              placeholder={t('dashboard.progress.filters.all')}
              value={query.departmentId}
              options={(data?.options.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(v?: string) => set({ departmentId: v })}
              popupMatchSelectWidth={false}
            />
          </Col>
          <Col xs={24} md={8} xl={3}>
            <label className="filter-label" htmlFor="progress-level">
              {t('dashboard.progress.filters.level')}
            </label>
            <Select
              id="progress-level"
              allowClear
              placeholder={t('dashboard.progress.filters.all')}
              value={query.level}
              options={(data?.options.levels ?? []).map((l) => ({ value: l, label: levelOf(l) }))}
              onChange={(v?: string) => set({ level: v })}
            />
          </Col>
          <Col xs={24} md={8} xl={4}>
            <label className="filter-label" htmlFor="progress-status">
              {t('dashboard.progress.filters.status')}
            </label>
            <Select
              id="progress-status"
              allowClear
              placeholder={t('dashboard.progress.filters.all')}
              value={status}
              options={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`dashboard.status.${s}`) }))}
              onChange={(v?: string) => set({ status: v })}
            />
          </Col>
        </Row>
      </Card>

      {progress.isError ? (
        <Alert type="error" showIcon message={errorMessage(progress.error, language, t('errors.generic'))} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" className="dash-chart-card" title={t('dashboard.progress.byStatus', { unit: data?.unit.name ?? '' })} data-testid="progress-status-chart">
              {progress.isLoading ? (
                <Skeleton active />
              ) : slices.length === 0 ? (
                <Empty description={t('dashboard.progress.noTargets')} />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <StatusChart slices={slices} label={slices.map((s) => `${s.name}: ${s.value}`).join(', ')} onPick={(s) => set({ status: s === status ? undefined : s })} />
                </Suspense>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" className="dash-chart-card" title={t('dashboard.progress.achievementChart')}>
              {progress.isLoading ? (
                <Skeleton active />
              ) : bars.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.progress.noMeasured')} />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <AchievementChart bars={bars} label={t('dashboard.progress.achievementChart')} />
                </Suspense>
              )}
            </Card>
          </Col>
          {/* The table takes the full width: beside the charts its status column was cut off on a laptop. */}
          <Col xs={24}>
            <Card size="small" title={t('dashboard.progress.table', { count: items.length })}>
              <div data-testid="progress-table">
                <Table<ProgressItem>
                  rowKey={(r) => `${r.planId}-${r.targetIndex}`}
                  size={screens.md ? 'middle' : 'small'}
                  loading={progress.isFetching && !progress.data}
                  dataSource={items}
                  columns={columns}
                  pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  showSorterTooltip={false}
                  scroll={{ x: 640 }}
                  locale={{ emptyText: t('dashboard.progress.noTargets') }}
                />
              </div>
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              size="small"
              title={<span className="dash-card-title">{t('dashboard.progress.children', { unit: data?.unit.name ?? '' })}</span>}
              extra={
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportXlsx(true)} disabled={!data?.children.length} data-testid="export-children" aria-label={t('dashboard.progress.exportChildren')}>
                  {screens.sm ? t('dashboard.exportXlsx') : null}
                </Button>
              }
            >
              <div data-testid="progress-children">
                <Table<Child>
                  rowKey="id"
                  size="small"
                  loading={progress.isLoading}
                  dataSource={data?.children ?? []}
                  columns={childColumns}
                  pagination={(data?.children.length ?? 0) > 15 ? { pageSize: 15, showSizeChanger: false } : false}
                  showSorterTooltip={false}
                  scroll={screens.sm ? { x: 480 } : undefined}
                  locale={{ emptyText: t('dashboard.progress.noChildren') }}
                />
              </div>
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
