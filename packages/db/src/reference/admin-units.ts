/**
 * Vietnam's administrative units, read from the public CSV files in `packages/db/data/` (see its README):
 * the 34 provinces and 3,321 commune-level units from 1 July 2025, and the map from every old commune
 * (63 provinces, districts) to the new commune it became part of.
 *
 * The loaders normalise what the files write inconsistently: codes are padded to their official width
 * (province 2 digits, district 3, commune 5), text is NFC, a unit's type follows its name when the two
 * disagree, and type prefixes are cased the usual way ("Thị trấn", not "Thị Trấn"). Each file is parsed once
 * per process and the result cached: treat the returned arrays as read-only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';

export type CommuneType2025 = 'Xã' | 'Phường' | 'Đặc khu';
export type LegacyDistrictType = 'Quận' | 'Huyện' | 'Thị xã' | 'Thành phố';
export type LegacyCommuneType = 'Xã' | 'Phường' | 'Thị trấn';
export type ProvinceType = 'Tỉnh' | 'Thành phố';

export interface Province2025 {
  /** Official code, 2 digits: '01' Hà Nội, '48' Đà Nẵng, '79' Hồ Chí Minh. */
  code: string;
  /** The province list's own number (`mahc`, 1–34; Hà Nội 1, Cao Bằng 7): not the official code. */
  serial: number;
  /** 'Thành phố Hà Nội', 'Tỉnh Cao Bằng' (as in the commune lists). */
  name: string;
  /** As the province list writes it: 'Thủ đô Hà Nội', 'tỉnh Cao Bằng'. */
  listedName: string;
  /** 'Hà Nội', 'Cao Bằng'. */
  shortName: string;
  type: ProvinceType;
  /** Short names of the old provinces merged into it ('Quảng Nam', 'Đà Nẵng'); empty when it was not merged. */
  mergedFrom: string[];
  /** Commune-level units from 1 July 2025, as the province list states it (126 for Hà Nội). */
  communeCount: number;
  communeCountByType: Record<CommuneType2025, number>;
  areaKm2: number;
  population: number;
  /** Administrative seat: 'giữ nguyên' (unchanged) or the old province whose seat it kept, e.g. 'Tuyên Quang (cũ)'. */
  seat: string;
  lat: number;
  lon: number;
}

export interface Commune2025 {
  provinceCode: string;
  provinceName: string;
  provinceShortName: string;
  /** Official code, 5 digits: '00004' (Phường Ba Đình). */
  code: string;
  /** 'Phường Ba Đình'. */
  name: string;
  /** 'Ba Đình'. */
  shortName: string;
  type: CommuneType2025;
  lat: number;
  lon: number;
  areaKm2: number;
}

export interface LegacyMapRow {
  oldProvince: { code: string; name: string };
  /** The old province was merged with others on 1 July 2025. */
  isMergedProvince: boolean;
  oldDistrict: { code: string; name: string; shortName: string; type: LegacyDistrictType };
  /** Null for the five island districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo). */
  oldCommune: { code: string; name: string; shortName: string; type: LegacyCommuneType } | null;
  newProvince: { code: string; name: string };
  newCommune: { code: string; name: string; shortName: string; type: CommuneType2025 };
  /** The old commune was merged with others (false: it became a new commune alone). */
  isMergedWard: boolean;
  /** The old commune was divided: it has one row per new commune that received part of it. */
  isDividedWard: boolean;
}

/** `packages/db/data`, from `src/reference` (jest, ts-node) and from `dist/reference` (built) alike. */
export function referenceDataDir(): string {
  return path.join(__dirname, '../../data');
}

type CsvRecord = Record<string, string>;

