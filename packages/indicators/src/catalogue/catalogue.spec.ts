import { rollup } from '../aggregation/rollup';
import { checkIndicatorDefinition } from '../indicators/define-indicator';
import { parsedRule } from '../validation/rule';
import { validateReport } from '../validation/validate-report';
import { findIndicator, NATIONAL_INDICATORS } from './national-indicators';
import { NATIONAL_RULES } from './national-rules';

describe('NATIONAL_INDICATORS', () => {
  it('has 30+ valid, national, uniquely coded indicators', () => {
    expect(NATIONAL_INDICATORS.length).toBeGreaterThanOrEqual(30);
    const codes = NATIONAL_INDICATORS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const def of NATIONAL_INDICATORS) {
      expect(checkIndicatorDefinition(def)).toEqual([]);
      expect(def.national).toBe(true);
      expect(Object.isFrozen(def)).toBe(true);
    }
  });

  it('keeps the codes the rest of Sen relies on', () => {
    for (const code of ['HOI_VIEN', 'HOI_VIEN_MOI', 'TY_LE_TAP_HOP_HOI_VIEN', 'CO_SO_CO_MO_HINH', 'CO_SO_GOP_Y_DU_THAO', 'HO_THOAT_NGHEO']) {
      expect(findIndicator(code)).toBeDefined();
    }
    expect(findIndicator('NOPE')).toBeUndefined();
  });

  it('models the seeds\' kinds of targets', () => {
    expect(findIndicator('HOI_VIEN')).toMatchObject({ kind: 'stock', aggregation: 'sum' });
    expect(findIndicator('HOI_VIEN_MOI')).toMatchObject({ kind: 'flow', aggregation: 'sum' });
    expect(findIndicator('TY_LE_TAP_HOP_HOI_VIEN')).toMatchObject({ aggregation: 'ratio', valueType: 'percentage' });
    expect(findIndicator('TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN')).toMatchObject({ aggregation: 'ratio' });
    expect(findIndicator('CO_SO_CO_MO_HINH')).toMatchObject({ aggregation: 'coverage', coverage: { level: 'grassroots', minimum: 1 } });
    expect(findIndicator('CO_SO_GOP_Y_DU_THAO')).toMatchObject({ aggregation: 'coverage', coverage: { level: 'grassroots', minimum: 2 } });
    expect(findIndicator('DU_THAO_DUOC_GOP_Y')).toMatchObject({ aggregation: 'sum', kind: 'flow' });
    expect(findIndicator('VON_VAY_GIAI_NGAN')).toMatchObject({ unit: 'đồng' });
  });

  it('names weight indicators that exist', () => {
    for (const def of NATIONAL_INDICATORS) {
      if (def.weightIndicator) expect(findIndicator(def.weightIndicator)).toBeDefined();
    }
  });

  it('stores ratios as stocks, so a year takes the latest rate', () => {
    for (const def of NATIONAL_INDICATORS.filter((d) => d.aggregation === 'ratio')) expect(def.kind).toBe('stock');
  });

  it('rolls up a province\'s coverage from its communes', () => {
    const def = findIndicator('CO_SO_CO_MO_HINH');
    if (!def) throw new Error('missing');
    const communes = [2, 0, 1, 3].map((value) => ({ value, level: 'grassroots' }));
    expect(rollup(def, communes).value).toBe(75);
  });
});

describe('NATIONAL_RULES', () => {
  it('parse and read only catalogue indicators', () => {
    expect(NATIONAL_RULES.length).toBeGreaterThanOrEqual(10);
    const codes = new Set(NATIONAL_INDICATORS.map((d) => d.code));
    const ruleCodes = NATIONAL_RULES.map((r) => r.code);
    expect(new Set(ruleCodes).size).toBe(ruleCodes.length);
    for (const rule of NATIONAL_RULES) {
      for (const ref of parsedRule(rule).references) expect(codes.has(ref)).toBe(true);
    }
  });

  it('catch new members above members', () => {
    const issues = validateReport(
      { HOI_VIEN: { value: 1000 }, HOI_VIEN_MOI: { value: 2500 } },
      { rules: NATIONAL_RULES, definitions: NATIONAL_INDICATORS },
    );
    expect(issues.map((i) => [i.indicator, i.rule])).toEqual([['HOI_VIEN_MOI', 'HOI_VIEN_MOI_KHONG_VUOT_HOI_VIEN']]);
  });

  it('accept a consistent commune report', () => {
    const issues = validateReport(
      {
        HOI_VIEN: { value: 1200 },
        HOI_VIEN_MOI: { value: 35 },
        PHU_NU_TU_18_TUOI: { value: 1800 },
        TY_LE_TAP_HOP_HOI_VIEN: { numerator: 1200, denominator: 1800 },
        TY_LE_TAP_HOP_THAP_NHAT: { value: 66.6 },
        CHI_HOI: { value: 12 },
        CHI_HOI_TIEU_BIEU: { value: 3 },
        HO_NGHEO_DUOC_GIUP_DO: { value: 8 },
        HO_CAN_NGHEO_DUOC_GIUP_DO: { value: 4 },
        HO_THOAT_NGHEO: { value: 5 },
        VON_VAY_GIAI_NGAN: { value: 250_000_000 },
        HO_DUOC_VAY_VON: { value: 6 },
        CO_SO_CO_MO_HINH: { value: 2 },
        SINH_HOAT_CHI_HOI_BINH_QUAN: { value: 2.5 },
        CO_SO_HUONG_UNG_THANG_HANH_DONG_BDG: { value: 1 },
      },
      { rules: NATIONAL_RULES, definitions: NATIONAL_INDICATORS },
    );
    expect(issues).toEqual([]);
  });

  it('catch a loan without households', () => {
    const issues = validateReport({ VON_VAY_GIAI_NGAN: { value: 1_000_000 }, HO_DUOC_VAY_VON: { value: 0 } }, { rules: NATIONAL_RULES, definitions: NATIONAL_INDICATORS });
    expect(issues.map((i) => i.rule)).toEqual(['VON_GIAI_NGAN_CO_HO_VAY']);
  });
});
