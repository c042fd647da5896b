import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Segmented, Skeleton, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PlanCalendarItem } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { usePlanCalendar } from '../../plans/hooks/usePlans';
import { activityState, monthAndQuarter, type ActivityState } from '../progress';

const STATE_CLASS: Record<ActivityState, string> = { done: 'achieved', cancelled: 'no_data', ongoing: 'on_track', upcoming: 'not_measured', overdue: 'off_track' };

/** The activities of the issued plans in a month and in its quarter, with where each stands today. */
export function ActivitiesCard({ month, unitId }: { month: string; unitId?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const range = monthAndQuarter(month);
  const [span, setSpan] = useState<'month' | 'quarter'>('month');
  const calendar = usePlanCalendar(range.quarter.from, range.quarter.to, unitId);
  const today = new Date().toISOString().slice(0, 10);
  const items = useMemo(() => {
    const all = calendar.data?.items ?? [];
    const inSpan = span === 'quarter' ? all : all.filter((a) => a.dateFrom <= range.month.to && a.dateTo >= range.month.from);
    return [...inSpan].sort((a, b) => a.dateFrom.localeCompare(b.dateFrom) || a.name.localeCompare(b.name));
  }, [calendar.data, span, range.month.from, range.month.to]);
  const [y, m] = month.split('-');
  const monthText = t('dashboard.activities.month', { month: Number(m), year: y });
  const quarterText = t('dashboard.activities.quarter', { quarter: ['I', 'II', 'III', 'IV'][range.quarter.index - 1], year: y });

  return (
    <Card
      size="small"
      data-testid="dashboard-activities"
      title={
        <span>
          <CalendarOutlined /> {t('dashboard.activities.title')}
        </span>
      }
      extra={<Link to={`/plans/calendar?year=${y}`}>{t('dashboard.activities.open')}</Link>}
    >
      <Segmented
        block
        value={span}
        onChange={(v) => setSpan(v as 'month' | 'quarter')}
        options={[
          { value: 'month', label: monthText },
          { value: 'quarter', label: quarterText },
        ]}
        aria-label={t('dashboard.activities.span')}
        style={{ marginBottom: 12 }}
      />
      {calendar.isError ? (
        <Alert type="error" showIcon message={errorMessage(calendar.error, language, t('errors.generic'))} />
      ) : calendar.isLoading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.activities.none', { when: span === 'month' ? monthText : quarterText })} />
      ) : (
        <ul className="dash-activities">
          {items.map((a) => (
            <ActivityRow key={a.id} item={a} today={today} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ActivityRow({ item, today }: { item: PlanCalendarItem; today: string }) {
  const { t } = useTranslation();
  const state = activityState(item, today);
  return (
    <li className="dash-activities__item" data-testid="dashboard-activity">
      <div className="dash-activities__head">
        <span className={`status-pill status-pill--${STATE_CLASS[state]}`}>{t(`dashboard.activities.state.${state}`)}</span>
        <Typography.Text type="secondary" className="dash-activities__when">
          {formatDate(item.dateFrom)}
          {item.dateTo !== item.dateFrom ? ` – ${formatDate(item.dateTo)}` : ''}
        </Typography.Text>
      </div>
      <Typography.Paragraph className="dash-activities__name" ellipsis={{ rows: 2, tooltip: item.name }}>
        {item.name}
      </Typography.Paragraph>
      <Link to={`/plans/${item.planId}`} className="dash-activities__plan">
        {item.planSymbol ?? t('plans.list.noNumber')}
      </Link>
    </li>
  );
}
