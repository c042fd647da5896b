import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadApiConfig } from './core/config/config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadApiConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`Sen api listening on http://localhost:${config.PORT}`);
}

void main().catch((err: unknown) => {
  console.error(`sen-api failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
