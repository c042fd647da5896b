import { useEffect, useRef, useState } from 'react';
import { App, Button, Progress, Space, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-error';
import { periodLabel } from '../../../lib/periods';
import { currentLanguage } from '../../../i18n';
import { rollupKeys } from '../api/rollups.api';
import { progressPercent } from '../format';
import { useRecomputeJob, useStartRecompute } from '../hooks/useRollups';

/** "Tính lại toàn bộ": starts the recompute of a period and follows its progress until it completes. */
export function RecomputeButton({ period }: { period: string | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const start = useStartRecompute();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useRecomputeJob(jobId);
  const state = job.data?.state;
  const notified = useRef<string | null>(null);

  useEffect(() => {
    if (!jobId || notified.current === jobId || (state !== 'completed' && state !== 'failed')) return;
    notified.current = jobId;
    if (state === 'completed') {
      void queryClient.invalidateQueries({ queryKey: rollupKeys.all });
      void message.success(t('rollups.recomputeDone'));
    } else if (state === 'failed') {
      void message.error(t('rollups.recomputeFailed'));
    }
  }, [jobId, state, queryClient, message, t]);

  const run = () => {
    if (!period) return;
    modal.confirm({
      title: t('rollups.recomputeConfirm', { period: periodLabel(period, language) }),
      content: t('rollups.recomputeHelp'),
      okText: t('rollups.recompute'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const res = await start.mutateAsync(period);
          setJobId(res.jobId);
        } catch (error) {
          void message.error(errorMessage(error, language, t('errors.generic')));
        }
      },
    });
  };

  const running = !!jobId && state !== 'completed' && state !== 'failed';
  return (
    <Space direction="vertical" size={4} style={{ minWidth: 220 }}>
      <Button icon={<SyncOutlined spin={running} />} onClick={run} disabled={!period || running} loading={start.isPending}>
        {t('rollups.recompute')}
      </Button>
      {jobId && (
        <div data-testid="recompute-progress">
          <Progress
            percent={progressPercent(job.data)}
            status={state === 'failed' ? 'exception' : state === 'completed' ? 'success' : 'active'}
            size="small"
            aria-label={t('rollups.recomputeProgress')}
          />
          <Typography.Text type="secondary" className="recompute-state">
            {state ? t('rollups.jobState', { state: t(`rollups.states.${state}`, { defaultValue: state }) }) : t('rollups.jobQueued')}
          </Typography.Text>
        </div>
      )}
    </Space>
  );
}
