import type { Connection } from 'mysql2/promise';
import { foldVietnamese, vietnameseSortKey } from '@sen/contracts';
import { buildProvinceTenant, listProvinces, PART_COLUMNS, type UnitSpec } from '@sen/db';
import { partsOf, type IndicatorDefinition, type RollupParts } from '@sen/indicators';
import { benchIndicators, FORM_CODE, partsSql, reportValueSql } from './indicators';

export const BENCH_PASSWORD = 'bench-only-password-2025';
export const ADMIN_USERNAME = 'bench-admin';
export const CENTRAL_USERNAME = 'bench-central';
export const CENTRAL_CODE = 'TW';

export interface BenchTenant {
  id: string;
  code: string;
  rootId: string;
}

export interface PendingReport {
  id: string;
  tenantId: string;
  tenantCode: string;
  unitId: string;
}

export interface Dataset {
  tenants: BenchTenant[];
  central: BenchTenant;
  units: number;
  communes: number;
  branches: number;
  /** Submitted reports with values, in the order the harness approves them. */
  pending: PendingReport[];
  /** unit_value rows loaded (branches × 60 indicators, pending branches excepted). */
  values: number;
  seconds: number;
}

export interface GenerateOptions {
  scale: number;
  branchesPerCommune: number;
  period: string;
  /** How many submitted reports to prepare for approval. */
  pendingReports: number;
  passwordHash: string;
  log: (line: string) => void;
}

const UNIT_CHUNK = 5000;

/** mulberry32: a small seeded PRNG, so that the pending reports are the same from run to run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Half-year deadlines of the plans: S1 before 13/6, S2 before 13/12. */
function deadlineOf(period: string): string {
  const year = period.slice(0, 4);
  return period.endsWith('S1') ? `${year}-06-13` : `${year}-12-13`;
}

async function insertRows(conn: Connection, sql: string, rows: unknown[][], chunk = UNIT_CHUNK): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await conn.query(sql, [rows.slice(i, i + chunk)]);
  }
}

/**
 * Loads the national data set with bulk SQL into an empty, migrated database: tenants (the central union TW and
 * the 34 provinces of 2025), the hierarchy from @sen/db's reference data (province → communes → 30 branches,
 * scaled), the closure table, one bench admin per tenant (and a central analyst), the bench report form, one
 * report per branch (approved, or submitted with values for the branches the harness will approve) and the
 * counted values (unit_value) of every approved branch — what the engine would have written for them.
 */
