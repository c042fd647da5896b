import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { NotificationEntity, TenantDataSource } from '@sen/db';

@Injectable()
export class NotificationRepository {
  constructor(private readonly data: TenantDataSource) {}

  list(unitIds: string[], unreadOnly: boolean, limit: number, offset: number): Promise<[NotificationEntity[], number]> {
    if (unitIds.length === 0) return Promise.resolve([[], 0]);
    return this.data.repository(NotificationEntity).findAndCount({
      where: { unitId: In(unitIds), ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  async markRead(id: string, unitIds: string[]): Promise<boolean> {
    if (unitIds.length === 0) return false;
    const affected = await this.data.repository(NotificationEntity).update({ id, unitId: In(unitIds) }, { readAt: new Date() });
    return affected > 0;
  }

  /** Marks every unread notice of the units read; answers how many were. */
  async markAllRead(unitIds: string[]): Promise<number> {
    if (unitIds.length === 0) return 0;
    return this.data.repository(NotificationEntity).update({ unitId: In(unitIds), readAt: IsNull() }, { readAt: new Date() });
  }
}
