import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createServer, Socket } from 'node:net';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, at most `timeoutMs`; throws naming `what` otherwise. Always bounded. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 200): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if (await check()) return Date.now() - started;
    } catch {
      /* not yet */
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Does something accept TCP connections on 127.0.0.1:port? */
export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** GET `url`; the status, or 0 when nothing answers within `timeoutMs`. */
export async function httpStatus(url: string, timeoutMs = 3000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Runs a command to completion (bounded); throws with its output when it fails. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, opts: { cwd?: string; timeoutMs?: number; allowFail?: boolean } = {}): { status: number; out: string } {
  const res = spawnSync(cmd, args, { env, cwd: opts.cwd, encoding: 'utf8', timeout: opts.timeoutMs ?? 300_000 });
  const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
  const status = res.status ?? -1;
  if (status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} failed (${status}${res.error ? `, ${res.error.message}` : ''}):\n${out.slice(-2000)}`);
  return { status, out };
}

/**
 * A child process of the run (an api, a worker, a private database server), its output appended to a log file.
 * Every one is tracked so that the run stops them all, whatever happens.
 */
export class Proc {
  private static readonly all = new Set<Proc>();
  private child: ChildProcess | null = null;
  private log: WriteStream | null = null;
  exits = 0;

  constructor(
    readonly name: string,
    private readonly cmd: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    private readonly cwd?: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): this {
    if (this.alive) throw new Error(`${this.name} is already running`);
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    this.log.write(`\n--- ${new Date().toISOString()} start ${this.name}\n`);
    const child = spawn(this.cmd, this.args, { env: this.env, cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    child.once('exit', () => this.exits++);
    this.child = child;
    Proc.all.add(this);
    return this;
  }

  /** Sends `signal` and waits (bounded) for the exit; SIGKILL after the grace time. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.log?.write(`--- ${new Date().toISOString()} ${this.name} stopped by ${signal}\n`);
  }

  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }

  /** Stops every process the run started (the end of the run, or an error). */
  static async stopAll(): Promise<void> {
    await Promise.all([...Proc.all].map((p) => p.stop('SIGTERM', 10_000)));
    for (const p of Proc.all) p.log?.end();
    Proc.all.clear();
  }
}
