import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { pageQuerySchema } from '@sen/contracts';
import { Roles } from '../../core/auth/decorators';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { AuditService } from './audit.service';

const auditQuerySchema = pageQuerySchema.extend({ entity: z.string().max(64).optional() }).strict();

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The tenant's audit trail, newest first; tenant administrators only. */
  @Get()
  @Roles('tenant_admin')
  async list(@Query(new ZodPipe(auditQuerySchema)) q: z.infer<typeof auditQuerySchema>) {
    const { items, total } = await this.audit.list(q.limit, q.offset, q.entity);
    return {
      items: items.map((a) => ({
        id: a.id,
        userId: a.userId,
        unitId: a.unitId,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        before: a.before,
        after: a.after,
        createdAt: a.createdAt.toISOString(),
      })),
      total,
    };
  }
}
