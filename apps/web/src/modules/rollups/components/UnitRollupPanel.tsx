import { useState } from 'react';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePreferredPeriod } from '../../../lib/preferred-period';
import { useIndicators } from '../../indicators/hooks/useIndicators';
import { PeriodSelect } from '../../reports/components/PeriodSelect';
import { useRollup } from '../hooks/useRollups';
import { IndicatorSelect } from './IndicatorSelect';
import { RollupStatistic } from './RollupStatistic';

export const DEFAULT_INDICATOR = 'HOI_VIEN';

/** The unit's rollup of one indicator for one period (its whole subtree), on the unit detail panel. */
export function UnitRollupPanel({ unitId, bordered = true }: { unitId: string; bordered?: boolean }) {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const items = indicators.data?.items ?? [];
  const [indicator, setIndicator] = useState<string | undefined>();
  const [period, setPeriod] = usePreferredPeriod();
  const code = indicator ?? (items.some((i) => i.code === DEFAULT_INDICATOR) ? DEFAULT_INDICATOR : items[0]?.code);
  const rollup = useRollup(code, period, unitId);
  const def = items.find((i) => i.code === code);
  return (
    <Card title={t('rollups.unitTitle')} size="small" className="unit-rollup" variant={bordered ? 'outlined' : 'borderless'}>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={14}>
          <IndicatorSelect items={items} value={code} onChange={setIndicator} loading={indicators.isLoading} aria-label={t('rollups.indicator')} />
        </Col>
        <Col xs={24} md={10}>
          <PeriodSelect value={period} onChange={setPeriod} aria-label={t('rollups.period')} style={{ width: '100%' }} />
        </Col>
      </Row>
      <RollupStatistic indicator={def} rollup={rollup.data} loading={rollup.isLoading && !!code && !!period} error={rollup.error} bordered={false} />
    </Card>
  );
}
