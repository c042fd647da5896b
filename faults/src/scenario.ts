import { join } from 'node:path';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { QUEUES } from '@sen/contracts';
import { createDataSource, dropDatabase, ensureDatabase, reconcileRollups, recomputeRollups, runMigrations } from '@sen/db';
import { backoff, diffTotals, latencySummary, shuffle, totalsFingerprint } from './helpers';
import { freePort, httpStatus, Proc, run, sleep, waitFor } from './processes';
import type { Services } from './services';

export interface Tenants {
  HN: string;
  DN: string;
}

export interface Cluster {
  apis: { proc: Proc; port: number; base: string }[];
  workers: { proc: Proc; port: number }[];
}

export interface BurstStats {
  acknowledged: Set<string>;
  failed: string[];
  attempts: number;
  unavailable: number;
  networkErrors: number;
  latencies: number[];
  durationMs: number;
}

export interface Verification {
  counted: number;
  convergedMs: number | null;
  mismatches: number;
  nationalEqual: boolean;
  differing: string[];
  dbApproved: number;
}

const DEMO_PASSWORD = 'sen-demo-2024';
const SOURCE_PERIOD = '2024S1';

/**
 * One run of the faults: its own database (sen_faults) on the chosen servers, its own queue prefix, the built api
 * and worker as child processes, and the clients that approve reports through the HTTP API like the HN and DN
 * administrators would.
 */
export class FaultRun {
  tenants!: Tenants;
  private redis: Redis | null = null;

  constructor(
    readonly root: string,
    readonly services: Services,
    readonly dbName: string,
    readonly prefix: string,
    readonly logDir: string,
    /** Approvals per fault (the burst); the demo's communes and their branches give up to ~1,900 reports. */
    readonly approvals = 1000,
  ) {}

