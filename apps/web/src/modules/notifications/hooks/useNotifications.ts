import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-context';
import { listNotifications, markAllNotificationsRead, markNotificationRead, notificationKeys } from '../api/notifications.api';

/** Reminders are written by a scheduled job: the count is asked again every minute and when the tab comes back. */
const POLL_MS = 60_000;

/** How many notices are unread (the badge of the bell). */
export function useUnreadNotificationCount() {
  const client = useApiClient();
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: async ({ signal }) => (await listNotifications(client, { limit: 1, unread: true }, signal)).total,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}

/** The latest notices (all, or the unread ones), while the list is open. */
export function useNotificationList(limit: number, unreadOnly: boolean, enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: notificationKeys.list(limit, unreadOnly),
    queryFn: ({ signal }) => listNotifications(client, { limit, unread: unreadOnly }, signal),
    enabled,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

function useNotificationWrite<V, R>(write: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export function useMarkNotificationRead() {
  const client = useApiClient();
  return useNotificationWrite((id: string) => markNotificationRead(client, id));
}

export function useMarkAllNotificationsRead() {
  const client = useApiClient();
  return useNotificationWrite(() => markAllNotificationsRead(client));
}
