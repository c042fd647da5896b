import { lazy, Suspense } from 'react';
import { Card, Col, DatePicker, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { AimOutlined, ApartmentOutlined, ArrowRightOutlined, FallOutlined, FundOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../lib/format';
import { levelLabel, roleLabel } from '../lib/labels';
import { periodLabel } from '../lib/periods';
import { currentLanguage } from '../i18n';
import { useMe, useSession } from '../modules/auth/hooks/useSession';
import { ActivitiesCard } from '../modules/dashboard/components/ActivitiesCard';
import { useBelowThreshold, useDashboardPeriods, usePlanProgress } from '../modules/dashboard/hooks/useDashboard';
import { defaultYear, healthyShare, latestPeriod, settled, statusSlices } from '../modules/dashboard/progress';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { useChildCount } from '../modules/org-units/hooks/useOrgUnits';
import '../modules/dashboard/dashboard.css';

// The chart library is loaded once the overview draws its chart.
const StatusChart = lazy(() => import('../modules/dashboard/components/StatusChart'));

/** The rate the union reviews units against ("cơ sở có tỷ lệ tập hợp dưới 60%"). */
const MEMBERSHIP_RATE = 'TY_LE_TAP_HOP_HOI_VIEN';
const MEMBERSHIP_THRESHOLD = 60;

function RootUnitCard({ unit }: { unit: { id: string; name: string } }) {
  const { t } = useTranslation();
  const count = useChildCount(unit.id);
  return (
    <Card className="stat-card" data-testid="root-unit-card">
      <Statistic
        title={
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{unit.name}</Typography.Text>
            <Typography.Text type="secondary">{t('dashboard.directUnits')}</Typography.Text>
          </Space>
        }
        value={count.data ?? 0}
        formatter={(v) => (count.isLoading ? <Skeleton.Input active size="small" /> : count.isError ? '—' : formatNumber(Number(v)))}
        prefix={<ApartmentOutlined />}
      />
      <Link to={`/org-units/${unit.id}`} className="stat-card__link">
        {t('dashboard.openTree')} <ArrowRightOutlined />
      </Link>
    </Card>
  );
}

/** The leader's overview: the year's targets, the units under the threshold, the month's activities, links to each page. */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession();
  const me = useMe();
  const indicators = useIndicators();
  const [params, setParams] = useSearchParams();
  const asked = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? params.get('month')! : undefined;
  // Without a month in the address: this month when this year has plans; else December of the latest plan year
  // (in December 2026 the demo's plans are of 2024), so that the overview does not open on an empty year.
  const periods = useDashboardPeriods({ indicator: MEMBERSHIP_RATE }, !asked);
  const thisYear = dayjs().year();
  const openYear = defaultYear(periods.data?.planYears, thisYear);
  const month = asked ?? (openYear === thisYear ? dayjs().format('YYYY-MM') : `${openYear}-12`);
  const year = Number(month.slice(0, 4));
  const ready = !!asked || settled(periods);
  const progress = usePlanProgress({ year }, ready);
  // The year of the overview, which every union reports (half-years may not be in yet); its first half while the
  // yearly reports are not in.
  const period =
    latestPeriod(periods.data?.periods, (p) => p === String(year)) ?? latestPeriod(periods.data?.periods, (p) => p.startsWith(String(year))) ?? String(year);
  const below = useBelowThreshold(ready ? { indicator: MEMBERSHIP_RATE, period, threshold: MEMBERSHIP_THRESHOLD, level: 'grassroots' } : null);
  const summary = progress.data?.summary;
  const healthy = healthyShare(summary);
  const slices = statusSlices(summary, (s) => t(`dashboard.status.${s}`));

  if (me.isLoading || !me.data) {
    return (
      <div className="page">
        <Card>
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      </div>
    );
  }

  const { tenant, units, user } = me.data;
  const name = user.displayName || user.username;
  const roles = session?.user.roles ?? user.roles;
  const national = indicators.data?.items.filter((i) => i.national).length ?? 0;

  return (
    <div className="page">
      <Card className="welcome-card" variant="borderless">
        <div className="welcome-card__eyebrow">{t('dashboard.welcome', { name })}</div>
        <h1 className="welcome-card__tenant">{tenant.name}</h1>
        <Space size={[6, 6]} wrap>
          {roles.map((r) => (
            <Tag key={r} color="magenta" className="welcome-card__role">
              {roleLabel(r, language, t)}
            </Tag>
          ))}
        </Space>
        {tenant.levels.length > 0 && (
          <div className="welcome-card__levels">
            <Typography.Text type="secondary">{t('dashboard.levels')}</Typography.Text>
            <div className="level-chain">
              {tenant.levels.map((l, i) => (
                <span key={l.code} className="level-chain__item">
                  {i > 0 && <ArrowRightOutlined className="level-chain__arrow" />}
                  <Tag bordered={false}>{levelLabel(l.code, tenant.levels, language, t)}</Tag>
                </span>
              ))}
            </div>
          </div>
        )}
      </Card>

      <div className="page__header" style={{ marginTop: 16 }}>
        <Typography.Title level={3} className="page__title" style={{ margin: 0 }}>
          {t('dashboard.overview', { year })}
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          format="MM/YYYY"
          aria-label={t('dashboard.month')}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setParams({ month: d.format('YYYY-MM') }, { replace: true })}
        />
      </div>

      <Row gutter={[16, 16]} className="dash-tiles">
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="tile-targets">
            <Statistic
              title={<Typography.Text strong>{t('dashboard.tiles.targets', { year })}</Typography.Text>}
              value={progress.data ? formatNumber(progress.data.total) : '—'}
              prefix={<AimOutlined />}
              loading={progress.isLoading}
            />
            <Typography.Text type="secondary" className="dash-tile__hint">
              {summary ? t('dashboard.tiles.targetsHint', { achieved: formatNumber(summary.achieved), off: formatNumber(summary.off_track + summary.at_risk) }) : '\u00a0'}
            </Typography.Text>
            <Link to={`/dashboard/plan-progress?year=${year}`} className="stat-card__link">
              {t('dashboard.tiles.openProgress')} <ArrowRightOutlined />
            </Link>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="tile-healthy">
            <Statistic
              title={<Typography.Text strong>{t('dashboard.tiles.healthy')}</Typography.Text>}
              value={formatPercent(healthy, 0)}
              prefix={<FundOutlined />}
              loading={progress.isLoading}
            />
            <Typography.Text type="secondary" className="dash-tile__hint">
              {summary ? t('dashboard.tiles.healthyHint', { n: formatNumber(summary.not_measured) }) : '\u00a0'}
            </Typography.Text>
            <Link to={`/dashboard/plan-progress?year=${year}&status=off_track`} className="stat-card__link">
              {t('dashboard.tiles.openOffTrack')} <ArrowRightOutlined />
            </Link>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid="tile-below">
            <Statistic
              title={<Typography.Text strong>{t('dashboard.tiles.below', { threshold: MEMBERSHIP_THRESHOLD })}</Typography.Text>}
              value={below.data ? `${formatNumber(below.data.total)} / ${formatNumber(below.data.unitsAtLevel)}` : '—'}
              prefix={<FallOutlined />}
              loading={below.isLoading}
            />
            <Typography.Text type="secondary" className="dash-tile__hint">
              {periodLabel(period, language)}
              {below.data?.noData.length ? ` · ${t('dashboard.tiles.noData', { n: formatNumber(below.data.noData.length) })}` : ''}
            </Typography.Text>
            <Link to={`/dashboard/below-threshold?indicator=${MEMBERSHIP_RATE}&threshold=${MEMBERSHIP_THRESHOLD}&period=${period}`} className="stat-card__link">
              {t('dashboard.tiles.openBelow')} <ArrowRightOutlined />
            </Link>
          </Card>
        </Col>
        {units.slice(0, 1).map((u) => (
          <Col key={u.id} xs={24} sm={12} xl={6}>
            <RootUnitCard unit={u} />
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('dashboard.progress.byStatus', { unit: progress.data?.unit.name ?? '' })}
            extra={<Link to={`/dashboard/plan-progress?year=${year}`}>{t('dashboard.tiles.openProgress')}</Link>}
            data-testid="dashboard-status-chart"
          >
            {progress.isLoading ? (
              <Skeleton active />
            ) : slices.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.progress.noTargetsYear', { year })} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <StatusChart slices={slices} height={260} label={slices.map((x) => `${x.name}: ${x.value}`).join(', ')} />
              </Suspense>
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('dashboard.tiles.nationalIndicators', { n: formatNumber(national), total: formatNumber(indicators.data?.total ?? 0) })}{' '}
              <Link to="/indicators" style={{ textDecoration: 'underline' }}>
                {t('dashboard.openIndicators')}
              </Link>
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ActivitiesCard month={month} />
        </Col>
      </Row>
      {units.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('orgUnits.noRoots')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
