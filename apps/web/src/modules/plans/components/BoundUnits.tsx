import { useMemo } from 'react';
import { Alert, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PlanObligationItem } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { currentLanguage } from '../../../i18n';
import { usePlanBoundUnits } from '../hooks/usePlans';
import { periodKindLabel } from '../labels';

interface UnitRow {
  unitId: string;
  unitName: string;
  duties: PlanObligationItem[];
}

/** Whom an issued plan binds: each unit with what it must report and by when, linking to the unit's page. */
export function BoundUnits({ planId, active }: { planId: string; active: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const bound = usePlanBoundUnits(planId, active);
  const rows = useMemo(() => {
    const byUnit = new Map<string, UnitRow>();
    for (const o of bound.data?.items ?? []) {
      const row = byUnit.get(o.unitId) ?? { unitId: o.unitId, unitName: o.unitName, duties: [] };
      row.duties.push(o);
      byUnit.set(o.unitId, row);
    }
    return [...byUnit.values()];
  }, [bound.data]);

  if (bound.isError) return <Alert type="error" showIcon message={errorMessage(bound.error, language, t('errors.generic'))} />;
  return (
    <div data-testid="plan-bound-units">
      <Typography.Paragraph type="secondary">{t('plans.boundUnits.help', { count: rows.length })}</Typography.Paragraph>
      <Table<UnitRow>
        size="small"
        rowKey="unitId"
        loading={bound.isLoading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('plans.boundUnits.none') }}
        columns={[
          {
            key: 'unit',
            title: t('plans.fields.unitName'),
            render: (_v, r) => <Link to={`/plans/units/${r.unitId}`}>{r.unitName}</Link>,
          },
          {
            key: 'duties',
            title: t('plans.obligations.mustReport'),
            render: (_v, r) =>
              r.duties.map((o) => `${periodKindLabel(o.periodKind, language)}${o.deadline ? ` (${t('plans.fields.before').toLowerCase()} ${o.deadline})` : ''}`).join('; '),
          },
        ]}
      />
    </div>
  );
}
