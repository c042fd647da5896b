import { DynamicModule, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { createDataSource, TenantDataSource } from '@sen/db';
import { WORKER_CONFIG, type WorkerConfig } from './core/config';
import { HealthServer } from './core/health-server';
import { JOB_HANDLERS } from './core/job';
import { QueueRunner } from './core/queue-runner';
import { ApplyReportJob } from './jobs/aggregation/apply-report.job';
import { ReconcileOutboxJob } from './jobs/aggregation/reconcile-outbox.job';
import { RecomputeJob } from './jobs/aggregation/recompute.job';
import { ReconcileRollupsJob } from './jobs/aggregation/reconcile-rollups.job';
import { SendRemindersJob } from './jobs/reminders/send-reminders.job';
import { SummaryReportJob } from './jobs/summary-report/summary-report.job';
import { PurgeExpiredSessionsJob } from './jobs/maintenance/purge-expired-sessions.job';
import { ScheduleMaintenanceJob } from './jobs/maintenance/schedule-maintenance.job';

/** Every job the worker runs; adding a job = a class in jobs/<feature>/ and a line here. */
const JOBS = [PurgeExpiredSessionsJob, ScheduleMaintenanceJob, ApplyReportJob, RecomputeJob, ReconcileOutboxJob, ReconcileRollupsJob, SendRemindersJob, SummaryReportJob];

@Module({})
export class WorkerModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } })],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: DataSource, useFactory: () => createDataSource({ url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE }) },
        { provide: TenantDataSource, inject: [DataSource], useFactory: (ds: DataSource) => new TenantDataSource(ds) },
        ...JOBS,
        { provide: JOB_HANDLERS, inject: JOBS, useFactory: (...handlers: unknown[]) => handlers },
        QueueRunner,
        HealthServer,
      ],
      exports: [DataSource, TenantDataSource, ...JOBS],
    };
  }

  async onModuleInit(): Promise<void> {
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
