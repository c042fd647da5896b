import { chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort, portOpen, Proc, run, sleep, waitFor } from './processes';

/** The database server and Redis the run uses, and the faults it injects into them. */
export interface Services {
  readonly kind: 'private' | 'machine';
  /** mysql://root@127.0.0.1:port (no database). */
  readonly databaseServerUrl: string;
  readonly redisUrl: string;
  up(): Promise<void>;
  /** Redis loses everything (shutdown nosave), stays down `downMs`, and comes back empty. */
  restartRedis(downMs: number): Promise<void>;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  down(): Promise<void>;
}

/** The command line the machine starts Redis with (scripts/lib/setup.sh), on a given port. */
export const redisArgs = (port: number, extra: string[] = []) => ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', ...extra];

export async function databaseAnswers(serverUrl: string): Promise<boolean> {
  try {
    const conn = await createConnection({ uri: serverUrl, connectTimeout: 2000 });
    try {
      await conn.query('SELECT 1');
      return true;
    } finally {
      await conn.end();
    }
  } catch {
    return false;
  }
}

function redisAnswers(port: number): boolean {
  return run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], process.env, { allowFail: true, timeoutMs: 5000 }).out.includes('PONG');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A MariaDB server and a Redis of the run's own, on free ports of 127.0.0.1, started with the same options the
 * machine's are (scripts/lib/setup.sh), their data in a temporary folder. Restarting them disturbs nobody else who
 * uses the machine's servers at the same time. Stopped and removed at the end.
 */
export class PrivateServices implements Services {
  readonly kind = 'private' as const;
  private dbPort = 0;
  private redisPort = 0;
  private mariadbd: Proc | null = null;

  constructor(private readonly dir: string) {}

  get databaseServerUrl(): string {
    return `mysql://root@127.0.0.1:${this.dbPort}`;
  }

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redisPort}`;
  }

  static available(): boolean {
    return ['/usr/sbin/mariadbd', '/usr/bin/mariadb-install-db', '/usr/bin/redis-server', '/usr/bin/redis-cli'].every((p) => existsSync(p));
  }

  async up(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const asMysql = isRoot();
    if (asMysql) chownSync(this.dir, Number(run('id', ['-u', 'mysql'], process.env).out.trim()), Number(run('id', ['-g', 'mysql'], process.env).out.trim()));
    run('/usr/bin/mariadb-install-db', ['--no-defaults', `--datadir=${join(this.dir, 'data')}`, ...(asMysql ? ['--user=mysql'] : []), '--auth-root-authentication-method=normal', '--skip-test-db'], process.env, { timeoutMs: 120_000 });
    this.dbPort = await freePort();
    this.mariadbd = new Proc(
      'mariadbd',
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.dbPort}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        '--skip-name-resolve',
        '--max-connections=500',
        '--innodb-buffer-pool-size=256M',
        ...(asMysql ? ['--user=mysql'] : []),
      ],
      process.env,
      join(this.dir, 'mariadbd.log'),
    );
    await this.startDatabase();
    this.redisPort = await freePort();
    await this.startRedis();
  }

  private async startRedis(): Promise<void> {
    run('redis-server', redisArgs(this.redisPort, ['--dir', this.dir, '--pidfile', join(this.dir, 'redis.pid'), '--logfile', join(this.dir, 'redis.log')]), process.env);
    await waitFor('the private Redis', () => redisAnswers(this.redisPort), 20_000);
  }

  async restartRedis(downMs: number): Promise<void> {
    run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.redisPort), 'shutdown', 'nosave'], process.env, { allowFail: true, timeoutMs: 10_000 });
    await waitFor('Redis to stop', async () => !(await portOpen(this.redisPort)), 10_000, 50);
    await sleep(downMs);
    await this.startRedis();
  }

  async stopDatabase(): Promise<void> {
    await this.mariadbd?.stop('SIGTERM', 60_000);
  }

  async startDatabase(): Promise<void> {
    this.mariadbd!.start();
    await waitFor('the private MariaDB', () => databaseAnswers(this.databaseServerUrl), 60_000, 250);
  }

  async down(): Promise<void> {
    if (this.redisPort) run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.redisPort), 'shutdown', 'nosave'], process.env, { allowFail: true, timeoutMs: 10_000 });
    await this.stopDatabase();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The machine's own MariaDB and Redis (DATABASE_URL, REDIS_URL; 127.0.0.1 only), restarted the way the machine
 * runs them: `service mariadb stop|start` (or mariadbd directly) and `redis-cli shutdown nosave` then
 * `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`. For a machine of its own
 * (CI): everything else using these servers sees the outages too.
 */
export class MachineServices implements Services {
  readonly kind = 'machine' as const;
  readonly databaseServerUrl: string;
  readonly redisUrl: string;
  private readonly redisPort: number;

  constructor(databaseUrl: string, redisUrl: string) {
    const db = new URL(databaseUrl);
    const redis = new URL(redisUrl);
    for (const u of [db, redis]) {
      if (!['127.0.0.1', 'localhost'].includes(u.hostname)) throw new Error(`faults run on this machine only; ${u.protocol}//${u.host} is not 127.0.0.1`);
    }
    db.pathname = '/';
    this.databaseServerUrl = db.toString().replace(/\/$/, '');
    this.redisUrl = redisUrl;
    this.redisPort = Number(redis.port || 6379);
  }

  async up(): Promise<void> {
    if (!(await databaseAnswers(this.databaseServerUrl))) throw new Error(`no database server answers at ${this.databaseServerUrl}`);
    if (!redisAnswers(this.redisPort)) throw new Error(`no Redis answers at ${this.redisUrl}`);
  }

  async restartRedis(downMs: number): Promise<void> {
    run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.redisPort), 'shutdown', 'nosave'], process.env, { allowFail: true, timeoutMs: 10_000 });
    await waitFor('Redis to stop', async () => !(await portOpen(this.redisPort)), 10_000, 50);
    await sleep(downMs);
    run('redis-server', redisArgs(this.redisPort), process.env);
    await waitFor('Redis', () => redisAnswers(this.redisPort), 20_000);
  }

  async stopDatabase(): Promise<void> {
    const service = run('service', ['mariadb', 'stop'], process.env, { allowFail: true, timeoutMs: 120_000 });
    if (service.status !== 0) {
      const pidFile = '/run/mysqld/mysqld.pid';
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
    }
    await waitFor('MariaDB to stop', async () => !(await databaseAnswers(this.databaseServerUrl)), 120_000, 250);
  }

  async startDatabase(): Promise<void> {
    const service = run('service', ['mariadb', 'start'], process.env, { allowFail: true, timeoutMs: 120_000 });
    if (service.status !== 0) {
      run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'], process.env, { allowFail: true });
    }
    await waitFor('MariaDB', () => databaseAnswers(this.databaseServerUrl), 120_000, 250);
  }

  async down(): Promise<void> {
    // The machine's servers keep running.
  }
}
