import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { idParamSchema, notificationListQuerySchema, type NotificationList, type NotificationListQuery, type NotificationsReadAll } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/decorators';
import { NotFoundError } from '../../core/errors/domain-error';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { NotificationRepository } from './notification.repository';

/** In-app notifications addressed to the units the user's roles are bound to (reminders, overdue notices). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationController {
  constructor(private readonly repo: NotificationRepository) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query(new ZodPipe(notificationListQuerySchema)) q: NotificationListQuery): Promise<NotificationList> {
    const [items, total] = await this.repo.list(actor.unitIds, q.unread === 'true', q.limit, q.offset);
    return {
      items: items.map((n) => ({ id: n.id, unitId: n.unitId, kind: n.kind, reportId: n.reportId, message: n.message, messageEn: n.messageEn, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
      total,
    };
  }

  /** Marks every unread notice of the user's units read: `{updated}`. */
  @Post('read-all')
  @HttpCode(200)
  async readAll(@CurrentActor() actor: Actor): Promise<NotificationsReadAll> {
    return { updated: await this.repo.markAllRead(actor.unitIds) };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }): Promise<void> {
    if (!(await this.repo.markRead(p.id, actor.unitIds))) throw new NotFoundError('Notification', 'thông báo');
  }
}
