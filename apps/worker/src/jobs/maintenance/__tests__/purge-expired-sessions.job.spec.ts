import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@sen/db';
import { PurgeExpiredSessionsJob } from '../purge-expired-sessions.job';

const base = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen').replace(/\/[^/]*$/, '');
const url = `${base}/sen_test_worker_${process.pid}`;
let ds: DataSource;

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  await ds.query(`INSERT INTO tenant (id, code, name, levels) VALUES (1, 'AA', 'A', '[]'), (2, 'BB', 'B', '[]')`);
  const old = new Date(Date.now() - 30 * 86_400_000);
  const fresh = new Date(Date.now() + 86_400_000);
  await ds.query(
    `INSERT INTO refresh_token (tenant_id, user_id, family_id, token_hash, expires_at) VALUES
     (1, 1, 'f1', REPEAT('a', 64), ?), (1, 1, 'f1', REPEAT('b', 64), ?), (2, 2, 'f2', REPEAT('c', 64), ?)`,
    [old, fresh, old],
  );
});
afterAll(async () => {
  await ds?.destroy();
  await dropDatabase(url);
});

describe('PurgeExpiredSessionsJob (handle() against the real database)', () => {
  it("deletes only the job's tenant's long-expired tokens, and a replay changes nothing", async () => {
    const job = new PurgeExpiredSessionsJob(ds);
    expect(await job.handle({ tenantId: '1' })).toEqual({ deleted: 1 });
    expect(await job.handle({ tenantId: '1' })).toEqual({ deleted: 0 });
    const rows: { tenant_id: string; token_hash: string }[] = await ds.query('SELECT tenant_id, token_hash FROM refresh_token ORDER BY token_hash');
    expect(rows.map((r) => [String(r.tenant_id), r.token_hash[0]])).toEqual([['1', 'b'], ['2', 'c']]);
  });

  it('an unknown tenant is a no-op, not an error (the tenant may have been deleted since)', async () => {
    expect(await new PurgeExpiredSessionsJob(ds).handle({ tenantId: '99' })).toEqual({ deleted: 0 });
  });
});
