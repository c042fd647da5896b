import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { jobId, JOB_NAMES, QUEUES } from '@sen/contracts';
import { Tenant } from '@sen/db';
import { WORKER_CONFIG, type WorkerConfig } from '../../core/config';
import type { JobHandler } from '../../core/job';
import { redisConnection } from '../../core/queue-runner';

const schema = z.object({}).passthrough();

/** Fans the daily maintenance out to one job per active tenant (deterministic ids: once per tenant per day). */
@Injectable()
export class ScheduleMaintenanceJob implements JobHandler<typeof schema> {
  readonly queue = QUEUES.maintenance;
  readonly name = JOB_NAMES.scheduleMaintenance;
  readonly schema = schema;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async handle(): Promise<{ enqueued: number }> {
    const tenants = await this.dataSource.getRepository(Tenant).find({ where: { status: 'active' } });
    const queue = new Queue(QUEUES.maintenance, { connection: redisConnection(this.config.REDIS_URL), prefix: this.config.QUEUE_PREFIX });
    try {
      const day = new Date().toISOString().slice(0, 10);
      await queue.addBulk(
        tenants.map((t) => ({
          name: JOB_NAMES.purgeExpiredSessions,
          data: { tenantId: t.id },
          opts: { jobId: jobId('purge', t.id, day), attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 1000, removeOnFail: 1000 },
        })),
      );
      return { enqueued: tenants.length };
    } finally {
      await queue.close();
    }
  }
}
