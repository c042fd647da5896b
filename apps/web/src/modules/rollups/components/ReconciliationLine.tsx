import { useEffect, useRef, useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { CheckCircleOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Reconciliation } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../audit/labels';
import { rollupKeys } from '../api/rollups.api';
import { useReconciliation, useStartReconcile } from '../hooks/useRollups';

/** How long the line waits for a reconciliation asked for before it stops polling. */
const WAIT_MS = 120_000;

/**
 * "Đối soát lần cuối: 05/01/2026 03:15 — 0 sai lệch" (short: "05/01/2026 03:15 — 0 sai lệch"), and when it found
 * differences whether the recompute repaired them.
 */
export function reconciliationText(last: Reconciliation | undefined, t: (key: string, options?: Record<string, unknown>) => string, short = false): string {
  if (!last) return t(short ? 'rollups.reconcile.neverShort' : 'rollups.reconcile.never');
  const text = t(short ? 'rollups.reconcile.short' : 'rollups.reconcile.last', { at: formatDateTime(last.finishedAt), n: formatNumber(last.mismatches) });
  if (last.mismatches === 0) return text;
  return `${text}, ${t(last.repaired ? 'rollups.reconcile.repaired' : 'rollups.reconcile.notRepaired')}`;
}

/**
 * The last reconciliation of the tenant's period (the nightly job proves the totals equal a full recompute); a tenant
 * administrator may run one now, and the line follows until its result is in.
 */
export function ReconciliationLine({ period, canRun }: { period: string | undefined; canRun: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const start = useStartReconcile();
  // The finishedAt of the last result when a new one was asked for (null: none; waiting while set).
  const [waiting, setWaiting] = useState<{ since: number; previous: string | null } | null>(null);
  const query = useReconciliation('tenant', period, { poll: waiting !== null });
  const last = query.data?.items[0];
  const announced = useRef<string | null>(null);

  useEffect(() => {
    if (!waiting) return;
    const finished = last?.finishedAt ?? null;
    if (finished !== waiting.previous && finished !== announced.current) {
      announced.current = finished;
      setWaiting(null);
      void queryClient.invalidateQueries({ queryKey: rollupKeys.all });
      void message.success(t('rollups.reconcile.done', { n: formatNumber(last?.mismatches ?? 0) }));
    } else if (Date.now() - waiting.since > WAIT_MS) {
      setWaiting(null);
    }
  }, [waiting, last, queryClient, message, t]);

  const run = async () => {
    try {
      await start.mutateAsync({ period });
      setWaiting({ since: Date.now(), previous: last?.finishedAt ?? null });
    } catch (error) {
      void message.error(errorMessage(error, language, t('errors.generic')));
    }
  };

  const icon = !last ? <SafetyCertificateOutlined /> : last.mismatches === 0 ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <WarningOutlined style={{ color: '#d46b08' }} />;
  return (
    <Space size={8} wrap className="reconciliation-line" data-testid="reconciliation-line">
      {icon}
      <Typography.Text type={last && last.mismatches > 0 && !last.repaired ? 'danger' : 'secondary'}>{query.isLoading ? t('rollups.reconcile.loading') : reconciliationText(last, t)}</Typography.Text>
      {canRun && (
        <Button size="small" onClick={() => void run()} loading={start.isPending || waiting !== null} disabled={!period}>
          {waiting ? t('rollups.reconcile.running') : t('rollups.reconcile.run')}
        </Button>
      )}
    </Space>
  );
}
