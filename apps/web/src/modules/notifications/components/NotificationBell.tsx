import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Grid, List, Segmented, Space, Tag, Typography } from 'antd';
import { BellOutlined, CheckOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../audit/labels';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotificationList, useUnreadNotificationCount } from '../hooks/useNotifications';
import '../notifications.css';

const PAGE = 20;

function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  if (kind === 'overdue')
    return (
      <Tag color="red" icon={<ExclamationCircleOutlined />}>
        {t('notifications.kinds.overdue')}
      </Tag>
    );
  if (kind === 'deadline-soon')
    return (
      <Tag color="gold" icon={<ClockCircleOutlined />}>
        {t('notifications.kinds.deadlineSoon')}
      </Tag>
    );
  return <Tag>{kind}</Tag>;
}

/**
 * The bell of the header: the number of unread notices (reminders before a deadline, overdue reports of child
 * units), and a drawer listing them with a link to the report concerned; opening one marks it read.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const unread = useUnreadNotificationCount();
  const list = useNotificationList(limit, unreadOnly, open);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const count = unread.data ?? 0;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const openReport = (n: NotificationDto) => {
    if (!n.read) markRead.mutate(n.id);
    if (n.reportId) {
      setOpen(false);
      navigate(`/reports/${n.reportId}`);
    }
  };

  const label = count > 0 ? t('notifications.bellUnread', { n: formatNumber(count) }) : t('notifications.bell');
  return (
    <>
      {/* antd's badge red (#ff4d4f) under white reads at 3.3:1; its darker red reaches the 4.5:1 of WCAG AA. */}
      <Badge count={count} overflowCount={99} size="small" offset={[-4, 4]} color="#cf1322">
        <Button type="text" icon={<BellOutlined />} aria-label={label} title={label} onClick={() => setOpen(true)} data-testid="notification-bell" />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        width={phone ? '100%' : 460}
        title={t('notifications.title')}
        extra={
          <Button size="small" icon={<CheckOutlined />} disabled={count === 0} loading={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
            {t('notifications.markAll')}
          </Button>
        }
      >
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Segmented
            block
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setLimit(PAGE);
            }}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly', { n: formatNumber(count) }) },
            ]}
          />
          {list.isError ? (
            <Typography.Text type="danger">{errorMessage(list.error, language, t('errors.generic'))}</Typography.Text>
          ) : (
            <List<NotificationDto>
              loading={list.isLoading}
              dataSource={items}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? t('notifications.noneUnread') : t('notifications.none')} /> }}
              renderItem={(n) => (
                <List.Item key={n.id} className={`notification${n.read ? '' : ' notification--unread'}`} data-testid="notification">
                  <div className="notification__body">
                    <Space size={6} wrap>
                      <KindTag kind={n.kind} />
                      {!n.read && <span className="notification__dot" role="img" aria-label={t('notifications.unread')} />}
                      <Typography.Text type="secondary" className="notification__time">
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </Space>
                    <div className="notification__message">{language === 'en' && n.messageEn ? n.messageEn : n.message}</div>
                    <Space size={4} wrap className="notification__actions">
                      {n.reportId && (
                        <Button size="small" type="link" onClick={() => openReport(n)}>
                          {t('notifications.openReport')}
                        </Button>
                      )}
                      {!n.read && (
                        <Button size="small" type="text" onClick={() => markRead.mutate(n.id)}>
                          {t('notifications.markRead')}
                        </Button>
                      )}
                    </Space>
                  </div>
                </List.Item>
              )}
            />
          )}
          {items.length < total && (
            <Button block onClick={() => setLimit((l) => l + PAGE)} loading={list.isFetching}>
              {t('notifications.more', { n: formatNumber(total - items.length) })}
            </Button>
          )}
        </Space>
      </Drawer>
    </>
  );
}
