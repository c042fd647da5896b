import { useTranslation } from 'react-i18next';
import type { ProgressStatus } from '../api/dashboard.api';
import { STATUS_COLORS } from '../progress';

/** The status of a target: white on the status colour (readable, unlike pale preset tags). */
export function StatusTag({ status, label }: { status: ProgressStatus; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="status-pill" style={{ background: STATUS_COLORS[status] }}>
      {label ?? t(`dashboard.status.${status}`)}
    </span>
  );
}

/** A thin bar of the statuses of a unit's targets, with the counts spelled out for screen readers. */
export function StatusBar({ summary }: { summary: Record<ProgressStatus, number> }) {
  const { t } = useTranslation();
  const parts = (Object.keys(STATUS_COLORS) as ProgressStatus[]).filter((s) => summary[s] > 0);
  const total = parts.reduce((n, s) => n + summary[s], 0);
  const text = parts.map((s) => `${t(`dashboard.status.${s}`)}: ${summary[s]}`).join(', ');
  return (
    <div className="status-bar" role="img" aria-label={text || t('dashboard.progress.noTargets')} title={text}>
      {parts.map((s) => (
        <span key={s} style={{ width: `${(100 * summary[s]) / total}%`, background: STATUS_COLORS[s] }} />
      ))}
    </div>
  );
}
