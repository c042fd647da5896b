import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SummaryReportDto, SummaryReportStatus } from '@sen/contracts';
import { useApiClient } from '../lib/api-context';
import { errorMessage } from '../lib/api-error';
import { downloadWithSession } from '../lib/download';
import { formatNumber } from '../lib/format';
import { levelLabel } from '../lib/labels';
import { defaultHalfYear, periodLabel } from '../lib/periods';
import { rememberedPeriod, rememberPeriod } from '../lib/preferred-period';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { useDashboardPeriods } from '../modules/dashboard/hooks/useDashboard';
import { openingPeriod, settled as periodsSettled } from '../modules/dashboard/progress';
import { UnitTreeSelect } from '../modules/org-units/components/UnitTreeSelect';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { summaryReportFileUrl, summaryReportKeys } from '../modules/summary-reports/api/summary-reports.api';
import { useCreateSummaryReport, useSummaryReport, useSummaryReportList } from '../modules/summary-reports/hooks/useSummaryReports';
import { barPercent, barStatus, fallbackFileName, fileSizeLabel, isSettled, STATUS_COLORS } from '../modules/summary-reports/status';

const PAGE_SIZE = 10;

/** "Báo cáo tổng hợp": a unit's report for a period as an official Word file, generated in the background with a progress bar. */
export function SummaryReportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? me.data?.units[0]?.id;
  // Without a period in the address: the one last picked if the unit has figures for it, else its latest with figures.
  const periods = useDashboardPeriods({ unitId }, !!unitId && !params.get('period'));
  const period = params.get('period') || periodsSettled(periods) ? openingPeriod(params.get('period'), rememberedPeriod(), periods.data?.periods, defaultHalfYear()) : undefined;
  const following = params.get('id');
  const [offset, setOffset] = useState(0);
  const create = useCreateSummaryReport();
  const current = useSummaryReport(following);
  const list = useSummaryReportList({ limit: PAGE_SIZE, offset });
  const levelOf = (code: string) => levelLabel(code, me.data?.tenant.levels, language, t);
  const statusLabel: Record<SummaryReportStatus, string> = {
    queued: t('summaryReports.status.queued'),
    running: t('summaryReports.status.running'),
    done: t('summaryReports.status.done'),
    failed: t('summaryReports.status.failed'),
  };

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if ('period' in patch) rememberPeriod(patch.period);
    setParams(next, { replace: true });
  };

  // When the followed report settles, the list shows it as it is now.
  const settled = useRef<string | null>(null);
  const status = current.data?.status;
  useEffect(() => {
    if (!following || !isSettled(status) || settled.current === following) return;
    settled.current = following;
    void queryClient.invalidateQueries({ queryKey: [...summaryReportKeys.all, 'list'] });
  }, [following, status, queryClient]);

  const generate = async () => {
    if (!unitId || !period) return;
    try {
      const res = await create.mutateAsync({ unitId, period });
      settled.current = null;
      set({ id: res.id });
    } catch (err) {
      void message.error(errorMessage(err, language, t('errors.generic')));
    }
  };

  const download = async (r: Pick<SummaryReportDto, 'id' | 'period'>) => {
    try {
      await downloadWithSession(client, summaryReportFileUrl(r.id), fallbackFileName(r.period));
    } catch (err) {
      void message.error(errorMessage(err, language, t('errors.generic')));
    }
  };

  const columns: ColumnsType<SummaryReportDto> = [
    { key: 'unit', title: t('summaryReports.columns.unit'), dataIndex: 'unitName' },
    { key: 'period', title: t('summaryReports.columns.period'), dataIndex: 'period', render: (v: string) => periodLabel(v, language) },
    {
      key: 'status',
      title: t('summaryReports.columns.status'),
      dataIndex: 'status',
      width: 150,
      render: (v: SummaryReportStatus, r) =>
        v === 'running' || v === 'queued' ? (
          <Progress percent={barPercent(r)} size="small" status={barStatus(v)} aria-label={statusLabel[v]} />
        ) : (
          <Tag color={STATUS_COLORS[v]} title={v === 'failed' ? ((language === 'en' ? r.errorEn : r.error) ?? undefined) : undefined}>
            {statusLabel[v]}
          </Tag>
        ),
    },
    {
      key: 'created',
      title: t('summaryReports.columns.created'),
      dataIndex: 'createdAt',
      responsive: ['sm'],
      className: 'nowrap',
      render: (v: string) => dayjs(v).format('DD/MM/YYYY HH:mm'),
    },
    { key: 'size', title: t('summaryReports.columns.size'), dataIndex: 'fileSize', align: 'right', responsive: ['md'], render: (v: number | null) => fileSizeLabel(v, formatNumber) },
    {
      key: 'file',
      title: t('summaryReports.columns.file'),
      width: 120,
      render: (_v, r) =>
        r.status === 'done' ? (
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(r)} aria-label={t('summaryReports.downloadOf', { unit: r.unitName, period: periodLabel(r.period, language) })}>
            {t('summaryReports.download')}
          </Button>
        ) : null,
    },
  ];

  const report = current.data;
  const reportError = report ? (language === 'en' ? report.errorEn : report.error) : null;

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={1} className="page__title">
            {t('summaryReports.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('summaryReports.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card className="filters-card" size="small">
        <Row gutter={[12, 12]} align="bottom">
          <Col xs={24} md={10}>
            <label className="filter-label" htmlFor="summary-unit">
              {t('summaryReports.unit')}
            </label>
            <UnitTreeSelect
              id="summary-unit"
              value={unitId}
              onChange={(v) => set({ unitId: v })}
              knownNames={Object.fromEntries((me.data?.units ?? []).map((u) => [u.id, u.name]))}
              allowClear={false}
              levelLabel={levelOf}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} sm={12} md={8}>
            <label className="filter-label" htmlFor="summary-period">
              {t('summaryReports.period')}
            </label>
            <PeriodSelect id="summary-period" value={period} onChange={(v) => set({ period: v })} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Button type="primary" block icon={<FileWordOutlined />} onClick={() => void generate()} loading={create.isPending} disabled={!unitId || !period} data-testid="summary-generate">
              {t('summaryReports.generate')}
            </Button>
          </Col>
        </Row>
      </Card>

      {following && (
        <Card size="small" style={{ marginBottom: 16 }} title={report ? `${report.unitName} — ${periodLabel(report.period, language)}` : t('summaryReports.current')}>
          {current.isError ? (
            <Alert type="error" showIcon message={errorMessage(current.error, language, t('errors.generic'))} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              <div data-testid="summary-progress" data-status={report?.status ?? 'loading'} data-progress={barPercent(report)}>
                <Progress percent={barPercent(report)} status={barStatus(report?.status)} aria-label={t('summaryReports.progress')} />
                <Typography.Text type="secondary">{report ? statusLabel[report.status] : t('summaryReports.status.queued')}</Typography.Text>
              </div>
              {report?.status === 'failed' && reportError && <Alert type="error" showIcon message={t('summaryReports.failed')} description={reportError} />}
              {report?.status === 'running' && reportError && <Alert type="warning" showIcon message={t('summaryReports.retrying')} description={reportError} />}
              {report?.status === 'done' && (
                <Button type="primary" icon={<DownloadOutlined />} onClick={() => void download(report)} data-testid="summary-download">
                  {t('summaryReports.downloadDocx')}
                </Button>
              )}
            </Space>
          )}
        </Card>
      )}

      <Card size="small" title={t('summaryReports.earlier')}>
        {list.isError ? (
          <Alert type="error" showIcon message={errorMessage(list.error, language, t('errors.generic'))} />
        ) : (
          <Table<SummaryReportDto>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isLoading}
            locale={{ emptyText: t('summaryReports.empty') }}
            pagination={{
              current: Math.floor(offset / PAGE_SIZE) + 1,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: (page) => setOffset((page - 1) * PAGE_SIZE),
            }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </Card>
    </div>
  );
}
