import * as fs from 'fs';
import * as path from 'path';
import { loadCommunes2025, loadLegacyMap, loadProvinces2025, padCode, referenceDataDir, splitUnitName } from './admin-units';

describe('reference data directory', () => {
  it('resolves to packages/db/data from src/reference', () => {
    const dir = referenceDataDir();
    expect(path.resolve(dir)).toBe(path.resolve(__dirname, '../../data'));
    for (const file of ['vn-provinces-2025.csv', 'vn-units-2025.csv', 'vn-units-legacy-to-2025.csv', 'LICENSE-vietnamadminunits']) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
  });
});

describe('padCode and splitUnitName', () => {
  it('pads codes to their official width', () => {
    expect(padCode('1', 2)).toBe('01');
    expect(padCode('1.0', 5)).toBe('00001');
    expect(padCode('00097', 5)).toBe('00097');
    expect(padCode('', 5)).toBe('');
  });
  it('splits and normalises the type prefix', () => {
    expect(splitUnitName('Thị Trấn Ái Tử')).toEqual({ type: 'Thị trấn', rest: 'Ái Tử', name: 'Thị trấn Ái Tử' });
    expect(splitUnitName('Thành Phố Bắc Kạn')?.name).toBe('Thành phố Bắc Kạn');
    expect(splitUnitName('Phường 15')).toEqual({ type: 'Phường', rest: '15', name: 'Phường 15' });
    expect(splitUnitName('Ba Đình')).toBeNull();
  });
});

describe('loadProvinces2025', () => {
  const provinces = loadProvinces2025();
  const communes = loadCommunes2025();

  it('has the 34 provinces with unique official codes', () => {
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34);
    expect(provinces.every((p) => /^\d{2}$/.test(p.code))).toBe(true);
    expect(new Set(provinces.map((p) => p.serial))).toEqual(new Set(Array.from({ length: 34 }, (_, i) => i + 1)));
  });

  it('knows Hà Nội, Đà Nẵng and Hồ Chí Minh by their official codes', () => {
    const hn = provinces.find((p) => p.code === '01')!;
    expect(hn).toMatchObject({ name: 'Thành phố Hà Nội', shortName: 'Hà Nội', type: 'Thành phố', communeCount: 126, mergedFrom: [] });
    expect(hn.communeCountByType).toEqual({ 'Phường': 51, 'Xã': 75, 'Đặc khu': 0 });
    expect(hn.population).toBe(8_718_000);
    expect(hn.areaKm2).toBeCloseTo(3359.8);
    const dn = provinces.find((p) => p.code === '48')!;
    expect(dn).toMatchObject({ shortName: 'Đà Nẵng', communeCount: 94, mergedFrom: ['Đà Nẵng', 'Quảng Nam'] });
    expect(provinces.find((p) => p.code === '79')!.mergedFrom).toEqual(['Hồ Chí Minh', 'Bà Rịa - Vũng Tàu', 'Bình Dương']);
  });

  it("states commune counts that match the commune list, by type", () => {
    expect(provinces.reduce((sum, p) => sum + p.communeCount, 0)).toBe(3321);
    for (const p of provinces) {
      const own = communes.filter((c) => c.provinceCode === p.code);
      expect({ code: p.code, count: own.length }).toEqual({ code: p.code, count: p.communeCount });
      for (const type of ['Xã', 'Phường', 'Đặc khu'] as const) {
        expect({ code: p.code, type, count: own.filter((c) => c.type === type).length }).toEqual({
          code: p.code,
          type,
          count: p.communeCountByType[type],
        });
      }
    }
  });

  it('lists as merged-from exactly the old provinces that the legacy map sends to it', () => {
    const legacy = loadLegacyMap();
    for (const p of provinces) {
      const olds = new Set(legacy.filter((r) => r.newProvince.code === p.code).map((r) => splitUnitName(r.oldProvince.name)!.rest));
      if (p.mergedFrom.length === 0) expect([...olds]).toEqual([p.shortName]);
      else expect([...olds].sort()).toEqual([...p.mergedFrom].sort());
    }
  });
});

