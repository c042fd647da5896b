/**
 * Demo and onboarding hierarchies as plain data, built from the real administrative units in `data/`
 * (see `admin-units.ts`). Pure functions: no database access; the seeder inserts the result.
 *
 * - `buildDemoTenant('TW' | 'HN' | 'DN')`: the three demo tenants, HN and DN with their 2023–2025 history
 *   (former districts and communes abolished on 1 July 2025, the merges that replaced them, Quảng Nam absorbed
 *   by Đà Nẵng).
 * - `buildProvinceTenant(code)`: the 2025 structure (province / grassroots / branch) of any of the 34 provinces,
 *   optionally with the same history.
 * - `exportUnitsCsv(spec)` and `generateImportCsv(rows, prefix)`: files in the unit-import format.
 *
 * Keys are stable and unique within a tenant: root 'HN'; department 'HN-BAN-TG'; 2025 commune 'HN-C-00004';
 * its branches 'HN-C-00004-B03'; former district 'HN-D-001'; former commune 'HN-OC-00001'; former province
 * 'DN-P-49'. Codes are the official ones where they exist (province '01', commune '00004', district '001'),
 * except former communes, whose codes the 2025 communes reuse: they get 'OLD-00001'. Units are listed parents
 * first.
 */
import { loadCommunes2025, loadLegacyMap, loadProvinces2025, splitUnitName } from './admin-units';
import type { Commune2025, LegacyMapRow, Province2025 } from './admin-units';

export type UnitLevelCode = 'central' | 'province' | 'district' | 'grassroots' | 'branch' | 'group';
export type UnitKindCode = 'union' | 'department' | 'affiliate';

export interface UnitSpec {
  /** Unique within the tenant, stable (e.g. 'HN', 'HN-D-001', 'HN-C-00004', 'HN-C-00004-B03', 'HN-BAN-TG'). */
  key: string;
  parentKey: string | null;
  /** Vietnamese, e.g. 'Hội LHPN phường Ba Đình', 'Ban Tuyên giáo', 'Chi hội tổ dân phố số 3'. */
  name: string;
  /** Admin code where one exists (commune code '00004'), else a generated one; unique within the tenant. */
  code: string | null;
  /** 'central' is used only by the central tenant (TW). */
  level: UnitLevelCode;
  kind: UnitKindCode;
  /** ISO date. */
  validFrom: string | null;
  /** ISO date; '2025-06-30' for units abolished on 1 July 2025. */
  validTo: string | null;
  /** For abolished units: the units that took them over. */
  successorKeys?: string[];
}

export interface UnitEventSpec {
  type: 'merge' | 'dissolve' | 'absorb';
  effectiveFrom: string;
  sourceKeys: string[];
  targetKey: string;
  note: string;
}

export interface DemoTenantSpec {
  code: string;
  name: string;
  levels: { code: string; name: string }[];
  units: UnitSpec[];
  events: UnitEventSpec[];
}

export interface ProvinceTenantOptions {
  /** Branches (chi hội) generated under each 2025 commune; default 8. Use 30 for national-scale benchmarks. */
  branchesPerCommune?: number;
  /** Tenant code; default the province's usual abbreviation (HN, DN, HCM, …, see `listProvinces()`). */
  tenantCode?: string;
  /** Add the former districts and communes (to 2025-06-30), former provinces, and merge/dissolve/absorb events. */
  withHistory?: boolean;
  /** Add the union's departments (and affiliates); default true. */
  withDepartments?: boolean;
}

export const REFORM_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';
export const DEFAULT_BRANCHES_PER_COMMUNE = 8;

/** Tenant codes of the 34 provinces (official province code → tenant code). */
const TENANT_CODES: Record<string, string> = {
  '01': 'HN', '04': 'CB', '08': 'TQ', '11': 'DB', '12': 'LC', '14': 'SL', '15': 'LCA', '19': 'TN', '20': 'LS',
  '22': 'QNI', '24': 'BN', '25': 'PT', '31': 'HP', '33': 'HY', '37': 'NB', '38': 'TH', '40': 'NA', '42': 'HT',
  '44': 'QT', '46': 'HUE', '48': 'DN', '51': 'QNG', '52': 'GL', '56': 'KH', '66': 'DL', '68': 'LD', '75': 'DNA',
  '79': 'HCM', '80': 'TNI', '82': 'DT', '86': 'VL', '91': 'AG', '92': 'CT', '96': 'CM',
};

