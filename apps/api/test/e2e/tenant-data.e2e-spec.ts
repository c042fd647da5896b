import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { dropDatabase, ensureDatabase, runMigrations } from '@sen/db';
import { TenantBackupService } from '../../src/modules/tenant-data/tenant-backup.service';
import { tenantTables } from '../../src/modules/tenant-data/tenant-tables';
import { multipart, startHarness, type Harness } from './harness';
import { createConnection, type Connection } from 'mysql2/promise';

/**
 * fuzz, owasp and tenant-data take turns on the run's database even when jest runs files in parallel (the fuzz
 * fingerprints the whole database; tenant-data compares HN row for row): a named lock held for the whole file.
 */
let turn: Connection | undefined;
beforeAll(async () => {
  turn = await createConnection({ uri: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen' });
  await turn.query("SELECT GET_LOCK(CONCAT('sen-e2e-exclusive-', DATABASE()), 900)");
}, 920_000);
afterAll(async () => {
  await turn?.query("SELECT RELEASE_LOCK(CONCAT('sen-e2e-exclusive-', DATABASE()))");
  await turn?.end();
});

/** GET with the raw bytes of the answer (the harness parses JSON; a backup is gzip). */
async function download(h: Harness, url: string, token: string): Promise<{ status: number; raw: Buffer; headers: Record<string, unknown> }> {
  const res = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, raw: res.rawPayload, headers: res.headers as Record<string, unknown> };
}
const parseLines = (buf: Buffer): any[] => buf.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const toFile = (records: unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const upload = (h: Harness, token: string, name: string, content: string | Buffer) => {
  const m = multipart(name, content, 'application/x-ndjson');
  return h.request('POST', '/api/v1/tenant-data/import', { token, payload: m.payload, headers: m.headers });
};

/** Every row of every table of one tenant (and its tenant row), in primary-key order: what a restore must reproduce. */
async function tenantRows(h: Harness, tenantId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const pks: { t: string; c: string }[] = await h.db.query(
    `SELECT table_name AS t, column_name AS c FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND constraint_name = 'PRIMARY' ORDER BY ordinal_position`,
  );
  out.tenant = await h.db.query('SELECT * FROM tenant WHERE id = ?', [tenantId]);
  for (const t of tenantTables(h.db)) {
    const order = pks.filter((p) => p.t === t).map((p) => `\`${p.c}\``).join(', ');
    out[t] = await h.db.query(`SELECT * FROM \`${t}\` WHERE tenant_id = ? ORDER BY ${order}`, [tenantId]);
  }
  return out;
}

describe('tenant data: backup of one tenant and its restore into another database', () => {
  let h: Harness;
  let fresh: Harness;
  let tw: string;
  let hnId: string;
  let hnBackup: Buffer;
  const freshUrl = `${(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen').replace(/\/[^/]*$/, '')}/sen_test_restore_${process.pid}`;

  beforeAll(async () => {
    h = await startHarness();
    tw = (await h.login('TW', 'admin')).accessToken;
    [{ id: hnId }] = await h.db.query("SELECT id FROM tenant WHERE code = 'HN'");
    await dropDatabase(freshUrl);
    await ensureDatabase(freshUrl);
    await runMigrations(freshUrl);
    fresh = await startHarness({ DATABASE_URL: freshUrl });
  });
  afterAll(async () => {
    await fresh?.close();
    await h?.close();
    await dropDatabase(freshUrl);
  });

  it('every table holding tenant rows is in the backup (entity metadata = every table with a tenant_id column)', async () => {
    const withTenantId: { t: string }[] = await h.db.query(
      "SELECT DISTINCT table_name AS t FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'tenant_id' ORDER BY t",
    );
    expect(withTenantId.map((r) => r.t).sort()).toEqual(tenantTables(h.db));
  });

  it('GET /tenant-data/export streams HN as gzip JSON Lines: header, tenant row, every row, trailer with the counts', async () => {
    const res = await download(h, '/api/v1/tenant-data/export?tenant=HN', tw);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="sen-HN-\d{8}T\d{6}\.jsonl\.gz"/);
    hnBackup = gunzipSync(res.raw);
    const records = parseLines(hnBackup);
    expect(records[0]).toMatchObject({ kind: 'sen-tenant-backup', version: 1, tenant: { code: 'HN' } });
    expect(records[0].tables).toEqual(tenantTables(h.db));
    expect(records[1]).toMatchObject({ table: 'tenant', row: { code: 'HN', id: hnId } });
    const trailer = records.at(-1);
    expect(trailer.kind).toBe('end');
    expect(trailer.total).toBe(records.length - 2);
    // Only HN's rows: every row carries HN's id.
    expect(records.slice(2, -1).every((r) => String(r.row.tenant_id) === String(hnId))).toBe(true);
    expect(trailer.rows.org_unit).toBeGreaterThan(1000);
    expect(trailer.rows.report_value).toBeGreaterThan(1000);
    // Plain JSON Lines on request.
    const plain = await download(h, '/api/v1/tenant-data/export?tenant=HN&format=jsonl', tw);
    expect(plain.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(parseLines(plain.raw).at(-1).total).toBe(trailer.total);
    // Audited in the central tenant's log.
    const [audit] = await h.db.query("SELECT a.* FROM audit_log a JOIN tenant t ON t.id = a.tenant_id AND t.code = 'TW' WHERE a.action = 'tenant-data.export' ORDER BY a.id DESC LIMIT 1");
    expect(typeof audit.after === 'string' ? JSON.parse(audit.after) : audit.after).toMatchObject({ tenant: 'HN', by: 'TW/admin' });
  });

  it('refuses an unknown tenant (404) and a tenant administrator (403)', async () => {
    expect((await h.request('GET', '/api/v1/tenant-data/export?tenant=ZZ', { token: tw })).status).toBe(404);
    const hn = (await h.login('HN', 'admin')).accessToken;
    expect((await h.request('GET', '/api/v1/tenant-data/export?tenant=HN', { token: hn })).status).toBe(403);
    expect((await h.request('POST', '/api/v1/tenant-data/import', { token: hn, ...multipart('x.jsonl', '{}') })).status).toBe(403);
  });

  it('restores TW (CLI path) then HN (HTTP) into a fresh empty database: every row of every table is identical', async () => {
    // Disaster recovery: the central tenant first, through the same service the CLI uses (no user exists yet) …
    const twBackup = parseLines((await download(h, '/api/v1/tenant-data/export?tenant=TW&format=jsonl', tw)).raw);
    const restoredTw = await fresh.app.get(TenantBackupService).importTenant(Readable.from([Buffer.from(toFile(twBackup))]), null);
    expect(restoredTw.tenant).toBe('TW');
    // … then its administrator, restored with it, logs in on the new deployment and restores HN over HTTP.
    const freshTw = (await fresh.login('TW', 'admin')).accessToken;
    const res = await upload(fresh, freshTw, 'hn.jsonl.gz', (await download(h, '/api/v1/tenant-data/export?tenant=HN', tw)).raw);
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    expect(res.body.tenant).toMatchObject({ code: 'HN', id: hnId });
    const source = await tenantRows(h, hnId);
    const restored = await tenantRows(fresh, hnId);
    // The TW login above took the next session id here, which may be one of HN's: such a session row (nothing
    // points to it) was given a new id. Everything else — every column of every row — is identical.
    expect(Object.keys(res.body.renumbered).filter((t) => t !== 'refresh_token')).toEqual([]);
    const withoutId = (rows: unknown[]) => rows.map(({ id: _id, ...rest }: any) => rest).sort((a, b) => String(a.token_hash).localeCompare(String(b.token_hash)));
    for (const table of Object.keys(source)) {
      expect({ table, rows: restored[table]!.length }).toEqual({ table, rows: source[table]!.length });
      if (table === 'refresh_token') expect(withoutId(restored[table]!)).toEqual(withoutId(source[table]!));
      else expect(restored[table]).toEqual(source[table]);
    }
    // JSON columns keep the very text the source holds.
    const jsonText = (x: Harness) => x.db.query('SELECT id, CAST(`data` AS CHAR) AS t FROM org_unit_event WHERE tenant_id = ? ORDER BY id', [hnId]);
    expect(await jsonText(fresh)).toEqual(await jsonText(h));
    expect(res.body.total).toBe(Object.values(source).reduce((n, rows) => n + rows.length, 0));
    // The restored tenant works: its administrator logs in and reads its rollups.
    const hn = (await fresh.login('HN', 'admin')).accessToken;
    const roll = await fresh.request('GET', '/api/v1/rollups?indicator=HOI_VIEN&period=2024S1', { token: hn });
    expect(roll.status).toBe(200);
    expect(roll.body.value).toBeGreaterThan(0);
  });

  it('refuses: an existing code (409), ids taken (409), a truncated file, a newer schema, a foreign table (400); nothing is written', async () => {
    const freshTw = (await fresh.login('TW', 'admin')).accessToken;
    const records = parseLines(hnBackup);
    const renamed = (code: string) => records.map((r, i) => (i === 1 ? { ...r, row: { ...r.row, code, id: '987654' } } : r));
    const count = async () => Number((await fresh.db.query('SELECT COUNT(*) AS n FROM org_unit'))[0].n);
    const before = await count();

    const exists = await upload(fresh, freshTw, 'hn.jsonl', toFile(records));
    expect(exists.status).toBe(409);
    expect(exists.body.errors[0].field).toBe('tenant');
    const idsTaken = await upload(fresh, freshTw, 'hy.jsonl', toFile(renamed('HY')));
    expect(idsTaken.status).toBe(409);
    expect(idsTaken.body.messageEn).toMatch(/is taken here/);
    const small = [records[0], renamed('HX')[1], { table: 'org_unit', row: { ...records.find((r) => r.table === 'org_unit').row, id: '990000777', code: 'HX-1' } }];
    const truncated = await upload(fresh, freshTw, 'hx.jsonl', toFile(small));
    expect(truncated.status).toBe(400);
    expect(truncated.body.errors[0]).toMatchObject({ field: 'file', reasonEn: 'the backup is truncated (no trailer line)' });
    const newer = await upload(fresh, freshTw, 'hx.jsonl', toFile([{ ...records[0], migrations: [...records[0].migrations, 'Future9999999999999'] }, ...renamed('HX').slice(1)]));
    expect(newer.status).toBe(400);
    expect(newer.body.errors[0].reasonEn).toMatch(/newer schema/);
    const foreign = await upload(fresh, freshTw, 'hx.jsonl', toFile([records[0], renamed('HX')[1], { table: 'schema_migration', row: { id: 99, timestamp: 1, name: 'x' } }, { kind: 'end', rows: {}, total: 0 }]));
    expect(foreign.status).toBe(400);
    const column = await upload(fresh, freshTw, 'hx.jsonl', toFile([records[0], renamed('HX')[1], { table: 'org_unit', row: { id: '1', tenant_id: '1', 'name`) VALUES (1); DROP TABLE tenant; --': 'x' } }, { kind: 'end', rows: {}, total: 0 }]));
    expect(column.status).toBe(400);
    const notBackup = await upload(fresh, freshTw, 'x.jsonl', '{"hello":1}\n');
    expect(notBackup.status).toBe(400);
    const badGzip = await upload(fresh, freshTw, 'x.jsonl.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5]));
    expect(badGzip.status).toBe(400);
    const wrongType = await upload(fresh, freshTw, 'x.csv', 'a,b\n');
    expect(wrongType.status).toBe(400);
    expect(await count()).toBe(before);
    expect(await fresh.db.query("SELECT code FROM tenant WHERE code IN ('HX', 'HY')")).toEqual([]);
  });

  it("a crafted backup cannot write into another tenant: every row gets the restored tenant's id", async () => {
    const freshTw = (await fresh.login('TW', 'admin')).accessToken;
    const twId = String((await fresh.db.query("SELECT id FROM tenant WHERE code = 'TW'"))[0].id);
    const header = parseLines(hnBackup)[0];
    const file = toFile([
      header,
      { table: 'tenant', row: { id: twId, code: 'QZ', name: 'Hội LHPN thử', status: 'active', is_central: 0, levels: '[{"code":"province","name":"Tỉnh"}]', root_unit_id: null, absorbed_into_id: null, settings: null } },
      { table: 'org_unit', row: { id: '990000001', tenant_id: twId, parent_id: null, name: 'Cài vào TW', name_folded: 'cai vao tw', sort_key: 'x', code: 'QZ-X', level: 'province', kind: 'union' } },
      { kind: 'end', rows: { tenant: 1, org_unit: 1 }, total: 2 },
    ]);
    const res = await upload(fresh, freshTw, 'qz.jsonl', file);
    expect(res.status).toBe(201);
    expect(res.body.tenant.id).not.toBe(twId); // the id was taken: the tenant got a new one
    const [row] = await fresh.db.query("SELECT tenant_id FROM org_unit WHERE id = '990000001'");
    expect(String(row.tenant_id)).toBe(res.body.tenant.id);
    // A second central tenant cannot be restored.
    const central = toFile([header, { table: 'tenant', row: { code: 'TX', name: 'Trung ương 2', status: 'active', is_central: 1, levels: '[]' } }, { kind: 'end', rows: { tenant: 1 }, total: 1 }]);
    expect((await upload(fresh, freshTw, 'tx.jsonl', central)).status).toBe(409);
  });

  it('the CLI: `sen tenant:export --code DN --out f.jsonl.gz` and `sen tenant:import --file f.jsonl.gz` into another database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sen-backup-'));
    try {
      const cli = join(__dirname, '../../dist/cli/sen.js');
      const file = join(dir, 'dn.jsonl.gz');
      const run = (args: string[], url: string) => spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 120000 });
      const out = run(['tenant:export', '--code', 'DN', '--out', file], process.env.DATABASE_URL!);
      expect(out.stderr).toBe('');
      expect(out.stdout).toMatch(/tenant DN: \d+ rows written/);
      const records = parseLines(gunzipSync(readFileSync(file)));
      expect(records.at(-1).kind).toBe('end');
      const back = run(['tenant:import', '--file', file], freshUrl);
      expect(back.stderr).toBe('');
      expect(back.status).toBe(0);
      expect(back.stdout).toMatch(new RegExp(`tenant DN restored \\(id \\d+\\): ${records.at(-1).total} rows`));
      const again = run(['tenant:import', '--file', file], freshUrl);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/Tenant DN already exists here/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tenant data: deleting a tenant in two audited steps', () => {
  let h: Harness;
  let tw: string;
  let tw2: string;
  let code: string;
  let tenantId: string;
  let backup: Buffer;

  const onboard = async (c: string) => {
    const res = await h.request('POST', '/api/v1/tenants', {
      token: tw,
      body: {
        code: c,
        name: `Hội LHPN tỉnh ${c}`,
        levels: [{ code: 'province', name: 'Tỉnh' }, { code: 'grassroots', name: 'Xã' }],
        rootUnit: { name: `Hội LHPN tỉnh ${c}`, code: c },
        admin: { username: 'admin', displayName: 'Quản trị', password: 'xoa-du-lieu-2025' },
        unitsCsv: `code,name,level,kind,parent code\n${c}-1,Hội LHPN xã Một,grassroots,union,\n${c}-2,Hội LHPN xã Hai,grassroots,union,\n`,
      },
    });
    expect(res.status).toBe(201);
    return res.body.tenant.id as string;
  };
  const requestDeletion = (token: string, tenant: string, reason = 'Đơn vị đã giải thể, xoá theo quyết định số 12/QĐ') =>
    h.request('POST', '/api/v1/tenant-data/deletion-requests', { token, body: { tenant, reason } });
  const confirm = (token: string, id: string, c: string) => h.request('POST', `/api/v1/tenant-data/deletion-requests/${id}/confirm`, { token, body: { code: c } });
  const rowsOf = async (id: string) => {
    let n = Number((await h.db.query('SELECT COUNT(*) AS n FROM tenant WHERE id = ?', [id]))[0].n);
    for (const t of tenantTables(h.db)) n += Number((await h.db.query(`SELECT COUNT(*) AS n FROM \`${t}\` WHERE tenant_id = ?`, [id]))[0].n);
    return n;
  };

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.login('TW', 'admin');
    tw = admin.accessToken;
    // A second platform administrator: the one who confirms.
    const created = await h.request('POST', '/api/v1/users', {
      token: tw,
      body: { username: `platform2-${Date.now() % 100000}`, displayName: 'Quản trị nền tảng 2', password: 'nen-tang-thu-hai-2025', roles: [{ role: 'platform_admin', unitId: admin.user.unitId }] },
    });
    expect(created.status).toBe(201);
    tw2 = (await h.login('TW', created.body.username, 'nen-tang-thu-hai-2025')).accessToken;
    code = `DL${Date.now().toString(36).toUpperCase().slice(-5)}`;
    tenantId = await onboard(code);
    await h.login(code, 'admin', 'xoa-du-lieu-2025'); // a session row too
    backup = (await download(h, `/api/v1/tenant-data/export?tenant=${code}&format=jsonl`, tw)).raw;
  });
  afterAll(() => h.close());

  it('step 1 is for platform administrators only, names a real tenant other than the central one, with a reason', async () => {
    const hn = (await h.login('HN', 'admin')).accessToken;
    expect((await requestDeletion(hn, code)).status).toBe(403);
    expect((await requestDeletion(tw, 'ZZZZ')).status).toBe(404);
    const central = await requestDeletion(tw, 'TW');
    expect(central.status).toBe(400);
    expect(central.body.errors[0].field).toBe('tenant');
    const short = await requestDeletion(tw, code, 'vì');
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('body.reason');
  });

  it('step 2: not by the requester, not with a wrong code; a different platform administrator with the code deletes every row, audited', async () => {
    const rowsBefore = await rowsOf(tenantId);
    const req = await requestDeletion(tw, code);
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ tenant: code, requestedBy: 'TW/admin' });
    expect(req.body.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(Math.abs(Date.parse(req.body.expiresAt) - Date.now() - 24 * 3600_000)).toBeLessThan(60_000);
    expect(req.body.rows.org_unit).toBe(3);

    const self = await confirm(tw, req.body.id, req.body.code);
    expect(self.status).toBe(403);
    expect(self.body.messageEn).toMatch(/Another platform administrator/);
    const wrong = await confirm(tw2, req.body.id, 'AAAAAAAAAA');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('code');
    const hn = (await h.login('HN', 'admin')).accessToken;
    expect((await confirm(hn, req.body.id, req.body.code)).status).toBe(403);
    expect((await confirm(tw2, '999999999', req.body.code)).status).toBe(404);
    expect(await rowsOf(tenantId)).toBe(rowsBefore);

    const done = await confirm(tw2, req.body.id, req.body.code);
    expect(done.status).toBe(200);
    expect(done.body.deleted).toMatchObject({ tenant: 1, org_unit: 3, app_user: 1 });
    expect(done.body.total).toBe(rowsBefore);
    expect(await rowsOf(tenantId)).toBe(0);
    expect((await h.request('POST', '/api/v1/auth/login', { body: { tenant: code, username: 'admin', password: 'xoa-du-lieu-2025' } })).status).toBe(401);
    expect((await confirm(tw2, req.body.id, req.body.code)).status).toBe(409);

    // The central tenant's audit log tells the whole story; the code itself is never stored.
    const log = await h.request('GET', '/api/v1/audit-log?limit=50', { token: tw });
    const mine = log.body.items.filter((a: any) => a.entityId === req.body.id || (a.action === 'tenant-data.deletion.request' && a.entityId === tenantId));
    expect(mine.map((a: any) => a.action).sort()).toEqual(['tenant-data.deletion.confirm', 'tenant-data.deletion.refused', 'tenant-data.deletion.refused', 'tenant-data.deletion.request']);
    expect(JSON.stringify(log.body)).not.toContain(req.body.code);
    const confirmed = mine.find((a: any) => a.action === 'tenant-data.deletion.confirm');
    expect(confirmed.before).toMatchObject({ tenant: code, reason: 'Đơn vị đã giải thể, xoá theo quyết định số 12/QĐ', requestedBy: 'TW/admin' });
    expect(confirmed.after).toMatchObject({ confirmedBy: expect.stringMatching(/^TW\/platform2-/), total: rowsBefore });
  });

  it('the deleted tenant comes back from its backup, row for row (its ids are free again)', async () => {
    const res = await upload(h, tw, `${code}.jsonl`, backup);
    expect(res.status).toBe(201);
    expect(res.body.tenant).toMatchObject({ code, id: tenantId });
    expect((await h.login(code, 'admin', 'xoa-du-lieu-2025')).user.tenant).toBe(code);
  });

  it('a code expires after 24 hours, and five wrong codes void a request', async () => {
    const other = `DX${Date.now().toString(36).toUpperCase().slice(-5)}`;
    await onboard(other);
    const req = await requestDeletion(tw, other);
    await h.db.query("UPDATE audit_log SET `after` = JSON_SET(`after`, '$.expiresAt', '2000-01-01T00:00:00.000Z') WHERE id = ?", [req.body.id]);
    const expired = await confirm(tw2, req.body.id, req.body.code);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('DELETION_REQUEST_EXPIRED');

    const again = await requestDeletion(tw, other);
    for (let i = 0; i < 5; i++) expect((await confirm(tw2, again.body.id, `WRONG${i}WRONG`)).status).toBe(400);
    const void_ = await confirm(tw2, again.body.id, again.body.code);
    expect(void_.status).toBe(409);
    expect(void_.body.code).toBe('DELETION_REQUEST_VOID');
    expect(Number((await h.db.query('SELECT COUNT(*) AS n FROM tenant WHERE code = ?', [other]))[0].n)).toBe(1);
  });
});
