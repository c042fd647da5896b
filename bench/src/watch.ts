import type { Connection } from 'mysql2/promise';
import { setTimeout as sleep } from 'node:timers/promises';
import { MARKER_INDICATOR } from './indicators';

/** The national count of the marker indicator per tenant (a sum indicator: +1 per branch that counts). */
export async function markerCounts(conn: Connection, period: string): Promise<Map<string, number>> {
  const [rows] = (await conn.query('SELECT tenant_id, count FROM national_rollup WHERE period = ? AND indicator_code = ?', [period, MARKER_INDICATOR])) as unknown as [
    { tenant_id: string; count: string | number }[],
  ];
  return new Map(rows.map((r) => [String(r.tenant_id), Number(r.count)]));
}

interface TenantState {
  baseline: number;
  /** Approvals the national total reflects (count − baseline), as last seen. */
  applied: number;
  /** Approvals matched with a response so far. */
  reflected: number;
  /** Response times (performance.now()) of approvals not yet seen in the total, in response order. */
  waiting: number[];
}

/**
 * Watches the central totals (table national_rollup, polled in SQL every `everyMs`) and tells, for each
 * approval, how long after its HTTP response the national total of its tenant reflected it.
 *
 * Each approval of a not yet counted branch adds exactly 1 to the tenant's national count of the marker
 * indicator. When the count has grown by k, the first k approvals of that tenant (in response order) are
 * taken as reflected at the end of that poll: latency = end of the poll − response. An apply that lands
 * before its response arrives counts as 0 ms. Resolution: the poll interval plus one query.
 */
export class NationalWatcher {
  readonly latencies: number[] = [];
  private readonly tenants = new Map<string, TenantState>();
  private running = false;
  private loop?: Promise<void>;
  polls = 0;

  constructor(
    private readonly conn: Connection,
    private readonly period: string,
    private readonly everyMs = 10,
  ) {}

  async start(): Promise<void> {
    const counts = await markerCounts(this.conn, this.period);
    for (const [tenantId, count] of counts) this.tenants.set(tenantId, { baseline: count, applied: 0, reflected: 0, waiting: [] });
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.poll();
        await sleep(this.everyMs);
      }
    })();
  }

  private state(tenantId: string): TenantState {
    let s = this.tenants.get(tenantId);
    if (!s) {
      s = { baseline: 0, applied: 0, reflected: 0, waiting: [] };
      this.tenants.set(tenantId, s);
    }
    return s;
  }

  private async poll(): Promise<void> {
    const counts = await markerCounts(this.conn, this.period);
    const now = performance.now();
    this.polls++;
    for (const [tenantId, count] of counts) {
      const s = this.state(tenantId);
      s.applied = Math.max(s.applied, count - s.baseline);
      while (s.reflected < s.applied && s.waiting.length > 0) {
        this.latencies.push(Math.max(0, now - s.waiting.shift()!));
        s.reflected++;
      }
    }
  }

  /** An approval of `tenantId` answered 200 at `at` (performance.now()). */
  responded(tenantId: string, at: number): void {
    const s = this.state(tenantId);
    if (s.reflected < s.applied) {
      this.latencies.push(0);
      s.reflected++;
    } else {
      s.waiting.push(at);
    }
  }

  pending(): number {
    let n = 0;
    for (const s of this.tenants.values()) n += s.waiting.length;
    return n;
  }

  /** Waits until every answered approval is reflected, or `timeoutMs`; returns how many were not. */
  async drain(timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (this.pending() > 0 && performance.now() < deadline) await sleep(this.everyMs);
    return this.pending();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