export interface ProvinceListItem {
  /** Official code: '01'. */
  code: string;
  /** 'HN'. */
  tenantCode: string;
  /** 'Thành phố Hà Nội'. */
  name: string;
  shortName: string;
  /** 'Hội LHPN thành phố Hà Nội'. */
  unionName: string;
  communeCount: number;
  mergedFrom: string[];
}

/** The 34 provinces of 2025 as tenants-to-be, ordered by official code. */
export function listProvinces(): ProvinceListItem[] {
  return loadProvinces2025().map((p) => ({
    code: p.code,
    tenantCode: tenantCodeOf(p.code),
    name: p.name,
    shortName: p.shortName,
    unionName: unionName(p.name),
    communeCount: p.communeCount,
    mergedFrom: [...p.mergedFrom],
  }));
}

function tenantCodeOf(provinceCode: string): string {
  const code = TENANT_CODES[provinceCode];
  if (!code) throw new Error(`no tenant code for province ${provinceCode}`);
  return code;
}

/** 'Phường Cầu Giấy' → 'Hội LHPN phường Cầu Giấy'; 'Thành phố Hà Nội' → 'Hội LHPN thành phố Hà Nội'. */
export function unionName(adminName: string): string {
  const split = splitUnitName(adminName);
  return split ? `Hội LHPN ${split.type.toLocaleLowerCase('vi')} ${split.rest}` : `Hội LHPN ${adminName}`;
}

/** 'Chi hội tổ dân phố số 3' (phường), 'Chi hội thôn 3' (xã), 'Chi hội khu dân cư số 3' (đặc khu). */
export function branchName(communeType: Commune2025['type'], n: number): string {
  if (communeType === 'Phường') return `Chi hội tổ dân phố số ${n}`;
  if (communeType === 'Xã') return `Chi hội thôn ${n}`;
  return `Chi hội khu dân cư số ${n}`;
}

interface DepartmentDef {
  suffix: string;
  code: string;
  name: string;
  kind: UnitKindCode;
  level?: UnitLevelCode;
}

/** Departments of Hà Nội's union, as the seed plans name them (000, 001, 002, 004). */
const HN_DEPARTMENTS: DepartmentDef[] = [
  { suffix: 'VP', code: 'VP', name: 'Văn phòng', kind: 'department' },
  { suffix: 'BAN-TCKT', code: 'BAN-TCKT', name: 'Ban Tổ chức - Kiểm tra', kind: 'department' },
  { suffix: 'BAN-TG', code: 'BAN-TG', name: 'Ban Tuyên giáo', kind: 'department' },
  { suffix: 'BAN-HTPNPTKT', code: 'BAN-HTPNPTKT', name: 'Ban Hỗ trợ phụ nữ phát triển kinh tế', kind: 'department' },
  { suffix: 'BAN-GDXH', code: 'BAN-GDXH', name: 'Ban Gia đình - Xã hội', kind: 'department' },
  { suffix: 'BAN-LPCS', code: 'BAN-LPCS', name: 'Ban Luật pháp - Chính sách', kind: 'department' },
  {
    suffix: 'TT-GDNN',
    code: 'TT-GDNN',
    name: 'Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội',
    kind: 'department',
  },
  { suffix: 'BAO-PNTD', code: 'BAO-PNTD', name: 'Báo Phụ nữ Thủ đô', kind: 'department' },
  { suffix: 'TV-NTT', code: 'TV-NTT', name: 'Hội Nữ trí thức Hà Nội', kind: 'affiliate' },
  { suffix: 'TV-DNNVV', code: 'TV-DNNVV', name: 'Hội Nữ doanh nghiệp nhỏ và vừa Hà Nội', kind: 'affiliate' },
  { suffix: 'TV-HHNDN', code: 'TV-HHNDN', name: 'Hiệp hội Nữ doanh nhân thành phố Hà Nội', kind: 'affiliate' },
  { suffix: 'TV-CLBDNN', code: 'TV-CLBDNN', name: 'Câu lạc bộ Doanh nhân nữ Hà Nội', kind: 'affiliate' },
];

