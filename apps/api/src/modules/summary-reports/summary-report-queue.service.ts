import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { jobId, JOB_NAMES, QUEUES } from '@sen/contracts';
import { API_CONFIG, type ApiConfig } from '../../core/config/config';

/** Producer of the summary report jobs (queue `documents`); the worker's SummaryReportJob generates the file. */
@Injectable()
export class SummaryReportQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('SummaryReportQueue');
  private created: Queue | null = null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Opened on first use: an api instance that never generates a report keeps no queue connection. */
  private get queue(): Queue {
    if (this.created) return this.created;
    const u = new URL(this.config.REDIS_URL);
    this.created = new Queue(QUEUES.documents, {
      prefix: this.config.QUEUE_PREFIX,
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

  /**
   * One job per row. The id carries the time too: BullMQ silently drops a job whose id it still remembers, and a
   * row id can come again (a database restored or recreated under the same Redis) while finished jobs are kept.
   */
  async enqueue(tenantId: string, summaryReportId: string): Promise<void> {
    await this.queue.add(
      JOB_NAMES.summaryReport,
      { tenantId, summaryReportId },
      { jobId: jobId('summary', tenantId, summaryReportId, Date.now()), attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: 1000 },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.created?.close();
  }
}
