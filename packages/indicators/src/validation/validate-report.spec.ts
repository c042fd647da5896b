import type { IndicatorDefinition } from '../indicators/indicator-definition';
import type { Rule } from './rule';
import { BUILT_IN_CHECKS, effectiveValue, validateReport } from './validate-report';

const def = (code: string, over: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  code,
  name: `Tên ${code}`,
  nameEn: `Name ${code}`,
  unit: 'người',
  valueType: 'integer',
  kind: 'stock',
  aggregation: 'sum',
  national: true,
  ...over,
});

const definitions = [
  def('MEMBERS', {
    disaggregations: [{ code: 'AGE', name: 'Nhóm tuổi', categories: [{ code: 'YOUNG', name: 'Dưới 35 tuổi' }, { code: 'MID', name: 'Từ 35 đến 60 tuổi' }, { code: 'OLD', name: 'Trên 60 tuổi' }] }],
  }),
  def('NEW_MEMBERS', { kind: 'flow' }),
  def('TRAINED_PCT', { valueType: 'percentage', aggregation: 'max', unit: '%' }),
  def('MEMBERSHIP_RATE', { valueType: 'percentage', aggregation: 'ratio', unit: '%' }),
  def('HAS_CLUB', { valueType: 'boolean', aggregation: 'coverage', coverage: { level: 'grassroots', minimum: 1 } }),
  def('MEETINGS_AVG', { valueType: 'decimal', aggregation: 'average', weightIndicator: 'MEMBERS', bounds: { min: 0, max: 31 } }),
  def('BALANCE', { valueType: 'decimal', unit: 'đồng' }),
];

const rules: Rule[] = [
  { code: 'NEW_LE_MEMBERS', expression: 'NEW_MEMBERS <= MEMBERS', message: 'Số hội viên mới không được lớn hơn tổng số hội viên', messageEn: 'New members cannot exceed members', severity: 'error' },
  { code: 'RATE_NUM_EQ_MEMBERS', expression: 'MEMBERSHIP_RATE.numerator == MEMBERS', message: 'Tử số phải bằng số hội viên', severity: 'warning' },
  { code: 'TRAINED_LE_100', expression: 'TRAINED_PCT <= 100', message: 'Tỷ lệ không quá 100%', severity: 'error' },
];

const rulesOf = (issues: ReturnType<typeof validateReport>) => issues.map((i) => [i.indicator, i.rule, i.severity]);

