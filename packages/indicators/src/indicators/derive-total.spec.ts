import { IndicatorsError } from '../shared/errors';
import { defineIndicator } from './define-indicator';
import { deriveTotal } from './derive-total';

const AGE = {
  code: 'NHOM_TUOI',
  name: 'Nhóm tuổi',
  categories: [
    { code: 'DUOI_35', name: 'Dưới 35' },
    { code: 'TU_35', name: 'Từ 35' },
  ],
};
const AREA = {
  code: 'KHU_VUC',
  name: 'Khu vực',
  categories: [
    { code: 'THANH_THI', name: 'Thành thị' },
    { code: 'NONG_THON', name: 'Nông thôn' },
  ],
};

const members = defineIndicator({
  code: 'HOI_VIEN',
  name: 'Số hội viên',
  nameEn: 'Members',
  unit: 'người',
  valueType: 'integer',
  kind: 'stock',
  aggregation: 'sum',
  national: true,
  disaggregations: [AGE, AREA],
});

const reached = defineIndicator({
  code: 'TY_LE_DUOC_TUYEN_TRUYEN',
  name: 'Tỷ lệ hội viên được tuyên truyền',
  nameEn: 'Members reached',
  unit: '%',
  valueType: 'percentage',
  kind: 'stock',
  aggregation: 'ratio',
  national: true,
  disaggregations: [AREA],
});

describe('deriveTotal', () => {
  it('sums additive indicators', () => {
    expect(deriveTotal(members, { DUOI_35: 120, TU_35: 380 })).toBe(500);
    expect(deriveTotal(members, { THANH_THI: 10, NONG_THON: null }, 'KHU_VUC')).toBe(10);
  });

  it('takes the ratio of sums for a ratio, not the mean of the categories\' rates', () => {
    const total = deriveTotal(reached, {
      THANH_THI: { numerator: 90, denominator: 100 },
      NONG_THON: { numerator: 300, denominator: 900 },
    });
    expect(total).toBeCloseTo(39, 5); // 390 / 1000, not (90% + 33,3%) / 2
  });

  it('is null without values', () => {
    expect(deriveTotal(members, {})).toBeNull();
  });

  it('names an unknown category or disaggregation', () => {
    expect(() => deriveTotal(members, { TREN_60: 1 })).toThrow('unknown category "TREN_60"');
    expect(() => deriveTotal(members, { DUOI_35: 1 }, 'KHU_VUC')).toThrow('unknown category "DUOI_35"');
    try {
      deriveTotal(members, {}, 'GIOI_TINH');
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(IndicatorsError);
      expect((e as IndicatorsError).code).toBe('DISAGGREGATION_UNKNOWN');
    }
  });
});
