import { Module } from '@nestjs/common';
import { NotificationController } from './notification.controller';
import { NotificationRepository } from './notification.repository';

@Module({ controllers: [NotificationController], providers: [NotificationRepository] })
export class NotificationsModule {}
