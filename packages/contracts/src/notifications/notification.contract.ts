import { z } from 'zod';
import { listOf, pageQuerySchema } from '../common/pagination';

/** A report due soon (to the unit) or a child unit's report past its deadline (to the parent). */
export const NOTIFICATION_KINDS = ['deadline-soon', 'overdue'] as const;

/** `GET /api/v1/notifications?unread=true&limit=&offset=`: the notices of the units the user's roles are bound to. */
export const notificationListQuerySchema = pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() }).strict();
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: z.string(),
  reportId: z.string().nullable(),
  /** Written by the job that notifies (reminders, reconciliation), in Vietnamese … */
  message: z.string(),
  /** … and in English, when the job wrote one. */
  messageEn: z.string().nullable().optional(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;
export const notificationListSchema = listOf(notificationSchema);
export type NotificationList = z.infer<typeof notificationListSchema>;

/** `POST /api/v1/notifications/read-all`: how many unread notices were marked read. */
export const notificationsReadAllSchema = z.object({ updated: z.number().int() });
export type NotificationsReadAll = z.infer<typeof notificationsReadAllSchema>;
