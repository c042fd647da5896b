/**
 * ./scripts/faults — fault injection on demand (not part of ./scripts/test). See FAULTS.md.
 *
 *   node faults/dist/main.js [--machine-services] [--only 1,3] [--kills 20] [--approvals 1000] [--keep]
 *
 * For each fault: a burst of approvals through the HTTP API (HN and DN administrators, submitted reports of a
 * period of the fault's own), the fault injected in the middle, then {fault, approvalsMade, approvalsCounted,
 * totalsEqualFullRecompute}. Prints a table; exits 1 when any acknowledged approval is not counted or the totals
 * differ from a full recompute, 2 when the run itself could not be set up.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allPassed, formatTable, type FaultResult } from './helpers';
import { httpStatus, Proc, sleep, waitFor } from './processes';
import { describeBurst, FaultRun, type BurstStats, type Cluster } from './scenario';
import { MachineServices, PrivateServices, type Services } from './services';

interface Options {
  machineServices: boolean;
  only: number[];
  kills: number;
  keep: boolean;
  approvals: number;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { machineServices: false, only: [1, 2, 3, 4], kills: 20, keep: false, approvals: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--machine-services') opts.machineServices = true;
    else if (a === '--keep') opts.keep = true;
    else if (a.startsWith('--only')) opts.only = value().split(',').map(Number).filter((n) => n >= 1 && n <= 4);
    else if (a.startsWith('--kills')) opts.kills = Math.max(1, Math.min(100, Number(value())));
    else if (a.startsWith('--approvals')) opts.approvals = Math.max(10, Math.min(1800, Number(value())));
    else throw new Error(`unknown option ${a} (--machine-services, --only 1,3, --kills 20, --approvals 1000, --keep)`);
  }
  return opts;
}

const log = (line: string) => console.log(`[faults] ${line}`);
const CONVERGE_MS = 180_000;
const DEADLINE_MS = 240_000;

async function result(run: FaultRun, fault: string, period: string, burst: BurstStats, notes: string[]): Promise<FaultResult> {
  const converged = await run.converge(period, burst.acknowledged, CONVERGE_MS);
  const check = await run.verify(period);
  const all = [
    ...notes,
    describeBurst(burst),
    converged.convergedMs === null ? `NOT converged in ${CONVERGE_MS / 1000} s` : `counted ${Math.round(converged.convergedMs / 1000)} s after the burst`,
    `approved in DB ${check.dbApproved}`,
    check.mismatches ? `reconcile: ${check.mismatches} mismatches` : 'reconcile: 0 mismatches',
    ...(check.differing.length ? [`national totals differ: ${check.differing.slice(0, 5).join(', ')}`] : []),
    ...(burst.failed.length ? [`failed: ${burst.failed.slice(0, 3).join('; ')}`] : []),
  ];
  const r: FaultResult = {
    fault,
    approvalsMade: burst.acknowledged.size,
    approvalsCounted: converged.counted,
    totalsEqualFullRecompute: check.mismatches === 0 && check.nationalEqual,
    notes: all.join('; '),
  };
  log(`${fault}: made ${r.approvalsMade}, counted ${r.approvalsCounted}, equal ${r.totalsEqualFullRecompute} — ${r.notes}`);
  return r;
}

/** 1. The worker is killed with SIGKILL while it holds aggregation jobs, `kills` times, restarted each time. */
async function workerKills(run: FaultRun, kills: number): Promise<FaultResult> {
  const period = '2027S1';
  const reports = await run.prepareSubmitted(period);
  const cluster = await run.startCluster('f1', 1, 1);
  const worker = cluster.workers[0]!;
  let midJob = 0;
  let done = false;
  try {
    // Paced so that the burst lasts as long as the kills (a worker restarts in a few seconds).
    const burst = run.approveAll(cluster, reports, { concurrency: 2, paceMs: Math.max(100, Math.round((kills * 3200) / reports.length)), deadlineMs: DEADLINE_MS, seed: 1 }).finally(() => (done = true));
    for (let k = 0; k < kills; k++) {
      await run.workerReady(worker, 60_000);
      await sleep(200 + Math.floor(Math.random() * 600));
      // "In the middle of aggregation": wait (bounded) until the worker holds a job, then kill it.
      const t0 = Date.now();
      let busy = false;
      while (!busy && Date.now() - t0 < 5000) {
        busy = (await run.activeJobs().catch(() => 0)) > 0;
        if (!busy) await sleep(5);
      }
      if (busy) midJob++;
      await worker.proc.stop('SIGKILL');
      worker.proc.start();
      if (done && !busy) log(`kill ${k + 1}: the burst is over, killing an idle worker`);
    }
    const stats = await burst;
    await run.workerReady(worker, 60_000);
    return await result(run, `1. worker SIGKILL ×${kills} during aggregation`, period, stats, [`${kills} kills (${midJob} while holding a job)`]);
  } finally {
    await run.stopCluster(cluster);
    await run.closeRedis();
  }
}

/** 2. Redis is shut down without saving (every job and schedule lost) in the middle of the burst, then started again. */
async function redisRestart(run: FaultRun): Promise<FaultResult> {
  const period = '2027S2';
  const reports = await run.prepareSubmitted(period);
  const cluster = await run.startCluster('f2', 1, 1);
  let restarted: Promise<void> | null = null;
  const at = Math.floor(reports.length * 0.35);
  let readyWhileDown = 0;
  try {
    const stats = await run.approveAll(cluster, reports, {
      concurrency: 4,
      paceMs: 60,
      deadlineMs: DEADLINE_MS,
      seed: 2,
      during: (n) => {
        if (n !== at) return;
        log(`redis: shutdown nosave after ${n} approvals`);
        restarted = (async () => {
          const down = run.services.restartRedis(4000);
          await sleep(1500);
          readyWhileDown = await httpStatus(`${cluster.apis[0]!.base}/health/ready`);
          await down;
          log('redis: started again (empty)');
        })();
      },
    });
    await restarted;
    await waitFor('the api ready again', async () => (await httpStatus(`${cluster.apis[0]!.base}/health/ready`)) === 200, 60_000);
    return await result(run, '2. Redis restarted (shutdown nosave) during the burst', period, stats, [`readiness while Redis was down: ${readyWhileDown}`]);
  } finally {
    await run.stopCluster(cluster);
  }
}

