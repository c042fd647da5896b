import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JOB_NAMES, purgeExpiredSessionsJobSchema, QUEUES, type PurgeExpiredSessionsPayload } from '@sen/contracts';
import { TenantContext, Tenant } from '@sen/db';
import type { JobHandler } from '../../core/job';

/** Refresh tokens stay a week past expiry (to recognise a replayed one), then go. */
export const KEEP_EXPIRED_DAYS = 7;

/** Deletes a tenant's long-expired refresh tokens, in bounded batches; running it twice is harmless. */
@Injectable()
export class PurgeExpiredSessionsJob implements JobHandler<typeof purgeExpiredSessionsJobSchema> {
  readonly queue = QUEUES.maintenance;
  readonly name = JOB_NAMES.purgeExpiredSessions;
  readonly schema = purgeExpiredSessionsJobSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: PurgeExpiredSessionsPayload): Promise<{ deleted: number }> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id: data.tenantId });
    if (!tenant) return { deleted: 0 };
    return TenantContext.run(TenantContext.system(tenant.id, tenant.code, `job-${this.name}`), async () => {
      const { tenantId } = TenantContext.current();
      let deleted = 0;
      for (;;) {
        const result: { affectedRows: number } = await this.dataSource.query(
          `DELETE FROM refresh_token WHERE tenant_id = ? AND expires_at < ? LIMIT 5000`,
          [tenantId, new Date(Date.now() - KEEP_EXPIRED_DAYS * 86_400_000)],
        );
        deleted += result.affectedRows;
        if (result.affectedRows < 5000) break;
      }
      return { deleted };
    });
  }
}
