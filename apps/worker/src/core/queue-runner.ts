import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { JOB_NAMES, QUEUES } from '@sen/contracts';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { JOB_HANDLERS, type JobHandler } from './job';

/** How often the job schedules are upserted again (they vanish with a Redis that restarts empty). */
export const SCHEDULE_RENEW_MS = 30_000;

export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must retry forever rather than give up.
    maxRetriesPerRequest: null,
  };
}

/**
 * Starts one BullMQ worker per queue and dispatches each job to its handler by name. On shutdown the
 * workers close gracefully: active jobs finish; jobs not started stay in Redis for the next worker.
 */
@Injectable()
export class QueueRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueRunner');
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private readonly schedules: (() => Promise<unknown>)[] = [];
  private scheduleTimer?: NodeJS.Timeout;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
  ) {}

  get running(): boolean {
    return this.workers.length > 0 && this.workers.every((w) => w.isRunning());
  }

  async onApplicationBootstrap(): Promise<void> {
    const connection = redisConnection(this.config.REDIS_URL);
    const byQueue = new Map<string, Map<string, JobHandler>>();
    for (const h of this.handlers) {
      if (!byQueue.has(h.queue)) byQueue.set(h.queue, new Map());
      byQueue.get(h.queue)!.set(h.name, h);
    }
    for (const [queue, handlers] of byQueue) {
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = handlers.get(job.name);
          if (!handler) throw new Error(`no handler for job ${job.name} on ${queue}`);
          const parsed = handler.schema.safeParse(job.data);
          if (!parsed.success) throw new Error(`invalid payload for ${job.name}: ${parsed.error.message}`);
          return handler.handle(parsed.data, job);
        },
        { connection, prefix: this.config.QUEUE_PREFIX, concurrency: this.config.WORKER_CONCURRENCY, autorun: true },
      );
      worker.on('failed', (job, err) => this.logger.warn(`job ${job?.name ?? '?'} ${job?.id ?? ''} failed: ${err.message}`));
      worker.on('error', (err) => this.logger.warn(`worker error on ${queue}: ${err.message}`));
      this.workers.push(worker);
    }
    // Daily maintenance, scheduled once however many workers run (same repeat key).
    const maintenance = new Queue(QUEUES.maintenance, { connection, prefix: this.config.QUEUE_PREFIX });
    this.queues.push(maintenance);
    await this.keepScheduled(() => maintenance.upsertJobScheduler('daily-maintenance', { pattern: '0 30 2 * * *' }, {
      name: JOB_NAMES.scheduleMaintenance,
      data: {},
      opts: { removeOnComplete: 100, removeOnFail: 500 },
    }));
    // Reminders before and after deadlines, every morning at 07:00 (Vietnam, UTC+7).
    await this.keepScheduled(() => maintenance.upsertJobScheduler('daily-reminders', { pattern: '0 0 0 * * *' }, {
      name: JOB_NAMES.sendReminders,
      data: {},
      opts: { removeOnComplete: 100, removeOnFail: 500 },
    }));
    // The outbox reconciler, every 10 seconds (one schedule however many workers run).
    const aggregation = new Queue(QUEUES.aggregation, { connection, prefix: this.config.QUEUE_PREFIX });
    this.queues.push(aggregation);
    await this.keepScheduled(() => aggregation.upsertJobScheduler('reconcile-outbox', { every: 10_000 }, {
      name: JOB_NAMES.reconcileOutbox,
      data: {},
      opts: { removeOnComplete: 10, removeOnFail: 100 },
    }));
    // The reconciliation of every tenant's totals with a full recompute, nightly at 03:15 (Vietnam, UTC+7).
    await this.keepScheduled(() => aggregation.upsertJobScheduler('nightly-reconcile-rollups', { pattern: '0 15 20 * * *' }, {
      name: JOB_NAMES.reconcileRollups,
      data: { trigger: 'nightly' },
      opts: { removeOnComplete: 30, removeOnFail: 100 },
    }));
    this.scheduleTimer = setInterval(() => {
      Promise.all(this.schedules.map((upsert) => upsert())).catch((err: Error) => this.logger.warn(`could not renew the job schedules: ${err.message}`));
    }, SCHEDULE_RENEW_MS);
    this.scheduleTimer.unref();
    this.logger.log(`workers running on queues: ${[...byQueue.keys()].join(', ')}`);
  }

  /**
   * Job schedules live in Redis, and a Redis that restarts empty loses them — the outbox reconciler with them, the
   * very safety net for jobs Redis lost (./scripts/faults, fault 2). Each schedule is upserted at start and again
   * every SCHEDULE_RENEW_MS (idempotent: same scheduler id, same next job id).
   */
  private async keepScheduled(upsert: () => Promise<unknown>): Promise<void> {
    this.schedules.push(upsert);
    await upsert();
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    clearInterval(this.scheduleTimer);
    this.logger.log(`shutting down (${signal ?? 'close'}): finishing active jobs`);
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
