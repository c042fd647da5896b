import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { JOB_NAMES, QUEUES } from '@sen/contracts';
import { applyOutbox, Tenant, TenantContext } from '@sen/db';
import type { JobHandler } from '../../core/job';

const schema = z.object({}).passthrough();

/** An outbox row older than this without being processed is applied by the reconciler itself. */
export const STALE_AFTER_MS = 5_000;

/**
 * The safety net behind the queue: every few seconds, applies outbox rows that no job has applied (the
 * enqueue failed, Redis restarted and lost the job, a job exhausted its attempts). Applying is idempotent,
 * so racing a late job is harmless.
 */
@Injectable()
export class ReconcileOutboxJob implements JobHandler<typeof schema> {
  private readonly logger = new Logger('ReconcileOutboxJob');
  readonly queue = QUEUES.aggregation;
  readonly name = JOB_NAMES.reconcileOutbox;
  readonly schema = schema;

  constructor(private readonly dataSource: DataSource) {}

  async handle(): Promise<{ applied: number }> {
    const tenants = await this.dataSource.getRepository(Tenant).find({ order: { id: 'ASC' } });
    let applied = 0;
    for (const tenant of tenants) {
      await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'job-reconcile-outbox'), async () => {
        const stale: { id: string }[] = await this.dataSource.query(
          'SELECT id FROM aggregation_outbox WHERE tenant_id = ? AND processed_at IS NULL AND created_at < ? ORDER BY id LIMIT 500',
          [tenant.id, new Date(Date.now() - STALE_AFTER_MS)],
        );
        for (const row of stale) {
          const r = await applyOutbox(this.dataSource, String(row.id));
          if (r.status === 'applied') applied++;
        }
      });
    }
    if (applied) this.logger.warn(`applied ${applied} outbox row(s) that no job had applied`);
    return { applied };
  }
}
