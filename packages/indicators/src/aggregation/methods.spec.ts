import { AggregationError } from '../shared/errors';
import { averageMethod } from './average.method';
import { coverageMethod } from './coverage.method';
import { latestMethod } from './latest.method';
import { maxMethod } from './max.method';
import { minMethod } from './min.method';
import { ratioMethod } from './ratio.method';
import { emptyParts, mergeParts, subtractAdditiveParts } from './rollup-parts';
import { sumMethod } from './sum.method';
import { TEST_DEFS } from './__tests__/test-definitions';

describe('emptyParts', () => {
  it('has every stored column, neutral', () => {
    expect(emptyParts()).toEqual({
      sum: 0,
      count: 0,
      numerator: 0,
      denominator: 0,
      min: null,
      max: null,
      weightedSum: 0,
      weight: 0,
      meeting: 0,
      eligible: 0,
      latestPeriod: null,
      latestValue: null,
    });
  });

  it('is a fresh object each time', () => {
    const a = emptyParts();
    a.sum = 5;
    expect(emptyParts().sum).toBe(0);
  });
});

describe('mergeParts / subtractAdditiveParts', () => {
  it('merges every column', () => {
    const a = { ...emptyParts(), sum: 1, count: 1, min: 3, max: 3, latestPeriod: '202401', latestValue: 7 };
    const b = { ...emptyParts(), sum: 2, count: 1, min: 1, max: 1, latestPeriod: '202402', latestValue: 5 };
    expect(mergeParts(a, b)).toMatchObject({ sum: 3, count: 2, min: 1, max: 3, latestPeriod: '202402', latestValue: 5 });
  });

  it('breaks a latest tie on the same period by the larger value', () => {
    const a = { ...emptyParts(), latestPeriod: '202401', latestValue: 7 };
    const b = { ...emptyParts(), latestPeriod: '202401', latestValue: 9 };
    expect(mergeParts(a, b).latestValue).toBe(9);
    expect(mergeParts(b, a).latestValue).toBe(9);
  });

  it('refuses to subtract what was never added', () => {
    expect(subtractAdditiveParts(emptyParts(), { ...emptyParts(), count: 1 })).toBeNull();
  });
});

describe('sum', () => {
  it('adds values and counts contributors', () => {
    const d = TEST_DEFS.sum;
    const p = sumMethod.combine(sumMethod.fromUnitValue({ value: 3 }, d), sumMethod.fromUnitValue({ value: 4 }, d));
    expect(p).toMatchObject({ sum: 7, count: 2 });
    expect(sumMethod.value(p)).toBe(7);
  });

  it('has no value without data, and ignores null', () => {
    expect(sumMethod.value(emptyParts())).toBeNull();
    expect(sumMethod.fromUnitValue({ value: null }, TEST_DEFS.sum)).toEqual(emptyParts());
  });

  it('rejects NaN naming the field', () => {
    try {
      sumMethod.fromUnitValue({ value: Number.NaN }, TEST_DEFS.sum);
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(AggregationError);
      expect((e as AggregationError).field).toBe('value');
      expect((e as AggregationError).message).toContain('T_SUM');
    }
  });

  it('subtracts by delta', () => {
    const d = TEST_DEFS.sum;
    const total = sumMethod.combine(sumMethod.fromUnitValue({ value: 3 }, d), sumMethod.fromUnitValue({ value: 4 }, d));
    expect(sumMethod.subtract(total, sumMethod.fromUnitValue({ value: 3 }, d))).toMatchObject({ sum: 4, count: 1 });
  });
});

describe('ratio', () => {
  const d = TEST_DEFS.ratio;

  it('is the ratio of sums, × 100', () => {
    const p = ratioMethod.combine(
      ratioMethod.fromUnitValue({ numerator: 10, denominator: 10 }, d),
      ratioMethod.fromUnitValue({ numerator: 500, denominator: 1000 }, d),
    );
    expect(p).toMatchObject({ numerator: 510, denominator: 1010, count: 2 });
    expect(ratioMethod.value(p)).toBeCloseTo(50.495, 3);
  });

  it('ratio of sums is not the mean of ratios', () => {
    // A branch of 10 members, all reached, and a commune of 1.000 members, half reached.
    const units = [
      { numerator: 10, denominator: 10 },
      { numerator: 500, denominator: 1000 },
    ];
    const parts = units.map((u) => ratioMethod.fromUnitValue(u, d)).reduce(ratioMethod.combine, emptyParts());
    const meanOfRatios = units.map((u) => (100 * u.numerator) / u.denominator).reduce((a, b) => a + b) / units.length;
    expect(meanOfRatios).toBe(75);
    expect(ratioMethod.value(parts)).toBeCloseTo(50.5, 1);
    expect(ratioMethod.value(parts)).not.toBeCloseTo(meanOfRatios, 0);
  });

  it('is null when the denominator is 0', () => {
    expect(ratioMethod.value(ratioMethod.fromUnitValue({ numerator: 0, denominator: 0 }, d))).toBeNull();
  });

  it('refuses a bare percentage and a missing part, naming the field', () => {
    expect(() => ratioMethod.fromUnitValue({ value: 80 }, d)).toThrow('report numerator and denominator');
    try {
      ratioMethod.fromUnitValue({ numerator: 3 }, d);
      throw new Error('should have thrown');
    } catch (e) {
      expect((e as AggregationError).field).toBe('denominator');
      expect((e as AggregationError).messageVi).toContain('thiếu mẫu số');
    }
  });

  it('contributes nothing without data', () => {
    expect(ratioMethod.fromUnitValue({}, d)).toEqual(emptyParts());
  });
});

