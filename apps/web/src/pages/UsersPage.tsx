import { useState } from 'react';
import { App, Button, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, KeyOutlined, LockOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { compareVietnamese, type UserDto } from '@sen/contracts';
import { errorMessage } from '../lib/api-error';
import { formatNumber } from '../lib/format';
import { roleLabel } from '../lib/labels';
import { currentLanguage } from '../i18n';
import { useMe, useSession } from '../modules/auth/hooks/useSession';
import { ResetPasswordModal } from '../modules/users/components/ResetPasswordModal';
import { UserFormModal } from '../modules/users/components/UserFormModal';
import { useUserList } from '../modules/users/hooks/useUsers';
import { grantableRoles } from '../modules/users/roles';

const PAGE_SIZE = 50;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserDto } | { kind: 'reset'; user: UserDto } | null;

/** The tenant's users: who they are, their roles on which units, and whether they can sign in. */
export function UsersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const session = useSession();
  const me = useMe();
  const [page, setPage] = useState(1);
  const list = useUserList(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const [dialog, setDialog] = useState<Dialog>(null);
  const roles = grantableRoles(session?.user.roles, !!me.data?.tenant.isCentral);

  const roleTags = (user: UserDto) => (
    <Space size={[4, 4]} wrap>
      {user.roles.map((r) => (
        <Tag key={`${r.role}:${r.unitId}`} color={r.role === 'tenant_admin' || r.role === 'platform_admin' ? 'magenta' : 'default'} className="role-tag">
          {roleLabel(r.role, language, t)}
          <span className="role-tag__unit"> · {r.unitName ?? r.unitId}</span>
        </Tag>
      ))}
    </Space>
  );
  const statusTag = (user: UserDto) =>
    user.status === 'active' ? <Tag color="green">{t('users.status.active')}</Tag> : <Tag>{t('users.status.disabled')}</Tag>;
  const lockedTag = (user: UserDto) =>
    user.locked ? (
      <Tag color="red" icon={<LockOutlined />}>
        {t('users.locked')}
      </Tag>
    ) : null;
  const actions = (user: UserDto) => (
    <Space size={4} wrap>
      <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', user })} aria-label={t('users.actions.editUser', { name: user.username })}>
        {t('users.actions.edit')}
      </Button>
      <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', user })} aria-label={t('users.actions.resetUser', { name: user.username })}>
        {t('users.actions.reset')}
      </Button>
    </Space>
  );

  const columns: ColumnsType<UserDto> = phone
    ? [
        {
          key: 'user',
          title: t('users.columns.user'),
          render: (_v, user) => (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space size={6} wrap>
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <Typography.Text type="secondary">@{user.username}</Typography.Text>
              </Space>
              {roleTags(user)}
              <Space size={4} wrap>
                {statusTag(user)}
                {lockedTag(user)}
              </Space>
              {actions(user)}
            </Space>
          ),
        },
      ]
    : [
        {
          key: 'username',
          title: t('users.columns.username'),
          dataIndex: 'username',
          width: 160,
          sorter: (a, b) => a.username.localeCompare(b.username),
          render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
        },
        { key: 'displayName', title: t('users.columns.displayName'), dataIndex: 'displayName', sorter: (a, b) => compareVietnamese(a.displayName, b.displayName) },
        { key: 'roles', title: t('users.columns.roles'), render: (_v, user) => roleTags(user) },
        { key: 'status', title: t('users.columns.status'), width: 150, render: (_v, user) => statusTag(user) },
        { key: 'locked', title: t('users.columns.locked'), width: 130, render: (_v, user) => lockedTag(user) ?? <Typography.Text type="secondary">—</Typography.Text> },
        { key: 'actions', title: t('users.columns.actions'), width: 220, render: (_v, user) => actions(user) },
      ];

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('users.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.actions.create')}
        </Button>
      </div>
      <Card>
        {list.isError ? (
          <Typography.Text type="danger">{errorMessage(list.error, language, t('errors.generic'))}</Typography.Text>
        ) : (
          <Table<UserDto>
            rowKey="id"
            size={phone ? 'small' : 'middle'}
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            columns={columns}
            scroll={phone ? undefined : { x: 960 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (total) => t('users.total', { n: formatNumber(total) }),
            }}
          />
        )}
      </Card>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          roles={roles}
          defaultUnitId={me.data?.units[0]?.id}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            void message.success(dialog.kind === 'edit' ? t('users.edit.done', { name: saved.username }) : t('users.create.done', { name: saved.username }));
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void message.success(t('users.reset.done', { name: dialog.user.username }));
          }}
        />
      )}
    </div>
  );
}
