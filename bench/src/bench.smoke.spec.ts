/**
 * Keeps the harness working: runs the built CLI (bench/dist/run.js) at a tiny scale against its own
 * throw-away database (sen_test_bench_<pid>, dropped after) and Redis prefix, and checks the shape of the
 * results. No timing thresholds: the figures of a smoke run on a shared test machine mean nothing.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RESULT_KEYS } from './harness';
import { formatTable } from './run';

const BENCH_DIR = path.resolve(__dirname, '..');
const RUN = path.join(BENCH_DIR, 'dist', 'run.js');

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN, ...args], { cwd: BENCH_DIR, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('bench harness (smoke, tiny scale)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sen-bench-smoke-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('runs end to end and writes every figure with the right type; the burst totals equal a full recompute', async () => {
    if (!fs.existsSync(RUN)) throw new Error(`${RUN} is missing: build the bench first (pnpm --filter @sen/bench build)`);
    const { code, output } = await run([
      '--scale', '0.002',
      '--incremental-seconds', '3',
      '--incremental-rate', '5',
      '--burst', '50',
      '--burst-concurrency', '10',
      '--overhead-seconds', '1',
      '--comparison-seconds', '1',
      '--import-runs', '3',
      '--log-level', 'warn',
      '--database', `sen_test_bench_${process.pid}`,
      '--out', out,
      '--drop-after',
    ]);
    if (code !== 0) throw new Error(`bench exited with ${code}:\n${output}`);
    expect(output).toContain('| figure');

    const latest = JSON.parse(fs.readFileSync(path.join(out, 'latest.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(latest).sort()).toEqual([...RESULT_KEYS].sort());
    const timestamped = fs.readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'latest.json');
    expect(timestamped).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(out, timestamped[0]!), 'utf8'))).toEqual(latest);

    const positive = ['recomputeSeconds', 'floorSeconds', 'recomputeRatio', 'values', 'burstSeconds', 'apiOverheadRatio', 'comparisonP95Ms', 'workerPeakMb', 'importMsPerDoc'];
    for (const k of positive) {
      expect(typeof latest[k]).toBe('number');
      expect(Number.isFinite(latest[k])).toBe(true);
      expect(latest[k] as number).toBeGreaterThan(0);
    }
    for (const k of ['incrementalP50Ms', 'incrementalP95Ms', 'incrementalP99Ms']) {
      expect(typeof latest[k]).toBe('number');
      expect(latest[k] as number).toBeGreaterThanOrEqual(0);
    }
    expect(latest.incrementalP50Ms as number).toBeLessThanOrEqual(latest.incrementalP95Ms as number);
    expect(latest.incrementalP95Ms as number).toBeLessThanOrEqual(latest.incrementalP99Ms as number);
    // 34 provinces with one commune each at this scale, 30 branches, 60 indicators, minus the 65 approved later.
    expect(latest.values).toBe((34 * 30 - 65) * 60);
    expect(latest.burstTotalsEqual).toBe(true);
    expect(latest.scale).toBe(0.002);
    const machine = latest.machine as { cores: unknown; memory: unknown };
    expect(Object.keys(machine).sort()).toEqual(['cores', 'memory']);
    expect(Number.isInteger(machine.cores) && (machine.cores as number) > 0).toBe(true);
    expect(Number.isInteger(machine.memory) && (machine.memory as number) > 0).toBe(true);
  });

  it('formats the table with one line per figure', () => {
    const table = formatTable([
      { figure: 'a', value: '1', target: '≤ 2', met: true },
      { figure: 'b', value: '3', target: '≤ 2', met: false, note: 'why' },
    ]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toContain('MISSED');
  });
});