function readCsv(file: string): CsvRecord[] {
  const text = fs.readFileSync(path.join(referenceDataDir(), file), 'utf8');
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as CsvRecord[];
  for (const record of records) {
    for (const key of Object.keys(record)) record[key] = (record[key] ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  }
  return records;
}

function field(record: CsvRecord, name: string): string {
  const value = record[name];
  if (value === undefined) throw new Error(`reference data: column "${name}" is missing`);
  return value;
}

/** '1', '1.0', '01' → '01' (width 2); '97' → '00097' (width 5). */
export function padCode(raw: string, width: number): string {
  const trimmed = raw.trim();
  if (trimmed === '') return '';
  const digits = /^\d+(\.0+)?$/.test(trimmed) ? String(parseInt(trimmed, 10)) : trimmed;
  return digits.padStart(width, '0');
}

/** '3.359,80' → 3359.8; '8.718.000' → 8718000; '15.09' (plain decimal) → 15.09. */
function parseVietnameseNumber(raw: string): number {
  const s = raw.trim();
  if (s.includes(',')) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  return Number(s);
}

const TYPE_PREFIXES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'] as const;
const LOWER_PREFIXES = TYPE_PREFIXES.map((type) => [type, type.toLowerCase() + ' '] as const);

/**
 * Splits a unit name into its type prefix and the rest, normalising the prefix's casing:
 * 'Thị Trấn Ái Tử' → { type: 'Thị trấn', rest: 'Ái Tử', name: 'Thị trấn Ái Tử' }. Null when there is no known prefix.
 */
export function splitUnitName(name: string): { type: (typeof TYPE_PREFIXES)[number]; rest: string; name: string } | null {
  const lower = name.toLowerCase();
  for (const [type, prefix] of LOWER_PREFIXES) {
    if (lower.startsWith(prefix)) {
      const rest = name.slice(prefix.length).trim();
      return { type, rest, name: `${type} ${rest}` };
    }
  }
  return null;
}

/** The type that a unit's name states, falling back to the type column; the name with a normalised prefix. */
function typed<T extends string>(name: string, typeColumn: string, allowed: readonly T[]): { name: string; shortName: string; type: T } {
  const split = splitUnitName(name);
  if (split && (allowed as readonly string[]).includes(split.type)) {
    return { name: split.name, shortName: split.rest, type: split.type as T };
  }
  const column = typeColumn.toLowerCase();
  const fromColumn = allowed.find((t) => t.toLowerCase() === column);
  if (!fromColumn) throw new Error(`reference data: unknown unit type "${typeColumn}" for "${name}"`);
  return { name, shortName: split ? split.rest : name, type: fromColumn };
}

const COMMUNE_TYPES_2025: readonly CommuneType2025[] = ['Xã', 'Phường', 'Đặc khu'];
const LEGACY_DISTRICT_TYPES: readonly LegacyDistrictType[] = ['Quận', 'Huyện', 'Thị xã', 'Thành phố'];
const LEGACY_COMMUNE_TYPES: readonly LegacyCommuneType[] = ['Xã', 'Phường', 'Thị trấn'];

let communesCache: Commune2025[] | undefined;
let provincesCache: Province2025[] | undefined;
let legacyCache: LegacyMapRow[] | undefined;

/** The 3,321 commune-level units (xã, phường, đặc khu) from 1 July 2025, in the file's order (by province). */
export function loadCommunes2025(): readonly Commune2025[] {
  if (communesCache) return communesCache;
  communesCache = readCsv('vn-units-2025.csv').map((r) => {
    const { name, shortName, type } = typed(field(r, 'ward'), field(r, 'wardType'), COMMUNE_TYPES_2025);
    const province = splitUnitName(field(r, 'province'));
    return {
      provinceCode: padCode(field(r, 'provinceCode'), 2),
      provinceName: province ? province.name : field(r, 'province'),
      provinceShortName: field(r, 'provinceShort'),
      code: padCode(field(r, 'wardCode'), 5),
      name,
      shortName: field(r, 'wardShort') || shortName,
      type,
      lat: Number(field(r, 'wardLat')),
      lon: Number(field(r, 'wardLon')),
      areaKm2: Number(field(r, 'wardAreaKm2')),
    };
  });
  return communesCache;
}

function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** 'tỉnh Hà Giang và tỉnh Tuyên Quang' → ['Hà Giang', 'Tuyên Quang']; 'TPHCM, …' → ['Hồ Chí Minh', …]. */
function parseMergedFrom(raw: string): string[] {
  if (foldKey(raw) === 'khong sap nhap' || raw === '') return [];
  return raw
    .split(/,\s*|\s+và\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      if (/^TP\.?\s*HCM$/i.test(part)) return 'Hồ Chí Minh';
      const split = splitUnitName(part);
      return split ? split.rest : part;
    });
}

