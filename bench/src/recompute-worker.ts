/**
 * A worker-like process for the full recompute of the bench (started by the harness, never by the platform).
 *
 * The platform's `recompute` job (apps/worker/src/jobs/aggregation/recompute.job.ts) always runs step 1 of
 * recomputeRollups — the per-report rebuild of unit_value in TypeScript — which is not meant for 100,000
 * reports and would replace the bench's bulk-loaded counted values. This process consumes the same job (queue
 * `aggregation`, name `recompute`, payload `{period}` validated by @sen/contracts: every active tenant, in id
 * order, each in its tenant context, with progress) from a BullMQ queue under its own prefix, and calls
 * recomputeRollups with `fromReports: false`: steps 2 and 3 only (the set-based INSERT … SELECT over the
 * closure table, then the tenant's line of national_rollup).
 */
import 'reflect-metadata';
import { Worker, type Job } from 'bullmq';
import { JOB_NAMES, QUEUES, recomputeJobSchema } from '@sen/contracts';
import { createDataSource, recomputeRollups, Tenant, TenantContext } from '@sen/db';
import { redisConnection } from './redis';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const prefix = process.env.QUEUE_PREFIX;
  if (!url || !prefix) throw new Error('DATABASE_URL and QUEUE_PREFIX are required');
  const ds = createDataSource({ url, poolSize: Number(process.env.DB_POOL_SIZE ?? 10) });
  await ds.initialize();
  const worker = new Worker(
    QUEUES.aggregation,
    async (job: Job) => {
      if (job.name !== JOB_NAMES.recompute) throw new Error(`this process only runs ${JOB_NAMES.recompute}, not ${job.name}`);
      const data = recomputeJobSchema.parse(job.data);
      const started = performance.now();
      const repo = ds.getRepository(Tenant);
      const tenants = data.tenantId ? await repo.findBy({ id: data.tenantId }) : await repo.find({ where: { status: 'active' }, order: { id: 'ASC' } });
      let values = 0;
      let rollups = 0;
      for (const [i, tenant] of tenants.entries()) {
        const r = await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'bench-recompute'), () =>
          recomputeRollups(ds, {
            tenantId: tenant.id,
            period: data.period,
            fromReports: false,
            onProgress: (p) => job.updateProgress(Math.round(((i + p / 100) / tenants.length) * 100)),
          }),
        );
        values += r.values;
        rollups += r.rollups;
      }
      await job.updateProgress(100);
      return { tenants: tenants.length, values, rollups, seconds: (performance.now() - started) / 1000 };
    },
    { connection: redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), prefix, concurrency: 1 },
  );
  await worker.waitUntilReady();
  const shutdown = async () => {
    await worker.close();
    await ds.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  console.log('bench recompute worker ready');
}

main().catch((err: unknown) => {
  console.error(`bench recompute worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
