import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Avatar, Button, Drawer, Grid, Layout, Menu, Result, Skeleton, Space, Tooltip, Typography } from 'antd';
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FallOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FundOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  PieChartOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SenLogo } from '../../../components/SenLogo';
import { useApiClient } from '../../../lib/api-context';
import { errorMessage } from '../../../lib/api-error';
import { roleLabel } from '../../../lib/labels';
import { currentLanguage } from '../../../i18n';
import { useMe, useSession } from '../../auth/hooks/useSession';
import { NotificationBell } from '../../notifications/components/NotificationBell';
import { menuFor, QUEUE_BOARD_KEY, selectedMenuKey } from '../menu';
import { openQueueBoard } from '../queue-board';
import { LanguageSwitch } from './LanguageSwitch';

const { Header, Sider, Content } = Layout;

const MENU_ICONS: Record<string, ReactNode> = {
  '/': <DashboardOutlined />,
  '/dashboard/plan-progress': <AimOutlined />,
  '/dashboard/below-threshold': <FallOutlined />,
  '/org-units': <ApartmentOutlined />,
  '/indicators': <FundOutlined />,
  '/plans': <ScheduleOutlined />,
  '/reports': <FileTextOutlined />,
  '/reports/summary': <FileWordOutlined />,
  '/rollups': <PieChartOutlined />,
  '/central': <BarChartOutlined />,
  '/users': <TeamOutlined />,
  '/audit': <AuditOutlined />,
  '/tenants': <GlobalOutlined />,
  [QUEUE_BOARD_KEY]: <ClusterOutlined />,
};

/** Side menu (a drawer on phones), header with tenant, user, language and sign-out, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApiClient();
  const session = useSession();
  const me = useMe();
  const language = currentLanguage();
  const { message } = AntApp.useApp();

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const tenantName = me.data?.tenant.name ?? session?.user.tenant ?? '';
  const userName = me.data?.user.displayName || session?.user.username || '';
  const roles = (session?.user.roles ?? []).map((r) => roleLabel(r, language, t)).join(', ');

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedMenuKey(location.pathname)]}
      onClick={({ key }) => {
        if (key === QUEUE_BOARD_KEY) void openQueueBoard(client).catch((error: unknown) => message.error(errorMessage(error, language, t('queueBoard.failed'))));
        else navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
      items={menuFor(session?.user.roles).map((entry) => ({ key: entry.key, icon: MENU_ICONS[entry.key], label: t(entry.labelKey) }))}
    />
  );

  const brand = (small: boolean) => (
    <Link to="/" className="app-brand" aria-label="Sen">
      <SenLogo size={small ? 28 : 32} />
      {!small && <span className="app-brand__name">Sen</span>}
    </Link>
  );

  const logout = () => {
    void client.logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout className="app-shell">
      {!isPhone && (
        <Sider
          width={232}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          className="app-sider"
          trigger={null}
        >
          <div className="app-sider__brand">{brand(collapsed)}</div>
          {menu}
        </Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={280}
          title={brand(false)}
          styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
        >
          {menu}
          <div className="app-drawer__footer">
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              <Space>
                <Avatar size="small" icon={<UserOutlined />} />
                <div>
                  <div className="app-user__name">{userName}</div>
                  <Typography.Text type="secondary" className="app-user__roles">
                    {roles}
                  </Typography.Text>
                </div>
              </Space>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} onClick={logout} block>
                {t('nav.logout')}
              </Button>
            </Space>
          </div>
        </Drawer>
      )}
      <Layout>
        <Header className="app-header">
          <div className="app-header__left">
            {isPhone ? (
              <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawerOpen(true)} />
            ) : (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={collapsed ? t('nav.expandMenu') : t('nav.collapseMenu')}
                onClick={() => setCollapsed((c) => !c)}
              />
            )}
            {isPhone && brand(true)}
            <div className="app-header__tenant" data-testid="tenant-name" title={tenantName}>
              {me.isLoading ? <Skeleton.Input active size="small" /> : tenantName}
            </div>
          </div>
          <div className="app-header__right">
            <NotificationBell />
            {!isPhone && <LanguageSwitch />}
            {!isPhone && (
              <Tooltip title={roles}>
                <Space size={8} className="app-user">
                  <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#c41d7f' }} />
                  <span className="app-user__name">{userName}</span>
                </Space>
              </Tooltip>
            )}
            {isPhone ? (
              <Button type="text" icon={<LogoutOutlined />} aria-label={t('nav.logout')} title={t('nav.logout')} onClick={logout} />
            ) : (
              <Button icon={<LogoutOutlined />} onClick={logout}>
                {t('nav.logout')}
              </Button>
            )}
          </div>
        </Header>
        <Content className="app-content">
          {me.isError ? (
            <Result
              status="warning"
              title={t('errors.loadProfile')}
              subTitle={errorMessage(me.error, language, t('errors.generic'))}
              extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
            />
          ) : (
            <Outlet />
          )}
        </Content>
      </Layout>
    </Layout>
  );
}
