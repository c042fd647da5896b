import { IndicatorDefinitionError } from '../shared/errors';
import { checkIndicatorDefinition, defineIndicator, isIndicatorCode } from './define-indicator';
import type { IndicatorDefinition } from './indicator-definition';

const base: IndicatorDefinition = {
  code: 'HO_THOAT_NGHEO',
  name: 'Số hộ thoát nghèo',
  nameEn: 'Households lifted out of poverty',
  unit: 'hộ',
  valueType: 'integer',
  kind: 'flow',
  aggregation: 'sum',
  national: true,
};

function problemsOf(def: Partial<IndicatorDefinition> & Record<string, unknown>): Array<[string, string]> {
  return checkIndicatorDefinition({ ...base, ...def } as IndicatorDefinition).map((p) => [p.field, p.reason]);
}

function fields(def: Partial<IndicatorDefinition> & Record<string, unknown>): string[] {
  return problemsOf(def).map(([f]) => f);
}

describe('defineIndicator', () => {
  it('returns a frozen copy of a valid definition', () => {
    const input = { ...base, disaggregations: [{ code: 'KHU_VUC', name: 'Khu vực', categories: [{ code: 'THANH_THI', name: 'Thành thị' }, { code: 'NONG_THON', name: 'Nông thôn' }] }] };
    const def = defineIndicator(input);
    expect(def).toEqual(input);
    expect(def).not.toBe(input);
    expect(Object.isFrozen(def)).toBe(true);
    expect(Object.isFrozen(def.disaggregations?.[0]?.categories)).toBe(true);
  });

  it('throws every problem with field and reason, in English and Vietnamese', () => {
    try {
      defineIndicator({ ...base, code: 'ho thoat ngheo', unit: '', aggregation: 'coverage' });
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(IndicatorDefinitionError);
      const err = e as IndicatorDefinitionError;
      expect(err.code).toBe('INDICATOR_DEFINITION_INVALID');
      expect(err.problems.map((p) => p.field)).toEqual(['code', 'unit', 'coverage']);
      expect(err.field).toBe('code');
      expect(err.message).toContain('Invalid indicator definition "ho thoat ngheo"');
      expect(err.message).toContain('coverage: required for "coverage"');
      expect(err.messageVi).toContain('Định nghĩa chỉ số "ho thoat ngheo" không hợp lệ');
    }
  });

  it.each(['hoi_vien', 'HOI__VIEN', '_HOI', 'HOI_', '1HOI', 'HỘI_VIÊN', 'A'.repeat(65)])('rejects code %j', (code) => {
    expect(fields({ code })).toEqual(['code']);
    expect(isIndicatorCode(code)).toBe(false);
  });

  it.each(['HOI_VIEN', 'HO_GIA_DINH_5_KHONG_3_SACH', 'X'])('accepts code %j', (code) => {
    expect(fields({ code })).toEqual([]);
  });

  it('requires names, unit, and known enums', () => {
    expect(fields({ name: ' ', nameEn: '' })).toEqual(['name', 'nameEn']);
    expect(fields({ valueType: 'text' as never })).toEqual(['valueType']);
    expect(fields({ kind: 'snapshot' as never })).toEqual(['kind']);
    expect(fields({ national: 'yes' as never })).toEqual(['national']);
  });

  it('rejects an unknown aggregation method, listing the registered ones', () => {
    const [[field, reason] = ['', '']] = problemsOf({ aggregation: 'median' });
    expect(field).toBe('aggregation');
    expect(reason).toContain('unknown method "median"');
    expect(reason).toContain('sum, ratio, average');
  });

  it('rejects summing percentages', () => {
    const [[field, reason] = ['', '']] = problemsOf({ valueType: 'percentage', unit: '%' });
    expect(field).toBe('aggregation');
    expect(reason).toContain('use "ratio"');
  });

  it('accepts a ratio whatever its value type', () => {
    expect(fields({ aggregation: 'ratio', valueType: 'percentage' })).toEqual([]);
    expect(fields({ aggregation: 'ratio', valueType: 'decimal' })).toEqual([]);
  });

  it('checks the average weight', () => {
    expect(fields({ aggregation: 'average', valueType: 'decimal' })).toEqual(['weightIndicator']);
    expect(fields({ aggregation: 'average', valueType: 'decimal', weightIndicator: 'CHI_HOI' })).toEqual([]);
    expect(fields({ aggregation: 'average', valueType: 'decimal', weightIndicator: 'chi hoi' })).toEqual(['weightIndicator']);
    expect(fields({ aggregation: 'average', valueType: 'decimal', weightIndicator: 'HO_THOAT_NGHEO' })).toEqual(['weightIndicator']);
    expect(fields({ weightIndicator: 'CHI_HOI' })).toEqual(['weightIndicator']);
  });

  it('checks the coverage configuration', () => {
    expect(fields({ aggregation: 'coverage' })).toEqual(['coverage']);
    expect(fields({ aggregation: 'coverage', coverage: { level: 'grassroots', minimum: 1 } })).toEqual([]);
    expect(fields({ aggregation: 'coverage', coverage: { level: '', minimum: Number.NaN } })).toEqual(['coverage.level', 'coverage.minimum']);
    expect(fields({ coverage: { level: 'grassroots', minimum: 1 } })).toEqual(['coverage']);
  });

  it('checks bounds', () => {
    expect(fields({ bounds: { min: 0, max: 100 } })).toEqual([]);
    expect(fields({ bounds: { min: 10, max: 1 } })).toEqual(['bounds']);
    expect(fields({ bounds: { min: Number.POSITIVE_INFINITY } })).toEqual(['bounds.min']);
  });

  it('checks disaggregations', () => {
    const cats = [{ code: 'A', name: 'A' }, { code: 'B', name: 'B' }];
    expect(fields({ disaggregations: [{ code: 'X', name: 'X', categories: cats }] })).toEqual([]);
    expect(fields({ disaggregations: [{ code: 'X', name: 'X', categories: [{ code: 'A', name: 'A' }] }] })).toEqual(['disaggregations[0].categories']);
    expect(fields({ disaggregations: [{ code: 'X', name: 'X', categories: [...cats, { code: 'A', name: '' }] }] })).toEqual([
      'disaggregations[0].categories[2].code',
      'disaggregations[0].categories[2].name',
    ]);
    expect(fields({ disaggregations: [{ code: 'X', name: 'X', categories: cats }, { code: 'X', name: 'Y', categories: cats }] })).toEqual(['disaggregations[1].code']);
    expect(fields({ aggregation: 'max', disaggregations: [{ code: 'X', name: 'X', categories: cats }] })).toEqual(['disaggregations']);
  });
});