/** Departments of Đà Nẵng's union, as seed 003 names them. */
const DN_DEPARTMENTS: DepartmentDef[] = [
  { suffix: 'VP', code: 'VP', name: 'Văn phòng', kind: 'department' },
  { suffix: 'BAN-XDTCH', code: 'BAN-XDTCH', name: 'Ban Xây dựng Tổ chức Hội', kind: 'department' },
  { suffix: 'BAN-TGCSPL', code: 'BAN-TGCSPL', name: 'Ban Tuyên giáo - Chính sách - Pháp luật', kind: 'department' },
  { suffix: 'BAN-GDXHKT', code: 'BAN-GDXHKT', name: 'Ban Gia đình - Xã hội - Kinh tế', kind: 'department' },
  { suffix: 'TV-HHNDN', code: 'TV-HHNDN', name: 'Hiệp hội Nữ doanh nhân thành phố Đà Nẵng', kind: 'affiliate' },
  {
    suffix: 'DV-CHO',
    code: 'DV-CHO',
    name: 'Hội LHPN Công ty quản lý và phát triển các chợ Đà Nẵng',
    kind: 'affiliate',
    level: 'grassroots',
  },
];

/** The usual departments of a provincial union, for the provinces without seed documents. */
const GENERIC_DEPARTMENTS: DepartmentDef[] = [
  { suffix: 'VP', code: 'VP', name: 'Văn phòng', kind: 'department' },
  { suffix: 'BAN-TCKT', code: 'BAN-TCKT', name: 'Ban Tổ chức - Kiểm tra', kind: 'department' },
  { suffix: 'BAN-TG', code: 'BAN-TG', name: 'Ban Tuyên giáo', kind: 'department' },
  { suffix: 'BAN-CSLP', code: 'BAN-CSLP', name: 'Ban Chính sách - Luật pháp', kind: 'department' },
  { suffix: 'BAN-GDXH', code: 'BAN-GDXH', name: 'Ban Gia đình - Xã hội', kind: 'department' },
  { suffix: 'BAN-HTPNPTKT', code: 'BAN-HTPNPTKT', name: 'Ban Hỗ trợ phụ nữ phát triển kinh tế', kind: 'department' },
];

/** Central departments and attached units of Trung ương Hội LHPN Việt Nam. */
const TW_DEPARTMENTS: DepartmentDef[] = [
  { suffix: 'VP', code: 'VP', name: 'Văn phòng Trung ương Hội', kind: 'department' },
  { suffix: 'BAN-TC', code: 'BAN-TC', name: 'Ban Tổ chức', kind: 'department' },
  { suffix: 'BAN-TG', code: 'BAN-TG', name: 'Ban Tuyên giáo', kind: 'department' },
  { suffix: 'BAN-KT', code: 'BAN-KT', name: 'Ban Kiểm tra', kind: 'department' },
  { suffix: 'BAN-CSLP', code: 'BAN-CSLP', name: 'Ban Chính sách - Luật pháp', kind: 'department' },
  { suffix: 'BAN-GDXH', code: 'BAN-GDXH', name: 'Ban Gia đình - Xã hội', kind: 'department' },
  { suffix: 'BAN-HTPNPTKT', code: 'BAN-HTPNPTKT', name: 'Ban Hỗ trợ phụ nữ phát triển kinh tế', kind: 'department' },
  { suffix: 'BAN-QT', code: 'BAN-QT', name: 'Ban Quốc tế', kind: 'department' },
  { suffix: 'BAO-PNVN', code: 'BAO-PNVN', name: 'Báo Phụ nữ Việt Nam', kind: 'department' },
  { suffix: 'HV-PNVN', code: 'HV-PNVN', name: 'Học viện Phụ nữ Việt Nam', kind: 'affiliate' },
  { suffix: 'NXB-PN', code: 'NXB-PN', name: 'Nhà xuất bản Phụ nữ Việt Nam', kind: 'affiliate' },
  { suffix: 'BT-PNVN', code: 'BT-PNVN', name: 'Bảo tàng Phụ nữ Việt Nam', kind: 'affiliate' },
];

const DEPARTMENTS_BY_TENANT: Record<string, DepartmentDef[]> = { HN: HN_DEPARTMENTS, DN: DN_DEPARTMENTS };

function departmentUnits(tenantCode: string, rootKey: string, rootLevel: UnitLevelCode, defs: DepartmentDef[]): UnitSpec[] {
  return defs.map((d) => ({
    key: `${tenantCode}-${d.suffix}`,
    parentKey: rootKey,
    name: d.name,
    code: d.code,
    level: d.level ?? rootLevel,
    kind: d.kind,
    validFrom: null,
    validTo: null,
  }));
}

