import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Empty, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { FileExcelOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PlanCalendarItem } from '@sen/contracts';
import { useApiClient } from '../lib/api-context';
import { errorMessage } from '../lib/api-error';
import { formatDate } from '../lib/format';
import { currentLanguage } from '../i18n';
import { downloadCalendarXlsx } from '../modules/plans/api/plans.api';
import { ActivityStatusControl } from '../modules/plans/components/ActivityStatusControl';
import { usePlanCalendar } from '../modules/plans/hooks/usePlans';
import { byMonth } from '../modules/plans/plan-edit';
import '../modules/plans/plans.css';

/** Activities of issued plans, month by month (an activity over a quarter shows in each of its months). */
export function PlanCalendarPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const unitId = params.get('unitId') ?? undefined;
  const onlyBusy = params.get('all') !== '1';
  const calendar = usePlanCalendar(`${year}-01-01`, `${year}-12-31`, unitId);
  const months = useMemo(() => byMonth(calendar.data?.items ?? [], year), [calendar.data, year]);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const monthName = (m: number) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { month: 'long' }).format(new Date(2000, m - 1, 15));
  const shown = [...months.entries()].filter(([, items]) => !onlyBusy || items.length > 0);
  const client = useApiClient();
  const { message } = AntApp.useApp();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadCalendarXlsx(client, `${year}-01-01`, `${year}-12-31`, unitId);
    } catch (e) {
      message.error(errorMessage(e, language, t('errors.generic')), 6);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="page plan-calendar">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('plans.calendar.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('plans.calendar.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<LeftOutlined />} aria-label={t('plans.calendar.previousYear')} onClick={() => set('year', String(year - 1))} />
          <Select
            aria-label={t('plans.fields.year')}
            value={year}
            style={{ width: 100 }}
            options={Array.from({ length: 10 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }))}
            onChange={(v: number) => set('year', String(v))}
          />
          <Button icon={<RightOutlined />} aria-label={t('plans.calendar.nextYear')} onClick={() => set('year', String(year + 1))} />
          <Space size={6}>
            <Switch size="small" checked={!onlyBusy} onChange={(all) => set('all', all ? '1' : undefined)} aria-label={t('plans.calendar.showEmpty')} />
            <Typography.Text>{t('plans.calendar.showEmpty')}</Typography.Text>
          </Space>
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void onExport()}>
            {t('plans.calendar.export')}
          </Button>
        </Space>
      </div>
      {calendar.isError && <Alert type="error" showIcon message={errorMessage(calendar.error, language, t('errors.generic'))} />}
      {calendar.data && calendar.data.total === 0 && (
        <Card>
          <Empty description={t('plans.calendar.empty', { year })} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {calendar.data &&
          calendar.data.total > 0 &&
          shown.map(([m, items]) => (
            <Col xs={24} md={12} xl={8} key={m}>
              <Card
                size="small"
                className="plan-month"
                data-testid={`plan-month-${m}`}
                title={
                  <span className="plan-month__title">
                    {monthName(m)} {year}
                  </span>
                }
                extra={<Tag>{t('plans.calendar.count', { count: items.length })}</Tag>}
              >
                {items.length === 0 ? (
                  <Typography.Text type="secondary">{t('plans.calendar.none')}</Typography.Text>
                ) : (
                  <ul className="plan-month__list">
                    {items.map((a) => (
                      <CalendarEntry key={`${a.id}-${m}`} item={a} />
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          ))}
      </Row>
    </div>
  );
}

function CalendarEntry({ item }: { item: PlanCalendarItem }) {
  const { t } = useTranslation();
  return (
    <li className="plan-month__item" data-testid="plan-calendar-item">
      <div>
        <Link to={`/plans/${item.planId}`}>
          <Tag color="magenta">{item.planSymbol ?? t('plans.list.noNumber')}</Tag>
        </Link>
        <Typography.Text type="secondary" className="plan-month__time">
          {item.timeText ?? ''} ({formatDate(item.dateFrom)}
          {item.dateTo !== item.dateFrom ? ` – ${formatDate(item.dateTo)}` : ''})
        </Typography.Text>
      </div>
      {/* The expand link's visible words are those of its accessible name (Ant Design labels it "Mở rộng" / "Thu gọn"). */}
      <Typography.Paragraph
        className="plan-month__name"
        ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? t('plans.calendar.collapse') : t('plans.calendar.expand')) }}
      >
        {item.name}
      </Typography.Paragraph>
      {item.leadUnits.length > 0 && (
        <Typography.Text type="secondary" className="plan-month__lead">
          {t('plans.fields.lead')}: {item.leadUnits.join(', ')}
        </Typography.Text>
      )}
      <ActivityStatusControl
        planId={item.planId}
        idx={item.idx}
        name={item.name}
        status={item.status}
        doneOn={item.doneOn}
        note={item.note}
        dateTo={item.dateTo}
        canRecord={item.canRecord}
      />
    </li>
  );
}
