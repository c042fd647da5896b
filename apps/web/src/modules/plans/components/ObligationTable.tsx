import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PlanObligationItem } from '@sen/contracts';
import { currentLanguage } from '../../../i18n';
import { periodKindLabel } from '../labels';

/** What a unit must report because of issued plans, and by when. */
export function ObligationTable({ items, loading }: { items: PlanObligationItem[]; loading?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      className="plan-obligations"
      locale={{ emptyText: t('plans.obligations.none') }}
      scroll={{ x: 640 }}
      columns={[
        {
          key: 'plan',
          title: t('plans.fields.plan'),
          render: (_v, o) => (
            <div>
              <Link to={`/plans/${o.planId}`}>
                <Typography.Text strong>{o.planSymbol ?? t('plans.list.noNumber')}</Typography.Text>
              </Link>
              <div className="plan-obligations__title">{o.planTitle}</div>
            </div>
          ),
        },
        { key: 'kind', title: t('plans.fields.periodKind'), width: 150, render: (_v, o) => periodKindLabel(o.periodKind, language) },
        { key: 'deadline', title: t('plans.fields.deadline'), width: 120, render: (_v, o) => (o.deadline ? `${t('plans.fields.before')} ${o.deadline}` : '—') },
        { key: 'to', title: t('plans.fields.reportTo'), width: 260, render: (_v, o) => o.reportTo ?? '—' },
      ]}
    />
  );
}
