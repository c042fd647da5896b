import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import type { DataSource } from 'typeorm';
import { jobId, JOB_NAMES, QUEUES, type NationalRecomputeProgress } from '@sen/contracts';
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
let events: QueueEvents;

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
  events = new QueueEvents(QUEUES.aggregation, { connection: redisConnection(config.REDIS_URL), prefix });
  await events.waitUntilReady();
});

afterAll(async () => {
  await events?.close();
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

  it('the reconciliation job is scheduled nightly', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toContainEqual(expect.objectContaining({ key: 'nightly-reconcile-rollups', pattern: '0 15 20 * * *' }));
  });

  it('the reconciliation job records that all is equal, and repairs a wrong total, telling the platform administrators', async () => {
    // A platform administrator of the tenant, bound to its root unit.
    const admin = await ds.query(`INSERT INTO app_user (tenant_id, username, display_name, password_hash) VALUES (1, 'padmin', 'Quản trị nền tảng', 'x')`);
    await ds.query(`INSERT INTO role_assignment (tenant_id, user_id, role, unit_id) VALUES (1, ?, 'platform_admin', 1)`, [admin.insertId]);
    const reconcile = async () => {
      const job = await queue.add(JOB_NAMES.reconcileRollups, { tenantId: '1', trigger: 'on-demand' }, { jobId: jobId('reconcile-rollups', 1, Date.now()) });
      return job.waitUntilFinished(events, 30_000);
    };
    // Every period with counted values (here 2024S1): nothing differs, nothing is written but the record.
    expect(await reconcile()).toEqual({ checked: 1, withMismatches: 0, repaired: 0 });
    const [clean] = await ds.query("SELECT * FROM rollup_reconciliation WHERE tenant_id = 1 ORDER BY id DESC LIMIT 1");
    expect(clean).toMatchObject({ period: '2024S1', trigger_kind: 'on-demand', mismatches: 0, repaired: 0 });
    expect(Number(clean.rows_checked)).toBeGreaterThan(2);
    // A total gone wrong (as a bug or a hand edit would leave it): found, recomputed, recorded, notified.
    await ds.query("UPDATE rollup SET sum = sum + 5 WHERE tenant_id = 1 AND period = '2024S1' AND unit_id = 1 AND indicator_code = 'HOI_VIEN'");
    await ds.query("UPDATE national_rollup SET sum = sum + 7 WHERE tenant_id = 1 AND period = '2024S1' AND indicator_code = 'HOI_VIEN'");
    expect(await nationalTotal()).toBe(2207);
    expect(await reconcile()).toEqual({ checked: 1, withMismatches: 1, repaired: 1 });
    expect(await nationalTotal()).toBe(2200);
    const [found] = await ds.query("SELECT * FROM rollup_reconciliation WHERE tenant_id = 1 ORDER BY id DESC LIMIT 1");
    expect(found).toMatchObject({ mismatches: 2, repaired: 1 });
    expect(typeof found.details === 'string' ? JSON.parse(found.details) : found.details).toEqual({ values: 0, rollups: 1, categories: 0, national: 1 });
    const notes = await ds.query("SELECT unit_id, message, message_en FROM notification WHERE kind = 'reconciliation-mismatch'");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toBe('Đối soát số liệu tổng hợp: Thử, 6 tháng đầu năm 2024 có 2 sai lệch (số liệu đơn vị 0, tổng hợp 1, phân tổ 0, toàn quốc 1); đã tính lại toàn bộ kỳ — nay đã khớp');
    expect(notes[0].message_en).toContain('First half of 2024 had 2 difference(s)');
    // Equal again: the next run finds nothing and tells no one.
    expect(await reconcile()).toEqual({ checked: 1, withMismatches: 0, repaired: 0 });
    expect(await ds.query("SELECT id FROM notification WHERE kind = 'reconciliation-mismatch'")).toHaveLength(1);
  });

  it('a national recompute (no tenant) moves the whole and each tenant\'s progress, and leaves the same totals', async () => {
    // A second tenant with one approved report.
    await ds.query(`INSERT INTO tenant (id, code, name, levels, root_unit_id) VALUES (2, 'P2', 'Thử hai', '[]', 10)`);
    await ds.query(`INSERT INTO org_unit (id, tenant_id, parent_id, name, name_folded, sort_key, level, kind) VALUES (10, 2, NULL, 'R', 'r', 'r', 'province', 'union'), (11, 2, 10, 'C', 'c', 'c', 'grassroots', 'union')`);
    await ds.query('INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth) VALUES (2, 10, 10, 0), (2, 11, 11, 0), (2, 10, 11, 1)');
    await ds.query(`INSERT INTO report_form (id, tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (2, 2, 'F', 'F', 'half', '["HOI_VIEN"]', '{"day":13,"month":6}', 'grassroots')`);
    const rep = await ds.query(`INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (2, 2, 'F', 11, '2024S1', 'approved', '2024-06-13', 1)`);
    await ds.query(`INSERT INTO report_value (tenant_id, report_id, indicator_code, value) VALUES (2, ?, 'HOI_VIEN', 321)`, [rep.insertId]);
    const seen: NationalRecomputeProgress[] = [];
    const id = jobId('recompute', 'all', '2024S1', Date.now());
    const listener = ({ jobId: which, data }: { jobId: string; data: unknown }) => void (which === id && seen.push(data as NationalRecomputeProgress));
    events.on('progress', listener);
    const job = await queue.add(JOB_NAMES.recompute, { period: '2024S1' }, { jobId: id });
    expect(await job.waitUntilFinished(events, 30_000)).toMatchObject({ tenants: 2, values: 3 });
    events.off('progress', listener);
    const final = (await queue.getJob(id))!.progress as NationalRecomputeProgress;
    expect(final.percent).toBe(100);
    expect(final.tenants.map((t) => [t.code, t.state, t.percent, t.values])).toEqual([
      ['PL', 'completed', 100, 2],
      ['P2', 'completed', 100, 1],
    ]);
    // The bar moved: a moment when the first tenant was done and the second not yet.
    expect(seen.some((p) => p.tenants[0]!.state === 'completed' && p.tenants[1]!.state !== 'completed' && p.percent > 0 && p.percent < 100)).toBe(true);
    expect(await nationalTotal()).toBe(2200);
    const [other] = await ds.query("SELECT sum FROM national_rollup WHERE tenant_id = 2 AND period = '2024S1' AND indicator_code = 'HOI_VIEN'");
    expect(Number(other.sum)).toBe(321);
  });
});
