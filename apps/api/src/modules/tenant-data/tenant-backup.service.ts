import { Injectable, Logger } from '@nestjs/common';
import { Readable, type Writable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DataSource, type QueryRunner } from 'typeorm';
import { tenantCodeSchema, type TenantDto } from '@sen/contracts';
import { Tenant, TenantContext } from '@sen/db';
import type { Actor } from '../../core/auth/actor';
import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AuditService } from '../audit/audit.service';
import { toTenantDto } from '../tenants/tenant-onboarding.service';
import { decodeValue, encodeValue, lines, LineTooLongError, tableColumns, tenantTables } from './tenant-tables';

export const BACKUP_KIND = 'sen-tenant-backup';
export const BACKUP_VERSION = 1;
/**
 * Tables whose ids nothing else refers to (no column, no JSON): when a restore finds one of their ids taken, the row
 * gets a new id. Any other table's id is kept or the restore is refused — a table added later is safe by default.
 */
const RENUMBERABLE = new Set(['refresh_token', 'audit_log', 'report_value_change', 'aggregation_outbox', 'org_unit_event', 'role_assignment']);
/** Rows per INSERT statement when restoring. */
const INSERT_BATCH = 500;
/** No line of a backup is this long (the largest rows are plan contents of a few hundred kB). */
export const MAX_BACKUP_LINE = 64 * 1024 * 1024;
/** Decompressed size of a backup being restored (a gzip bomb stops here). */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024 * 1024;

export interface BackupHeader {
  kind: typeof BACKUP_KIND;
  version: number;
  exportedAt: string;
  tenant: { code: string; name: string };
  /** The migrations of the source database: a restore refuses a backup from a newer schema. */
  migrations: string[];
  tables: string[];
}

export interface BackupSummary {
  tenant: string;
  rows: Record<string, number>;
  total: number;
}

const invalid = (reasonVi: string, reasonEn: string) => new ValidationFailedError([{ field: 'file', reason: reasonVi, reasonEn }]);

function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => (cleanup(), resolve());
    const fail = (err: Error) => (cleanup(), reject(err));
    const closed = () => (cleanup(), reject(new Error('the output was closed before the export ended')));
    const cleanup = () => {
      out.off('drain', done);
      out.off('error', fail);
      out.off('close', closed);
    };
    out.once('drain', done);
    out.once('error', fail);
    out.once('close', closed);
  });
}

/** The input, gunzipped when it starts with the gzip magic bytes. */
async function maybeGunzip(input: Readable): Promise<AsyncIterable<Buffer>> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await it.next();
  if (first.done) return Readable.from([]);
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value as string);
  const whole = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  );
  if (head[0] !== 0x1f || head[1] !== 0x8b) return whole;
  const gunzip = createGunzip();
  pipeline(whole, gunzip, () => undefined);
  let total = 0;
  return (async function* () {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_BACKUP_BYTES) throw invalid('tệp sao lưu giải nén quá lớn', 'the decompressed backup is too large');
      yield chunk;
    }
  })();
}

/**
 * Backup and restore of one tenant, for a platform administrator (HTTP) or an operator (`pnpm sen tenant:export`
 * / `tenant:import`). A backup is JSON Lines: a header, the tenant row, every row of every tenant table of that
 * tenant (tables from the entity metadata, rows as the database holds them, read in ONE consistent snapshot), and
 * a trailer with the row counts — a file cut short has no trailer and is refused. A restore runs in ONE
 * transaction: all rows or none. Ids are preserved when free: the tenant's id (else it gets a new one and every row
 * follows), and every row's — rows nothing refers to (sessions, log lines) take a new id when theirs is used here;
 * it is refused when the tenant code exists (409), when the id of a referenced row (a unit, a user, a report, …) is
 * taken by another tenant (409: such ids also live inside JSON history, so they are never rewritten), when the backup comes from a
 * newer schema, or when it names a table or column this database does not have. Whatever tenant ids a (crafted)
 * file carries, every restored row is written with the restored tenant's id: a backup cannot reach another tenant.
 */
@Injectable()
export class TenantBackupService {
  private readonly logger = new Logger('TenantBackupService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: TenantDirectory,
    private readonly audit: AuditService,
  ) {}

  async findTenant(code: string): Promise<Tenant> {
    const tenant = await this.directory.findByCode(code);
    if (!tenant) throw new NotFoundError('Tenant', 'đơn vị (tỉnh/thành)');
    return tenant;
  }

