import { Card, Progress, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorListItem, RollupResponse } from '@sen/contracts';
import { errorMessage, isApiError } from '../../../lib/api-error';
import { formatNumber, formatPercent } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../audit/labels';
import { formatIndicatorValue } from '../format';

/** A rollup as a statistic: the value, its parts for a rate, and how many units it covers. */
export function RollupStatistic({
  indicator,
  rollup,
  loading,
  error,
  bordered = true,
  title,
}: {
  indicator: IndicatorListItem | undefined;
  rollup: RollupResponse | undefined;
  loading: boolean;
  error: unknown;
  bordered?: boolean;
  title?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const body = () => {
    if (loading) return <Skeleton active paragraph={{ rows: 2 }} />;
    if (error) {
      const missing = isApiError(error) && error.status === 404;
      return <Typography.Text type={missing ? 'secondary' : 'danger'}>{missing ? t('rollups.notAvailable') : errorMessage(error, language, t('errors.generic'))}</Typography.Text>;
    }
    if (!rollup) return null;
    const coverage = rollup.unitsExpected > 0 ? (rollup.unitsReporting / rollup.unitsExpected) * 100 : null;
    return (
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Statistic
          title={title ?? indicator?.name}
          value={rollup.value ?? 0}
          formatter={() => (rollup.value === null ? '—' : formatIndicatorValue(rollup.value, indicator))}
          suffix={rollup.value !== null && indicator && indicator.aggregation !== 'ratio' && indicator.aggregation !== 'coverage' && indicator.unit !== '%' ? <span className="rollup-unit">{indicator.unit}</span> : undefined}
          valueStyle={{ color: '#9e1068' }}
          data-testid="rollup-value"
        />
        {rollup.numerator !== null && rollup.denominator !== null && (indicator?.aggregation === 'ratio' || indicator?.aggregation === 'coverage') && (
          <Typography.Text type="secondary">
            {t('rollups.parts', { numerator: formatNumber(rollup.numerator), denominator: formatNumber(rollup.denominator) })}
          </Typography.Text>
        )}
        <div>
          <Typography.Text>{t('rollups.unitsReporting', { reporting: formatNumber(rollup.unitsReporting), expected: formatNumber(rollup.unitsExpected) })}</Typography.Text>
          <Progress percent={Math.round((coverage ?? 0) * 10) / 10} size="small" format={() => formatPercent(coverage, 1)} aria-label={t('rollups.coverage')} />
        </div>
        <Typography.Text type="secondary" className="rollup-updated">
          {t('rollups.updatedAt', { at: formatDateTime(rollup.updatedAt) })}
        </Typography.Text>
      </Space>
    );
  };
  return (
    <Card className="rollup-card" variant={bordered ? 'outlined' : 'borderless'} size="small">
      {body()}
    </Card>
  );
}
