import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { ENTITIES, GLOBAL_ENTITIES, OrgUnitEventEntity } from '../entities';
import { createDataSource } from '../data-source';
import { dropDatabase, ensureDatabase, runMigrations } from '../database-admin';
import { TenantContext, TenantContextMissingError } from './tenant-context';
import { TenantDataSource } from './tenant-repository';

const base = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen').replace(/\/[^/]*$/, '');
const url = `${base}/sen_test_db_${process.pid}`;
let ds: DataSource;

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await dropDatabase(url);
});

describe('tenancy is enforced in the data layer', () => {
  it('every entity is either global (listed) or tenant-owned with tenant_id leading every index of its table', async () => {
    const problems: string[] = [];
    for (const meta of ds.entityMetadatas) {
      if (GLOBAL_ENTITIES.includes(meta.target as never)) continue;
      if (!meta.columns.some((c) => c.propertyName === 'tenantId')) {
        problems.push(`${meta.tableName}: no tenantId column (extend TenantOwnedEntity or list it in GLOBAL_ENTITIES)`);
        continue;
      }
      const indexes: { INDEX_NAME: string; COLUMN_NAME: string; SEQ_IN_INDEX: number }[] = await ds.query(
        `SELECT INDEX_NAME, COLUMN_NAME, SEQ_IN_INDEX FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
        [meta.tableName],
      );
      if (indexes.length === 0) problems.push(`${meta.tableName}: table missing (no migration?)`);
      const firstColumns = new Map<string, string>();
      for (const i of indexes) if (Number(i.SEQ_IN_INDEX) === 1) firstColumns.set(i.INDEX_NAME, i.COLUMN_NAME);
      for (const [name, column] of firstColumns) {
        // The primary key of an id-keyed table is the row id; every other index leads with tenant_id.
        if (name === 'PRIMARY' && column === 'id') continue;
        if (column !== 'tenant_id') problems.push(`${meta.tableName}.${name} starts with ${column}, not tenant_id`);
      }
    }
    expect(problems).toEqual([]);
    expect(ENTITIES.length).toBeGreaterThan(5);
  });

  it('reading tenant data outside a request or a job throws instead of meaning "all tenants"', async () => {
    const repo = new TenantDataSource(ds).repository(OrgUnitEventEntity);
    await expect(async () => repo.find()).rejects.toBeInstanceOf(TenantContextMissingError);
  });

  it('a tenant repository reads and writes only the tenant of the context', async () => {
    const data = new TenantDataSource(ds);
    const repo = data.repository(OrgUnitEventEntity);
    const write = (tenantId: string) =>
      TenantContext.run(TenantContext.system(tenantId, `T${tenantId}`), () =>
        repo.insertMany([{ tenantId: '999', unitId: '1', type: 'create', effectiveFrom: '2025-07-01', data: { by: tenantId }, userId: null }]),
      );
    await write('101');
    await write('102');
    const seenBy101 = await TenantContext.run(TenantContext.system('101', 'T101'), () => repo.find());
    expect(seenBy101.map((e) => [e.tenantId, e.data])).toEqual([['101', { by: '101' }]]); // the given tenantId 999 was overwritten
    const updated = await TenantContext.run(TenantContext.system('101', 'T101'), () => repo.update({ unitId: '1' }, { type: 'rename' }));
    expect(updated).toBe(1);
    const rows: { tenant_id: string; type: string }[] = await ds.query('SELECT tenant_id, type FROM org_unit_event ORDER BY tenant_id');
    expect(rows.map((r) => [String(r.tenant_id), r.type])).toEqual([['101', 'rename'], ['102', 'create']]);
    const [{ id: otherId }] = await ds.query('SELECT id FROM org_unit_event WHERE tenant_id = 102');
    const other = await TenantContext.run(TenantContext.system('101', 'T101'), () => repo.findOneBy({ id: String(otherId) }));
    expect(other).toBeNull();
  });
});
