import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NationalRecomputeStatus, Reconciliation } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { periodLabel } from '../../../lib/periods';
import { currentLanguage } from '../../../i18n';
import { rollupKeys } from '../api/rollups.api';
import { isFinished } from '../format';
import { useNationalRecompute, useReconciliation, useStartNationalRecompute } from '../hooks/useRollups';
import { reconciliationText } from './ReconciliationLine';

type TenantLine = NationalRecomputeStatus['tenants'][number];

interface Row {
  code: string;
  name: string;
  line: TenantLine | undefined;
  reconciliation: Reconciliation | undefined;
}

/** The bar of a national recompute: 100 once completed, whatever was last reported. */
function overall(status: NationalRecomputeStatus | undefined): number {
  if (!status) return 0;
  if (status.state === 'completed') return 100;
  return Math.max(0, Math.min(100, Math.round(status.percent)));
}

/**
 * "Toàn quốc": for platform administrators and central analysts, a full recompute of the period for every active
 * tenant with a bar for the whole and one per province that move as the worker goes, the result once done, and each
 * province's last reconciliation.
 */
export function NationalRecomputeCard({ period }: { period: string | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const start = useStartNationalRecompute();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useNationalRecompute(jobId);
  const status = job.data;
  const reconciliations = useReconciliation('nation', period);
  const notified = useRef<string | null>(null);

  useEffect(() => {
    if (!jobId || notified.current === jobId || !isFinished(status?.state)) return;
    notified.current = jobId;
    if (status?.state === 'completed') {
      void queryClient.invalidateQueries({ queryKey: rollupKeys.all });
      void message.success(t('rollups.national.done'));
    } else {
      void message.error(t('rollups.recomputeFailed'));
    }
  }, [jobId, status?.state, queryClient, message, t]);

  const run = () => {
    if (!period) return;
    modal.confirm({
      title: t('rollups.national.confirm', { period: periodLabel(period, language) }),
      content: t('rollups.recomputeHelp'),
      okText: t('rollups.national.run'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const res = await start.mutateAsync(period);
          notified.current = null;
          setJobId(res.jobId);
        } catch (error) {
          void message.error(errorMessage(error, language, t('errors.generic')));
        }
      },
    });
  };

  // Every province: from the running job when there is one, else from the reconciliations.
  const byCode = new Map<string, Row>();
  for (const r of reconciliations.data?.items ?? []) byCode.set(r.tenant, { code: r.tenant, name: r.tenantName, line: undefined, reconciliation: r });
  for (const l of status?.tenants ?? []) byCode.set(l.code, { code: l.code, name: l.name, line: l, reconciliation: byCode.get(l.code)?.reconciliation });
  const rows = [...byCode.values()];
  const running = !!jobId && !isFinished(status?.state);
  const state = status?.state;

  return (
    <Card
      className="national-recompute"
      size="small"
      title={t('rollups.national.title')}
      extra={
        <Button type="primary" icon={<SyncOutlined spin={running} />} onClick={run} disabled={!period || running} loading={start.isPending}>
          {t('rollups.national.run')}
        </Button>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rollups.national.help', { period: period ? periodLabel(period, language) : '—' })}</Typography.Text>
        {jobId && (
          <div data-testid="national-progress">
            <Typography.Text strong>{t('rollups.national.overall')}</Typography.Text>
            <Progress
              percent={overall(status)}
              status={state === 'failed' ? 'exception' : state === 'completed' ? 'success' : 'active'}
              aria-label={t('rollups.national.overall')}
              format={(p) => `${formatNumber(p ?? 0, 0)}%`}
            />
            <Typography.Text type="secondary">
              {state ? t('rollups.jobState', { state: t(`rollups.states.${state}`, { defaultValue: state }) }) : t('rollups.jobQueued')}
            </Typography.Text>
            {status?.result && (
              <Typography.Paragraph className="national-result" data-testid="national-result" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('rollups.national.result', {
                  tenants: formatNumber(status.result.tenants),
                  values: formatNumber(status.result.values),
                  rollups: formatNumber(status.result.rollups),
                  seconds: formatNumber(status.result.seconds, 1),
                })}
              </Typography.Paragraph>
            )}
          </div>
        )}
        {rows.length > 0 && (
          <Table<Row>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={rows}
            data-testid="national-tenants"
            scroll={{ x: 640 }}
            columns={[
              { title: t('rollups.national.tenant'), dataIndex: 'name', key: 'name' },
              {
                title: t('rollups.national.progress'),
                key: 'progress',
                width: '28%',
                render: (_: unknown, row: Row) =>
                  row.line ? (
                    <Progress
                      percent={Math.round(row.line.percent)}
                      size="small"
                      status={row.line.state === 'completed' ? 'success' : row.line.state === 'active' ? 'active' : 'normal'}
                      aria-label={t('rollups.national.tenantProgress', { name: row.name })}
                      format={(p) => `${formatNumber(p ?? 0, 0)}%`}
                    />
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
              {
                title: t('rollups.national.values'),
                key: 'values',
                align: 'right',
                render: (_: unknown, row: Row) => (row.line?.values !== null && row.line?.values !== undefined ? formatNumber(row.line.values) : '—'),
              },
              {
                title: t('rollups.national.reconciliation'),
                key: 'reconciliation',
                render: (_: unknown, row: Row) => (
                  <Typography.Text type={row.reconciliation && row.reconciliation.mismatches > 0 && !row.reconciliation.repaired ? 'danger' : 'secondary'}>
                    {reconciliationText(row.reconciliation, t, true)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
