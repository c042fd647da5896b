import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Grid, Input, Row, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalendarOutlined, CarryOutOutlined, RightOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PLAN_STATUSES, type PlanListItem, type PlanStatus } from '@sen/contracts';
import { errorMessage } from '../lib/api-error';
import { formatDate, formatNumber } from '../lib/format';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { currentLanguage } from '../i18n';
import { levelLabel } from '../lib/labels';
import { useMe, useSession } from '../modules/auth/hooks/useSession';
import { UnitPicker } from '../modules/org-units/components/UnitPicker';
import { PlanStatusTag } from '../modules/plans/components/PlanStatusTag';
import { usePlanList } from '../modules/plans/hooks/usePlans';
import { planStatusLabel } from '../modules/plans/labels';
import '../modules/plans/plans.css';

const PAGE_SIZE = 20;
const WRITERS = ['tenant_admin', 'unit_manager'];

/** The plans of the user's units (and those above that apply to them): search, filters, import. */
export function PlansPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const session = useSession();
  const canWrite = !!session?.user.roles.some((r) => WRITERS.includes(r));
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search, 300).trim();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const status = (params.get('status') as PlanStatus | null) ?? undefined;
  const programme = params.get('programme') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const me = useMe();
  const initialUnits = useMemo(() => (me.data?.units ?? []).map((u) => ({ id: u.id, name: u.name, level: u.level })), [me.data]);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  // The debounced search goes into the address (so a search can be shared and survives a reload).
  useEffect(() => {
    setParams(
      (current) => {
        if ((current.get('q') ?? '') === q) return current;
        const next = new URLSearchParams(current);
        if (q) next.set('q', q);
        else next.delete('q');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }, [q, setParams]);

  const list = usePlanList({ q: q || undefined, year, status, programme, unitId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  // The programmes to filter by: those of every plan the user sees.
  const all = usePlanList({ limit: 200 });
  const programmes = useMemo(() => [...new Set((all.data?.items ?? []).map((p) => p.programme).filter((p): p is string => !!p))].sort((a, b) => a.localeCompare(b, 'vi')), [all.data]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

  const columns: ColumnsType<PlanListItem> = phone
    ? [
        {
          key: 'plan',
          title: t('plans.fields.plan'),
          render: (_v, p) => (
            <div className="plan-row--phone">
              <div>
                <Typography.Text strong>{p.symbol ?? t('plans.list.noNumber')}</Typography.Text> <PlanStatusTag status={p.status} />
                <div className="plan-row__title">{p.title}</div>
                <Typography.Text type="secondary">
                  {p.year} · {formatDate(p.issuedOn)}
                </Typography.Text>
              </div>
              <RightOutlined aria-hidden />
            </div>
          ),
        },
      ]
    : [
        { key: 'symbol', title: t('plans.fields.number'), dataIndex: 'symbol', width: 130, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('plans.list.noNumber')}</Typography.Text> },
        {
          key: 'title',
          title: t('plans.fields.title'),
          render: (_v, p) => (
            <div>
              <Link to={`/plans/${p.id}`}>{p.title}</Link>
              {p.programme && (
                <div>
                  <Typography.Text type="secondary" className="plan-row__programme">
                    {t('plans.fields.programme')}: {p.programme}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        { key: 'year', title: t('plans.fields.year'), dataIndex: 'year', width: 80 },
        { key: 'issuedOn', title: t('plans.fields.issuedOn'), dataIndex: 'issuedOn', width: 130, render: (v: string | null) => formatDate(v) },
        { key: 'status', title: t('plans.fields.status'), dataIndex: 'status', width: 150, render: (v: PlanStatus) => <PlanStatusTag status={v} /> },
      ];

  return (
    <div className="page plans-page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('plans.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('plans.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<CalendarOutlined />} onClick={() => navigate('/plans/calendar')}>
            {t('plans.calendar.title')}
          </Button>
          <Button icon={<CarryOutOutlined />} onClick={() => navigate('/plans/units')}>
            {t('plans.obligations.title')}
          </Button>
          {canWrite && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/plans/import')}>
              {t('plans.import.button')}
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <Row gutter={[12, 12]} className="plans-filters">
          <Col xs={24} lg={6}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t('plans.list.searchPlaceholder')}
              aria-label={t('plans.list.search')}
            />
          </Col>
          <Col xs={12} lg={4}>
            <Select
              allowClear
              aria-label={t('plans.fields.year')}
              placeholder={t('plans.list.allYears')}
              value={year}
              style={{ width: '100%' }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              onChange={(v?: number) => setFilter('year', v ? String(v) : undefined)}
            />
          </Col>
          <Col xs={12} lg={4}>
            <Select
              allowClear
              aria-label={t('plans.fields.status')}
              placeholder={t('plans.list.allStatuses')}
              value={status}
              style={{ width: '100%' }}
              options={PLAN_STATUSES.map((s) => ({ value: s, label: planStatusLabel(s, language) }))}
              onChange={(v?: PlanStatus) => setFilter('status', v)}
            />
          </Col>
          <Col xs={24} lg={5}>
            <UnitPicker
              value={unitId}
              initialUnits={initialUnits}
              placeholder={t('plans.list.allUnits')}
              aria-label={t('plans.fields.unitName')}
              levelLabel={(code) => levelLabel(code, me.data?.tenant.levels, language, t)}
              onChange={(v) => setFilter('unitId', (Array.isArray(v) ? v[0] : v) || undefined)}
            />
          </Col>
          <Col xs={24} lg={5}>
            <Select
              allowClear
              showSearch
              aria-label={t('plans.fields.programme')}
              placeholder={t('plans.list.allProgrammes')}
              value={programme}
              style={{ width: '100%' }}
              options={programmes.map((p) => ({ value: p, label: p }))}
              onChange={(v?: string) => setFilter('programme', v)}
            />
          </Col>
        </Row>
        {list.isError ? (
          <Alert type="error" showIcon message={errorMessage(list.error, language, t('errors.generic'))} />
        ) : (
          <Table<PlanListItem>
            rowKey="id"
            className="plans-table"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching && !list.data}
            locale={{ emptyText: t('plans.list.empty') }}
            onRow={(p) => ({ onClick: phone ? () => navigate(`/plans/${p.id}`) : undefined })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (n) => t('plans.list.total', { n: formatNumber(n) }),
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next, { replace: true });
              },
            }}
          />
        )}
      </Card>
    </div>
  );
}
