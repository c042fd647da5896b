import { Card, Col, Row, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { rememberedPeriod, rememberPeriod, storedPeriod } from '../lib/preferred-period';
import { useDashboardPeriods } from '../modules/dashboard/hooks/useDashboard';
import { openingPeriod } from '../modules/dashboard/progress';
import { useMe, useSession } from '../modules/auth/hooks/useSession';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { UnitTreeSelect } from '../modules/org-units/components/UnitTreeSelect';
import { PeriodSelect } from '../modules/reports/components/PeriodSelect';
import { IndicatorSelect } from '../modules/rollups/components/IndicatorSelect';
import { NationalRecomputeCard } from '../modules/rollups/components/NationalRecomputeCard';
import { ReconciliationLine } from '../modules/rollups/components/ReconciliationLine';
import { RecomputeButton } from '../modules/rollups/components/RecomputeButton';
import { RollupStatistic } from '../modules/rollups/components/RollupStatistic';
import { DEFAULT_INDICATOR } from '../modules/rollups/components/UnitRollupPanel';
import { useRollup } from '../modules/rollups/hooks/useRollups';

/**
 * "Tổng hợp": the aggregated value of an indicator for a period over a unit's subtree, the last reconciliation of the
 * tenant's totals; a tenant administrator recomputes or reconciles the tenant, a platform administrator or central
 * analyst (the central union) also the whole nation.
 */
export function RollupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const indicators = useIndicators();
  const items = indicators.data?.items ?? [];
  const [params, setParams] = useSearchParams();
  const indicator = params.get('indicator') ?? (items.some((i) => i.code === DEFAULT_INDICATOR) ? DEFAULT_INDICATOR : items[0]?.code);
  // Without a period in the address: the one last picked if it has data, else the newest with data (never an empty
  // current half-year while there are figures).
  const periods = useDashboardPeriods({ indicator }, !params.get('period') && !!indicator);
  const period = openingPeriod(params.get('period'), rememberedPeriod(), periods.data?.periods, storedPeriod());
  const unitId = params.get('unitId') ?? undefined;
  const rollup = useRollup(indicator, period, unitId);
  const def = items.find((i) => i.code === indicator);
  const isAdmin = !!session?.user.roles.includes('tenant_admin');
  const isCentral = !!session?.user.roles.some((r) => r === 'platform_admin' || r === 'central_analyst');
  const unitName = unitId ? undefined : me.data?.units[0]?.name;

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'period') rememberPeriod(value);
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('rollups.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('rollups.subtitle')}</Typography.Text>
        </div>
        {isAdmin && <RecomputeButton period={period} />}
      </div>
      <Card className="filters-card" size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={10}>
            <label className="filter-label" htmlFor="rollup-indicator">
              {t('rollups.indicator')}
            </label>
            <IndicatorSelect id="rollup-indicator" items={items} value={indicator} onChange={(v) => set('indicator', v)} loading={indicators.isLoading} />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <label className="filter-label" htmlFor="rollup-period">
              {t('rollups.period')}
            </label>
            <PeriodSelect id="rollup-period" value={period} onChange={(v) => set('period', v)} style={{ width: '100%' }} />
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <label className="filter-label" htmlFor="rollup-unit">
              {t('rollups.unit')}
            </label>
            <UnitTreeSelect id="rollup-unit" value={unitId} onChange={(v) => set('unitId', v)} placeholder={me.data?.units[0]?.name} />
          </Col>
        </Row>
      </Card>
      <ReconciliationLine period={period} canRun={isAdmin} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={14} xl={10}>
          <RollupStatistic
            indicator={def}
            rollup={rollup.data}
            loading={rollup.isLoading}
            error={rollup.error}
            title={
              <span>
                {def?.name}
                {unitName && (
                  <Typography.Text type="secondary" className="rollup-scope">
                    {' '}
                    — {unitName}
                  </Typography.Text>
                )}
              </span>
            }
          />
        </Col>
        {isCentral && (
          <Col xs={24}>
            <NationalRecomputeCard period={period} />
          </Col>
        )}
      </Row>
    </div>
  );
}