describe('loadCommunes2025', () => {
  const communes = loadCommunes2025();

  it('has the 3,321 commune-level units with unique 5-digit codes', () => {
    expect(communes).toHaveLength(3321);
    expect(new Set(communes.map((c) => c.code)).size).toBe(3321);
    expect(communes.every((c) => /^\d{5}$/.test(c.code))).toBe(true);
    expect(communes.every((c) => c.name === `${c.type} ${c.shortName}`)).toBe(true);
  });

  it('has Phường Cầu Giấy and Phường Ba Đình in Hà Nội', () => {
    expect(communes.find((c) => c.name === 'Phường Cầu Giấy')).toMatchObject({ provinceCode: '01', type: 'Phường' });
    expect(communes.find((c) => c.code === '00004')).toMatchObject({ name: 'Phường Ba Đình', provinceName: 'Thành phố Hà Nội' });
    expect(communes.filter((c) => c.provinceCode === '01')).toHaveLength(126);
    expect(communes.filter((c) => c.provinceCode === '48')).toHaveLength(94);
  });

  it('takes the type from the name where the type column contradicts it', () => {
    expect(communes.find((c) => c.code === '10543')).toMatchObject({ name: 'Phường Việt Hòa', type: 'Phường' });
    expect(communes.find((c) => c.code === '11848')).toMatchObject({ name: 'Xã Vĩnh Hòa', type: 'Xã' });
  });
});

describe('loadLegacyMap', () => {
  const rows = loadLegacyMap();
  const communes = new Map(loadCommunes2025().map((c) => [c.code, c]));

  it('has 10,602 rows from the 63 old provinces', () => {
    expect(rows).toHaveLength(10602);
    expect(new Set(rows.map((r) => r.oldProvince.code)).size).toBe(63);
  });

  it('maps every row to an existing 2025 commune of the right province, and reaches all 3,321', () => {
    const wrong = rows.filter((r) => {
      const c = communes.get(r.newCommune.code);
      return !(c && c.name === r.newCommune.name && c.provinceCode === r.newProvince.code && c.type === r.newCommune.type);
    });
    expect(wrong).toEqual([]);
    expect(new Set(rows.map((r) => r.newCommune.code)).size).toBe(3321);
  });

  it('has padded codes and only the five island districts without an old commune', () => {
    expect(rows.every((r) => /^\d{2}$/.test(r.oldProvince.code) && /^\d{3}$/.test(r.oldDistrict.code))).toBe(true);
    expect(rows.every((r) => r.oldCommune === null || /^\d{5}$/.test(r.oldCommune.code))).toBe(true);
    const islands = rows.filter((r) => r.oldCommune === null);
    expect(islands.map((r) => r.oldDistrict.name).sort()).toEqual(
      ['Huyện Bạch Long Vĩ', 'Huyện Côn Đảo', 'Huyện Cồn Cỏ', 'Huyện Hoàng Sa', 'Huyện Lý Sơn'].sort(),
    );
    expect(islands.every((r) => r.newCommune.type === 'Đặc khu')).toBe(true);
  });

  it('has 30 old districts and 526 old communes in Hà Nội, all staying in Hà Nội', () => {
    const hn = rows.filter((r) => r.oldProvince.code === '01');
    expect(new Set(hn.map((r) => r.oldDistrict.code)).size).toBe(30);
    expect(new Set(hn.map((r) => r.oldCommune!.code)).size).toBe(526);
    expect(hn.every((r) => r.newProvince.code === '01')).toBe(true);
    expect(rows.filter((r) => r.newProvince.code === '01').every((r) => r.oldProvince.code === '01')).toBe(true);
    const cauGiay = hn.filter((r) => r.oldDistrict.name === 'Quận Cầu Giấy');
    expect(cauGiay[0]!.oldDistrict.type).toBe('Quận');
  });

  it('sends all of Quảng Nam (49) and old Đà Nẵng (48) to the new Đà Nẵng', () => {
    const into48 = rows.filter((r) => r.newProvince.code === '48');
    expect(new Set(into48.map((r) => r.oldProvince.code))).toEqual(new Set(['48', '49']));
    expect(rows.filter((r) => r.oldProvince.code === '49').every((r) => r.newProvince.code === '48' && r.isMergedProvince)).toBe(true);
  });

  it('repeats a divided old commune once per new commune that received part of it', () => {
    const byOld = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!r.oldCommune) continue;
      const set = byOld.get(r.oldCommune.code) ?? new Set<string>();
      set.add(r.newCommune.code);
      byOld.set(r.oldCommune.code, set);
    }
    expect(rows.filter((r) => r.oldCommune && byOld.get(r.oldCommune.code)!.size > 1 && !r.isDividedWard)).toEqual([]);
    expect([...byOld.values()].filter((s) => s.size > 1).length).toBeGreaterThan(400);
  });
});