describe('average', () => {
  const d = TEST_DEFS.average;

  it('weighs each unit by its weight', () => {
    const p = averageMethod.combine(averageMethod.fromUnitValue({ value: 2, weight: 10 }, d), averageMethod.fromUnitValue({ value: 5, weight: 30 }, d));
    expect(p).toMatchObject({ weightedSum: 170, weight: 40, count: 2 });
    expect(averageMethod.value(p)).toBeCloseTo(4.25);
  });

  it('requires the weight when the definition names a weight indicator', () => {
    expect(() => averageMethod.fromUnitValue({ value: 2 }, d)).toThrow('weight is missing');
    expect(() => averageMethod.fromUnitValue({ value: 2, weight: -1 }, d)).toThrow('must not be negative');
  });

  it('weighs 1 without a weight indicator, and is null with zero weight', () => {
    const unweighted = { ...d, weightIndicator: undefined };
    expect(averageMethod.fromUnitValue({ value: 2 }, unweighted)).toMatchObject({ weightedSum: 2, weight: 1 });
    expect(averageMethod.value(averageMethod.fromUnitValue({ value: 2, weight: 0 }, d))).toBeNull();
  });
});

describe('min and max', () => {
  it('take the extremes and cannot subtract', () => {
    const lo = minMethod.combine(minMethod.fromUnitValue({ value: 58 }, TEST_DEFS.min), minMethod.fromUnitValue({ value: 71 }, TEST_DEFS.min));
    const hi = maxMethod.combine(maxMethod.fromUnitValue({ value: 58 }, TEST_DEFS.max), maxMethod.fromUnitValue({ value: 71 }, TEST_DEFS.max));
    expect(minMethod.value(lo)).toBe(58);
    expect(maxMethod.value(hi)).toBe(71);
    expect(minMethod.subtract(lo, minMethod.fromUnitValue({ value: 58 }, TEST_DEFS.min))).toBeNull();
    expect(maxMethod.subtract(hi, maxMethod.fromUnitValue({ value: 71 }, TEST_DEFS.max))).toBeNull();
    expect(minMethod.value(emptyParts())).toBeNull();
    expect(maxMethod.fromUnitValue({}, TEST_DEFS.max)).toEqual(emptyParts());
  });
});

describe('coverage', () => {
  const d = TEST_DEFS.coverage;

  it('counts units at the level meeting the minimum', () => {
    const units = [
      { value: 3, level: 'grassroots' },
      { value: 2, level: 'grassroots' },
      { value: 1, level: 'grassroots' },
      { value: null, level: 'grassroots' },
      { value: 9, level: 'district' },
    ];
    const p = units.map((u) => coverageMethod.fromUnitValue(u, d)).reduce(coverageMethod.combine, emptyParts());
    expect(p).toMatchObject({ meeting: 2, eligible: 4, count: 3 });
    expect(coverageMethod.value(p)).toBe(50);
  });

  it('is null without eligible units', () => {
    expect(coverageMethod.value(emptyParts())).toBeNull();
  });

  it('needs its configuration', () => {
    expect(() => coverageMethod.fromUnitValue({ value: 1, level: 'grassroots' }, { ...d, coverage: undefined })).toThrow(
      'has no coverage configuration',
    );
  });
});

describe('latest', () => {
  const d = TEST_DEFS.latest;

  it('keeps the value of the latest period', () => {
    const p = [
      { value: 10, period: '202403' },
      { value: 12, period: '202406' },
      { value: 11, period: '202405' },
    ]
      .map((u) => latestMethod.fromUnitValue(u, d))
      .reduce(latestMethod.combine, emptyParts());
    expect(p).toMatchObject({ latestPeriod: '202406', latestValue: 12, count: 3 });
    expect(latestMethod.value(p)).toBe(12);
    expect(latestMethod.subtract(p, p)).toBeNull();
  });

  it('needs a period id', () => {
    expect(() => latestMethod.fromUnitValue({ value: 1 }, d)).toThrow('period must be a period id');
    expect(() => latestMethod.fromUnitValue({ value: 1, period: 'June' }, d)).toThrow('got June');
  });
});
