import { parse } from 'csv-parse/sync';
import { foldVietnamese } from '@sen/contracts';
import {
  IMPORT_CSV_HEADER,
  buildDemoTenant,
  buildProvinceTenant,
  exportUnitsCsv,
  generateImportCsv,
  listProvinces,
} from './demo-hierarchy';
import type { DemoTenantSpec, UnitSpec } from './demo-hierarchy';
import { loadLegacyMap } from './admin-units';

/** The invariants every spec must keep for the seeder. */
function expectConsistent(spec: DemoTenantSpec): void {
  const byKey = new Map<string, UnitSpec>();
  const position = new Map<string, number>();
  spec.units.forEach((u, i) => {
    expect(byKey.has(u.key)).toBe(false);
    byKey.set(u.key, u);
    position.set(u.key, i);
  });
  const codes = spec.units.map((u) => u.code).filter((c): c is string => c !== null);
  expect(new Set(codes).size).toBe(codes.length);

  const levelCodes = new Set(spec.levels.map((l) => l.code));
  const problems: string[] = [];
  for (const u of spec.units) {
    if (!levelCodes.has(u.level)) problems.push(`${u.key}: level ${u.level} is not a level of the tenant`);
    if (u.parentKey !== null) {
      const parent = byKey.get(u.parentKey);
      if (!parent) problems.push(`${u.key}: parent ${u.parentKey} missing`);
      else if (position.get(u.parentKey)! > position.get(u.key)!) problems.push(`${u.key}: listed before its parent`);
      else if (parent.validTo !== null && (u.validTo === null || u.validTo > parent.validTo)) {
        problems.push(`${u.key}: outlives its parent ${parent.key}`);
      }
    }
    if (u.validTo !== null) {
      if (!u.successorKeys || u.successorKeys.length === 0) problems.push(`${u.key}: abolished without successors`);
      for (const s of u.successorKeys ?? []) {
        const successor = byKey.get(s);
        if (!successor) problems.push(`${u.key}: successor ${s} missing`);
        else if (successor.validFrom !== null && successor.validFrom <= u.validTo) problems.push(`${u.key}: successor ${s} overlaps`);
      }
    }
    if (u.validFrom !== null && u.validTo !== null && u.validFrom > u.validTo) problems.push(`${u.key}: empty validity`);
  }
  for (const e of spec.events) {
    for (const k of [...e.sourceKeys, e.targetKey]) if (!byKey.has(k)) problems.push(`${e.type} event: ${k} missing`);
    for (const k of e.sourceKeys) {
      const source = byKey.get(k);
      if (source && source.validTo === null) problems.push(`${e.type} event: source ${k} is still valid`);
    }
  }
  expect(problems).toEqual([]);
}

function countBy(units: UnitSpec[], f: (u: UnitSpec) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const u of units) counts[f(u)] = (counts[f(u)] ?? 0) + 1;
  return counts;
}

const current = (u: UnitSpec): boolean => u.validTo === null;

describe('buildDemoTenant("TW")', () => {
  const tw = buildDemoTenant('TW');
  it('is the central union with its departments', () => {
    expectConsistent(tw);
    expect(tw.name).toBe('Trung ương Hội LHPN Việt Nam');
    expect(tw.levels).toEqual([{ code: 'central', name: 'Trung ương' }]);
    expect(tw.units[0]).toMatchObject({ key: 'TW', parentKey: null, kind: 'union', level: 'central' });
    const names = tw.units.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Ban Tổ chức', 'Ban Tuyên giáo', 'Văn phòng Trung ương Hội']));
    expect(tw.units.slice(1).every((u) => u.parentKey === 'TW' && u.kind !== 'union')).toBe(true);
    expect(tw.events).toEqual([]);
  });
});

