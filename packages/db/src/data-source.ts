import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseOptions {
  /** mysql://user:password@host:port/database */
  url: string;
  poolSize?: number;
  logging?: boolean;
}

/** One way to build the data source for api, worker, CLI, seeds and tests: never `synchronize`. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'mysql',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: options.logging ? ['error', 'warn', 'migration'] : ['error'],
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // BIGINT ids travel as strings end to end: JSON numbers would lose precision past 2^53.
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: ['DATE'],
    poolSize: options.poolSize ?? 10,
    extra: { connectionLimit: options.poolSize ?? 10, waitForConnections: true, connectTimeout: 5000 },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}