  get databaseUrl(): string {
    return `${this.services.databaseServerUrl}/${this.dbName}`;
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.services.redisUrl,
      QUEUE_PREFIX: this.prefix,
      DEMO_MODE: 'true',
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
      DB_POOL_SIZE: '10',
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      ...extra,
    };
  }

  /** A data source of its own for each use: the database restarts under the run. */
  async withDb<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
    const ds = createDataSource({ url: this.databaseUrl, poolSize: 4 });
    await ds.initialize();
    try {
      return await fn(ds);
    } finally {
      await ds.destroy();
    }
  }

  /** A fresh sen_faults: migrations, then the demo data through the CLI (as scripts/start does). */
  async createDatabase(): Promise<void> {
    await dropDatabase(this.databaseUrl);
    await ensureDatabase(this.databaseUrl);
    await runMigrations(this.databaseUrl);
    run(process.execPath, [join(this.root, 'apps/api/dist/cli/sen.js'), 'seed:demo'], this.env({ LOG_LEVEL: 'error' }), { cwd: this.root, timeoutMs: 600_000 });
    this.tenants = await this.withDb(async (ds) => {
      const rows: { id: string; code: string }[] = await ds.query("SELECT id, code FROM tenant WHERE code IN ('HN', 'DN')");
      const id = (code: string) => String(rows.find((r) => r.code === code)?.id ?? '');
      return { HN: id('HN'), DN: id('DN') };
    });
    if (!this.tenants.HN || !this.tenants.DN) throw new Error('the demo data has no HN or DN tenant');
  }

  async dropDatabase(): Promise<void> {
    await dropDatabase(this.databaseUrl);
  }

  /**
   * Submitted reports to approve, for a period of their own (SQL set-up, as allowed): every commune of HN and DN that
   * reported 2024S1 on the national half-year form gets a submitted report for `period` with the same values, and so
   * does each of its branches (chi hội) with an eighth of them (rounded, so a ratio's numerator stays within its
   * denominator). Branch and commune values both count, under the commune: the deepest paths of the tree, and enough
   * reports for a burst of `approvals` (a deterministic spread of them over both provinces and levels).
   */
  async prepareSubmitted(period: string): Promise<{ id: string; tenantId: string }[]> {
    const deadline = `${period.slice(0, 4)}-${period.endsWith('S1') ? '06' : '12'}-13`;
    return this.withDb(async (ds) => {
      const tenantIds = [this.tenants.HN, this.tenants.DN];
      // A fault's period is its own, after the demo's (which holds reports up to the current half-year): its totals
      // are then the bursts' alone, and a rerun never meets rows of an earlier fault.
      const [{ n }] = (await ds.query('SELECT COUNT(*) AS n FROM report WHERE tenant_id IN (?) AND period = ?', [tenantIds, period])) as [{ n: string }];
      if (Number(n) > 0) throw new Error(`period ${period} already holds ${n} reports of HN and DN; a fault needs a period without any`);
      await ds.transaction(async (m) => {
        await m.query(
          `INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, late, submitted_at, version)
           SELECT r.tenant_id, r.form_id, r.form_code, r.unit_id, ?, 'submitted', ?, 0, CURRENT_TIMESTAMP(3), 1
           FROM report r WHERE r.tenant_id IN (?) AND r.period = ? AND r.form_code = 'QG-6T'
             AND EXISTS (SELECT 1 FROM report_value v WHERE v.tenant_id = r.tenant_id AND v.report_id = r.id)`,
          [period, deadline, tenantIds, SOURCE_PERIOD],
        );
        await m.query(
          `INSERT INTO report_value (tenant_id, report_id, indicator_code, category, value, numerator, denominator)
           SELECT v.tenant_id, n.id, v.indicator_code, v.category, v.value, v.numerator, v.denominator
           FROM report n
           JOIN report o ON o.tenant_id = n.tenant_id AND o.form_id = n.form_id AND o.unit_id = n.unit_id AND o.period = ?
           JOIN report_value v ON v.tenant_id = o.tenant_id AND v.report_id = o.id
           WHERE n.tenant_id IN (?) AND n.period = ?`,
          [SOURCE_PERIOD, tenantIds, period],
        );
        await m.query(
          `INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, late, submitted_at, version)
           SELECT b.tenant_id, c.form_id, c.form_code, b.id, c.period, 'submitted', c.deadline, 0, CURRENT_TIMESTAMP(3), 1
           FROM report c JOIN org_unit b ON b.tenant_id = c.tenant_id AND b.parent_id = c.unit_id AND b.level = 'branch'
           WHERE c.tenant_id IN (?) AND c.period = ?`,
          [tenantIds, period],
        );
        await m.query(
          `INSERT INTO report_value (tenant_id, report_id, indicator_code, category, value, numerator, denominator)
           SELECT v.tenant_id, n.id, v.indicator_code, v.category, ROUND(v.value / 8), ROUND(v.numerator / 8), ROUND(v.denominator / 8)
           FROM report n
           JOIN org_unit b ON b.tenant_id = n.tenant_id AND b.id = n.unit_id AND b.level = 'branch'
           JOIN report c ON c.tenant_id = n.tenant_id AND c.form_id = n.form_id AND c.unit_id = b.parent_id AND c.period = n.period
           JOIN report_value v ON v.tenant_id = c.tenant_id AND v.report_id = c.id
           WHERE n.tenant_id IN (?) AND n.period = ?`,
          [tenantIds, period],
        );
      });
      const rows: { id: string; tenant_id: string }[] = await ds.query(
        "SELECT id, tenant_id FROM report WHERE tenant_id IN (?) AND period = ? AND status = 'submitted' ORDER BY CRC32(id), id LIMIT ?",
        [tenantIds, period, this.approvals],
      );
      if (rows.length < this.approvals) throw new Error(`only ${rows.length} reports to approve for ${period}, ${this.approvals} asked`);
      return rows.map((r) => ({ id: String(r.id), tenantId: String(r.tenant_id) }));
    });
  }

  newApi(name: string, port: number): Proc {
    return new Proc(name, process.execPath, [join(this.root, 'apps/api/dist/main.js')], this.env({ PORT: String(port), HOST: '127.0.0.1' }), join(this.logDir, `${name}.log`), this.root);
  }

  newWorker(name: string, healthPort: number): Proc {
    return new Proc(name, process.execPath, [join(this.root, 'apps/worker/dist/main.js')], this.env({ WORKER_HEALTH_PORT: String(healthPort), WORKER_CONCURRENCY: '4' }), join(this.logDir, `${name}.log`), this.root);
  }

  async startCluster(label: string, apis: number, workers: number): Promise<Cluster> {
    const cluster: Cluster = { apis: [], workers: [] };
    for (let i = 0; i < apis; i++) {
      const port = await freePort();
      cluster.apis.push({ proc: this.newApi(`${label}-api${i + 1}`, port).start(), port, base: `http://127.0.0.1:${port}` });
    }
    for (let i = 0; i < workers; i++) {
      const port = await freePort();
      cluster.workers.push({ proc: this.newWorker(`${label}-worker${i + 1}`, port).start(), port });
    }
    for (const a of cluster.apis) await waitFor(`${a.proc.name} ready`, async () => (await httpStatus(`${a.base}/health/ready`)) === 200, 90_000, 250);
    for (const w of cluster.workers) await this.workerReady(w);
    return cluster;
  }

  workerReady(w: { proc: Proc; port: number }, timeoutMs = 90_000): Promise<number> {
    return waitFor(`${w.proc.name} ready`, async () => (await httpStatus(`http://127.0.0.1:${w.port}/health/ready`)) === 200, timeoutMs, 100);
  }

  async stopCluster(cluster: Cluster): Promise<void> {
    await Promise.all([...cluster.apis.map((a) => a.proc.stop()), ...cluster.workers.map((w) => w.proc.stop())]);
  }

  /** Jobs a worker holds right now (BullMQ's active list of the aggregation queue). */
  async activeJobs(): Promise<number> {
    if (!this.redis) {
      this.redis = new Redis(this.services.redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(n * 100, 1000) });
      this.redis.on('error', () => undefined);
    }
    return this.redis.llen(`${this.prefix}:${QUEUES.aggregation}:active`);
  }

  async closeRedis(): Promise<void> {
    this.redis?.disconnect();
    this.redis = null;
  }

  /**
   * Approves every report through the HTTP API, as the administrator of its tenant, spread over the cluster's apis,
   * `concurrency` at a time, one start every `paceMs`. A client retries what was not acknowledged (no answer, 503,
   * 5xx) with back-off until `deadlineMs`; a 409 after a lost answer is checked: an approved report counts as
   * acknowledged. `during(progress)` is called after each answer (fault triggers).
   */
  async approveAll(
    cluster: Cluster,
    reports: { id: string; tenantId: string }[],
    opts: { concurrency: number; paceMs: number; deadlineMs: number; seed: number; onUnavailable?: (status: number) => void; during?: (done: number) => Promise<void> | void },
  ): Promise<BurstStats> {
    const stats: BurstStats = { acknowledged: new Set(), failed: [], attempts: 0, unavailable: 0, networkErrors: 0, latencies: [], durationMs: 0 };
    const started = Date.now();
    const codeOf = (tenantId: string) => (tenantId === this.tenants.HN ? 'HN' : 'DN');
    const tokens = new Map<string, string>();
    const login = async (tenantId: string, base: string): Promise<string> => {
      for (let attempt = 0; Date.now() - started < opts.deadlineMs; attempt++) {
        try {
          const res = await fetch(`${base}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ tenant: codeOf(tenantId), username: 'admin', password: DEMO_PASSWORD }),
            signal: AbortSignal.timeout(15_000),
          });
          if (res.ok) {
            const token = ((await res.json()) as { accessToken: string }).accessToken;
            tokens.set(tenantId, token);
            return token;
          }
          await res.arrayBuffer();
        } catch {
          /* retried */
        }
        await sleep(backoff(attempt));
      }
      throw new Error(`could not log in as ${codeOf(tenantId)}/admin`);
    };
    const queue = shuffle(reports, opts.seed);
    let next = 0;
    let answered = 0;
    let slot = Date.now();
    let rr = 0;

    const approveOne = async (r: { id: string; tenantId: string }) => {
      for (let attempt = 0; Date.now() - started < opts.deadlineMs; attempt++) {
        const api = cluster.apis[rr++ % cluster.apis.length]!;
        const token = tokens.get(r.tenantId) ?? (await login(r.tenantId, api.base));
        stats.attempts++;
        const t0 = Date.now();
        let status = 0;
        try {
          const res = await fetch(`${api.base}/api/v1/reports/${r.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = 0;
        }
        stats.latencies.push(Date.now() - t0);
        if (status === 200) {
          stats.acknowledged.add(r.id);
          return;
        }
        if (status === 401) {
          tokens.delete(r.tenantId);
          continue;
        }
        if (status === 409) {
          // An earlier attempt may have gone through with its answer lost: look.
          const res = await fetch(`${api.base}/api/v1/reports/${r.id}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) }).catch(() => null);
          const body = res && res.ok ? ((await res.json()) as { status?: string }) : null;
          if (body?.status === 'approved') {
            stats.acknowledged.add(r.id);
            return;
          }
          if (res && res.ok) {
            stats.failed.push(`${r.id}: 409 while ${body?.status ?? '?'}`);
            return;
          }
        } else if (status === 0) {
          stats.networkErrors++;
        } else if (status >= 500) {
          stats.unavailable++;
          opts.onUnavailable?.(status);
        } else {
          stats.failed.push(`${r.id}: ${status}`);
          return;
        }
        await sleep(backoff(attempt, 200, 2000));
      }
      stats.failed.push(`${r.id}: not acknowledged before the deadline`);
    };

    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= queue.length) return;
        const wait = slot - Date.now();
        slot = Math.max(slot, Date.now()) + opts.paceMs;
        if (wait > 0) await sleep(wait);
        await approveOne(queue[i]!);
        answered++;
        await opts.during?.(answered);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, () => worker()));
    stats.durationMs = Date.now() - started;
    return stats;
  }

  /** Waits (bounded) until every acknowledged approval is counted and the outbox is empty. */
  async converge(period: string, acknowledged: Set<string>, timeoutMs: number): Promise<{ counted: number; convergedMs: number | null }> {
    const ids = [...acknowledged];
    const count = async () =>
      this.withDb(async (ds) => {
        const [c]: { n: string }[] = ids.length ? await ds.query('SELECT COUNT(DISTINCT report_id) AS n FROM unit_value WHERE tenant_id IN (?) AND period = ? AND report_id IN (?)', [[this.tenants.HN, this.tenants.DN], period, ids]) : [{ n: '0' }];
        const [p]: { n: string }[] = await ds.query('SELECT COUNT(*) AS n FROM aggregation_outbox WHERE processed_at IS NULL');
        return { counted: Number(c?.n ?? 0), pending: Number(p?.n ?? 0) };
      });
    const started = Date.now();
    let last = { counted: 0, pending: -1 };
    while (Date.now() - started < timeoutMs) {
      try {
        last = await count();
        if (last.counted === ids.length && last.pending === 0) return { counted: last.counted, convergedMs: Date.now() - started };
      } catch {
        /* the database may still be coming back */
      }
      await sleep(1000);
    }
    return { counted: last.counted, convergedMs: null };
  }

  /**
   * The totals are right: reconcileRollups finds no mismatch for HN and DN, and a fresh full recompute of the period
   * gives the same national totals as the incremental aggregation did.
   */
  async verify(period: string): Promise<{ mismatches: number; nationalEqual: boolean; differing: string[]; dbApproved: number }> {
    return this.withDb(async (ds) => {
      const tenantIds = [this.tenants.HN, this.tenants.DN];
      let mismatches = 0;
      for (const t of tenantIds) mismatches += (await reconcileRollups(ds, t, period)).rollupMismatches;
      const national = (): Promise<Record<string, unknown>[]> => ds.query('SELECT * FROM national_rollup WHERE period = ? AND tenant_id IN (?)', [period, tenantIds]);
      const before = await national();
      for (const t of tenantIds) await recomputeRollups(ds, { tenantId: t, period });
      const after = await national();
      const [approved]: { n: string }[] = await ds.query("SELECT COUNT(*) AS n FROM report WHERE tenant_id IN (?) AND period = ? AND status = 'approved'", [tenantIds, period]);
      return {
        mismatches,
        nationalEqual: before.length > 0 && totalsFingerprint(before) === totalsFingerprint(after),
        differing: diffTotals(before, after, ['tenant_id', 'indicator_code']),
        dbApproved: Number(approved?.n ?? 0),
      };
    });
  }
}

export function describeBurst(stats: BurstStats): string {
  return `${stats.attempts} requests (${stats.unavailable} × 5xx, ${stats.networkErrors} × no answer), approve ${latencySummary(stats.latencies)}, burst ${Math.round(stats.durationMs / 1000)} s`;
}