function findProvince(provinceCodeOrTenantCode: string): Province2025 {
  const wanted = provinceCodeOrTenantCode.trim().toUpperCase();
  const provinces = loadProvinces2025();
  const byCode = /^\d+$/.test(wanted) ? provinces.find((p) => p.code === wanted.padStart(2, '0')) : undefined;
  const found = byCode ?? provinces.find((p) => TENANT_CODES[p.code] === wanted);
  if (!found) throw new Error(`unknown province "${provinceCodeOrTenantCode}": give an official code ('01') or a tenant code ('HN')`);
  return found;
}

const communeKey = (t: string, code: string): string => `${t}-C-${code}`;
const districtKey = (t: string, code: string): string => `${t}-D-${code}`;
const oldCommuneKey = (t: string, code: string): string => `${t}-OC-${code}`;
const oldProvinceKey = (t: string, code: string): string => `${t}-P-${code}`;

function communeLevelName(communes: readonly Commune2025[]): string {
  return communes.some((c) => c.type === 'Đặc khu') ? 'Xã, phường, đặc khu' : 'Xã, phường';
}

/**
 * The 2025 structure of one province: the root union, its departments, every commune-level union
 * (from 2025-07-01, directly under the root) with `branchesPerCommune` branches each; with `withHistory`
 * also the former districts and communes and the events that replaced them.
 */
export function buildProvinceTenant(provinceCode: string, options: ProvinceTenantOptions = {}): DemoTenantSpec {
  const province = findProvince(provinceCode);
  const t = options.tenantCode ?? tenantCodeOf(province.code);
  const branchesPerCommune = options.branchesPerCommune ?? DEFAULT_BRANCHES_PER_COMMUNE;
  if (!Number.isInteger(branchesPerCommune) || branchesPerCommune < 0) {
    throw new Error(`branchesPerCommune must be a whole number ≥ 0, got ${branchesPerCommune}`);
  }
  const communes = loadCommunes2025().filter((c) => c.provinceCode === province.code);
  const rootKey = t;
  const root: UnitSpec = {
    key: rootKey,
    parentKey: null,
    name: unionName(province.name),
    code: province.code,
    level: 'province',
    kind: 'union',
    validFrom: null,
    validTo: null,
  };

  const units: UnitSpec[] = [root];
  if (options.withDepartments ?? true) {
    units.push(...departmentUnits(t, rootKey, 'province', DEPARTMENTS_BY_TENANT[t] ?? GENERIC_DEPARTMENTS));
  }

  const events: UnitEventSpec[] = [];
  const levels = [{ code: 'province', name: province.type === 'Thành phố' ? 'Thành phố' : 'Tỉnh' }];
  if (options.withHistory) {
    const history = buildHistory(t, province, rootKey);
    units.push(...history.units);
    events.push(...history.events);
    levels.push({ code: 'district', name: history.districtLevelName });
  }
  levels.push({ code: 'grassroots', name: communeLevelName(communes) }, { code: 'branch', name: 'Chi hội' });

  const width = Math.max(2, String(branchesPerCommune).length);
  for (const c of communes) {
    const key = communeKey(t, c.code);
    units.push({
      key,
      parentKey: rootKey,
      name: unionName(c.name),
      code: c.code,
      level: 'grassroots',
      kind: 'union',
      validFrom: REFORM_DATE,
      validTo: null,
    });
    for (let i = 1; i <= branchesPerCommune; i++) {
      const n = String(i).padStart(width, '0');
      units.push({
        key: `${key}-B${n}`,
        parentKey: key,
        name: branchName(c.type, i),
        code: `${c.code}-B${n}`,
        level: 'branch',
        kind: 'union',
        validFrom: REFORM_DATE,
        validTo: null,
      });
    }
  }

  return { code: t, name: root.name, levels, units, events };
}

interface History {
  units: UnitSpec[];
  events: UnitEventSpec[];
  districtLevelName: string;
}

