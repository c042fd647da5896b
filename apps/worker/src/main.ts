import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadWorkerConfig } from './core/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config;
  try {
    config = loadWorkerConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the workers gracefully: active jobs finish, the rest stay queued.
  app.enableShutdownHooks();
  console.log(`Sen worker running; health on :${config.WORKER_HEALTH_PORT}`);
}

void main().catch((err: unknown) => {
  console.error(`sen-worker failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
