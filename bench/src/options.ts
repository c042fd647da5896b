import * as path from 'node:path';
import { parseArgs } from 'node:util';

/** The monorepo's root (bench/src and bench/dist are both two levels down). */
export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface BenchOptions {
  /** 1 = the nation: 34 provinces, ~3,321 grassroots units, ~100,000 branches. Communes scale, tenants do not. */
  scale: number;
  branchesPerCommune: number;
  /** The period every value belongs to (after the 2025 reform: the units are valid from 2025-07-01). */
  period: string;
  /** Server part of DATABASE_URL (mysql://user:pass@host:port/) and the bench database on it. */
  serverUrl: string;
  database: string;
  redisUrl: string;
  /** BullMQ key prefix of the api and worker started here (never the demo's `{sen}`). */
  queuePrefix: string;
  incrementalRate: number;
  incrementalSeconds: number;
  burst: number;
  /** Approvals in flight at once during the burst. */
  burstConcurrency: number;
  /** Seconds of autocannon per server for the api overhead, and for the comparison endpoint. */
  overheadSeconds: number;
  comparisonSeconds: number;
  comparisonConnections: number;
  importRuns: number;
  /** Where the JSON results go (timestamped file and latest.json). */
  outDir: string;
  /** Drop the bench database at the end (the smoke test does; a full run keeps it for inspection). */
  dropAfter: boolean;
  /** LOG_LEVEL of the api and worker started here. */
  logLevel: string;
}

export const USAGE = `usage: node bench/dist/run.js [options]   (or ./scripts/bench [options], pnpm bench -- [options])
  --scale F                  1 = national (default): 34 tenants, ~3,321 communes, ~100,000 branches; 0.01 for a quick run
  --branches-per-commune N   default 30
  --period P                 default 2025S2
  --database NAME            default sen_bench (must start with sen_bench or sen_test_bench; it is dropped and re-created)
  --incremental-rate N       approvals per second in the steady phase (default 50)
  --incremental-seconds N    length of the steady phase (default 60)
  --burst N                  approvals of the deadline burst (default 2000)
  --burst-concurrency N      approvals in flight during the burst (default 50)
  --overhead-seconds N       autocannon seconds per server for the api overhead (default 10)
  --comparison-seconds N     autocannon seconds for the comparison endpoint (default 10)
  --import-runs N            runs of the five seed plans (default 20)
  --out DIR                  results directory (default bench/results)
  --log-level L              LOG_LEVEL of the api and worker (default info, as .env.example)
  --drop-after               drop the bench database at the end`;

function num(raw: string | undefined, fallback: number, name: string, min = 0): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min) throw new Error(`--${name} must be a number ≥ ${min} (got "${raw}")`);
  return v;
}

/** Splits mysql://user:pass@host:port/db into the server URL (trailing slash) — the database name is ours. */
export function serverPart(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  u.pathname = '/';
  u.search = '';
  return u.toString();
}

export function databaseUrl(opts: Pick<BenchOptions, 'serverUrl' | 'database'>): string {
  return `${opts.serverUrl.replace(/\/+$/, '')}/${opts.database}`;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      'branches-per-commune': { type: 'string' },
      period: { type: 'string' },
      database: { type: 'string' },
      'incremental-rate': { type: 'string' },
      'incremental-seconds': { type: 'string' },
      burst: { type: 'string' },
      'burst-concurrency': { type: 'string' },
      'overhead-seconds': { type: 'string' },
      'comparison-seconds': { type: 'string' },
      'import-runs': { type: 'string' },
      out: { type: 'string' },
      'log-level': { type: 'string' },
      'drop-after': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const database = values.database ?? 'sen_bench';
  if (!/^(sen_bench|sen_test_bench)[A-Za-z0-9_]{0,40}$/.test(database)) {
    throw new Error(`--database must start with sen_bench or sen_test_bench (it is dropped and re-created; got "${database}")`);
  }
  const scale = num(values.scale, 1, 'scale', 0.0001);
  if (scale > 1) throw new Error('--scale above 1 is not supported (the reference data has 3,321 communes)');
  const period = values.period ?? '2025S2';
  if (!/^\d{4}S[12]$/.test(period)) throw new Error(`--period must be a half-year like 2025S2 (got "${period}")`);
  return {
    scale,
    branchesPerCommune: Math.round(num(values['branches-per-commune'], 30, 'branches-per-commune', 1)),
    period,
    serverUrl: serverPart(env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/sen'),
    database,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    queuePrefix: `{${database}}`,
    incrementalRate: num(values['incremental-rate'], 50, 'incremental-rate', 0.1),
    incrementalSeconds: num(values['incremental-seconds'], 60, 'incremental-seconds', 0.5),
    burst: Math.round(num(values.burst, 2000, 'burst', 1)),
    burstConcurrency: Math.round(num(values['burst-concurrency'], 50, 'burst-concurrency', 1)),
    overheadSeconds: num(values['overhead-seconds'], 10, 'overhead-seconds', 0.5),
    comparisonSeconds: num(values['comparison-seconds'], 10, 'comparison-seconds', 0.5),
    comparisonConnections: 50,
    importRuns: Math.round(num(values['import-runs'], 20, 'import-runs', 1)),
    outDir: path.resolve(values.out ?? path.join(REPO_ROOT, 'bench', 'results')),
    dropAfter: values['drop-after'] ?? false,
    logLevel: values['log-level'] ?? 'info',
  };
}