/** The 34 provinces from 1 July 2025, with their official codes, ordered by code. */
export function loadProvinces2025(): readonly Province2025[] {
  if (provincesCache) return provincesCache;
  const byShortName = new Map<string, Commune2025[]>();
  for (const c of loadCommunes2025()) {
    const key = foldKey(c.provinceShortName);
    const list = byShortName.get(key) ?? [];
    list.push(c);
    byShortName.set(key, list);
  }
  provincesCache = readCsv('vn-provinces-2025.csv')
    .map((r): Province2025 => {
      const listedName = field(r, 'tentinh');
      const split = splitUnitName(listedName.replace(/^Thủ đô\s+/i, 'Thành phố '));
      const shortName = split ? split.rest : listedName;
      const communes = byShortName.get(foldKey(shortName));
      if (!communes || communes.length === 0) throw new Error(`reference data: no communes for province "${listedName}"`);
      const first = communes[0]!;
      const con = field(r, 'con');
      const countByType: Record<CommuneType2025, number> = { 'Xã': 0, 'Phường': 0, 'Đặc khu': 0 };
      for (const [, n, t] of con.matchAll(/(\d+)\s+(phường|xã|đặc khu)/gi)) {
        const type = COMMUNE_TYPES_2025.find((x) => x.toLowerCase() === t!.toLowerCase())!;
        countByType[type] = Number(n);
      }
      return {
        code: first.provinceCode,
        serial: Number(field(r, 'mahc')),
        name: first.provinceName,
        listedName,
        shortName: first.provinceShortName,
        type: first.provinceName.startsWith('Thành phố') ? 'Thành phố' : 'Tỉnh',
        mergedFrom: parseMergedFrom(field(r, 'truocsapnhap')),
        communeCount: Number(/^(\d+)/.exec(con)?.[1] ?? NaN),
        communeCountByType: countByType,
        areaKm2: parseVietnameseNumber(field(r, 'dientichkm2')),
        population: parseVietnameseNumber(field(r, 'dansonguoi')),
        seat: field(r, 'trungtamhc'),
        lat: Number(field(r, 'vido')),
        lon: Number(field(r, 'kinhdo')),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return provincesCache;
}

/** The 10,602 rows mapping every old commune (and the five commune-less island districts) to its new commune. */
export function loadLegacyMap(): readonly LegacyMapRow[] {
  if (legacyCache) return legacyCache;
  legacyCache = readCsv('vn-units-legacy-to-2025.csv').map((r): LegacyMapRow => {
    const district = typed(field(r, 'district'), field(r, 'districtType'), LEGACY_DISTRICT_TYPES);
    const wardName = field(r, 'ward');
    const wardCode = padCode(field(r, 'wardCode'), 5);
    const commune = wardName === '' || wardCode === '' ? null : typed(wardName, field(r, 'wardType'), LEGACY_COMMUNE_TYPES);
    const newCommune = typed(field(r, 'newWard'), field(r, 'newWardType'), COMMUNE_TYPES_2025);
    const oldProvince = splitUnitName(field(r, 'province'));
    const newProvince = splitUnitName(field(r, 'newProvince'));
    return {
      oldProvince: { code: padCode(field(r, 'provinceCode'), 2), name: oldProvince ? oldProvince.name : field(r, 'province') },
      isMergedProvince: field(r, 'isMergedProvince') === 'True',
      oldDistrict: { code: padCode(field(r, 'districtCode'), 3), ...district },
      oldCommune: commune ? { code: wardCode, ...commune } : null,
      newProvince: { code: padCode(field(r, 'newProvinceCode'), 2), name: newProvince ? newProvince.name : field(r, 'newProvince') },
      newCommune: { code: padCode(field(r, 'newWardCode'), 5), shortName: field(r, 'newWardShort') || newCommune.shortName, name: newCommune.name, type: newCommune.type },
      isMergedWard: field(r, 'isMergedWard') === 'True',
      isDividedWard: field(r, 'isDividedWard') === 'True',
    };
  });
  return legacyCache;
}
