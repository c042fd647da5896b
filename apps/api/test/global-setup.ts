/**
 * One throw-away database per test run. scripts/test prepares it (SEN_TEST_DB_READY=1) so that api tests and
 * browser tests share the same demo data; run alone (`pnpm --filter @sen/api test`), jest makes its own.
 */
import 'reflect-metadata';
import { dropDatabase, ensureDatabase, runMigrations } from '@sen/db';

export default async function globalSetup(): Promise<void> {
  const base = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen';
  if (process.env.SEN_TEST_DB_READY === '1') {
    if (!/\/sen_test_[A-Za-z0-9_]+$/.test(base)) throw new Error(`refusing to test against ${base}: not a sen_test_ database`);
    return;
  }
  const url = `${base.replace(/\/[^/]*$/, '')}/sen_test_jest_${process.pid}`;
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.SEN_TEST_OWN_DB = url;
  process.env.DEMO_MODE = 'true';
  // The demo data, loaded through the same code path as scripts/start.
  const { createDataSource } = await import('@sen/db');
  const { seedDemo } = await import('../src/seed/demo-seed');
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  try {
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
}
