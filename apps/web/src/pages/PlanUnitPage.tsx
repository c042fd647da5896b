import { useMemo } from 'react';
import { Alert, Card, Col, Form, Row, Select, Space, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api-error';
import { formatDate } from '../lib/format';
import { levelLabel } from '../lib/labels';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { UnitPicker } from '../modules/org-units/components/UnitPicker';
import { useUnitDetail } from '../modules/org-units/hooks/useOrgUnits';
import { ActivityStatusControl } from '../modules/plans/components/ActivityStatusControl';
import { ObligationTable } from '../modules/plans/components/ObligationTable';
import { usePlanCalendar, usePlanObligations } from '../modules/plans/hooks/usePlans';
import '../modules/plans/plans.css';

/**
 * A unit's page of plans: what it must report because of the issued plans of a year, by when, and that
 * year's activities. The year is the user's to pick; at first, the latest year the unit has obligations for.
 */
export function PlanUnitPage() {
  const { unitId: routeUnit } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const me = useMe();
  const unitId = routeUnit ?? me.data?.units[0]?.id;
  const unit = useUnitDetail(unitId);
  const obligations = usePlanObligations(unitId);
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const obligationYears = useMemo(() => [...new Set((obligations.data?.items ?? []).map((o) => o.planYear))].sort((a, b) => b - a), [obligations.data]);
  const year = Number(params.get('year')) || obligationYears[0] || thisYear;
  const years = [...new Set([...obligationYears, ...Array.from({ length: 8 }, (_, i) => thisYear + 1 - i), year])].sort((a, b) => b - a);
  const activities = usePlanCalendar(`${year}-01-01`, `${year}-12-31`, unitId);
  const ofYear = (obligations.data?.items ?? []).filter((o) => o.planYear === year);
  const initialUnits = useMemo(() => (me.data?.units ?? []).map((u) => ({ id: u.id, name: u.name, level: u.level })), [me.data]);
  const levelOf = (code: string) => levelLabel(code, me.data?.tenant.levels, language, t);

  return (
    <div className="page plan-unit" data-testid="plan-unit-page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('plans.obligations.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('plans.obligations.subtitle')}</Typography.Text>
        </div>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Form layout="vertical" component="div">
            <Form.Item label={t('plans.fields.unitName')} htmlFor="plans-unit" style={{ marginBottom: 0 }}>
              <UnitPicker
                id="plans-unit"
                value={unitId}
                initialUnits={[...initialUnits, ...(unit.data ? [{ id: unit.data.id, name: unit.data.name, level: unit.data.level }] : [])]}
                levelLabel={levelOf}
                aria-label={t('plans.fields.unitName')}
                onChange={(v) => {
                  const id = Array.isArray(v) ? v[0] : v;
                  if (id) navigate(`/plans/units/${id}`);
                }}
              />
            </Form.Item>
            <Form.Item label={t('plans.fields.year')} htmlFor="plans-unit-year" style={{ marginBottom: 0, marginTop: 12 }}>
              <Select
                id="plans-unit-year"
                value={year}
                style={{ width: 120 }}
                options={years.map((y) => ({ value: y, label: String(y) }))}
                onChange={(v: number) => {
                  const next = new URLSearchParams(params);
                  next.set('year', String(v));
                  setParams(next, { replace: true });
                }}
              />
            </Form.Item>
          </Form>
        </Card>
        {unit.data && (
          <Typography.Title level={4} className="plan-unit__name" data-testid="plan-unit-name">
            {unit.data.name}
          </Typography.Title>
        )}
        <Card title={t('plans.obligations.mustReportIn', { year })}>
          {obligations.isError ? (
            <Alert type="error" showIcon message={errorMessage(obligations.error, language, t('errors.generic'))} />
          ) : (
            <ObligationTable items={ofYear} loading={obligations.isLoading} />
          )}
        </Card>
        <Card title={t('plans.obligations.activities', { year })}>
          <Row gutter={[12, 12]}>
            {(activities.data?.items ?? []).slice(0, 30).map((a) => (
              <Col xs={24} md={12} key={a.id} data-testid="plan-unit-activity">
                <Typography.Text strong>{formatDate(a.dateFrom)}</Typography.Text> <Typography.Text type="secondary">{a.planSymbol}</Typography.Text>
                <div>{a.name}</div>
                <ActivityStatusControl planId={a.planId} idx={a.idx} name={a.name} status={a.status} doneOn={a.doneOn} note={a.note} dateTo={a.dateTo} canRecord={a.canRecord} />
              </Col>
            ))}
            {activities.data && activities.data.total === 0 && (
              <Col span={24}>
                <Typography.Text type="secondary">{t('plans.calendar.empty', { year })}</Typography.Text>
              </Col>
            )}
          </Row>
        </Card>
      </Space>
    </div>
  );
}
