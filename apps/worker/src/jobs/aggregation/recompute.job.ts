import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_NAMES, QUEUES, recomputeJobSchema, type NationalRecomputeProgress, type RecomputePayload } from '@sen/contracts';
import { recomputeRollups, Tenant, TenantContext } from '@sen/db';
import type { JobHandler } from '../../core/job';

/**
 * Full recompute of a period for one tenant, or for every active tenant (the nation), with progress: a percentage for
 * one tenant; for the nation the whole and each tenant's line (NationalRecomputeProgress), so the web app shows both.
 */
@Injectable()
export class RecomputeJob implements JobHandler<typeof recomputeJobSchema> {
  readonly queue = QUEUES.aggregation;
  readonly name = JOB_NAMES.recompute;
  readonly schema = recomputeJobSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: RecomputePayload, job?: Job): Promise<{ tenants: number; values: number; rollups: number; seconds: number }> {
    const started = performance.now();
    const national = !data.tenantId;
    const tenants = data.tenantId
      ? await this.dataSource.getRepository(Tenant).findBy({ id: data.tenantId })
      : await this.dataSource.getRepository(Tenant).find({ where: { status: 'active' }, order: { id: 'ASC' } });
    const lines: NationalRecomputeProgress['tenants'] = tenants.map((t) => ({ tenantId: t.id, code: t.code, name: t.name, state: 'waiting', percent: 0 }));
    let last = -1;
    const report = async (percent: number, force = false) => {
      if (!job) return;
      if (!national) {
        await job.updateProgress(percent);
        return;
      }
      // Each tenant's steps move the bar; Redis is written when something visible changed.
      const key = Math.round(percent * 10) + lines.filter((l) => l.state === 'completed').length * 10_000;
      if (!force && key === last) return;
      last = key;
      await job.updateProgress({ percent, tenants: lines } satisfies NationalRecomputeProgress);
    };
    await report(0, true);
    let values = 0;
    let rollups = 0;
    for (const [i, tenant] of tenants.entries()) {
      const line = lines[i]!;
      line.state = 'active';
      const result = await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'job-recompute'), () =>
        recomputeRollups(this.dataSource, {
          tenantId: tenant.id,
          period: data.period,
          fromReports: data.fromReports,
          onProgress: async (p) => {
            line.percent = p;
            await report(Math.round(((i + p / 100) / tenants.length) * 1000) / 10);
          },
        }),
      );
      Object.assign(line, { state: 'completed', percent: 100, values: result.values });
      await report(Math.round(((i + 1) / tenants.length) * 1000) / 10, true);
      values += result.values;
      rollups += result.rollups;
    }
    await report(100, true);
    return { tenants: tenants.length, values, rollups, seconds: (performance.now() - started) / 1000 };
  }
}
