import autocannon from 'autocannon';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'mysql2/promise';
import { PART_AGGREGATES, PART_COLUMNS } from '@sen/db';
import { importPlanText } from '@sen/plans';
import { benchIndicators } from './indicators';
import { median, percentile } from './stats';

// ── The floor of the full recompute ──

/**
 * The least work that gives users their totals: ONE raw GROUP BY of the same counted values to the grassroots
 * level (each branch's parent), into a temporary table — every parts column, with the engine's own aggregate
 * expressions, so that every indicator (sums, ratios, minimum, weighted average) has its grassroots total.
 * STRAIGHT_JOIN reads unit_value once and looks each unit up by its primary key: left to itself, MariaDB 10.11
 * drives from org_unit and, per unit, scans the tenant's whole (tenant_id, period) prefix of unit_value's
 * primary key (hours at national scale). Returns seconds and the rows produced.
 */
export async function floorGroupBy(conn: Connection, period: string): Promise<{ seconds: number; rows: number }> {
  await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_floor');
  const started = performance.now();
  const [res] = (await conn.query(
    `CREATE TEMPORARY TABLE bench_floor ENGINE=InnoDB AS
     SELECT STRAIGHT_JOIN u.tenant_id, u.parent_id AS unit_id, uv.indicator_code, ${PART_COLUMNS.map((c) => `${PART_AGGREGATES[c]} AS ${c}`).join(', ')}
     FROM unit_value uv JOIN org_unit u ON u.tenant_id = uv.tenant_id AND u.id = uv.unit_id
     WHERE uv.period = ?
     GROUP BY u.tenant_id, u.parent_id, uv.indicator_code`,
    [period],
  )) as unknown as [{ affectedRows: number }];
  const seconds = (performance.now() - started) / 1000;
  await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_floor');
  return { seconds, rows: res.affectedRows };
}

// ── Expected central totals ──

type Totals = Map<string, { sum: number; count: number; numerator: number; denominator: number }>;
const key = (tenantId: string, code: string) => `${tenantId}|${code}`;

export async function nationalTotals(conn: Connection, period: string): Promise<Totals> {
  const [rows] = (await conn.query('SELECT tenant_id, indicator_code, sum, count, numerator, denominator FROM national_rollup WHERE period = ?', [period])) as unknown as [
    Record<string, string>[],
  ];
  return new Map(
    rows.map((r) => [key(String(r.tenant_id), String(r.indicator_code)), { sum: Number(r.sum), count: Number(r.count), numerator: Number(r.numerator), denominator: Number(r.denominator) }]),
  );
}

/**
 * What the central totals must be: `base` (the totals of the full recompute, taken before any approval) plus the
 * own values (report_value, nothing the engine wrote) of the bench's reports the api has approved since — the
 * ones it answered 200 to; a report that was not approved stays submitted and adds nothing.
 */
export async function expectedTotals(conn: Connection, period: string, base: Totals): Promise<Totals> {
  const expected: Totals = new Map([...base].map(([k, v]) => [k, { ...v }]));
  const kinds = new Map(benchIndicators().map((i) => [i.code, i.kind]));
  const [rows] = (await conn.query(
    `SELECT r.tenant_id, v.indicator_code, SUM(v.value) AS s, COUNT(*) AS c, SUM(v.numerator) AS n, SUM(v.denominator) AS d
     FROM report r JOIN report_value v ON v.tenant_id = r.tenant_id AND v.report_id = r.id AND v.category = ''
     WHERE r.status = 'approved' AND r.period = ? GROUP BY r.tenant_id, v.indicator_code`,
    [period],
  )) as unknown as [Record<string, string>[]];
  for (const r of rows) {
    const k = key(String(r.tenant_id), String(r.indicator_code));
    const t = expected.get(k) ?? { sum: 0, count: 0, numerator: 0, denominator: 0 };
    const kind = kinds.get(String(r.indicator_code));
    t.count += Number(r.c);
    if (kind === 'int') t.sum += Number(r.s);
    if (kind === 'ratio') {
      t.numerator += Number(r.n);
      t.denominator += Number(r.d);
    }
    expected.set(k, t);
  }
  return expected;
}

/** The (tenant, indicator) pairs whose central totals differ from the expected ones. */
export function totalsDiffer(actual: Totals, expected: Totals): string[] {
  const out: string[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b));
  for (const [k, e] of expected) {
    const a = actual.get(k) ?? { sum: 0, count: 0, numerator: 0, denominator: 0 };
    if (!close(a.sum, e.sum) || !close(a.count, e.count) || !close(a.numerator, e.numerator) || !close(a.denominator, e.denominator)) out.push(k);
  }
  return out;
}

export async function unprocessedOutbox(conn: Connection): Promise<number> {
  const [rows] = (await conn.query('SELECT COUNT(*) AS n FROM aggregation_outbox WHERE processed_at IS NULL')) as unknown as [{ n: string }[]];
  return Number(rows[0]?.n ?? 0);
}

/** Polls until no outbox row is unprocessed and the central totals equal the expected ones; seconds waited, or null on timeout. */
export async function waitUntilCurrent(conn: Connection, period: string, expected: Totals, timeoutMs: number, everyMs = 20): Promise<{ current: boolean; differing: string[] }> {
  const deadline = performance.now() + timeoutMs;
  let differing: string[] = ['(not checked)'];
  while (performance.now() < deadline) {
    if ((await unprocessedOutbox(conn)) === 0) {
      differing = totalsDiffer(await nationalTotals(conn, period), expected);
      if (differing.length === 0) return { current: true, differing };
    }
    await sleep(everyMs);
  }
  return { current: false, differing };
}

// ── HTTP load with autocannon ──

export interface CannonResult {
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  latencies: number[];
  p50: number;
  p95: number;
  p99: number;
}

/** autocannon for `seconds` (after a warm-up of up to 2 s); every response's latency is kept for exact percentiles. */
export async function cannon(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<CannonResult> {
  const run = (duration: number, record: boolean) =>
    new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
      const latencies: number[] = [];
      const instance = autocannon({ url, connections: opts.connections, duration, headers: opts.headers, pipelining: 1 }, (err, result) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve({ result, latencies }),
      );
      if (record) instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => void latencies.push(responseTime));
    });
  await run(Math.min(2, Math.max(0.5, opts.seconds / 5)), false);
  const { result, latencies } = await run(opts.seconds, true);
  const ok = result['2xx'];
  return {
    rps: ok / opts.seconds,
    requests: ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencies,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

// ── Plan import ──

/** importPlanText of @sen/plans over the five seed plans: ms per document, median of `runs` runs (after one warm-up). */
export function importTiming(runs: number): { msPerDoc: number; docs: number; perRun: number[] } {
  const dir = path.join(path.dirname(require.resolve('@sen/plans/package.json')), 'fixtures', 'seeds');
  const texts = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  if (texts.length !== 5) throw new Error(`expected the five seed plans in ${dir}, found ${texts.length}`);
  for (const t of texts) importPlanText(t);
  const perRun: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (const t of texts) importPlanText(t);
    perRun.push((performance.now() - started) / texts.length);
  }
  return { msPerDoc: median(perRun), docs: texts.length, perRun };
}
