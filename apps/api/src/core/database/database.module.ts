import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, TenantDataSource } from '@sen/db';
import { API_CONFIG, type ApiConfig } from '../config/config';

/**
 * The data source of the api. Feature code gets `TenantDataSource` (tenant-scoped repositories);
 * the raw `DataSource` is for the health check, the tenant directory and set-based SQL in repositories.
 */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => createDataSource({ url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE }),
    },
    { provide: TenantDataSource, inject: [DataSource], useFactory: (ds: DataSource) => new TenantDataSource(ds) },
  ],
  exports: [DataSource, TenantDataSource],
})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
