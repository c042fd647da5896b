import { evaluateRule, RuleLookup } from './rule-evaluator';
import { parseRule } from './rule-parser';

const values: Record<string, { value?: number; numerator?: number; denominator?: number }> = {
  HOI_VIEN: { value: 1000 },
  HOI_VIEN_MOI: { value: 120 },
  ZERO: { value: 0 },
  RATE: { numerator: 45, denominator: 50 },
};
const lookup: RuleLookup = (code, field) => values[code]?.[field];
const run = (expr: string) => evaluateRule(parseRule(expr), lookup);

describe('evaluateRule', () => {
  it.each([
    ['HOI_VIEN_MOI <= HOI_VIEN', 'pass'],
    ['HOI_VIEN_MOI > HOI_VIEN', 'fail'],
    ['HOI_VIEN_MOI * 10 - 200 == HOI_VIEN', 'pass'],
    ['HOI_VIEN / 4 == 250', 'pass'],
    ['-HOI_VIEN < 0', 'pass'],
    ['RATE.numerator <= RATE.denominator', 'pass'],
    ['RATE.numerator / RATE.denominator * 100 == 90', 'pass'],
    ['HOI_VIEN != 1000 or HOI_VIEN_MOI == 120', 'pass'],
    ['HOI_VIEN == 1000 and not HOI_VIEN_MOI == 120', 'fail'],
    ['!(HOI_VIEN < 10) && HOI_VIEN >= 1000', 'pass'],
    ['(HOI_VIEN > 1) == (HOI_VIEN_MOI > 1)', 'pass'],
    ['(HOI_VIEN > 1) != true', 'fail'],
    ['true', 'pass'],
    ['0.1 + 0.2 == 0.3', 'pass'],
    ['0.1 + 0.2 > 0.3', 'fail'],
  ])('%s → %s', (expr, status) => {
    expect(run(expr)).toEqual({ status });
  });

  it('skips a rule whose indicators are missing, listing them', () => {
    expect(run('HO_THOAT_NGHEO <= HO_NGHEO + HOI_VIEN')).toEqual({ status: 'skipped', reason: 'missing', missing: ['HO_THOAT_NGHEO', 'HO_NGHEO'] });
    expect(run('HOI_VIEN.numerator <= 1')).toEqual({ status: 'skipped', reason: 'missing', missing: ['HOI_VIEN'] });
  });

  it('skips on division by zero', () => {
    expect(run('HOI_VIEN / ZERO <= 1')).toEqual({ status: 'skipped', reason: 'division_by_zero' });
  });
});