export async function generateDataset(conn: Connection, opts: GenerateOptions): Promise<Dataset> {
  const started = Date.now();
  const { period, log } = opts;
  const indicators = benchIndicators();
  const expectedColumns = ['sum', 'count', 'numerator', 'denominator', 'min', 'max', 'weighted_sum', 'weight', 'meeting', 'eligible', 'latest_period', 'latest_value'];
  if (PART_COLUMNS.join(',') !== expectedColumns.join(',')) {
    throw new Error(`bench: the parts columns of @sen/db changed (${PART_COLUMNS.join(', ')}); update bench/src/indicators.ts`);
  }
  await conn.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');

  // ── Tenants and units (explicit ids: parents are known without reading anything back) ──
  const provinces = listProvinces();
  let nextUnitId = 1;
  const tenants: BenchTenant[] = [];
  const unitRows: unknown[][] = [];
  const tenantRows: unknown[][] = [];
  const branchesByTenant = new Map<string, string[]>();
  let communes = 0;
  const unitRow = (tenantId: string, parentId: string | null, u: Pick<UnitSpec, 'name' | 'code' | 'level' | 'kind' | 'validFrom'>): string => {
    const id = String(nextUnitId++);
    unitRows.push([id, tenantId, parentId, u.name, foldVietnamese(u.name), vietnameseSortKey(u.name), u.code, u.level, u.kind, u.validFrom]);
    return id;
  };

  const centralId = '1';
  const centralRoot = unitRow(centralId, null, { name: 'Trung ương Hội LHPN Việt Nam', code: 'TW', level: 'central', kind: 'union', validFrom: null });
  tenantRows.push([centralId, CENTRAL_CODE, 'Trung ương Hội LHPN Việt Nam', 1, JSON.stringify([{ code: 'central', name: 'Trung ương' }]), centralRoot]);
  const central: BenchTenant = { id: centralId, code: CENTRAL_CODE, rootId: centralRoot };

  provinces.forEach((p, i) => {
    const tenantId = String(i + 2);
    const spec = buildProvinceTenant(p.code, { branchesPerCommune: opts.branchesPerCommune, withDepartments: true });
    // Communes (grassroots unions); grassroots-level affiliates (Đà Nẵng's market union) are kept like departments.
    const isCommune = (u: UnitSpec) => u.level === 'grassroots' && u.kind === 'union';
    const all = spec.units.filter(isCommune);
    const keep = Math.max(1, Math.round(all.length * opts.scale));
    const kept = new Set(all.slice(0, keep).map((u) => u.key));
    const idByKey = new Map<string, string>();
    const branches: string[] = [];
    for (const u of spec.units) {
      if (isCommune(u) && !kept.has(u.key)) continue;
      if (u.level === 'branch' && !kept.has(u.parentKey ?? '')) continue;
      const parentId = u.parentKey ? idByKey.get(u.parentKey) ?? null : null;
      if (u.parentKey && !parentId) throw new Error(`bench: unit ${u.key} listed before its parent ${u.parentKey}`);
      const id = unitRow(tenantId, parentId, u);
      idByKey.set(u.key, id);
      if (u.level === 'branch') branches.push(id);
      if (isCommune(u)) communes++;
    }
    const rootId = idByKey.get(spec.code)!;
    tenants.push({ id: tenantId, code: spec.code, rootId });
    tenantRows.push([tenantId, spec.code, spec.name, 0, JSON.stringify(spec.levels), rootId]);
    branchesByTenant.set(tenantId, branches);
  });
  const branchCount = [...branchesByTenant.values()].reduce((n, b) => n + b.length, 0);
  log(`generate: ${tenants.length} provinces + ${CENTRAL_CODE}, ${unitRows.length.toLocaleString('en')} units (${communes.toLocaleString('en')} communes, ${branchCount.toLocaleString('en')} branches)`);

  await insertRows(conn, 'INSERT INTO tenant (id, code, name, is_central, levels, root_unit_id) VALUES ?', tenantRows);
  await insertRows(conn, 'INSERT INTO org_unit (id, tenant_id, parent_id, name, name_folded, sort_key, code, level, kind, valid_from) VALUES ?', unitRows);
  // The closure table: every (ancestor, descendant, depth) path of the tree, computed here from the parent ids
  // (a set-based INSERT … SELECT per generation depends on fresh optimizer statistics of a table just filled).
  const parentOf = new Map<string, string | null>(unitRows.map((r) => [r[0] as string, r[2] as string | null]));
  const closureRows: unknown[][] = [];
  for (const r of unitRows) {
    const id = r[0] as string;
    let ancestor: string | null = id;
    for (let depth = 0; ancestor !== null; depth++) {
      closureRows.push([r[1], ancestor, id, depth]);
      ancestor = parentOf.get(ancestor) ?? null;
    }
  }
  await insertRows(conn, 'INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth) VALUES ?', closureRows, 20_000);
  await conn.query('ANALYZE TABLE tenant, org_unit, org_unit_closure');

  // ── Users: one tenant administrator per province, a central analyst in TW (same argon2id hash: one password) ──
  const userRows: unknown[][] = [[centralId, centralId, CENTRAL_USERNAME, 'Phân tích Trung ương (bench)', opts.passwordHash]];
  const roleRows: unknown[][] = [
    [centralId, centralId, 'tenant_admin', centralRoot],
    [centralId, centralId, 'central_analyst', centralRoot],
  ];
  for (const t of tenants) {
    userRows.push([t.id, t.id, ADMIN_USERNAME, `Quản trị ${t.code} (bench)`, opts.passwordHash]);
    roleRows.push([t.id, t.id, 'tenant_admin', t.rootId]);
  }
  await insertRows(conn, 'INSERT INTO app_user (id, tenant_id, username, display_name, password_hash) VALUES ?', userRows);
  await insertRows(conn, 'INSERT INTO role_assignment (tenant_id, user_id, role, unit_id) VALUES ?', roleRows);

  // ── Indicators: the synthetic ones as tenant indicators; the bench form (branches report the 60) ──
  const synthetic = indicators.filter((i) => i.synthetic);
  await insertRows(
    conn,
    'INSERT INTO tenant_indicator (tenant_id, code, definition) VALUES ?',
    tenants.flatMap((t) => synthetic.map((i) => [t.id, i.code, JSON.stringify(i.def)])),
  );
  await insertRows(
    conn,
    'INSERT INTO report_form (id, tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level, national) VALUES ?',
    tenants.map((t) => [
      t.id,
      t.id,
      FORM_CODE,
      'Báo cáo 6 tháng của chi hội (bộ đo hiệu năng)',
      'half',
      JSON.stringify(indicators.map((i) => i.code)),
      JSON.stringify(period.endsWith('S1') ? { day: 13, month: 6 } : { day: 13, month: 12 }),
      'branch',
      0,
    ]),
  );
  await conn.query('DROP TABLE IF EXISTS bench_indicator');
  await conn.query(
    `CREATE TABLE bench_indicator (idx INT NOT NULL PRIMARY KEY, code VARCHAR(64) NOT NULL, kind VARCHAR(8) NOT NULL,
       lo BIGINT NOT NULL, span BIGINT NOT NULL, weight_idx INT NOT NULL, weight_lo BIGINT NOT NULL, weight_span BIGINT NOT NULL) ENGINE=InnoDB`,
  );
  await insertRows(
    conn,
    'INSERT INTO bench_indicator (idx, code, kind, lo, span, weight_idx, weight_lo, weight_span) VALUES ?',
    indicators.map((i) => [i.idx, i.code, i.kind, i.lo, i.span, i.weight?.idx ?? 0, i.weight?.lo ?? 0, i.weight?.span ?? 1]),
  );

  // ── Reports: every branch has one; the pending ones are submitted, with values ──
  await conn.query('ANALYZE TABLE report_form, bench_indicator, app_user');
  const deadline = deadlineOf(period);
  await conn.query(
    `INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, late, submitted_at, approved_at, approved_by, version)
     SELECT u.tenant_id, f.id, f.code, u.id, ?, 'approved', ?, 0, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3), u.tenant_id, 3
     FROM org_unit u JOIN report_form f ON f.tenant_id = u.tenant_id AND f.code = ?
     WHERE u.level = 'branch' ORDER BY u.id`,
    [period, deadline, FORM_CODE],
  );
  await conn.query('ANALYZE TABLE report');
  const all: { tenantId: string; unitId: string }[] = [];
  for (const [tenantId, branches] of branchesByTenant) for (const unitId of branches) all.push({ tenantId, unitId });
  if (opts.pendingReports > all.length / 2) {
    throw new Error(`bench: ${opts.pendingReports} approvals need more branches than this scale has (${all.length}); raise --scale or lower the rates`);
  }
  const random = prng(20250701);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const chosen = all.slice(0, opts.pendingReports);
  const chosenByTenant = new Map<string, string[]>();
  for (const c of chosen) chosenByTenant.set(c.tenantId, [...(chosenByTenant.get(c.tenantId) ?? []), c.unitId]);
  for (const [tenantId, unitIds] of chosenByTenant) {
    await conn.query(
      `UPDATE report SET status = 'submitted', approved_at = NULL, approved_by = NULL, version = 2
       WHERE tenant_id = ? AND form_id = ? AND unit_id IN (?) AND period = ?`,
      [tenantId, tenantId, unitIds, period],
    );
  }
  await conn.query(
    `INSERT INTO report_value (tenant_id, report_id, indicator_code, category, value, numerator, denominator)
     SELECT r.tenant_id, r.id, i.code, '', ${reportValueSql('r.unit_id').join(', ')}
     FROM report r CROSS JOIN bench_indicator i WHERE r.status = 'submitted' AND r.period = ?`,
    [period],
  );
  const pendingRows: { id: string; tenant_id: string; unit_id: string }[] = (await conn.query("SELECT id, tenant_id, unit_id FROM report WHERE status = 'submitted' AND period = ?", [period]))[0] as never;
  const reportByUnit = new Map(pendingRows.map((r) => [String(r.unit_id), String(r.id)]));
  const codeOf = new Map(tenants.map((t) => [t.id, t.code]));
  const pending = chosen.map((c) => ({ id: reportByUnit.get(c.unitId)!, tenantId: c.tenantId, tenantCode: codeOf.get(c.tenantId)!, unitId: c.unitId }));
  await conn.query('ANALYZE TABLE report, report_value');
  log(`generate: ${(all.length).toLocaleString('en')} reports (${pending.length.toLocaleString('en')} submitted with values, to approve)`);

  // ── Counted values of the approved branches, one tenant per statement ──
  const valuesStarted = Date.now();
  let values = 0;
  for (const t of tenants) {
    const [res] = (await conn.query(
      `INSERT INTO unit_value (tenant_id, period, indicator_code, unit_id, report_id, report_version, ${PART_COLUMNS.join(', ')})
       SELECT r.tenant_id, r.period, i.code, r.unit_id, r.id, r.version, ${partsSql('r.unit_id').join(', ')}
       FROM bench_indicator i CROSS JOIN report r
       WHERE r.tenant_id = ? AND r.period = ? AND r.status = 'approved'
       ORDER BY i.code, r.unit_id`,
      [t.id, period],
    )) as unknown as [{ affectedRows: number }];
    values += res.affectedRows;
  }
  log(`generate: ${values.toLocaleString('en')} counted values in ${((Date.now() - valuesStarted) / 1000).toFixed(1)} s`);

  // Fresh statistics, as a database that has lived with its data has: the engine's plans depend on them.
  await conn.query('ANALYZE TABLE report, report_value, unit_value');
  await checkAgainstEngine(conn, pending.slice(0, 3), indicators.map((i) => i.def), period);
  return {
    tenants,
    central,
    units: unitRows.length,
    communes,
    branches: branchCount,
    pending,
    values,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * The bulk SQL must write what the engine would: for a few pending reports, the parts that partsOf of
 * @sen/indicators gives for their report values equal the parts the bulk SQL writes for an approved branch.
 */
async function checkAgainstEngine(conn: Connection, sample: PendingReport[], defs: IndicatorDefinition[], period: string): Promise<void> {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  for (const report of sample) {
    const [valueRows] = (await conn.query("SELECT indicator_code, value, numerator, denominator FROM report_value WHERE tenant_id = ? AND report_id = ? AND category = ''", [
      report.tenantId,
      report.id,
    ])) as unknown as [{ indicator_code: string; value: string | null; numerator: string | null; denominator: string | null }[]];
    const [sqlRows] = (await conn.query(
      `SELECT i.code, ${partsSql('r.unit_id').map((e, k) => `${e} AS ${PART_COLUMNS[k]}`).join(', ')}
       FROM bench_indicator i CROSS JOIN report r WHERE r.tenant_id = ? AND r.id = ?`,
      [report.tenantId, report.id],
    )) as unknown as [Record<string, unknown>[]];
    const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const valueBy = new Map(valueRows.map((r) => [r.indicator_code, r]));
    for (const row of sqlRows) {
      const code = String(row.code);
      const def = byCode.get(code)!;
      const v = valueBy.get(code)!;
      const weightRow = def.weightIndicator ? valueBy.get(def.weightIndicator) : undefined;
      const parts: RollupParts = partsOf(def, { value: n(v.value), numerator: n(v.numerator), denominator: n(v.denominator), weight: n(weightRow?.value), level: 'branch', period });
      const fields: [keyof RollupParts, string][] = [
        ['sum', 'sum'],
        ['count', 'count'],
        ['numerator', 'numerator'],
        ['denominator', 'denominator'],
        ['min', 'min'],
        ['max', 'max'],
        ['weightedSum', 'weighted_sum'],
        ['weight', 'weight'],
        ['meeting', 'meeting'],
        ['eligible', 'eligible'],
      ];
      for (const [field, column] of fields) {
        const a = parts[field] as number | null;
        const b = n(row[column]);
        if ((a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) > 1e-3)) {
          throw new Error(`bench: the generator's counted value of ${code}.${column} (${String(b)}) differs from @sen/indicators partsOf (${String(a)})`);
        }
      }
    }
  }
}
