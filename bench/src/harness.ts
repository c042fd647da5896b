import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, QueueEvents } from 'bullmq';
import { createConnection, type Connection } from 'mysql2/promise';
import { JOB_NAMES, QUEUES } from '@sen/contracts';
import { createDataSource, reconcileRollups } from '@sen/db';
import { ADMIN_USERNAME, BENCH_PASSWORD, CENTRAL_USERNAME, generateDataset, type Dataset, type PendingReport } from './generate';
import { ApiClient, mapLimit } from './http';
import { databaseUrl, REPO_ROOT, type BenchOptions } from './options';
import { cannon, type CannonResult, expectedTotals, floorGroupBy, importTiming, nationalTotals, waitUntilCurrent } from './phases';
import { freePort, memorySampler, startNode, waitForHttp, waitForLogLine, type Started } from './processes';
import { redisConnection } from './redis';
import { percentile, round } from './stats';
import { NationalWatcher } from './watch';

/** The figures clients read (bench/results/latest.json): exactly these keys. */
export interface BenchResult {
  recomputeRatio: number;
  recomputeSeconds: number;
  floorSeconds: number;
  values: number;
  incrementalP50Ms: number;
  incrementalP95Ms: number;
  incrementalP99Ms: number;
  burstSeconds: number;
  burstTotalsEqual: boolean;
  apiOverheadRatio: number;
  comparisonP95Ms: number;
  workerPeakMb: number;
  importMsPerDoc: number;
  machine: { cores: number; memory: number };
  scale: number;
}

export const RESULT_KEYS: readonly (keyof BenchResult)[] = [
  'recomputeRatio',
  'recomputeSeconds',
  'floorSeconds',
  'values',
  'incrementalP50Ms',
  'incrementalP95Ms',
  'incrementalP99Ms',
  'burstSeconds',
  'burstTotalsEqual',
  'apiOverheadRatio',
  'comparisonP95Ms',
  'workerPeakMb',
  'importMsPerDoc',
  'machine',
  'scale',
];

/** A line of the printed table: a figure, its target where it has one, and notes. */
export interface Row {
  figure: string;
  value: string;
  target?: string;
  met?: boolean;
  note?: string;
}

export interface BenchRun {
  result: BenchResult;
  rows: Row[];
  /** Things that make the run invalid (the harness exits non-zero). */
  failures: string[];
  logDir: string;
}

const MB = 1024 * 1024;

async function connect(url: string): Promise<Connection> {
  return createConnection({ uri: url, supportBigNumbers: true, bigNumberStrings: true, dateStrings: true, connectTimeout: 10_000 });
}

/** Drops and re-creates the bench database, then runs the platform's own migrations into it. */
async function freshDatabase(opts: BenchOptions, log: (l: string) => void): Promise<void> {
  const admin = await connect(opts.serverUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
    await admin.query(`CREATE DATABASE \`${opts.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const cli = path.join(REPO_ROOT, 'packages/db/dist/cli.js');
  const res = spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl(opts) }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`migrations failed: ${res.stderr || res.stdout}`);
  log(`database ${opts.database}: ${res.stdout.trim()}`);
}

async function dropDatabase(opts: BenchOptions): Promise<void> {
  const admin = await connect(opts.serverUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${opts.database}\``);
  } finally {
    await admin.end();
  }
}

/** Removes every BullMQ key of the bench's prefixes (a previous run's jobs, schedulers, events). */
async function clearQueues(prefixes: string[], redisUrl: string): Promise<void> {
  for (const prefix of prefixes) {
    for (const name of [QUEUES.aggregation, QUEUES.maintenance]) {
      const q = new Queue(name, { connection: redisConnection(redisUrl), prefix });
      try {
        await q.obliterate({ force: true });
      } finally {
        await q.close();
      }
    }
  }
}