describe('validateReport', () => {
  it('returns nothing for a clean report', () => {
    const issues = validateReport(
      {
        MEMBERS: { value: 1000 },
        NEW_MEMBERS: { value: 50 },
        MEMBERSHIP_RATE: { numerator: 1000, denominator: 1500, value: 66.67 },
        HAS_CLUB: { value: 1 },
        MEETINGS_AVG: { value: 2.5 },
        BALANCE: { value: -10.5 },
      },
      { rules, definitions },
    );
    expect(issues).toEqual([]);
  });

  it('names the indicator and the rule of a failed rule, with values', () => {
    const issues = validateReport({ MEMBERS: { value: 1000 }, NEW_MEMBERS: { value: 1200 } }, { rules, definitions });
    expect(issues).toEqual([
      {
        indicator: 'NEW_MEMBERS',
        rule: 'NEW_LE_MEMBERS',
        severity: 'error',
        message: 'Số hội viên mới không được lớn hơn tổng số hội viên (NEW_MEMBERS = 1.200; MEMBERS = 1.000)',
        messageEn: 'New members cannot exceed members (NEW_MEMBERS = 1,200; MEMBERS = 1,000)',
        indicators: ['NEW_MEMBERS', 'MEMBERS'],
      },
    ]);
  });

  it('falls back to an English message built from the expression', () => {
    const issues = validateReport({ MEMBERS: { value: 10 }, MEMBERSHIP_RATE: { numerator: 9, denominator: 20 } }, { rules, definitions });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.messageEn).toBe('Rule RATE_NUM_EQ_MEMBERS is not met: MEMBERSHIP_RATE.numerator == MEMBERS (MEMBERSHIP_RATE (numerator) = 9; MEMBERS = 10)');
    expect(issues[0]?.severity).toBe('warning');
  });

  it("shows the fields a rule compares — a ratio's numerator, not its percentage — in Vietnamese numbers", () => {
    const [issue] = validateReport({ MEMBERS: { value: 1200 }, MEMBERSHIP_RATE: { numerator: 1000, denominator: 1250 } }, { rules, definitions });
    expect(issue?.message).toBe('Tử số phải bằng số hội viên (MEMBERSHIP_RATE (tử số) = 1.000; MEMBERS = 1.200)');
    expect(issue?.messageEn).toContain('(MEMBERSHIP_RATE (numerator) = 1,000; MEMBERS = 1,200)');
    // A rule on the ratio itself shows the percentage, as a percentage.
    const onRate: Rule = { code: 'RATE_GE_90', expression: 'MEMBERSHIP_RATE >= 90 and MEMBERSHIP_RATE.denominator > 0', message: 'Tỷ lệ tập hợp phải từ 90%', severity: 'warning' };
    const [low] = validateReport({ MEMBERSHIP_RATE: { numerator: 1000, denominator: 1250 } }, { rules: [onRate], definitions });
    expect(low?.message).toBe('Tỷ lệ tập hợp phải từ 90% (MEMBERSHIP_RATE = 80%; MEMBERSHIP_RATE (mẫu số) = 1.250)');
  });

  it('skips rules whose indicators are missing', () => {
    expect(validateReport({ NEW_MEMBERS: { value: 5 } }, { rules, definitions })).toEqual([]);
  });

  it.each([
    [{ MEMBERS: { value: -1 } }, 'MEMBERS', BUILT_IN_CHECKS.NEGATIVE],
    [{ MEMBERS: { value: 2.5 } }, 'MEMBERS', BUILT_IN_CHECKS.NOT_INTEGER],
    [{ MEMBERS: { value: Number.NaN } }, 'MEMBERS', BUILT_IN_CHECKS.NOT_A_NUMBER],
    [{ TRAINED_PCT: { value: 101 } }, 'TRAINED_PCT', BUILT_IN_CHECKS.PERCENT_RANGE],
    [{ TRAINED_PCT: { value: -3 } }, 'TRAINED_PCT', BUILT_IN_CHECKS.NEGATIVE],
    [{ HAS_CLUB: { value: 2 } }, 'HAS_CLUB', BUILT_IN_CHECKS.NOT_BOOLEAN],
    [{ MEETINGS_AVG: { value: 40 } }, 'MEETINGS_AVG', BUILT_IN_CHECKS.ABOVE_MAX],
    [{ MEETINGS_AVG: { value: -1 } }, 'MEETINGS_AVG', BUILT_IN_CHECKS.BELOW_MIN],
    [{ MEMBERSHIP_RATE: { numerator: 12, denominator: 10 } }, 'MEMBERSHIP_RATE', BUILT_IN_CHECKS.NUMERATOR_GT_DENOMINATOR],
    [{ MEMBERSHIP_RATE: { value: 80 } }, 'MEMBERSHIP_RATE', BUILT_IN_CHECKS.RATIO_PARTS_MISSING],
    [{ MEMBERSHIP_RATE: { numerator: 8 } }, 'MEMBERSHIP_RATE', BUILT_IN_CHECKS.RATIO_PARTS_MISSING],
    [{ MEMBERSHIP_RATE: { numerator: 8.5, denominator: 10 } }, 'MEMBERSHIP_RATE', BUILT_IN_CHECKS.NOT_INTEGER],
    [{ UNKNOWN_CODE: { value: 1 } }, 'UNKNOWN_CODE', BUILT_IN_CHECKS.UNKNOWN_INDICATOR],
  ])('checks bounds: %j → %s %s', (values, indicator, check) => {
    expect(rulesOf(validateReport(values, { rules: [], definitions }))).toEqual([[indicator, check, 'error']]);
  });

  it('warns when the entered rate does not match numerator/denominator', () => {
    const issues = validateReport({ MEMBERSHIP_RATE: { numerator: 50, denominator: 100, value: 60 } }, { rules: [], definitions });
    expect(rulesOf(issues)).toEqual([['MEMBERSHIP_RATE', BUILT_IN_CHECKS.RATIO_VALUE_MISMATCH, 'warning']]);
    expect(issues[0]?.message).toContain('(60%)');
  });

  it('messages in Vietnamese name the indicator and the value', () => {
    const [issue] = validateReport({ TRAINED_PCT: { value: 120 } }, { rules: [], definitions });
    expect(issue?.message).toBe('Tên TRAINED_PCT: tỷ lệ phải từ 0 đến 100% (nhận 120)');
    expect(issue?.messageEn).toBe('Name TRAINED_PCT: a percentage must be 0–100 (got 120)');
  });

  it('does not run rules on values that failed their own checks', () => {
    const issues = validateReport({ MEMBERS: { value: -5 }, NEW_MEMBERS: { value: 3 } }, { rules, definitions });
    expect(rulesOf(issues)).toEqual([['MEMBERS', BUILT_IN_CHECKS.NEGATIVE, 'error']]);
  });

  it('can ignore unknown indicators, and accepts a Map of definitions', () => {
    const map = new Map(definitions.map((d) => [d.code, d]));
    expect(validateReport({ OTHER: { value: 1 } }, { rules: [], definitions: map, rejectUnknownIndicators: false })).toEqual([]);
  });

  it('warns about outliers against the unit\'s own history', () => {
    const issues = validateReport(
      { MEMBERS: { value: 10000 }, NEW_MEMBERS: { value: 2 }, MEMBERSHIP_RATE: { numerator: 10, denominator: 100 } },
      { rules: [], definitions, history: { MEMBERS: [980, 1000, 1010], NEW_MEMBERS: [40, 42, 38, 41, 39], MEMBERSHIP_RATE: [60, 61, 59, 62, 60] } },
    );
    expect(rulesOf(issues)).toEqual([
      ['MEMBERS', BUILT_IN_CHECKS.OUTLIER_JUMP, 'warning'],
      ['NEW_MEMBERS', BUILT_IN_CHECKS.OUTLIER_SPREAD, 'warning'],
      ['MEMBERSHIP_RATE', BUILT_IN_CHECKS.OUTLIER_SPREAD, 'warning'],
    ]);
    expect(issues[0]?.message).toBe('Tên MEMBERS: 10.000 lớn gấp 9,9 lần mức cao nhất các kỳ trước (1.010); đề nghị kiểm tra lại');
  });
});

