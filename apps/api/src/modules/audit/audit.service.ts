import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogEntity, TenantContext, TenantDataSource, TenantRepository } from '@sen/db';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log (who, when, tenant, unit, before, after) inside the caller's transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly data: TenantDataSource) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const ctx = TenantContext.current();
    const repo: TenantRepository<AuditLogEntity> = manager
      ? this.data.repository(AuditLogEntity).withManager(manager)
      : this.data.repository(AuditLogEntity);
    await repo.insertMany([
      {
        userId: ctx.userId,
        unitId: entry.unitId ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: ctx.requestId || null,
      },
    ]);
  }

  async list(limit: number, offset: number, entity?: string): Promise<{ items: AuditLogEntity[]; total: number }> {
    const [items, total] = await this.data.repository(AuditLogEntity).findAndCount({
      where: entity ? { entity } : {},
      order: { id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }
}