  /** Writes the backup of `code` to `out` (which it ends). Audited in the central tenant's log. */
  async exportTenant(code: string, out: Writable, by: Actor | null, format = 'jsonl'): Promise<BackupSummary> {
    const tenant = await this.findTenant(code);
    const tables = tenantTables(this.dataSource);
    const primaryKeys = await this.primaryKeys(tables);
    await this.record(by, { action: 'tenant-data.export', entity: 'tenant', entityId: tenant.id, after: { tenant: tenant.code, format } });
    const write = async (obj: unknown) => {
      if (!out.write(`${JSON.stringify(obj)}\n`)) await drained(out);
    };
    const rows: Record<string, number> = {};
    let total = 0;
    const qr = this.dataSource.createQueryRunner();
    try {
      await qr.connect();
      // Every table from the same moment: one read-only transaction on a consistent snapshot.
      await qr.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      const migrations: { name: string }[] = await qr.query('SELECT name FROM schema_migration ORDER BY timestamp, id');
      const header: BackupHeader = {
        kind: BACKUP_KIND,
        version: BACKUP_VERSION,
        exportedAt: new Date().toISOString(),
        tenant: { code: tenant.code, name: tenant.name },
        migrations: migrations.map((m) => m.name),
        tables,
      };
      await write(header);
      for await (const tenantRow of await rawRows(qr, 'SELECT * FROM tenant WHERE id = ?', [tenant.id])) await write({ table: 'tenant', row: encodeRow(tenantRow) });
      rows.tenant = 1;
      total = 1;
      for (const table of tables) {
        const order = (primaryKeys.get(table) ?? []).map((c) => `\`${c}\``).join(', ');
        let n = 0;
        for await (const row of await rawRows(qr, `SELECT * FROM \`${table}\` WHERE tenant_id = ?${order ? ` ORDER BY ${order}` : ''}`, [tenant.id])) {
          await write({ table, row: encodeRow(row) });
          n++;
        }
        rows[table] = n;
        total += n;
      }
      await qr.query('COMMIT');
      await write({ kind: 'end', rows, total });
      out.end();
      return { tenant: tenant.code, rows, total };
    } catch (err) {
      // The output is cut short: without its trailer no restore will accept it.
      this.logger.error(`export of ${tenant.code} failed: ${(err as Error).message}`);
      out.destroy(err as Error);
      throw err;
    } finally {
      await qr.release();
    }
  }

