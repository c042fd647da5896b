import { App, Button, Grid, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TenantDto } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { useSetTenantStatus } from '../hooks/useTenants';

/** The platform's tenants with their levels and status; suspend and resume. */
export function TenantTable({ items, loading }: { items: TenantDto[]; loading: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const setStatus = useSetTenantStatus();

  const change = async (tenant: TenantDto, action: 'suspend' | 'resume') => {
    try {
      await setStatus.mutateAsync({ code: tenant.code, action });
      void message.success(action === 'suspend' ? t('tenants.suspended', { code: tenant.code }) : t('tenants.resumed', { code: tenant.code }));
    } catch (error) {
      void message.error(errorMessage(error, language, t('errors.generic')));
    }
  };

  const statusTag = (tenant: TenantDto) => {
    if (tenant.status === 'active') return <Tag color="green">{t('tenants.status.active')}</Tag>;
    if (tenant.status === 'suspended') return <Tag color="orange">{t('tenants.status.suspended')}</Tag>;
    return <Tag>{t('tenants.status.absorbed')}</Tag>;
  };

  const levels = (tenant: TenantDto) => (
    <Space size={[4, 4]} wrap>
      {tenant.levels.map((l) => (
        <Tag key={l.code} title={l.code}>
          {l.name}
        </Tag>
      ))}
    </Space>
  );

  const action = (tenant: TenantDto) =>
    tenant.isCentral || tenant.status === 'absorbed' ? null : tenant.status === 'active' ? (
      <Popconfirm
        title={t('tenants.confirmSuspend', { name: tenant.name })}
        description={t('tenants.confirmSuspendHelp')}
        okText={t('tenants.suspend')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => change(tenant, 'suspend')}
      >
        <Button size="small" danger icon={<PauseCircleOutlined />} aria-label={t('tenants.suspendTenant', { code: tenant.code })}>
          {t('tenants.suspend')}
        </Button>
      </Popconfirm>
    ) : (
      <Button size="small" icon={<PlayCircleOutlined />} onClick={() => void change(tenant, 'resume')} aria-label={t('tenants.resumeTenant', { code: tenant.code })}>
        {t('tenants.resume')}
      </Button>
    );

  const columns: ColumnsType<TenantDto> = phone
    ? [
        {
          key: 'tenant',
          title: t('tenants.fields.name'),
          render: (_v, tenant) => (
            <Space direction="vertical" size={4}>
              <Space size={6} wrap>
                <Typography.Text code>{tenant.code}</Typography.Text>
                <Typography.Text strong>{tenant.name}</Typography.Text>
              </Space>
              <Space size={4} wrap>
                {statusTag(tenant)}
                {tenant.isCentral && <Tag color="gold">{t('tenants.central')}</Tag>}
              </Space>
              {levels(tenant)}
              {action(tenant)}
            </Space>
          ),
        },
      ]
    : [
        { key: 'code', title: t('tenants.fields.code'), dataIndex: 'code', width: 110, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        {
          key: 'name',
          title: t('tenants.fields.name'),
          dataIndex: 'name',
          render: (v: string, tenant) => (
            <Space size={6} wrap>
              <span>{v}</span>
              {tenant.isCentral && <Tag color="gold">{t('tenants.central')}</Tag>}
            </Space>
          ),
        },
        { key: 'status', title: t('tenants.fields.status'), width: 140, render: (_v, tenant) => statusTag(tenant) },
        { key: 'levels', title: t('tenants.fields.levels'), render: (_v, tenant) => levels(tenant) },
        { key: 'createdAt', title: t('tenants.fields.createdAt'), dataIndex: 'createdAt', width: 130, responsive: ['lg'], render: (v: string) => formatDate(v) },
        { key: 'actions', title: t('users.columns.actions'), width: 150, render: (_v, tenant) => action(tenant) },
      ];

  return (
    <Table<TenantDto>
      rowKey="code"
      size={phone ? 'small' : 'middle'}
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
