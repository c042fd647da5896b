import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_NAMES, QUEUES, recomputeJobSchema, type RecomputePayload } from '@sen/contracts';
import { recomputeRollups, Tenant, TenantContext } from '@sen/db';
import type { JobHandler } from '../../core/job';

/** Full recompute of a period for one tenant, or for every tenant (the nation), with progress. */
@Injectable()
export class RecomputeJob implements JobHandler<typeof recomputeJobSchema> {
  readonly queue = QUEUES.aggregation;
  readonly name = JOB_NAMES.recompute;
  readonly schema = recomputeJobSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: RecomputePayload, job?: Job): Promise<{ tenants: number; values: number; rollups: number; seconds: number }> {
    const started = performance.now();
    const tenants = data.tenantId
      ? await this.dataSource.getRepository(Tenant).findBy({ id: data.tenantId })
      : await this.dataSource.getRepository(Tenant).find({ where: { status: 'active' }, order: { id: 'ASC' } });
    let values = 0;
    let rollups = 0;
    for (const [i, tenant] of tenants.entries()) {
      const result = await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'job-recompute'), () =>
        recomputeRollups(this.dataSource, {
          tenantId: tenant.id,
          period: data.period,
          fromReports: data.fromReports,
          onProgress: (p) => job?.updateProgress(Math.round(((i + p / 100) / tenants.length) * 100)),
        }),
      );
      values += result.values;
      rollups += result.rollups;
    }
    await job?.updateProgress(100);
    return { tenants: tenants.length, values, rollups, seconds: (performance.now() - started) / 1000 };
  }
}
