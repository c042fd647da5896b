import { createHash } from 'node:crypto';

/** What one fault run reports. */
export interface FaultResult {
  fault: string;
  /** Approvals the clients got acknowledged (200, or a retry that found the report approved). */
  approvalsMade: number;
  /** Of those, the reports whose values are in unit_value (counted in the rollups). */
  approvalsCounted: number;
  /** reconcileRollups finds no mismatch for any tenant AND a fresh full recompute gives the same national totals. */
  totalsEqualFullRecompute: boolean;
  /** What happened: kills, 503s seen, latencies, time to converge. */
  notes: string;
}

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** "p50 12 ms, p95 80 ms, max 300 ms" of request latencies. */
export function latencySummary(ms: readonly number[]): string {
  if (ms.length === 0) return 'no requests';
  const r = (v: number) => `${Math.round(v)} ms`;
  return `p50 ${r(percentile(ms, 50))}, p95 ${r(percentile(ms, 95))}, max ${r(Math.max(...ms))}`;
}

/** A value as compared: numbers and numeric strings to 4 decimals (DECIMAL(…,4)), null stays null. */
function normalise(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v.toFixed(4);
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v).toFixed(4);
  if (v instanceof Date) return v.toISOString();
  return v;
}

/**
 * A stable fingerprint of a set of total rows (e.g. national_rollup of a period): independent of row order and of
 * the listed columns (timestamps), equal for equal values whatever their text form (12 / "12.0000").
 */
export function totalsFingerprint(rows: readonly Record<string, unknown>[], ignore: readonly string[] = ['updated_at']): string {
  const lines = rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .filter((k) => !ignore.includes(k))
          .sort()
          .map((k) => [k, normalise(row[k])]),
      ),
    )
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The rows of `a` and `b` that differ, by key columns, for a readable failure. */
export function diffTotals(
  a: readonly Record<string, unknown>[],
  b: readonly Record<string, unknown>[],
  keys: readonly string[],
  ignore: readonly string[] = ['updated_at'],
): string[] {
  const keyOf = (r: Record<string, unknown>) => keys.map((k) => String(r[k])).join('|');
  const one = (r: Record<string, unknown>) => totalsFingerprint([r], ignore);
  const left = new Map(a.map((r) => [keyOf(r), one(r)]));
  const right = new Map(b.map((r) => [keyOf(r), one(r)]));
  return [...new Set([...left.keys(), ...right.keys()])].filter((k) => left.get(k) !== right.get(k)).sort();
}

/** Every fault passed: each acknowledged approval counted, totals equal a full recompute. */
export function allPassed(results: readonly FaultResult[]): boolean {
  return results.length > 0 && results.every((r) => r.approvalsMade > 0 && r.approvalsMade === r.approvalsCounted && r.totalsEqualFullRecompute);
}

/** A plain-text table (also valid Markdown) of the results. */
export function formatTable(results: readonly FaultResult[]): string {
  const header = ['fault', 'approvalsMade', 'approvalsCounted', 'totalsEqualFullRecompute', 'notes'];
  const rows = results.map((r) => [r.fault, String(r.approvalsMade), String(r.approvalsCounted), r.totalsEqualFullRecompute ? 'yes' : 'NO', r.notes]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Exponential back-off with a cap: 200 ms, 400 ms, … at most `capMs`. */
export function backoff(attempt: number, baseMs = 200, capMs = 3000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
}

/** Fisher–Yates with a seeded generator, so a run can be repeated. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