/** 3. MariaDB is stopped in the middle of the burst and started again; the api answers 503 meanwhile. */
async function mariadbRestart(run: FaultRun): Promise<FaultResult> {
  const period = '2028S1';
  const reports = await run.prepareSubmitted(period);
  const cluster = await run.startCluster('f3', 1, 1);
  const api = cluster.apis[0]!;
  let restarted: Promise<void> | null = null;
  const at = Math.floor(reports.length * 0.35);
  const probes: { ready: number; approve: number }[] = [];
  let recoveredMs = -1;
  const login = await fetch(`${api.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'HN', username: 'admin', password: 'sen-demo-2024' }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  try {
    const stats = await run.approveAll(cluster, reports, {
      concurrency: 4,
      paceMs: 80,
      deadlineMs: DEADLINE_MS,
      seed: 3,
      during: (n) => {
        if (n !== at) return;
        restarted = (async () => {
          log(`mariadb: stopping after ${n} approvals`);
          await run.services.stopDatabase();
          // While it is gone: readiness and an approval answer 503 (with a token from before the outage).
          for (let i = 0; i < 3; i++) {
            const ready = await httpStatus(`${api.base}/health/ready`, 8000);
            const approve = await fetch(`${api.base}/api/v1/reports/${reports[0]!.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) })
              .then((r) => r.status)
              .catch(() => 0);
            probes.push({ ready, approve });
            await sleep(1000);
          }
          await run.services.startDatabase();
          log('mariadb: started again');
          const t0 = Date.now();
          await waitFor('the api ready again by itself', async () => (await httpStatus(`${api.base}/health/ready`)) === 200, 90_000, 250);
          recoveredMs = Date.now() - t0;
        })();
      },
    });
    await restarted;
    const answered503 = probes.length > 0 && probes.every((p) => p.ready === 503 && p.approve === 503);
    const r = await result(run, '3. MariaDB stopped and started during the burst', period, stats, [
      `while down: readiness/approve answered ${probes.map((p) => `${p.ready}/${p.approve}`).join(', ')}`,
      `api ready again ${Math.round(recoveredMs / 100) / 10} s after the start, no restart`,
    ]);
    if (!answered503) {
      log('FAILED: the api did not answer 503 while the database was down');
      return { ...r, totalsEqualFullRecompute: false, notes: `${r.notes}; NOT 503 while the database was down` };
    }
    return r;
  } finally {
    await run.stopCluster(cluster);
  }
}

/** 4. Two apis and two workers on the same database and Redis; approvals spread over both apis. */
async function twoInstances(run: FaultRun): Promise<FaultResult> {
  const period = '2028S2';
  const reports = await run.prepareSubmitted(period);
  const cluster: Cluster = await run.startCluster('f4', 2, 2);
  try {
    const stats = await run.approveAll(cluster, reports, { concurrency: 8, paceMs: 0, deadlineMs: DEADLINE_MS, seed: 4 });
    return await result(run, '4. two apis + two workers, approvals spread over both', period, stats, []);
  } finally {
    await run.stopCluster(cluster);
  }
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const root = resolve(__dirname, '../..');
  const logDir = join(root, 'test-output', 'faults');
  mkdirSync(logDir, { recursive: true });
  let services: Services;
  if (opts.machineServices || !PrivateServices.available()) {
    if (!opts.machineServices) log('no mariadbd/mariadb-install-db/redis-server here for private servers: using the machine\'s (they will be restarted)');
    services = new MachineServices(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  } else {
    services = new PrivateServices(join(tmpdir(), `sen-faults-${process.pid}`));
  }
  const run = new FaultRun(root, services, 'sen_faults', `{sen-faults-${process.pid}}`, logDir, opts.approvals);
  const results: FaultResult[] = [];
  const stop = async () => {
    await Proc.stopAll();
    await run.closeRedis();
    if (!opts.keep) await run.dropDatabase().catch(() => undefined);
    await services.down();
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().finally(() => process.exit(143)));
  try {
    await services.up();
    log(`servers: ${services.kind} (${services.databaseServerUrl}, ${services.redisUrl}); queue prefix ${run.prefix}; logs in ${logDir}`);
    log('database sen_faults: migrations and demo data');
    await run.createDatabase();
    const faults: [number, () => Promise<FaultResult>][] = [
      [1, () => workerKills(run, opts.kills)],
      [2, () => redisRestart(run)],
      [3, () => mariadbRestart(run)],
      [4, () => twoInstances(run)],
    ];
    for (const [n, fault] of faults) {
      if (!opts.only.includes(n)) continue;
      log(`fault ${n}: start`);
      results.push(await fault());
    }
  } catch (err) {
    console.error(`[faults] the run could not complete: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    await stop();
    if (results.length) console.log(formatTable(results));
    return 2;
  }
  await stop();
  const table = formatTable(results);
  writeFileSync(join(logDir, 'results.md'), `${table}\n`);
  console.log(`\n${table}\n`);
  const ok = allPassed(results);
  console.log(ok ? '[faults] every acknowledged approval was counted; totals equal a full recompute' : '[faults] FAILED: see the table');
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[faults] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