/** Former provinces, districts and communes that became part of `province` on 1 July 2025, and the events. */
function buildHistory(t: string, province: Province2025, rootKey: string): History {
  const rows = loadLegacyMap().filter((r) => r.newProvince.code === province.code);
  const units: UnitSpec[] = [];
  const events: UnitEventSpec[] = [];

  const provinces = new Map<string, LegacyMapRow['oldProvince']>();
  const districts = new Map<string, { row: LegacyMapRow; successors: Set<string> }>();
  const communes = new Map<string, { row: LegacyMapRow; successors: Set<string> }>();
  const sourcesOf = new Map<string, { key: string; name: string; partial: boolean }[]>();
  const newCommuneNames = new Map<string, string>();

  for (const r of rows) {
    if (r.oldProvince.code !== province.code) provinces.set(r.oldProvince.code, r.oldProvince);
    const target = communeKey(t, r.newCommune.code);
    newCommuneNames.set(target, r.newCommune.name);
    const d = districts.get(r.oldDistrict.code) ?? { row: r, successors: new Set<string>() };
    d.successors.add(target);
    districts.set(r.oldDistrict.code, d);
    let source: { key: string; name: string; partial: boolean };
    if (r.oldCommune) {
      const c = communes.get(r.oldCommune.code) ?? { row: r, successors: new Set<string>() };
      c.successors.add(target);
      communes.set(r.oldCommune.code, c);
      source = { key: oldCommuneKey(t, r.oldCommune.code), name: r.oldCommune.name, partial: r.isDividedWard };
    } else {
      // An island district without communes became a đặc khu by itself.
      source = { key: districtKey(t, r.oldDistrict.code), name: r.oldDistrict.name, partial: false };
    }
    const list = sourcesOf.get(target) ?? [];
    if (!list.some((s) => s.key === source.key)) list.push(source);
    sourcesOf.set(target, list);
  }

  const byCode = <V>(m: Map<string, V>): [string, V][] => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

  for (const [code, p] of byCode(provinces)) {
    const key = oldProvinceKey(t, code);
    units.push({
      key,
      // Under today's root, closed, as tenant absorption leaves an absorbed province: its former units' values
      // of the periods before the merger roll up into today's province (the folded comparison).
      parentKey: rootKey,
      name: unionName(p.name),
      code,
      level: 'province',
      kind: 'union',
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
      successorKeys: [rootKey],
    });
    events.push({
      type: 'absorb',
      effectiveFrom: REFORM_DATE,
      sourceKeys: [key],
      targetKey: rootKey,
      note: `${unionName(p.name)} hợp nhất vào ${unionName(province.name)} từ ngày 01/7/2025`,
    });
  }

  const districtTypes = new Set<string>();
  for (const [code, { row, successors }] of byCode(districts)) {
    districtTypes.add(row.oldDistrict.type);
    const key = districtKey(t, code);
    units.push({
      key,
      parentKey: row.oldProvince.code === province.code ? rootKey : oldProvinceKey(t, row.oldProvince.code),
      name: unionName(row.oldDistrict.name),
      code,
      level: 'district',
      kind: 'union',
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
      successorKeys: [...successors].sort(),
    });
    events.push({
      type: 'dissolve',
      effectiveFrom: REFORM_DATE,
      sourceKeys: [key],
      targetKey: rootKey,
      note: `Kết thúc hoạt động ${unionName(row.oldDistrict.name)} (bỏ cấp huyện từ ngày 01/7/2025)`,
    });
  }

  for (const [code, { row, successors }] of byCode(communes)) {
    units.push({
      key: oldCommuneKey(t, code),
      parentKey: districtKey(t, row.oldDistrict.code),
      name: unionName(row.oldCommune!.name),
      code: `OLD-${code}`,
      level: 'grassroots',
      kind: 'union',
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
      successorKeys: [...successors].sort(),
    });
  }

  for (const [target, sources] of byCode(sourcesOf)) {
    const name = newCommuneNames.get(target)!;
    const list = sources.map((s) => (s.partial ? `${s.name} (một phần)` : s.name)).join(', ');
    events.push({
      type: 'merge',
      effectiveFrom: REFORM_DATE,
      sourceKeys: sources.map((s) => s.key),
      targetKey: target,
      note: sources.length === 1 && !sources[0]!.partial ? `${name} tiếp nối ${list}` : `${name} được thành lập từ ${list}`,
    });
  }

  const order = ['Quận', 'Huyện', 'Thị xã', 'Thành phố'];
  const present = order.filter((x) => districtTypes.has(x)).map((x) => x.toLocaleLowerCase('vi'));
  const districtLevelName = present.length > 0 ? present.join(', ').replace(/^./, (c) => c.toUpperCase()) : 'Quận, huyện';
  return { units, events, districtLevelName };
}