describe('buildDemoTenant("HN")', () => {
  const hn = buildDemoTenant('HN');
  const root = hn.units[0]!;
  const newCommunes = hn.units.filter((u) => u.level === 'grassroots' && current(u));
  const oldDistricts = hn.units.filter((u) => u.level === 'district');
  const oldCommunes = hn.units.filter((u) => u.level === 'grassroots' && !current(u));

  it('keeps the invariants: unique keys and codes, parents exist, successors exist', () => expectConsistent(hn));

  it('is the Hà Nội union with its four levels', () => {
    expect(hn.code).toBe('HN');
    expect(hn.name).toBe('Hội LHPN thành phố Hà Nội');
    expect(root).toMatchObject({ key: 'HN', parentKey: null, code: '01', level: 'province', kind: 'union', validTo: null });
    expect(hn.levels).toEqual([
      { code: 'province', name: 'Thành phố' },
      { code: 'district', name: 'Quận, huyện, thị xã' },
      { code: 'grassroots', name: 'Xã, phường' },
      { code: 'branch', name: 'Chi hội' },
    ]);
  });

  it('has the departments named in the Hà Nội seed plans', () => {
    const departments = hn.units.filter((u) => u.kind === 'department');
    expect(departments.every((d) => d.parentKey === 'HN' && d.level === 'province')).toBe(true);
    expect(departments.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'Văn phòng',
        'Ban Tuyên giáo',
        'Ban Tổ chức - Kiểm tra',
        'Ban Hỗ trợ phụ nữ phát triển kinh tế',
        'Ban Gia đình - Xã hội',
        'Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội',
        'Báo Phụ nữ Thủ đô',
      ]),
    );
    expect(hn.units.find((u) => u.key === 'HN-BAN-TG')).toMatchObject({ name: 'Ban Tuyên giáo', kind: 'department' });
  });

  it('has the 126 communes of 2025 directly under the root, each with 8 branches', () => {
    expect(newCommunes).toHaveLength(126);
    expect(newCommunes.every((u) => u.parentKey === 'HN' && u.validFrom === '2025-07-01' && u.kind === 'union')).toBe(true);
    expect(newCommunes.every((u) => /^Hội LHPN (phường|xã) /.test(u.name))).toBe(true);
    expect(hn.units.find((u) => u.key === 'HN-C-00004')).toMatchObject({ name: 'Hội LHPN phường Ba Đình', code: '00004' });
    const branches = hn.units.filter((u) => u.level === 'branch');
    expect(branches).toHaveLength(126 * 8);
    expect(hn.units.find((u) => u.key === 'HN-C-00004-B03')).toMatchObject({
      parentKey: 'HN-C-00004',
      name: 'Chi hội tổ dân phố số 3',
      validFrom: '2025-07-01',
    });
    const xa = newCommunes.find((u) => u.name.startsWith('Hội LHPN xã '))!;
    expect(hn.units.find((u) => u.parentKey === xa.key)!.name).toBe('Chi hội thôn 1');
  });

  it('has the 30 former districts and 526 former communes, abolished on 2025-06-30', () => {
    expect(oldDistricts).toHaveLength(30);
    expect(oldDistricts.every((u) => u.parentKey === 'HN' && u.validTo === '2025-06-30')).toBe(true);
    expect(countBy(oldDistricts, (u) => u.name.split(' ')[2]!)).toEqual({ quận: 12, huyện: 17, thị: 1 });
    expect(oldDistricts.find((u) => u.name === 'Hội LHPN quận Cầu Giấy')).toBeDefined();
    expect(oldDistricts.find((u) => u.name === 'Hội LHPN thị xã Sơn Tây')).toBeDefined();
    expect(oldCommunes).toHaveLength(526);
    expect(oldCommunes.every((u) => u.validTo === '2025-06-30' && u.parentKey!.startsWith('HN-D-') && u.code!.startsWith('OLD-'))).toBe(true);
  });

  it('records one merge per new commune and one dissolution per former district', () => {
    const merges = hn.events.filter((e) => e.type === 'merge');
    expect(merges).toHaveLength(126);
    expect(new Set(merges.map((e) => e.targetKey))).toEqual(new Set(newCommunes.map((u) => u.key)));
    const oldKeys = new Set(oldCommunes.map((u) => u.key));
    expect(merges.every((e) => e.effectiveFrom === '2025-07-01' && e.sourceKeys.every((k) => oldKeys.has(k)))).toBe(true);
    // Every former commune is a source of the merges that its successors record, and nothing else.
    for (const c of oldCommunes) {
      const into = merges.filter((e) => e.sourceKeys.includes(c.key)).map((e) => e.targetKey).sort();
      expect(into).toEqual(c.successorKeys);
    }
    const dissolutions = hn.events.filter((e) => e.type === 'dissolve');
    expect(dissolutions).toHaveLength(30);
    expect(new Set(dissolutions.flatMap((e) => e.sourceKeys))).toEqual(new Set(oldDistricts.map((u) => u.key)));
    expect(hn.events).toHaveLength(156);
  });

  it('maps a divided former commune to several new communes', () => {
    const divided = oldCommunes.filter((u) => u.successorKeys!.length > 1);
    expect(divided.length).toBe(199);
  });

  it('finds Cầu Giấy without diacritics, before and after 2025', () => {
    const found = hn.units.filter((u) => foldVietnamese(u.name).includes('cau giay'));
    const names = found.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Hội LHPN phường Cầu Giấy', 'Hội LHPN quận Cầu Giấy']));
    expect(found.find((u) => u.name === 'Hội LHPN phường Cầu Giấy')).toMatchObject({ validFrom: '2025-07-01', validTo: null });
    expect(hn.units.filter((u) => foldVietnamese(u.name).includes('ha noi')).map((u) => u.key)).toContain('HN');
  });

  it('takes branchesPerCommune', () => {
    const small = buildDemoTenant('HN', { branchesPerCommune: 3 });
    expectConsistent(small);
    expect(small.units.filter((u) => u.level === 'branch')).toHaveLength(378);
    expect(buildDemoTenant('HN', { branchesPerCommune: 0 }).units.filter((u) => u.level === 'branch')).toHaveLength(0);
  });

  it('is fast enough to build on every seed', () => {
    const started = Date.now();
    buildDemoTenant('HN');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('buildDemoTenant("DN")', () => {
  const dn = buildDemoTenant('DN');
  const newCommunes = dn.units.filter((u) => u.level === 'grassroots' && u.kind === 'union' && current(u));

  it('keeps the invariants', () => expectConsistent(dn));

  it('has the 94 communes of 2025 and the departments of seed 003', () => {
    expect(dn.name).toBe('Hội LHPN thành phố Đà Nẵng');
    expect(newCommunes).toHaveLength(94);
    expect(newCommunes.every((u) => u.parentKey === 'DN' && u.validFrom === '2025-07-01')).toBe(true);
    expect(dn.units.filter((u) => u.level === 'branch')).toHaveLength(94 * 8);
    expect(dn.units.filter((u) => u.kind === 'department').map((u) => u.name)).toEqual(
      expect.arrayContaining(['Văn phòng', 'Ban Xây dựng Tổ chức Hội', 'Ban Tuyên giáo - Chính sách - Pháp luật', 'Ban Gia đình - Xã hội - Kinh tế']),
    );
  });

  it('absorbed Quảng Nam: its former union, its 17 districts and their communes', () => {
    const qn = dn.units.find((u) => u.key === 'DN-P-49')!;
    expect(qn).toMatchObject({ name: 'Hội LHPN tỉnh Quảng Nam', code: '49', parentKey: 'DN', validTo: '2025-06-30', successorKeys: ['DN'] });
    const absorb = dn.events.filter((e) => e.type === 'absorb');
    expect(absorb).toEqual([expect.objectContaining({ sourceKeys: ['DN-P-49'], targetKey: 'DN', effectiveFrom: '2025-07-01' })]);
    const districts = dn.units.filter((u) => u.level === 'district');
    expect(districts.filter((u) => u.parentKey === 'DN-P-49')).toHaveLength(17);
    expect(districts.filter((u) => u.parentKey === 'DN')).toHaveLength(8);
    expect(districts.map((u) => u.name)).toEqual(expect.arrayContaining(['Hội LHPN thành phố Hội An', 'Hội LHPN quận Hải Châu']));
    expect(dn.units.filter((u) => u.level === 'grassroots' && u.kind === 'union' && !current(u))).toHaveLength(280);
    expect(dn.events.filter((e) => e.type === 'merge')).toHaveLength(94);
    expect(dn.events.filter((e) => e.type === 'dissolve')).toHaveLength(25);
  });

  it('made Đặc khu Hoàng Sa out of the commune-less Huyện Hoàng Sa', () => {
    const hoangSa = dn.units.find((u) => u.name === 'Hội LHPN đặc khu Hoàng Sa')!;
    const merge = dn.events.find((e) => e.type === 'merge' && e.targetKey === hoangSa.key)!;
    expect(merge.sourceKeys).toEqual(['DN-D-498']);
    expect(dn.units.find((u) => u.key === 'DN-D-498')).toMatchObject({ name: 'Hội LHPN huyện Hoàng Sa', successorKeys: [hoangSa.key] });
  });
});

describe('buildProvinceTenant and listProvinces', () => {
  const provinces = listProvinces();

  it('lists the 34 provinces with unique tenant codes', () => {
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((p) => p.tenantCode)).size).toBe(34);
    expect(provinces.find((p) => p.code === '01')).toMatchObject({ tenantCode: 'HN', unionName: 'Hội LHPN thành phố Hà Nội' });
    expect(provinces.find((p) => p.code === '48')).toMatchObject({ tenantCode: 'DN', communeCount: 94 });
  });

  it('accepts an official code or a tenant code', () => {
    expect(buildProvinceTenant('1').code).toBe('HN');
    expect(buildProvinceTenant('HCM').name).toBe('Hội LHPN thành phố Hồ Chí Minh');
    expect(() => buildProvinceTenant('99')).toThrow(/unknown province/);
  });

  it('builds the 2025 structure of Hà Nội without history', () => {
    const hn = buildProvinceTenant('01');
    expectConsistent(hn);
    expect(hn.levels.map((l) => l.code)).toEqual(['province', 'grassroots', 'branch']);
    expect(hn.units.every((u) => u.validTo === null)).toBe(true);
    expect(hn.events).toEqual([]);
  });

  it('covers the whole country: 3,321 grassroots units and ~100,000 branches at 30 per commune', () => {
    let grassroots = 0;
    let branches = 0;
    const started = Date.now();
    for (const p of provinces) {
      const spec = buildProvinceTenant(p.code, { branchesPerCommune: 30 });
      const own = spec.units.filter((u) => u.level === 'grassroots' && u.kind === 'union');
      expect({ province: p.code, grassroots: own.length }).toEqual({ province: p.code, grassroots: p.communeCount });
      grassroots += own.length;
      branches += spec.units.filter((u) => u.level === 'branch').length;
    }
    expect(grassroots).toBe(3321);
    expect(branches).toBe(99_630);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('builds a consistent history for every province from the legacy map', () => {
    const legacy = loadLegacyMap();
    let oldCommunes = 0;
    let oldDistricts = 0;
    let absorbed = 0;
    for (const p of provinces) {
      const spec = buildProvinceTenant(p.code, { branchesPerCommune: 1, withHistory: true });
      expectConsistent(spec);
      oldCommunes += spec.units.filter((u) => u.level === 'grassroots' && u.validTo !== null).length;
      oldDistricts += spec.units.filter((u) => u.level === 'district').length;
      absorbed += spec.events.filter((e) => e.type === 'absorb').length;
      expect(spec.events.filter((e) => e.type === 'merge')).toHaveLength(p.communeCount);
    }
    expect(oldCommunes).toBe(new Set(legacy.filter((r) => r.oldCommune).map((r) => r.oldCommune!.code)).size);
    expect(oldDistricts).toBe(new Set(legacy.map((r) => r.oldDistrict.code)).size);
    expect(absorbed).toBe(63 - 34);
  });
});

describe('exportUnitsCsv', () => {
  const hn = buildDemoTenant('HN', { branchesPerCommune: 2 });

  it('writes the current units below the root in the import format, parents first', () => {
    const csv = exportUnitsCsv(hn);
    expect(csv.split('\n')[0]).toBe('code,name,level,kind,parent code');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const expected = hn.units.filter((u) => u.parentKey !== null && u.validTo === null);
    expect(rows).toHaveLength(expected.length);
    expect(rows.length).toBe(12 + 126 + 252);
    const seen = new Set<string>();
    const orphans = rows.filter((r) => {
      seen.add(r.code!);
      return r['parent code'] !== '' && !seen.has(r['parent code']!);
    });
    expect(orphans).toEqual([]);
    expect(rows.find((r) => r.code === '00004')).toEqual({
      code: '00004',
      name: 'Hội LHPN phường Ba Đình',
      level: 'grassroots',
      kind: 'union',
      'parent code': '',
    });
    expect(rows.find((r) => r.code === '00004-B02')).toMatchObject({ level: 'branch', 'parent code': '00004' });
  });

  it('can include the root and the history', () => {
    const rows = parse(exportUnitsCsv(hn, { includeRoot: true, includeHistory: true }), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(hn.units.length);
    expect(rows[0]).toMatchObject({ code: '01', 'parent code': '' });
    expect(rows.find((r) => r.code === 'OLD-00001')!['parent code']).toBe('001');
  });
});

describe('generateImportCsv', () => {
  it.each([2000, 10000, 7])('writes exactly %i valid rows with unique codes', (n) => {
    const csv = generateImportCsv(n, 'T1');
    expect(csv.startsWith(IMPORT_CSV_HEADER + '\n')).toBe(true);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(n);
    const codes = new Set<string>();
    const problems: string[] = [];
    for (const r of rows) {
      if (codes.has(r.code!)) problems.push(`${r.code}: duplicate code`);
      if (r['parent code'] !== '' && !codes.has(r['parent code']!)) problems.push(`${r.code}: parent not listed before`);
      if (r.level !== 'grassroots' && r.level !== 'branch') problems.push(`${r.code}: level ${r.level}`);
      if (r.kind !== 'union') problems.push(`${r.code}: kind ${r.kind}`);
      codes.add(r.code!);
    }
    expect(problems).toEqual([]);
  });

  it('has 200 communes and 1,800 branches in 2,000 rows, with a few quoted names', () => {
    const rows = parse(generateImportCsv(2000, 'HN'), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.level === 'grassroots')).toHaveLength(200);
    expect(rows.filter((r) => r.level === 'branch')).toHaveLength(1800);
    expect(rows.find((r) => r.code === 'HN-G0100')!.name).toBe('Hội LHPN phường Thử nghiệm 100, khu "Đông"');
    const plain = parse(generateImportCsv(2000, 'HN', { withQuotedNames: false }), { columns: true }) as Record<string, string>[];
    expect(plain.some((r) => /[",]/.test(r.name!))).toBe(false);
  });
});
