import { Button, Card, Col, Empty, Grid, message, Progress, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import '../modules/dashboard/dashboard.css';
import { useTranslation } from 'react-i18next';
import { compareVietnamese, type CompletenessResponse, type LateReport } from '@sen/contracts';
import { buildQuery } from '../lib/api-client';
import { useApiClient } from '../lib/api-context';
import { errorMessage } from '../lib/api-error';
import { downloadWithSession } from '../lib/download';
import { formatNumber, formatPercent } from '../lib/format';
import { levelLabel } from '../lib/labels';
import { defaultHalfYear, parsePeriod, periodId } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { useDashboardPeriods } from '../modules/dashboard/hooks/useDashboard';
import { openingPeriod, settled } from '../modules/dashboard/progress';
import { completion, type Counts } from '../modules/reports/completeness';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { ReportStatusTag } from '../modules/reports/components/ReportStatusTag';
import { ReportTabs } from '../modules/reports/components/ReportTabs';
import { useCompleteness, useReportForms } from '../modules/reports/hooks/useReports';

type LevelRow = CompletenessResponse['levels'][number];
type ChildRow = CompletenessResponse['children'][number];
type MissingRow = CompletenessResponse['missing'][number];

/** Approved in dark green, handed in and waiting in the brand's magenta: both readable on white. */
const APPROVED_COLOR = '#237804';
const SUBMITTED_COLOR = '#c41d7f';

function CountsProgress({ counts, label }: { counts: Counts; label: string }) {
  const pct = completion(counts);
  return (
    <Progress
      percent={Math.round((pct.submitted ?? 0) * 10) / 10}
      success={{ percent: Math.round((pct.approved ?? 0) * 10) / 10, strokeColor: APPROVED_COLOR }}
      strokeColor={SUBMITTED_COLOR}
      // Never antd's "success" state at 100 %: its pale green text is unreadable on white.
      status="normal"
      format={() => formatPercent(pct.submitted, 1)}
      size="small"
      aria-label={label}
    />
  );
}

const rateOf = (c: Counts) => completion(c).submitted ?? -1;

/** Who has reported for a period and form: per level, per child unit, the units still missing and those late. */
export function CompletenessPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const screens = Grid.useBreakpoint();
  const client = useApiClient();
  const me = useMe();
  const forms = useReportForms();
  const [params, setParams] = useSearchParams();
  const formCode = params.get('formCode') ?? forms.data?.[0]?.code;
  const form = forms.data?.find((f) => f.code === formCode);
  const kind = form?.periodKind ?? 'half';
  const fallbackPeriod = kind === 'year' ? periodId('year', new Date().getFullYear() - 1) : defaultHalfYear();
  const requested = params.get('period');
  const asked = requested && parsePeriod(requested)?.kind === kind ? requested : null;
  // Without a period in the address: the latest period of the form with reports handed in (not an empty half-year).
  const periods = useDashboardPeriods({}, !asked);
  const reported = periods.data?.forms.find((f) => f.formCode === formCode)?.periods;
  const period = asked || settled(periods) ? openingPeriod(asked, null, reported, fallbackPeriod, (p) => parsePeriod(p)?.kind === kind) : undefined;
  const data = useCompleteness(period, formCode);
  const levelOf = (code: string) => levelLabel(code, me.data?.tenant.levels, language, t);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'formCode') next.delete('period');
    setParams(next, { replace: true });
  };

  const exportXlsx = async () => {
    if (!period || !formCode) return;
    try {
      await downloadWithSession(client, `/api/v1/reports/completeness.xlsx${buildQuery({ period, formCode })}`, `tinh-hinh-nop-bao-cao-${formCode}-${period}.xlsx`);
    } catch (err) {
      void message.error(errorMessage(err, language, t('errors.generic')));
    }
  };

  const countColumns = <T extends Counts & { name?: string; level?: string }>(): ColumnsType<T> => [
    { key: 'expected', title: t('completeness.expected'), dataIndex: 'expected', align: 'right', width: 100, sorter: (a, b) => a.expected - b.expected, render: (v: number) => formatNumber(v) },
    { key: 'submitted', title: t('completeness.submitted'), dataIndex: 'submitted', align: 'right', width: 100, sorter: (a, b) => a.submitted - b.submitted, render: (v: number) => formatNumber(v) },
    { key: 'approved', title: t('completeness.approved'), dataIndex: 'approved', align: 'right', width: 100, responsive: ['sm'], sorter: (a, b) => a.approved - b.approved, render: (v: number) => formatNumber(v) },
    { key: 'late', title: t('completeness.late'), dataIndex: 'late', align: 'right', width: 100, responsive: ['sm'], sorter: (a, b) => a.late - b.late, render: (v: number) => formatNumber(v) },
    {
      key: 'progress',
      title: t('completeness.progress'),
      width: 200,
      responsive: ['md'],
      sorter: (a, b) => rateOf(a) - rateOf(b),
      render: (_v, row) => <CountsProgress counts={row} label={t('completeness.submittedShareOf', { name: row.name ?? (row.level ? levelOf(row.level) : '') })} />,
    },
  ];

  const levelColumns: ColumnsType<LevelRow> = [{ key: 'level', title: t('completeness.level'), dataIndex: 'level', render: (v: string) => levelOf(v) }, ...countColumns<LevelRow>()];
  const childColumns: ColumnsType<ChildRow> = [
    { key: 'name', title: t('completeness.unit'), dataIndex: 'name', sorter: (a, b) => compareVietnamese(a.name, b.name) },
    ...countColumns<ChildRow>(),
  ];
  const missingColumns: ColumnsType<MissingRow> = [
    { key: 'name', title: t('completeness.unit'), dataIndex: 'name', sorter: (a, b) => compareVietnamese(a.name, b.name), render: (v: string, row) => <Link to={`/reports/${row.reportId}`}>{v}</Link> },
    { key: 'parent', title: t('completeness.parent'), dataIndex: 'parentName', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    {
      key: 'contact',
      title: t('completeness.contact'),
      render: (_v, row) =>
        row.contactName || row.contactPhone || row.contactEmail ? (
          <div className="contact-cell">
            {row.contactName && <div>{row.contactName}</div>}
            {row.contactPhone && (
              <div>
                <a href={`tel:${row.contactPhone.replace(/[^\d+]/g, '')}`}>{row.contactPhone}</a>
              </div>
            )}
            {row.contactEmail && (
              <div>
                <a href={`mailto:${row.contactEmail}`}>{row.contactEmail}</a>
              </div>
            )}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('completeness.noContact')}</Typography.Text>
        ),
    },
    { key: 'status', title: t('reports.fields.status'), dataIndex: 'status', width: 130, render: (v: MissingRow['status']) => <ReportStatusTag status={v} /> },
  ];
  const lateColumns: ColumnsType<LateReport> = [
    { key: 'name', title: t('completeness.unit'), dataIndex: 'name', sorter: (a, b) => compareVietnamese(a.name, b.name), render: (v: string, row) => <Link to={`/reports/${row.reportId}`}>{v}</Link> },
    { key: 'parent', title: t('completeness.parent'), dataIndex: 'parentName', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    {
      key: 'submittedAt',
      title: t('completeness.submittedAt'),
      dataIndex: 'submittedAt',
      className: 'nowrap',
      responsive: ['sm'],
      sorter: (a, b) => a.submittedAt.localeCompare(b.submittedAt),
      render: (v: string) => dayjs(v).format('DD/MM/YYYY HH:mm'),
    },
    { key: 'deadline', title: t('completeness.deadline'), dataIndex: 'deadline', className: 'nowrap', responsive: ['md'], render: (v: string) => dayjs(v).format('DD/MM/YYYY') },
    {
      key: 'daysLate',
      title: t('completeness.daysLate'),
      dataIndex: 'daysLate',
      align: 'right',
      className: 'nowrap',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.daysLate - b.daysLate,
      render: (v: number) => t('completeness.days', { count: v, n: formatNumber(v) }),
    },
    { key: 'status', title: t('reports.fields.status'), dataIndex: 'status', width: 130, responsive: ['sm'], render: (v: LateReport['status']) => <ReportStatusTag status={v} /> },
  ];

  const overall = data.data?.overall;
  const pct = overall ? completion(overall) : null;
  const late = data.data?.late ?? [];
  const paging = (n: number) => (n > 20 ? { pageSize: 20, showSizeChanger: false } : false);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={1} className="page__title">
            {t('completeness.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        {/* The tabs scroll sideways on a phone rather than widen the page. */}
        <div className="dash-tabs-scroll">
          <ReportTabs />
        </div>
      </div>
      <Card className="filters-card" size="small">
        <Row gutter={[12, 12]} align="bottom">
          <Col xs={24} sm={12} lg={8}>
            <label className="filter-label" htmlFor="completeness-form">
              {t('reports.fields.form')}
            </label>
            <Select
              id="completeness-form"
              value={formCode}
              loading={forms.isLoading}
              onChange={(v: string) => set('formCode', v)}
              style={{ width: '100%' }}
              options={(forms.data ?? []).map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }))}
            />
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <label className="filter-label" htmlFor="completeness-period">
              {t('reports.fields.period')}
            </label>
            <PeriodSelect id="completeness-period" value={period} kinds={[kind]} onChange={(v) => set('period', v)} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} lg={8} style={{ textAlign: screens.lg ? 'right' : undefined }}>
            <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} disabled={!data.data} data-testid="export-completeness">
              {t('dashboard.exportXlsx')}
            </Button>
          </Col>
        </Row>
      </Card>

      {data.isLoading || forms.isLoading || !period ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : data.isError ? (
        <Card>
          <Typography.Text type="danger">{errorMessage(data.error, language, t('errors.generic'))}</Typography.Text>
        </Card>
      ) : !data.data || !overall ? (
        <Card>
          <Empty />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Row gutter={[16, 16]} align="middle">
              <Col xs={12} md={6}>
                <Statistic title={t('completeness.expected')} value={overall.expected} formatter={(v) => formatNumber(Number(v))} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('completeness.submitted')} value={overall.submitted} formatter={(v) => formatNumber(Number(v))} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('completeness.approved')} value={overall.approved} formatter={(v) => formatNumber(Number(v))} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('completeness.late')} value={overall.late} formatter={(v) => formatNumber(Number(v))} valueStyle={overall.late > 0 ? { color: '#ad2102' } : undefined} />
              </Col>
              <Col span={24}>
                <Typography.Text>{t('completeness.summary', { submitted: formatPercent(pct?.submitted, 1), approved: formatPercent(pct?.approved, 1) })}</Typography.Text>
                <Progress
                  percent={Math.round((pct?.submitted ?? 0) * 10) / 10}
                  success={{ percent: Math.round((pct?.approved ?? 0) * 10) / 10, strokeColor: APPROVED_COLOR }}
                  strokeColor={SUBMITTED_COLOR}
                  status="normal"
                  format={() => formatPercent(pct?.submitted, 1)}
                  aria-label={t('completeness.submittedShare')}
                  data-testid="completeness-progress"
                />
                <Typography.Text type="secondary" className="legend">
                  <span className="legend__dot legend__dot--approved" style={{ background: APPROVED_COLOR }} /> {t('completeness.approved')}{' '}
                  <span className="legend__dot legend__dot--submitted" /> {t('completeness.submittedNotApproved')}
                </Typography.Text>
              </Col>
            </Row>
          </Card>
          <Card title={t('completeness.byLevel')} size="small">
            <Table<LevelRow> rowKey="level" size="small" pagination={false} dataSource={data.data.levels} columns={levelColumns} showSorterTooltip={false} />
          </Card>
          {data.data.children.length > 0 && (
            <Card title={t('completeness.byChild')} size="small">
              <Table<ChildRow>
                rowKey="unitId"
                size="small"
                dataSource={data.data.children}
                columns={childColumns}
                showSorterTooltip={false}
                pagination={paging(data.data.children.length)}
                data-testid="completeness-children"
              />
            </Card>
          )}
          <Card title={t('completeness.lateList', { n: formatNumber(late.length) })} size="small">
            <Table<LateReport>
              rowKey="reportId"
              size="small"
              dataSource={late}
              columns={lateColumns}
              showSorterTooltip={false}
              locale={{ emptyText: t('completeness.noneLate') }}
              pagination={paging(late.length)}
              scroll={screens.sm ? undefined : { x: 'max-content' }}
              data-testid="completeness-late"
            />
          </Card>
          <Card title={t('completeness.missing', { n: formatNumber(data.data.missing.length) })} size="small">
            <Table<MissingRow>
              rowKey="reportId"
              size="small"
              dataSource={data.data.missing}
              columns={missingColumns}
              showSorterTooltip={false}
              locale={{ emptyText: t('completeness.noneMissing') }}
              pagination={paging(data.data.missing.length)}
              scroll={screens.sm ? undefined : { x: 'max-content' }}
              data-testid="completeness-missing"
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