/**
 * The demo tenants: TW (central union, its departments), HN and DN (2025 structure with branches, and the
 * 2023–2025 history: former districts and communes to 2025-06-30, merge/dissolve events, and for DN the
 * absorption of Quảng Nam).
 */
export function buildDemoTenant(code: 'TW' | 'HN' | 'DN', options: { branchesPerCommune?: number } = {}): DemoTenantSpec {
  if (code === 'TW') {
    const root: UnitSpec = {
      key: 'TW',
      parentKey: null,
      name: 'Trung ương Hội LHPN Việt Nam',
      code: 'TW',
      level: 'central',
      kind: 'union',
      validFrom: null,
      validTo: null,
    };
    return {
      code: 'TW',
      name: 'Trung ương Hội LHPN Việt Nam',
      levels: [{ code: 'central', name: 'Trung ương' }],
      units: [root, ...departmentUnits('TW', 'TW', 'central', TW_DEPARTMENTS)],
      events: [],
    };
  }
  return buildProvinceTenant(code === 'HN' ? '01' : '48', {
    tenantCode: code,
    branchesPerCommune: options.branchesPerCommune,
    withHistory: true,
  });
}

export const IMPORT_CSV_HEADER = 'code,name,level,kind,parent code';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',');
}

export interface ExportUnitsCsvOptions {
  /** Include the root (with an empty parent code); default false: the root's children get an empty parent code. */
  includeRoot?: boolean;
  /** Include units that are no longer valid (validTo set); default false. */
  includeHistory?: boolean;
}

/**
 * The units of a spec in the import format (`code,name,level,kind,parent code`), parents before children.
 * An empty parent code means "directly under the tenant's root". Lines end with '\n'.
 */
export function exportUnitsCsv(spec: DemoTenantSpec, options: ExportUnitsCsvOptions = {}): string {
  const byKey = new Map(spec.units.map((u) => [u.key, u]));
  const included = spec.units.filter(
    (u) => (options.includeRoot || u.parentKey !== null) && (options.includeHistory || u.validTo === null),
  );
  const includedKeys = new Set(included.map((u) => u.key));
  const lines = [IMPORT_CSV_HEADER];
  for (const u of included) {
    const parent = u.parentKey !== null && includedKeys.has(u.parentKey) ? byKey.get(u.parentKey) : undefined;
    lines.push(csvLine([u.code ?? u.key, u.name, u.level, u.kind, parent ? (parent.code ?? parent.key) : '']));
  }
  return lines.join('\n') + '\n';
}

export interface GenerateImportCsvOptions {
  /** Branches under each generated grassroots unit; default 9 (so 2,000 rows = 200 communes + 1,800 branches). */
  branchesPerUnit?: number;
  /** Give every 100th commune a name with a comma and quotes, written as a quoted CSV field; default true. */
  withQuotedNames?: boolean;
}

/**
 * A valid import file of exactly `rows` units below the tenant's root: grassroots units (empty parent code)
 * each followed by its branches. Codes are `${tenantPrefix}-G0001`, `${tenantPrefix}-G0001-B01`, unique.
 */
export function generateImportCsv(rows: number, tenantPrefix: string, options: GenerateImportCsvOptions = {}): string {
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`rows must be a whole number ≥ 0, got ${rows}`);
  const perUnit = options.branchesPerUnit ?? 9;
  const withQuoted = options.withQuotedNames ?? true;
  const unitCount = Math.ceil(rows / (perUnit + 1));
  const gWidth = Math.max(4, String(unitCount).length);
  const bWidth = Math.max(2, String(perUnit).length);
  const lines = [IMPORT_CSV_HEADER];
  let written = 0;
  for (let g = 1; written < rows; g++) {
    const ward = g % 2 === 0;
    const gCode = `${tenantPrefix}-G${String(g).padStart(gWidth, '0')}`;
    const place = withQuoted && g % 100 === 0 ? `Thử nghiệm ${g}, khu "Đông"` : `Thử nghiệm ${g}`;
    lines.push(csvLine([gCode, `Hội LHPN ${ward ? 'phường' : 'xã'} ${place}`, 'grassroots', 'union', '']));
    written++;
    for (let b = 1; b <= perUnit && written < rows; b++) {
      lines.push(csvLine([`${gCode}-B${String(b).padStart(bWidth, '0')}`, branchName(ward ? 'Phường' : 'Xã', b), 'branch', 'union', gCode]));
      written++;
    }
  }
  return lines.join('\n') + '\n';
}