describe('effectiveValue', () => {
  it('prefers the value, else computes the rate', () => {
    expect(effectiveValue({ value: 3, numerator: 1, denominator: 2 })).toBe(3);
    expect(effectiveValue({ numerator: 1, denominator: 4 })).toBe(25);
    expect(effectiveValue({ numerator: 1, denominator: 0 })).toBeNull();
    expect(effectiveValue(undefined)).toBeNull();
  });

  describe('values per category', () => {
    const check = (members: number | null, categories: Record<string, number | null>) =>
      validateReport(members === null ? {} : { MEMBERS: { value: members } }, { rules: [], definitions, categories: { MEMBERS: categories } });

    it('must add up to the total: 500 + 600 is not 1.200 (the field named, the rule in Vietnamese)', () => {
      expect(check(1200, { YOUNG: 500, MID: 600 })).toEqual([
        {
          indicator: 'MEMBERS',
          rule: BUILT_IN_CHECKS.CATEGORY_SUM_MISMATCH,
          severity: 'error',
          field: 'values.MEMBERS.category',
          message: 'Tên MEMBERS: tổng các nhóm theo nhóm tuổi (Dưới 35 tuổi 500 + Từ 35 đến 60 tuổi 600 = 1.100) phải bằng tổng số (1.200); nhóm chưa nhập được tính là 0',
          messageEn: 'Name MEMBERS: the AGE categories add up to 1,100 (YOUNG 500 + MID 600), not the total 1,200; a category not given counts as 0',
        },
      ]);
      expect(check(1200, { YOUNG: 500, MID: 600, OLD: 100 })).toEqual([]);
      expect(check(1200, { YOUNG: 1200, MID: null })).toEqual([]);
    });

    it('need a total to add up to', () => {
      expect(check(null, { YOUNG: 5 })).toEqual([expect.objectContaining({ rule: BUILT_IN_CHECKS.CATEGORIES_WITHOUT_TOTAL, field: 'values.MEMBERS.category', severity: 'error' })]);
      expect(check(null, { YOUNG: null })).toEqual([]);
    });

    it('of an indicator that is not a sum are not added up', () => {
      const byKind = [def('TOP', { aggregation: 'max', disaggregations: [{ code: 'K', name: 'Loại', categories: [{ code: 'A', name: 'A' }] }] })];
      expect(validateReport({ TOP: { value: 9 } }, { rules: [], definitions: byKind, categories: { TOP: { A: 3 } } })).toEqual([]);
    });
  });

  it('a weighted average needs its weight in the same report (it cannot be rolled up without it)', () => {
    const [issue, ...rest] = validateReport({ MEETINGS_AVG: { value: 2.5 } }, { rules: [], definitions });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ indicator: 'MEETINGS_AVG', rule: BUILT_IN_CHECKS.WEIGHT_MISSING, severity: 'error', message: 'Tên MEETINGS_AVG: cần nhập cả Tên MEMBERS (trọng số để tính bình quân)' });
    expect(validateReport({ MEETINGS_AVG: { value: 2.5 }, MEMBERS: { value: 40 } }, { rules: [], definitions })).toEqual([]);
  });
});
