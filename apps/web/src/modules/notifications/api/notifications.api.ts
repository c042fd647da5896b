import type { NotificationList, NotificationsReadAll } from '@sen/contracts';
import type { ApiClient } from '../../../lib/api-client';

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: (limit: number, unreadOnly: boolean) => ['notifications', 'list', limit, unreadOnly] as const,
};

export function listNotifications(client: ApiClient, q: { limit: number; offset?: number; unread?: boolean }, signal?: AbortSignal) {
  return client.get<NotificationList>('/api/v1/notifications', { limit: q.limit, offset: q.offset ?? 0, unread: q.unread ? 'true' : undefined }, signal);
}

export function markNotificationRead(client: ApiClient, id: string) {
  return client.post<void>(`/api/v1/notifications/${encodeURIComponent(id)}/read`);
}

export function markAllNotificationsRead(client: ApiClient) {
  return client.post<NotificationsReadAll>('/api/v1/notifications/read-all');
}
