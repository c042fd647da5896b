import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { jobId, JOB_NAMES, QUEUES } from '@sen/contracts';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@sen/db';
import { loadWorkerConfig } from '../../../core/config';
import { redisConnection } from '../../../core/queue-runner';
import { WorkerModule } from '../../../worker.module';

/**
 * The worker process as it runs in production (WorkerModule: BullMQ on the real Redis, the real database),
 * fed the way the api feeds it: an outbox row written with the approval, then a job.
 */
const base = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen').replace(/\/[^/]*$/, '');
const url = `${base}/sen_test_pipeline_${process.pid}`;
const prefix = `{sen-test-pipeline-${process.pid}}`;
let ds: DataSource;
let worker: INestApplicationContext;
let queue: Queue;

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function approvedReportWithOutbox(unitId: number, members: number): Promise<string> {
  const rep = await ds.query(`INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (1, 1, 'F', ?, '2024S1', 'approved', '2024-06-13', 1)`, [unitId]);
  await ds.query(`INSERT INTO report_value (tenant_id, report_id, indicator_code, value) VALUES (1, ?, 'HOI_VIEN', ?)`, [rep.insertId, members]);
  const out = await ds.query('INSERT INTO aggregation_outbox (tenant_id, report_id, report_version) VALUES (1, ?, 1)', [rep.insertId]);
  return String(out.insertId);
}

const nationalTotal = async (): Promise<number | null> => {
  const [row] = await ds.query("SELECT sum FROM national_rollup WHERE tenant_id = 1 AND period = '2024S1' AND indicator_code = 'HOI_VIEN'");
  return row ? Number(row.sum) : null;
};

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  ds = createDataSource({ url, poolSize: 4 });
  await ds.initialize();
  await ds.query(`INSERT INTO tenant (id, code, name, levels, root_unit_id) VALUES (1, 'PL', 'Thử', '[]', 1)`);
  for (const [id, parent] of [[1, null], [2, 1], [3, 1]] as const) {
    await ds.query(`INSERT INTO org_unit (id, tenant_id, parent_id, name, name_folded, sort_key, level, kind) VALUES (?, 1, ?, ?, ?, ?, 'grassroots', 'union')`, [id, parent, `U${id}`, `u${id}`, `u${id}`]);
    await ds.query('INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth) VALUES (1, ?, ?, 0)', [id, id]);
    if (parent) await ds.query('INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth) VALUES (1, ?, ?, 1)', [parent, id]);
  }
  await ds.query(`INSERT INTO report_form (id, tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (1, 1, 'F', 'F', 'half', '["HOI_VIEN"]', '{"day":13,"month":6}', 'grassroots')`);
  const config = loadWorkerConfig({ ...process.env, DATABASE_URL: url, QUEUE_PREFIX: prefix, WORKER_HEALTH_PORT: '0', LOG_LEVEL: 'silent' });
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  worker.enableShutdownHooks();
  await worker.init();
  queue = new Queue(QUEUES.aggregation, { connection: redisConnection(config.REDIS_URL), prefix });
});

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await worker?.close();
  await ds?.destroy();
  await dropDatabase(url);
});

describe('aggregation pipeline through the worker (real Redis and MariaDB)', () => {
  it('an approval job reaches the national total, and a replayed job changes nothing', async () => {
    const outboxId = await approvedReportWithOutbox(2, 1500);
    await queue.add(JOB_NAMES.applyReport, { tenantId: '1', outboxId }, { jobId: jobId('apply', outboxId) });
    expect(await waitFor(async () => (await nationalTotal()) === 1500)).toBe(true);
    // The same outbox row delivered again (at-least-once): counted once.
    await queue.add(JOB_NAMES.applyReport, { tenantId: '1', outboxId }, { jobId: jobId('apply', outboxId, 'replay') });
    await new Promise((r) => setTimeout(r, 500));
    expect(await nationalTotal()).toBe(1500);
  });

  it('an approval whose job never reached Redis is applied by the outbox reconciler', async () => {
    await approvedReportWithOutbox(3, 700); // no job: as if Redis had restarted and lost it
    await ds.query('UPDATE aggregation_outbox SET created_at = created_at - INTERVAL 10 SECOND WHERE processed_at IS NULL');
    await queue.add(JOB_NAMES.reconcileOutbox, {}, { jobId: jobId('reconcile', Date.now()) });
    expect(await waitFor(async () => (await nationalTotal()) === 2200)).toBe(true);
    const [{ pending }] = await ds.query('SELECT COUNT(*) AS pending FROM aggregation_outbox WHERE processed_at IS NULL');
    expect(Number(pending)).toBe(0);
  });

  it('a recompute job reports progress and leaves the same totals', async () => {
    const job = await queue.add(JOB_NAMES.recompute, { tenantId: '1', period: '2024S1' }, { jobId: jobId('recompute', 1, '2024S1', Date.now()) });
    await waitFor(async () => (await job.getState()) === 'completed');
    const done = await queue.getJob(job.id!);
    expect(done?.progress).toBe(100);
    expect(await nationalTotal()).toBe(2200);
  });
});