  /** Restores a backup (plain or gzip JSON Lines) read from `input`; see the class comment for the rules. */
  async importTenant(input: Readable, by: Actor | null): Promise<BackupSummary & { tenantId: string; tenantDto: TenantDto; renumbered: Record<string, number> }> {
    const allowed = new Set(tenantTables(this.dataSource));
    const columns = await tableColumns(this.dataSource, [...allowed, 'tenant']);
    const migrations: { name: string }[] = await this.dataSource.query('SELECT name FROM schema_migration');
    const known = new Set(migrations.map((m) => m.name));

    const source = lines(await maybeGunzip(input), MAX_BACKUP_LINE)[Symbol.asyncIterator]();
    const nextRecord = async (): Promise<Record<string, unknown> | null> => {
      for (;;) {
        const next = await source.next();
        if (next.done) return null;
        if (next.value.trim() === '') continue;
        try {
          const parsed: unknown = JSON.parse(next.value);
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
          return parsed as Record<string, unknown>;
        } catch {
          throw invalid('tệp sao lưu có dòng không phải JSON', 'a line of the backup is not JSON');
        }
      }
    };

    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      const header = (await nextRecord()) as Partial<BackupHeader> | null;
      if (!header || header.kind !== BACKUP_KIND) throw invalid('không phải tệp sao lưu của Sen', 'not a Sen tenant backup');
      if (header.version !== BACKUP_VERSION) throw invalid(`phiên bản tệp sao lưu ${String(header.version)} không được hỗ trợ`, `backup version ${String(header.version)} is not supported`);
      const newer = (header.migrations ?? []).filter((m) => !known.has(m));
      if (newer.length > 0) {
        throw invalid(`tệp sao lưu từ cơ sở dữ liệu mới hơn (thiếu ${newer.join(', ')}): hãy cập nhật trước khi khôi phục`, `the backup comes from a newer schema (${newer.join(', ')}): migrate this database first`);
      }
      const tenantLine = await nextRecord();
      if (!tenantLine || tenantLine.table !== 'tenant' || !tenantLine.row || typeof tenantLine.row !== 'object') {
        throw invalid('thiếu dòng đơn vị (tenant) sau tiêu đề', 'the tenant row must follow the header');
      }

      await qr.startTransaction();
      const tenantRow = { ...(tenantLine.row as Record<string, unknown>) };
      this.checkColumns('tenant', Object.keys(tenantRow), columns);
      const code = tenantCodeSchema.safeParse(tenantRow.code);
      if (!code.success) throw invalid('mã đơn vị trong tệp không hợp lệ', 'the tenant code in the backup is not valid');
      tenantRow.code = code.data;
      const [taken]: { id: string }[] = await qr.query('SELECT id FROM tenant WHERE code = ? FOR UPDATE', [code.data]);
      if (taken) {
        throw new ConflictError(`Đơn vị mã ${code.data} đã có trên hệ thống này`, `Tenant ${code.data} already exists here`, [
          { field: 'tenant', reason: 'mã đã được dùng', reasonEn: 'the code is taken' },
        ]);
      }
      if (Number(tenantRow.is_central) === 1) {
        const [central]: { id: string }[] = await qr.query('SELECT id FROM tenant WHERE is_central = 1 LIMIT 1');
        if (central) throw new ConflictError('Hệ thống đã có Trung ương Hội', 'This deployment already has a central tenant', [{ field: 'tenant', reason: 'chỉ có một Trung ương Hội', reasonEn: 'only one central tenant' }]);
      }
      // The tenant keeps its id when it is free; otherwise a new id, and every row below follows it.
      const [idTaken]: { id: string }[] = tenantRow.id ? await qr.query('SELECT id FROM tenant WHERE id = ?', [tenantRow.id]) : [];
      if (idTaken) delete tenantRow.id;
      const inserted: { insertId: number | string } = await qr.query(
        `INSERT INTO tenant (${Object.keys(tenantRow).map((c) => `\`${c}\``).join(', ')}) VALUES (${Object.keys(tenantRow).map(() => '?').join(', ')})`,
        Object.values(tenantRow).map(decodeValue),
      );
      const tenantId = String(tenantRow.id ?? inserted.insertId);

      const counted: Record<string, number> = { tenant: 1 };
      const renumbered: Record<string, number> = {};
      let batch: { table: string; cols: string[]; rows: unknown[][] } | null = null;
      const flush = async () => {
        if (!batch || batch.rows.length === 0) return;
        await this.insertBatch(qr, batch.table, batch.cols, batch.rows, renumbered);
        batch = null;
      };
      let trailer: Record<string, unknown> | null = null;
      for (let rec = await nextRecord(); rec; rec = await nextRecord()) {
        if (rec.kind === 'end') {
          trailer = rec;
          break;
        }
        const table = rec.table;
        const row = rec.row as Record<string, unknown> | undefined;
        if (typeof table !== 'string' || !row || typeof row !== 'object' || Array.isArray(row)) throw invalid('dòng dữ liệu sai dạng {table, row}', 'a data line is not {table, row}');
        if (!allowed.has(table)) throw invalid(`bảng "${table.slice(0, 64)}" không thuộc dữ liệu của đơn vị trên hệ thống này`, `table "${table.slice(0, 64)}" is not a tenant table here`);
        const cols = Object.keys(row);
        if (!batch || batch.table !== table || batch.cols.join(',') !== cols.join(',') || batch.rows.length >= INSERT_BATCH) {
          await flush();
          this.checkColumns(table, cols, columns);
          if (!cols.includes('tenant_id')) throw invalid(`dòng của bảng ${table} thiếu tenant_id`, `a row of ${table} has no tenant_id`);
          batch = { table, cols, rows: [] };
        }
        // Whatever the file says, the row belongs to the restored tenant.
        batch.rows.push(cols.map((c) => (c === 'tenant_id' ? tenantId : decodeValue(row[c]))));
        counted[table] = (counted[table] ?? 0) + 1;
      }
      await flush();
      if (!trailer) throw invalid('tệp sao lưu bị cắt cụt (thiếu dòng kết thúc)', 'the backup is truncated (no trailer line)');
      if ((await nextRecord()) !== null) throw invalid('có dữ liệu sau dòng kết thúc', 'there is data after the trailer line');
      const expected = (trailer.rows ?? {}) as Record<string, unknown>;
      const wrong = [...new Set([...Object.keys(expected), ...Object.keys(counted)])].filter((t) => Number(expected[t] ?? 0) !== (counted[t] ?? 0));
      if (wrong.length > 0) throw invalid(`số dòng không khớp dòng kết thúc ở bảng ${wrong.join(', ')}`, `row counts differ from the trailer for ${wrong.join(', ')}`);
      const total = Object.values(counted).reduce((a, b) => a + b, 0);

      await this.record(
        by,
        { action: 'tenant-data.import', entity: 'tenant', entityId: tenantId, after: { tenant: code.data, rows: counted, total, renumbered, sourceTenantId: (tenantLine.row as { id?: unknown }).id ?? null } },
        qr,
      );
      await qr.commitTransaction();
      const dto = toTenantDto((await this.directory.findById(tenantId))!);
      return { tenant: code.data, tenantId, tenantDto: dto, rows: counted, total, renumbered };
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      if (err instanceof LineTooLongError) throw invalid('một dòng của tệp sao lưu quá dài', err.message);
      if (err instanceof DomainError) throw err;
      // The upload itself failed (cut connection, size limit): keep the status of the multipart error.
      if (typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err;
      if (/incorrect header check|unexpected end of file|invalid (block|distance|stored)/i.test((err as Error).message ?? '')) {
        throw invalid('tệp gzip bị hỏng', 'the gzip file is damaged');
      }
      throw err;
    } finally {
      await qr.release();
    }
  }

  private checkColumns(table: string, cols: string[], columns: Map<string, string[]>): void {
    const known = new Set(columns.get(table) ?? []);
    const unknown = cols.filter((c) => !known.has(c));
    if (cols.length === 0 || unknown.length > 0) {
      throw invalid(`bảng ${table} trên hệ thống này không có cột ${unknown.map((c) => c.slice(0, 64)).join(', ')}`, `table ${table} has no column ${unknown.map((c) => c.slice(0, 64)).join(', ')} here`);
    }
  }

  private async insertBatch(qr: QueryRunner, table: string, cols: string[], rows: unknown[][], renumbered: Record<string, number>): Promise<void> {
    const idCol = cols.indexOf('id');
    if (idCol >= 0) {
      const ids = rows.map((r) => r[idCol]);
      const clashes: { id: string }[] = await qr.query(`SELECT id FROM \`${table}\` WHERE id IN (?)`, [ids]);
      const clash = clashes[0];
      if (clash && RENUMBERABLE.has(table)) {
        // Rows nothing points to (sessions, log lines) take a new id when theirs is used here.
        const taken = new Set(clashes.map((c) => String(c.id)));
        for (const r of rows) {
          if (taken.has(String(r[idCol]))) {
            r[idCol] = null;
            renumbered[table] = (renumbered[table] ?? 0) + 1;
          }
        }
      } else if (clash) {
        throw new ConflictError(
          `Mã dòng ${clash.id} của bảng ${table} đã được dùng trên hệ thống này: hãy khôi phục vào cơ sở dữ liệu trống`,
          `Id ${clash.id} of ${table} is taken here: restore into an empty database (ids are kept, never rewritten)`,
          [{ field: 'file', reason: `bảng ${table}: mã ${clash.id} đã có`, reasonEn: `${table}: id ${clash.id} is taken` }],
        );
      }
    }
    await qr.query(
      `INSERT INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES ${rows.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`,
      rows.flat(),
    );
  }

  private async primaryKeys(tables: string[]): Promise<Map<string, string[]>> {
    const rows: { t: string; c: string }[] = await this.dataSource.query(
      `SELECT table_name AS t, column_name AS c FROM information_schema.key_column_usage
       WHERE table_schema = DATABASE() AND constraint_name = 'PRIMARY' AND table_name IN (?) ORDER BY table_name, ordinal_position`,
      [tables],
    );
    const out = new Map<string, string[]>();
    for (const { t, c } of rows) out.set(t, [...(out.get(t) ?? []), c]);
    return out;
  }

  /** An entry in the central tenant's audit log (when there is one: an empty database being restored has none). */
  private async record(by: Actor | null, entry: Parameters<AuditService['record']>[0], qr?: QueryRunner): Promise<void> {
    const [central]: { id: string; code: string }[] = await (qr ?? this.dataSource).query('SELECT id, code FROM tenant WHERE is_central = 1 ORDER BY id LIMIT 1');
    if (!central) {
      this.logger.warn(`${entry.action} of ${JSON.stringify(entry.after)} not audited: no central tenant yet`);
      return;
    }
    const ctx = { ...TenantContext.system(String(central.id), central.code, TenantContext.tryCurrent()?.requestId ?? 'cli'), userId: by && by.tenantId === String(central.id) ? by.userId : null };
    await TenantContext.run(ctx, () => this.audit.record({ ...entry, after: { ...(entry.after as object), by: by ? `${by.tenantCode}/${by.username}` : 'cli' } }, qr?.manager));
  }
}

/**
 * Rows streamed from the query runner's own connection (back-pressure: the driver pauses while the output is
 * full), with a per-query typeCast so that JSON columns travel as the text the database holds — parsing and
 * re-serialising could reorder keys or round big numbers.
 */
async function rawRows(qr: QueryRunner, sql: string, values: unknown[]): Promise<AsyncIterable<Record<string, unknown>>> {
  const conn = (await qr.connect()) as { query(o: object): { stream(): AsyncIterable<Record<string, unknown>> } };
  return conn
    .query({
      sql,
      values,
      typeCast: (field: { type: string; extendedFormat?: string; string(): string | null }, next: () => unknown) =>
        field.type === 'JSON' || field.extendedFormat === 'json' ? field.string() : next(),
    })
    .stream();
}

function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = encodeValue(v);
  return out;
}
