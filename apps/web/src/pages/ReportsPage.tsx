import { Button, Card, Col, Grid, Row, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { RightOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { REPORT_STATUSES, type ReportListItem, type ReportStatus } from '@sen/contracts';
import { errorMessage } from '../lib/api-error';
import { formatDate, formatNumber } from '../lib/format';
import { levelLabel, reportStatusLabel } from '../lib/labels';
import { periodLabel } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { UnitTreeSelect } from '../modules/org-units/components/UnitTreeSelect';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { ReportStatusTag } from '../modules/reports/components/ReportStatusTag';
import { ReportTabs } from '../modules/reports/components/ReportTabs';
import { useReportList, useUnitNames } from '../modules/reports/hooks/useReports';

const PAGE_SIZE = 20;

/** The reports of the user's units: filter by period, status and unit; open one to enter or review it. */
export function ReportsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const status = (params.get('status') as ReportStatus | null) ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useReportList({ period, status, unitId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const rows = list.data?.items ?? [];
  const names = useUnitNames(rows.map((r) => r.unitId));
  const levelOf = (code: string) => levelLabel(code, me.data?.tenant.levels, language, t);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };

  const unitName = (row: ReportListItem) => names[row.unitId] ?? <Typography.Text type="secondary">#{row.unitId}</Typography.Text>;

  const columns: ColumnsType<ReportListItem> = phone
    ? [
        {
          key: 'report',
          title: t('reports.fields.unit'),
          render: (_v, row) => (
            <div className="report-row--phone">
              <div>
                <Typography.Text strong>{unitName(row)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {periodLabel(row.period, language)} · {t('reports.fields.deadline')} {formatDate(row.deadline)}
                  </Typography.Text>
                </div>
                <ReportStatusTag status={row.status} />
              </div>
              <RightOutlined aria-hidden />
            </div>
          ),
        },
      ]
    : [
        { key: 'unit', title: t('reports.fields.unit'), render: (_v, row) => <Link to={`/reports/${row.id}`}>{unitName(row)}</Link> },
        { key: 'period', title: t('reports.fields.period'), dataIndex: 'period', width: 200, render: (v: string) => periodLabel(v, language) },
        { key: 'form', title: t('reports.fields.form'), dataIndex: 'formCode', width: 120, responsive: ['lg'], render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        { key: 'deadline', title: t('reports.fields.deadline'), dataIndex: 'deadline', width: 120, render: (v: string) => formatDate(v) },
        { key: 'status', title: t('reports.fields.status'), dataIndex: 'status', width: 130, render: (v: ReportStatus) => <ReportStatusTag status={v} /> },
        {
          key: 'open',
          title: <span className="sr-only">{t('reports.open')}</span>,
          width: 110,
          render: (_v, row) => (
            <Link to={`/reports/${row.id}`}>
              <Button size="small">{t('reports.open')}</Button>
            </Link>
          ),
        },
      ];

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('reports.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        <ReportTabs />
      </div>
      <Card className="filters-card" size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={7}>
            <label className="filter-label" htmlFor="filter-period">
              {t('reports.fields.period')}
            </label>
            <PeriodSelect id="filter-period" value={period} onChange={(v) => setFilter('period', v)} allowClear placeholder={t('reports.allPeriods')} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <label className="filter-label" htmlFor="filter-status">
              {t('reports.fields.status')}
            </label>
            <Select
              id="filter-status"
              allowClear
              value={status}
              onChange={(v?: string) => setFilter('status', v)}
              placeholder={t('reports.allStatuses')}
              style={{ width: '100%' }}
              options={REPORT_STATUSES.map((s) => ({ value: s, label: reportStatusLabel(s, language, t) }))}
            />
          </Col>
          <Col xs={24} lg={12}>
            <label className="filter-label" htmlFor="filter-unit">
              {t('reports.fields.unit')}
            </label>
            <UnitTreeSelect id="filter-unit" value={unitId} onChange={(v) => setFilter('unitId', v)} placeholder={t('reports.allUnits')} levelLabel={levelOf} />
          </Col>
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <Typography.Text type="danger">{errorMessage(list.error, language, t('errors.generic'))}</Typography.Text>
        ) : (
          <Table<ReportListItem>
            rowKey="id"
            size={phone ? 'small' : 'middle'}
            // The rows of the previous filter stay while the new ones load, under the spinner (never shown as the answer).
            loading={list.isFetching && (!list.data || list.isPlaceholderData)}
            dataSource={rows}
            columns={columns}
            onRow={phone ? (row) => ({ onClick: () => navigate(`/reports/${row.id}`), className: 'clickable-row' }) : undefined}
            locale={{ emptyText: t('reports.none') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
              showTotal: (total) => t('reports.total', { n: formatNumber(total) }),
            }}
          />
        )}
      </Card>
    </div>
  );
}
