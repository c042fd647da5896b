import { Card, Col, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, ArrowRightOutlined, FundOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { levelLabel, roleLabel } from '../lib/labels';
import { currentLanguage } from '../i18n';
import { useMe, useSession } from '../modules/auth/hooks/useSession';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { useChildCount } from '../modules/org-units/hooks/useOrgUnits';

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

/** What is true today for the signed-in user: who they are, their units and the indicators in use. */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession();
  const me = useMe();
  const indicators = useIndicators();

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
        <h2 className="welcome-card__tenant">{tenant.name}</h2>
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

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {units.map((u) => (
          <Col key={u.id} xs={24} sm={12} xl={8}>
            <RootUnitCard unit={u} />
          </Col>
        ))}
        <Col xs={24} sm={12} xl={8}>
          <Card className="stat-card">
            <Statistic
              title={
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{t('nav.indicators')}</Typography.Text>
                  <Typography.Text type="secondary">
                    {indicators.data ? t('dashboard.nationalIndicators', { n: formatNumber(national) }) : '\u00a0'}
                  </Typography.Text>
                </Space>
              }
              value={indicators.data?.total ?? 0}
              formatter={(v) => (indicators.isLoading ? <Skeleton.Input active size="small" /> : indicators.isError ? '—' : formatNumber(Number(v)))}
              prefix={<FundOutlined />}
            />
            <Link to="/indicators" className="stat-card__link">
              {t('dashboard.openIndicators')} <ArrowRightOutlined />
            </Link>
          </Card>
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
