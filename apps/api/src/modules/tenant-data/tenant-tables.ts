import type { DataSource } from 'typeorm';

/**
 * The tables that hold a tenant's rows: every entity with a `tenantId` column (the tenant-owned ones and the
 * tenant's line of the central totals, `national_rollup`), found from the entity metadata so that a table added
 * later is backed up, restored and deleted without anyone remembering to list it. `tenant` itself is handled apart.
 */
export function tenantTables(ds: DataSource): string[] {
  return [
    ...new Set(
      ds.entityMetadatas
        .filter((m) => m.tableName !== 'tenant' && m.columns.some((c) => c.propertyName === 'tenantId'))
        .map((m) => m.tableName),
    ),
  ].sort();
}

/** Column names of each table of the connected database (information_schema), in table order. */
export async function tableColumns(ds: DataSource, tables: string[]): Promise<Map<string, string[]>> {
  const rows: { t: string; c: string }[] = await ds.query(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
     WHERE table_schema = DATABASE() AND table_name IN (?) ORDER BY table_name, ordinal_position`,
    [tables],
  );
  const out = new Map<string, string[]>();
  for (const { t, c } of rows) out.set(t, [...(out.get(t) ?? []), c]);
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A column value as it travels in a backup: exactly what the database holds, as JSON. DATETIME values (read as
 * UTC Dates by the data source) become `YYYY-MM-DD HH:MM:SS.mmm`, which the database takes back unchanged; JSON
 * columns stay the text the database stored (MySQL 8 hands out objects: they are serialised); binary values
 * travel as `{"$base64": "…"}`; DECIMAL and BIGINT are strings already.
 */
export function encodeValue(v: unknown): unknown {
  if (v instanceof Date) {
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}.${pad(v.getUTCMilliseconds(), 3)}`;
  }
  if (Buffer.isBuffer(v)) return { $base64: v.toString('base64') };
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** The inverse of encodeValue for an INSERT parameter. */
export function decodeValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $base64?: unknown }).$base64 === 'string') {
    return Buffer.from((v as { $base64: string }).$base64, 'base64');
  }
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** Splits a byte stream into lines (UTF-8), refusing a line longer than `maxLine` bytes (a crafted file). */
export async function* lines(input: AsyncIterable<Buffer | string>, maxLine: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let nl = chunk.indexOf(0x0a);
    while (nl >= 0) {
      pending.push(chunk.subarray(0, nl));
      yield Buffer.concat(pending).toString('utf8');
      pending = [];
      pendingBytes = 0;
      chunk = chunk.subarray(nl + 1);
      nl = chunk.indexOf(0x0a);
    }
    if (chunk.length > 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > maxLine) throw new LineTooLongError(maxLine);
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
}

export class LineTooLongError extends Error {
  constructor(readonly maxLine: number) {
    super(`a line of the backup is longer than ${maxLine} bytes`);
  }
}
