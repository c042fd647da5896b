/**
 * The README's examples, run by the test suite so they cannot rot: adding an aggregation method, an
 * indicator that uses it, and a validation rule.
 */
import {
  applyChange,
  defineIndicator,
  defineRule,
  emptyParts,
  getAggregationMethod,
  NATIONAL_INDICATORS,
  NATIONAL_RULES,
  partsOf,
  registerAggregationMethod,
  rollup,
  unregisterAggregationMethod,
  validateReport,
} from '../index';
import { rangeMethod } from './range.method';

describe('README example: adding an aggregation method', () => {
  beforeAll(() => {
    // In the package itself this is one line in src/aggregation/registry.ts (BUILT_IN_AGGREGATION_METHODS);
    // an app adding its own method calls registerAggregationMethod once at start-up.
    registerAggregationMethod(rangeMethod);
  });
  afterAll(() => {
    unregisterAggregationMethod('range');
  });

  const membershipRateSpread = () =>
    defineIndicator({
      code: 'CHENH_LECH_TY_LE_TAP_HOP',
      name: 'Chênh lệch tỷ lệ tập hợp hội viên giữa cơ sở cao nhất và thấp nhất',
      nameEn: 'Spread of membership rates between grassroots unions',
      unit: 'điểm %',
      valueType: 'decimal',
      kind: 'stock',
      aggregation: 'range',
      national: false,
    });

  it('lets an indicator use the new method', () => {
    const def = membershipRateSpread();
    const communes = [{ value: 58 }, { value: 72.5 }, { value: 64 }];
    expect(rollup(def, communes).value).toBe(14.5);
  });

  it('is not delta-able: applyChange asks to recompute', () => {
    const def = membershipRateSpread();
    const a = partsOf(def, { value: 58 });
    const b = partsOf(def, { value: 72.5 });
    const parent = getAggregationMethod('range').combine(a, b);
    expect(applyChange(parent, a, partsOf(def, { value: 60 }), rangeMethod)).toEqual({ recompute: true });
  });

  it('is rejected by defineIndicator when not registered', () => {
    unregisterAggregationMethod('range');
    expect(() => membershipRateSpread()).toThrow('aggregation: unknown method "range"');
    registerAggregationMethod(rangeMethod);
  });

  it('has no value without data', () => {
    expect(rangeMethod.value(emptyParts())).toBeNull();
  });
});

describe('README example: adding an indicator and a rule', () => {
  const womenStartups = defineIndicator({
    code: 'PHU_NU_KHOI_NGHIEP_THANH_CONG',
    name: 'Số phụ nữ khởi nghiệp thành công sau hỗ trợ',
    nameEn: 'Women whose start-up succeeded after support',
    unit: 'người',
    valueType: 'integer',
    kind: 'flow',
    aggregation: 'sum',
    national: false,
  });

  const definitions = [...NATIONAL_INDICATORS, womenStartups];
  const rule = defineRule(
    {
      code: 'KHOI_NGHIEP_THANH_CONG_KHONG_VUOT_DUOC_HO_TRO',
      expression: 'PHU_NU_KHOI_NGHIEP_THANH_CONG <= PHU_NU_DUOC_HO_TRO_KHOI_NGHIEP',
      message: 'Số phụ nữ khởi nghiệp thành công không được lớn hơn số phụ nữ được hỗ trợ khởi nghiệp',
      messageEn: 'Successful start-ups cannot exceed women supported to start a business',
      severity: 'error',
    },
    definitions.map((d) => d.code),
  );

  it('validates a report with the new rule', () => {
    const issues = validateReport(
      { PHU_NU_DUOC_HO_TRO_KHOI_NGHIEP: { value: 40 }, PHU_NU_KHOI_NGHIEP_THANH_CONG: { value: 55 } },
      { rules: [...NATIONAL_RULES, rule], definitions },
    );
    expect(issues.map((i) => [i.indicator, i.rule, i.severity])).toEqual([
      ['PHU_NU_KHOI_NGHIEP_THANH_CONG', 'KHOI_NGHIEP_THANH_CONG_KHONG_VUOT_DUOC_HO_TRO', 'error'],
    ]);
  });
});