function hashPassword(password: string): Promise<string> {
  const file = path.join(REPO_ROOT, 'apps/api/dist/modules/auth/password.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (pnpm turbo run build)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as { hashPassword: (p: string) => Promise<string> };
  return mod.hashPassword(password);
}

export async function runBench(opts: BenchOptions, log: (line: string) => void = (l) => console.error(`[bench] ${l}`)): Promise<BenchRun> {
  const rows: Row[] = [];
  const failures: string[] = [];
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `${opts.database}-`));
  const dbUrl = databaseUrl(opts);
  const recomputePrefix = `{${opts.database}-recompute}`;
  const processes: Started[] = [];
  let conn: Connection | undefined;
  let ds: ReturnType<typeof createDataSource> | undefined;
  const stopAll = async () => {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    processes.length = 0;
  };
  const onSignal = () => void stopAll().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const incrementalCount = Math.round(opts.incrementalRate * opts.incrementalSeconds);

  try {
    // ── The data set ──
    await freshDatabase(opts, log);
    await clearQueues([opts.queuePrefix, recomputePrefix], opts.redisUrl);
    conn = await connect(dbUrl);
    const data: Dataset = await generateDataset(conn, {
      scale: opts.scale,
      branchesPerCommune: opts.branchesPerCommune,
      period: opts.period,
      pendingReports: incrementalCount + opts.burst,
      passwordHash: await hashPassword(BENCH_PASSWORD),
      log,
    });
    log(`generate: done in ${data.seconds.toFixed(1)} s`);
    rows.push({
      figure: 'data set load (bulk SQL)',
      value: `${data.seconds.toFixed(1)} s`,
      target: '< 60 s',
      met: data.seconds < 60,
      note: `${data.tenants.length} provinces + TW, ${data.communes.toLocaleString('en')} communes, ${data.branches.toLocaleString('en')} branches, ${data.values.toLocaleString('en')} values, ${data.pending.length.toLocaleString('en')} submitted reports`,
    });

    const [[server]] = (await conn.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool, @@tmp_table_size AS tmp, @@max_heap_table_size AS heap')) as unknown as [
      { version: string; pool: string; tmp: string; heap: string }[],
    ];
    rows.push({
      figure: 'database server',
      value: server ? server.version.replace(/-.*$/, '') : '?',
      note: server ? `innodb_buffer_pool_size ${Math.round(Number(server.pool) / MB)} MB, tmp_table_size ${Math.round(Number(server.tmp) / MB)} MB, max_heap_table_size ${Math.round(Number(server.heap) / MB)} MB` : '',
    });

    // ── 1 + 5. Full recompute by the platform's worker (job `recompute`, fromReports: false) against the floor;
    //    the worker's peak memory ──
    const floorBefore = await floorGroupBy(conn, opts.period);
    log(`floor: ${floorBefore.seconds.toFixed(2)} s (${floorBefore.rows.toLocaleString('en')} grassroots totals)`);
    const recomputeProc = startNode(
      'recompute worker',
      path.join(REPO_ROOT, 'apps/worker/dist/main.js'),
      { ...process.env, NODE_ENV: 'production', DATABASE_URL: dbUrl, REDIS_URL: opts.redisUrl, QUEUE_PREFIX: recomputePrefix, LOG_LEVEL: opts.logLevel, WORKER_HEALTH_PORT: '0' },
      path.join(logDir, 'recompute-worker.log'),
      REPO_ROOT,
    );
    processes.push(recomputeProc);
    await waitForLogLine(recomputeProc, 'Sen worker running');
    const sampler = memorySampler(recomputeProc.pid, 50);
    const queue = new Queue(QUEUES.aggregation, { connection: redisConnection(opts.redisUrl), prefix: recomputePrefix });
    const events = new QueueEvents(QUEUES.aggregation, { connection: redisConnection(opts.redisUrl), prefix: recomputePrefix });
    await events.waitUntilReady();
    const recompute = async (): Promise<{ seconds: number; values: number; rollups: number; inProcess: number }> => {
      const started = performance.now();
      const job = await queue.add(JOB_NAMES.recompute, { period: opts.period, fromReports: false }, { removeOnComplete: 10, removeOnFail: 10 });
      const r = (await job.waitUntilFinished(events, 30 * 60_000)) as { values: number; rollups: number; seconds: number };
      return { seconds: (performance.now() - started) / 1000, values: r.values, rollups: r.rollups, inProcess: r.seconds };
    };
    // First into the empty rollup table (the state after a load), then again over existing rollups: the timed one.
    const first = await recompute();
    log(`recompute (rollup table empty): ${first.seconds.toFixed(2)} s, ${first.rollups.toLocaleString('en')} rollup rows`);
    const second = await recompute();
    log(`recompute (replacing the rollups): ${second.seconds.toFixed(2)} s`);
    const workerPeakMb = sampler.stop();
    await queue.close();
    await events.close();
    await recomputeProc.stop();
    const floorAfter = await floorGroupBy(conn, opts.period);
    log(`floor again: ${floorAfter.seconds.toFixed(2)} s`);
    const floorSeconds = Math.min(floorBefore.seconds, floorAfter.seconds);
    const recomputeSeconds = second.seconds;
    rows.push(
      { figure: 'full recompute, nation (s)', value: recomputeSeconds.toFixed(2), note: `enqueue → job done, over existing rollups; ${second.rollups.toLocaleString('en')} rollup rows (units with sub-units)` },
      { figure: 'floor: one GROUP BY to grassroots (s)', value: floorSeconds.toFixed(2), note: `best of 2 (before ${floorBefore.seconds.toFixed(2)}, after ${floorAfter.seconds.toFixed(2)}); ${floorBefore.rows.toLocaleString('en')} rows` },
      { figure: 'recompute / floor', value: (recomputeSeconds / floorSeconds).toFixed(2), target: '≤ 1.5', met: recomputeSeconds / floorSeconds <= 1.5 },
      { figure: 'recompute into an empty rollup table (s)', value: first.seconds.toFixed(2), note: `ratio ${(first.seconds / floorSeconds).toFixed(2)}; info` },
      { figure: 'recompute worker peak memory (MB)', value: workerPeakMb.toFixed(0), target: '≤ 512', met: workerPeakMb <= 512, note: 'VmHWM of the process running the job' },
    );

    // ── The api and worker of the platform, against the bench database ──
    const base = await nationalTotals(conn, opts.period);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      REDIS_URL: opts.redisUrl,
      QUEUE_PREFIX: opts.queuePrefix,
      DEMO_MODE: 'false',
      LOG_LEVEL: opts.logLevel,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKER_HEALTH_PORT: '0',
      JWT_SECRETS: 'bench:bench-only-signing-key-0123456789abcdef0123456789',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      // Every request of the harness comes from 127.0.0.1: the per-address limits would throttle the load itself.
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    };
    const worker = startNode('worker', path.join(REPO_ROOT, 'apps/worker/dist/main.js'), env, path.join(logDir, 'worker.log'), REPO_ROOT);
    processes.push(worker);
    const apiProc = startNode('api', path.join(REPO_ROOT, 'apps/api/dist/main.js'), env, path.join(logDir, 'api.log'), REPO_ROOT);
    processes.push(apiProc);
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    await waitForHttp(`${api.baseUrl}/health/ready`, apiProc);
    await waitForLogLine(worker, 'Sen worker running');
    await sleep(500);
    const tokens = new Map<string, string>();
    await mapLimit(data.tenants, 4, async (t) => tokens.set(t.id, await api.login(t.code, ADMIN_USERNAME, BENCH_PASSWORD)));
    const centralToken = await api.login(data.central.code, CENTRAL_USERNAME, BENCH_PASSWORD);
    log(`api on :${port} and worker started (logs in ${logDir}); ${tokens.size + 1} logins`);
    const workerMemory = memorySampler(worker.pid, 200);

    // ── 2. Incremental: approvals at a steady rate; response → national total ──
    const steady = data.pending.slice(0, incrementalCount);
    const burst = data.pending.slice(incrementalCount);
    const watchConn = await connect(dbUrl);
    const watcher = new NationalWatcher(watchConn, opts.period, 10);
    await watcher.start();
    const approvalMs: number[] = [];
    const approve = async (r: PendingReport): Promise<number | null> => {
      const sent = performance.now();
      let res: { status: number; body: string };
      try {
        res = await api.approve(tokens.get(r.tenantId)!, r.id);
      } catch (err) {
        res = { status: 0, body: err instanceof Error ? err.message : String(err) };
      }
      const at = performance.now();
      approvalMs.push(at - sent);
      if (res.status !== 200) {
        failures.push(`approve report ${r.id} (${r.tenantCode}): HTTP ${res.status} ${res.body}`);
        if (failures.length <= 5) log(`approve report ${r.id} (${r.tenantCode}) failed: HTTP ${res.status} ${res.body}`);
        return null;
      }
      return at;
    };
    log(`incremental: ${steady.length} approvals at ${opts.incrementalRate}/s for ${opts.incrementalSeconds} s`);
    const t0 = performance.now();
    await Promise.all(
      steady.map(async (r, i) => {
        const due = t0 + (i * 1000) / opts.incrementalRate;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const at = await approve(r);
        if (at !== null) watcher.responded(r.tenantId, at);
      }),
    );
    const sendSeconds = (performance.now() - t0) / 1000;
    // Every approval's latency counts, however late: wait until the last one shows (or 15 minutes).
    const unreflected = await watcher.drain(15 * 60_000);
    const drainSeconds = (performance.now() - t0) / 1000 - sendSeconds;
    await watcher.stop();
    await watchConn.end();
    if (unreflected > 0) failures.push(`${unreflected} approvals of the steady phase never showed in the national total`);
    const lat = watcher.latencies;
    const incremental = { p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99) };
    log(`incremental: p50 ${incremental.p50.toFixed(1)} ms, p95 ${incremental.p95.toFixed(1)} ms, p99 ${incremental.p99.toFixed(1)} ms (${lat.length} measured, ${watcher.polls} polls)`);
    rows.push(
      {
        figure: 'incremental p50 (ms)',
        value: incremental.p50.toFixed(1),
        note: `approve answered → national_rollup reflects it (SQL poll every 10 ms); ${lat.length} approvals answered over ${sendSeconds.toFixed(1)} s (${(lat.length / sendSeconds).toFixed(1)}/s), the last reflected ${drainSeconds.toFixed(1)} s later`,
      },
      { figure: 'incremental p95 (ms)', value: incremental.p95.toFixed(1), target: '≤ 250', met: incremental.p95 <= 250 },
      { figure: 'incremental p99 (ms)', value: incremental.p99.toFixed(1) },
      {
        figure: 'approve request p50 / p95 (ms)',
        value: `${percentile(approvalMs, 50).toFixed(1)} / ${percentile(approvalMs, 95).toFixed(1)}`,
        note: 'HTTP round trip of POST /reports/:id/approve; info',
      },
    );

    // ── 3. Deadline burst: approvals as fast as the api takes them; until every total is current ──
    log(`burst: ${burst.length} approvals, ${opts.burstConcurrency} in flight`);
    const approvalsBefore = approvalMs.length;
    const b0 = performance.now();
    await mapLimit(burst, opts.burstConcurrency, approve);
    const burstApiSeconds = (performance.now() - b0) / 1000;
    // Every approval has been answered: the expected totals are the recompute's plus the approved reports' values.
    const expected = await expectedTotals(conn, opts.period, base);
    const current = await waitUntilCurrent(conn, opts.period, expected, 20 * 60_000);
    const burstSeconds = (performance.now() - b0) / 1000;
    const burstApproveMs = approvalMs.slice(approvalsBefore);
    if (!current.current) failures.push(`burst: totals not current after 20 min (${current.differing.length} tenant/indicator totals differ, e.g. ${current.differing.slice(0, 3).join(', ')})`);
    log(`burst: api took them in ${burstApiSeconds.toFixed(1)} s; all totals current after ${burstSeconds.toFixed(1)} s`);
    const workerPeakDuringApprovals = workerMemory.stop();

    // Totals equal to a full recompute: reconcileRollups of @sen/db, every tenant.
    // One connection, so that a session setting holds for every statement: MariaDB 10.11 turns the NOT EXISTS of
    // reconcileRollups' second query into a materialised anti-join over every tenant's closure × values (a
    // minute per tenant at scale 0.1, on-disk temporary tables); with exists_to_in off it is a per-row
    // primary-key probe (half a second). Same function, same SQL — see BENCHMARKS.md.
    ds = createDataSource({ url: dbUrl, poolSize: 1 });
    await ds.initialize();
    await ds.query("SET SESSION optimizer_switch = 'exists_to_in=off'");
    let mismatches = 0;
    let checked = 0;
    const r0 = performance.now();
    for (const t of [data.central, ...data.tenants]) {
      // One retry: a statement that fails for the server's own reasons (a lost temporary file) is not a mismatch.
      const r = await reconcileRollups(ds, t.id, opts.period).catch(async (err: unknown) => {
        log(`reconcile ${t.code}: ${err instanceof Error ? err.message : String(err)}; retrying once`);
        return reconcileRollups(ds!, t.id, opts.period);
      });
      mismatches += r.rollupMismatches;
      checked += r.checked;
    }
    log(`reconcile: ${mismatches} mismatches over ${checked.toLocaleString('en')} rollup rows (${((performance.now() - r0) / 1000).toFixed(1)} s)`);
    const burstTotalsEqual = current.current && current.differing.length === 0 && mismatches === 0;
    if (mismatches > 0) failures.push(`reconcileRollups: ${mismatches} rollup rows differ from a full GROUP BY`);
    rows.push(
      { figure: 'burst: until every total is current (s)', value: burstSeconds.toFixed(1), note: `${burst.length} approvals; the api answered them all in ${burstApiSeconds.toFixed(1)} s (${(burst.length / burstApiSeconds).toFixed(0)}/s, p95 ${percentile(burstApproveMs, 95).toFixed(0)} ms)` },
      { figure: 'burst totals equal a full recompute', value: String(burstTotalsEqual), target: 'true', met: burstTotalsEqual, note: `central totals = expected; outbox empty; reconcileRollups: ${mismatches} mismatches / ${checked.toLocaleString('en')} rows` },
      { figure: 'worker peak memory during approvals (MB)', value: workerPeakDuringApprovals.toFixed(0), note: 'apps/worker (apply-report jobs); info' },
    );

    // ── 4. Api overhead against a bare Fastify; the comparison endpoint at 50 clients ──
    const barePort = await freePort();
    const bare = startNode('bare fastify', path.join(__dirname, 'bare-server.js'), { ...process.env, PORT: String(barePort) }, path.join(logDir, 'bare.log'), REPO_ROOT);
    processes.push(bare);
    await waitForHttp(`http://127.0.0.1:${barePort}/health/live`, bare);
    // Taken in turns, bare then api, twice, the best of each: on a shared 2-core machine the database's background
    // work (flushing the pages the load and the burst wrote) slows whichever runs while it lasts, and one run each
    // would charge it to one side only.
    const runs = { bare: [] as CannonResult[], api: [] as CannonResult[] };
    for (let round = 0; round < 2; round++) {
      runs.bare.push(await cannon(`http://127.0.0.1:${barePort}/health/live`, { connections: 50, seconds: opts.overheadSeconds }));
      runs.api.push(await cannon(`${api.baseUrl}/health/live`, { connections: 50, seconds: opts.overheadSeconds }));
    }
    await bare.stop();
    const best = (list: CannonResult[]) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
    const bareRun = best(runs.bare);
    const apiRun = best(runs.api);
    const allRuns = `bare ${runs.bare.map((r) => r.rps.toFixed(0)).join(', ')}; api ${runs.api.map((r) => r.rps.toFixed(0)).join(', ')}`;
    const apiOverheadRatio = apiRun.rps / bareRun.rps;
    for (const [name, run] of [...runs.bare.map((r) => ['bare', r] as const), ...runs.api.map((r) => ['api', r] as const)]) {
      if (run.non2xx + run.errors > 0 || run.requests === 0) failures.push(`GET /health/live (${name}): ${run.non2xx} non-2xx, ${run.errors} errors, ${run.requests} ok`);
    }
    log(`health/live: api ${apiRun.rps.toFixed(0)}/s, bare fastify ${bareRun.rps.toFixed(0)}/s (req/s of each run: ${allRuns})`);
    const comparisonUrl = `${api.baseUrl}/api/v1/central/comparison?indicator=HOI_VIEN&period=${opts.period}`;
    const probe = await api.get(centralToken, `/api/v1/central/comparison?indicator=HOI_VIEN&period=${opts.period}`);
    if (probe.status !== 200) failures.push(`GET /central/comparison: HTTP ${probe.status} ${JSON.stringify(probe.json).slice(0, 300)}`);
    const comparison = await cannon(comparisonUrl, { connections: opts.comparisonConnections, seconds: opts.comparisonSeconds, headers: { authorization: `Bearer ${centralToken}` } });
    if (comparison.non2xx + comparison.errors > 0 || comparison.requests === 0) failures.push(`GET /central/comparison under load: ${comparison.non2xx} non-2xx, ${comparison.errors} errors`);
    log(`comparison: ${comparison.rps.toFixed(0)}/s, p95 ${comparison.p95.toFixed(1)} ms`);
    rows.push(
      { figure: 'api overhead: api / bare Fastify req/s', value: apiOverheadRatio.toFixed(2), target: '≥ 0.7', met: apiOverheadRatio >= 0.7, note: `GET /health/live, 50 connections, 2 × ${opts.overheadSeconds} s each in turns, best: api ${apiRun.rps.toFixed(0)}/s, bare ${bareRun.rps.toFixed(0)}/s` },
      { figure: 'comparison p95 at 50 clients (ms)', value: comparison.p95.toFixed(1), target: '≤ 50', met: comparison.p95 <= 50, note: `GET /api/v1/central/comparison as a central analyst: ${comparison.rps.toFixed(0)}/s, p50 ${comparison.p50.toFixed(1)}, p99 ${comparison.p99.toFixed(1)} ms` },
    );
    api.close();
    await stopAll();

    // ── 6. Plan import ──
    const imp = importTiming(opts.importRuns);
    log(`import: ${imp.msPerDoc.toFixed(2)} ms per document`);
    rows.push({ figure: 'plan import (ms per document)', value: imp.msPerDoc.toFixed(2), note: `importPlanText, ${imp.docs} seed plans, median of ${opts.importRuns} runs` });

    const result: BenchResult = {
      recomputeRatio: round(recomputeSeconds / floorSeconds, 3),
      recomputeSeconds: round(recomputeSeconds, 3),
      floorSeconds: round(floorSeconds, 3),
      values: second.values,
      incrementalP50Ms: round(incremental.p50, 1),
      incrementalP95Ms: round(incremental.p95, 1),
      incrementalP99Ms: round(incremental.p99, 1),
      burstSeconds: round(burstSeconds, 2),
      burstTotalsEqual,
      apiOverheadRatio: round(apiOverheadRatio, 3),
      comparisonP95Ms: round(comparison.p95, 1),
      workerPeakMb: round(workerPeakMb, 1),
      importMsPerDoc: round(imp.msPerDoc, 3),
      machine: { cores: os.cpus().length, memory: Math.round(os.totalmem() / MB) },
      scale: opts.scale,
    };
    return { result, rows, failures, logDir };
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stopAll();
    await ds?.destroy().catch(() => undefined);
    await conn?.end().catch(() => undefined);
    if (opts.dropAfter) await dropDatabase(opts).catch((err: unknown) => log(`could not drop ${opts.database}: ${String(err)}`));
  }
}
