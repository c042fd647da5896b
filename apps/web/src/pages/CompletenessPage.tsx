import { Card, Col, Empty, Grid, Progress, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CompletenessResponse } from '@sen/contracts';
import { errorMessage } from '../lib/api-error';
import { formatNumber, formatPercent } from '../lib/format';
import { levelLabel } from '../lib/labels';
import { defaultHalfYear, parsePeriod, periodId } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { completion, type Counts } from '../modules/reports/completeness';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { ReportStatusTag } from '../modules/reports/components/ReportStatusTag';
import { ReportTabs } from '../modules/reports/components/ReportTabs';
import { useCompleteness, useReportForms } from '../modules/reports/hooks/useReports';

type LevelRow = CompletenessResponse['levels'][number];
type ChildRow = CompletenessResponse['children'][number];
type MissingRow = CompletenessResponse['missing'][number];

function CountsProgress({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const pct = completion(counts);
  return (
    <Progress
      percent={Math.round((pct.submitted ?? 0) * 10) / 10}
      success={{ percent: Math.round((pct.approved ?? 0) * 10) / 10 }}
      format={() => formatPercent(pct.submitted, 1)}
      size="small"
      aria-label={t('completeness.submittedShare')}
    />
  );
}

/** Who has reported for a period and form: per level, per child unit, and the units still missing. */
export function CompletenessPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const screens = Grid.useBreakpoint();
  const me = useMe();
  const forms = useReportForms();
  const [params, setParams] = useSearchParams();
  const formCode = params.get('formCode') ?? forms.data?.[0]?.code;
  const form = forms.data?.find((f) => f.code === formCode);
  const kind = form?.periodKind ?? 'half';
  const fallbackPeriod = kind === 'year' ? periodId('year', new Date().getFullYear() - 1) : defaultHalfYear();
  const requested = params.get('period');
  const period = requested && parsePeriod(requested)?.kind === kind ? requested : fallbackPeriod;
  const data = useCompleteness(period, formCode);
  const levelOf = (code: string) => levelLabel(code, me.data?.tenant.levels, language, t);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const countColumns = <T extends Counts>(): ColumnsType<T> => [
    { key: 'expected', title: t('completeness.expected'), dataIndex: 'expected', align: 'right', width: 100, render: (v: number) => formatNumber(v) },
    { key: 'submitted', title: t('completeness.submitted'), dataIndex: 'submitted', align: 'right', width: 100, render: (v: number) => formatNumber(v) },
    { key: 'approved', title: t('completeness.approved'), dataIndex: 'approved', align: 'right', width: 100, render: (v: number) => formatNumber(v) },
    { key: 'late', title: t('completeness.late'), dataIndex: 'late', align: 'right', width: 90, responsive: ['sm'], render: (v: number) => formatNumber(v) },
    { key: 'progress', title: t('completeness.progress'), width: 200, responsive: ['md'], render: (_v, row) => <CountsProgress counts={row} /> },
  ];

  const levelColumns: ColumnsType<LevelRow> = [{ key: 'level', title: t('completeness.level'), dataIndex: 'level', render: (v: string) => levelOf(v) }, ...countColumns<LevelRow>()];
  const childColumns: ColumnsType<ChildRow> = [{ key: 'name', title: t('completeness.unit'), dataIndex: 'name' }, ...countColumns<ChildRow>()];
  const missingColumns: ColumnsType<MissingRow> = [
    { key: 'name', title: t('completeness.unit'), dataIndex: 'name', render: (v: string, row) => <Link to={`/reports/${row.reportId}`}>{v}</Link> },
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

  const overall = data.data?.overall;
  const pct = overall ? completion(overall) : null;

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('completeness.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        <ReportTabs />
      </div>
      <Card className="filters-card" size="small">
        <Row gutter={[12, 12]}>
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
        </Row>
      </Card>

      {data.isLoading || forms.isLoading ? (
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
                <Statistic title={t('completeness.late')} value={overall.late} formatter={(v) => formatNumber(Number(v))} valueStyle={overall.late > 0 ? { color: '#d4380d' } : undefined} />
              </Col>
              <Col span={24}>
                <Typography.Text>{t('completeness.summary', { submitted: formatPercent(pct?.submitted, 1), approved: formatPercent(pct?.approved, 1) })}</Typography.Text>
                <Progress
                  percent={Math.round((pct?.submitted ?? 0) * 10) / 10}
                  success={{ percent: Math.round((pct?.approved ?? 0) * 10) / 10 }}
                  format={() => formatPercent(pct?.submitted, 1)}
                  aria-label={t('completeness.submittedShare')}
                  data-testid="completeness-progress"
                />
                <Typography.Text type="secondary" className="legend">
                  <span className="legend__dot legend__dot--approved" /> {t('completeness.approved')} <span className="legend__dot legend__dot--submitted" />{' '}
                  {t('completeness.submittedNotApproved')}
                </Typography.Text>
              </Col>
            </Row>
          </Card>
          <Card title={t('completeness.byLevel')} size="small">
            <Table<LevelRow> rowKey="level" size="small" pagination={false} dataSource={data.data.levels} columns={levelColumns} scroll={screens.md ? undefined : { x: true }} />
          </Card>
          {data.data.children.length > 0 && (
            <Card title={t('completeness.byChild')} size="small">
              <Table<ChildRow>
                rowKey="unitId"
                size="small"
                dataSource={data.data.children}
                columns={childColumns}
                pagination={data.data.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              />
            </Card>
          )}
          <Card title={t('completeness.missing', { n: formatNumber(data.data.missing.length) })} size="small">
            <Table<MissingRow>
              rowKey="reportId"
              size="small"
              dataSource={data.data.missing}
              columns={missingColumns}
              locale={{ emptyText: t('completeness.noneMissing') }}
              pagination={data.data.missing.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
