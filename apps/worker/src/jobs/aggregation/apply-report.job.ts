import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { applyReportJobSchema, JOB_NAMES, QUEUES, type ApplyReportPayload } from '@sen/contracts';
import { applyOutbox, Tenant, TenantContext, type ApplyResult } from '@sen/db';
import type { JobHandler } from '../../core/job';

/**
 * Applies one report's status change to the rollups (see applyOutbox in @sen/db): exactly once per
 * outbox row however often BullMQ delivers the job, because the row is marked processed in the same
 * transaction as the rollup changes.
 */
@Injectable()
export class ApplyReportJob implements JobHandler<typeof applyReportJobSchema> {
  readonly queue = QUEUES.aggregation;
  readonly name = JOB_NAMES.applyReport;
  readonly schema = applyReportJobSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: ApplyReportPayload): Promise<ApplyResult> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id: data.tenantId });
    if (!tenant) return { status: 'missing', changedIndicators: 0, ancestors: 0 };
    return TenantContext.run(TenantContext.system(tenant.id, tenant.code, `job-apply-${data.outboxId}`), () => applyOutbox(this.dataSource, data.outboxId));
  }
}
