import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { jobId, JOB_NAMES, QUEUES } from '@sen/contracts';
import { API_CONFIG, type ApiConfig } from '../../core/config/config';

/**
 * Producer side of the aggregation: after a transaction has written an outbox row, the job that applies it
 * is enqueued. Enqueueing is best effort on purpose — the row is already safe in MySQL, and the worker's
 * reconciler re-enqueues whatever is still unprocessed (a Redis restart loses nothing acknowledged).
 */
@Injectable()
export class AggregationQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('AggregationQueue');
  private created: Queue | null = null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Opened on first use: an api instance that never enqueues keeps no queue connection (and no errors). */
  private get queue(): Queue {
    if (this.created) return this.created;
    const config = this.config;
    const u = new URL(config.REDIS_URL);
    this.created = new Queue(QUEUES.aggregation, {
      prefix: config.QUEUE_PREFIX,
      connection: {
        host: u.hostname,
        port: Number(u.port || 6379),
        username: u.username || undefined,
        password: u.password ? decodeURIComponent(u.password) : undefined,
        tls: u.protocol === 'rediss:' ? {} : undefined,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
      },
    });
    this.created.on('error', (err) => this.logger.warn(`queue connection: ${err.message}`));
    return this.created;
  }

  async enqueueApply(tenantId: string, outboxIds: string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    try {
      await this.queue.addBulk(
        outboxIds.map((outboxId) => ({
          name: JOB_NAMES.applyReport,
          data: { tenantId, outboxId },
          opts: { jobId: jobId('apply', outboxId), attempts: 10, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: 5000, removeOnFail: 5000 },
        })),
      );
    } catch (err) {
      this.logger.warn(`enqueue deferred to the reconciler: ${(err as Error).message}`);
    }
  }

  async enqueueRecompute(period: string, tenantId?: string): Promise<string> {
    const id = jobId('recompute', tenantId ?? 'all', period, Date.now());
    await this.queue.add(JOB_NAMES.recompute, tenantId ? { tenantId, period } : { period }, { jobId: id, attempts: 3, removeOnComplete: 100, removeOnFail: 100 });
    return id;
  }

  /** A reconciliation of one tenant (or every active one) for a period (or every period with counted values). */
  async enqueueReconcile(tenantId?: string, period?: string): Promise<string> {
    const id = jobId('reconcile-rollups', tenantId ?? 'all', period ?? 'all', Date.now());
    const data = { ...(tenantId ? { tenantId } : {}), ...(period ? { period } : {}), trigger: 'on-demand' as const };
    await this.queue.add(JOB_NAMES.reconcileRollups, data, { jobId: id, attempts: 2, removeOnComplete: 100, removeOnFail: 100 });
    return id;
  }

  /** A job as it stands: its state, its progress as the job reported it, its payload and its result. */
  async job(id: string): Promise<{ state: string; progress: unknown; data: unknown; result: unknown } | null> {
    const job = await this.queue.getJob(id);
    if (!job) return null;
    return { state: await job.getState(), progress: job.progress, data: job.data, result: job.returnvalue ?? null };
  }

  /** Progress of a recompute job (0–100) for the progress bar. */
  async progress(id: string): Promise<{ state: string; progress: number } | null> {
    const job = await this.queue.getJob(id);
    if (!job) return null;
    const state = await job.getState();
    return { state, progress: typeof job.progress === 'number' ? job.progress : 0 };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.created?.close();
  }
}
