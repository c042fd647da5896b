/**
 * The bench's command line: node bench/dist/run.js [--scale F …] (see USAGE, BENCHMARKS.md). Prints one table,
 * writes bench/results/<timestamp>.json and bench/results/latest.json, exits non-zero when the run is invalid
 * (totals not equal to a full recompute, failed approvals or requests) — never because a target is missed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBench, RESULT_KEYS, type BenchResult, type Row } from './harness';
import { parseOptions, USAGE, type BenchOptions } from './options';

export function formatTable(rows: Row[]): string {
  const head = ['figure', 'value', 'target', '', 'notes'];
  const body = rows.map((r) => [r.figure, r.value, r.target ?? '', r.met === undefined ? '' : r.met ? 'met' : 'MISSED', r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function writeResults(outDir: string, result: BenchResult, when = new Date()): { file: string; latest: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const ordered = Object.fromEntries(RESULT_KEYS.map((k) => [k, result[k]]));
  const text = `${JSON.stringify(ordered, null, 2)}\n`;
  const file = path.join(outDir, `${when.toISOString().replace(/[:.]/g, '-')}.json`);
  const latest = path.join(outDir, 'latest.json');
  fs.writeFileSync(file, text);
  fs.writeFileSync(latest, text);
  return { file, latest };
}

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(2);
  }
  const started = Date.now();
  const run = await runBench(opts);
  const { file, latest } = writeResults(opts.outDir, run.result);
  console.log(`\nSen bench — scale ${opts.scale}, period ${opts.period}, ${run.result.machine.cores} cores, ${(run.result.machine.memory / 1024).toFixed(1)} GiB, ${((Date.now() - started) / 60000).toFixed(1)} min\n`);
  console.log(formatTable(run.rows));
  console.log(`\nresults: ${file}\n         ${latest}\nlogs of the api, worker and recompute process: ${run.logDir}`);
  if (run.failures.length > 0) {
    console.error(`\nFAILED (${run.failures.length}):\n${run.failures.slice(0, 20).map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  if (!run.result.burstTotalsEqual) {
    console.error('\nFAILED: the totals after the burst differ from a full recompute');
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  });
}
