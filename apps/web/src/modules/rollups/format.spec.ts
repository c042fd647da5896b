import { formatIndicatorValue, isFinished, progressPercent } from './format';

describe('rollup values and recompute progress', () => {
  it('writes rates with a % and counts with thousands dots', () => {
    expect(formatIndicatorValue(90.5, { aggregation: 'ratio', valueType: 'percentage' })).toBe('90,5%');
    expect(formatIndicatorValue(76.66, { aggregation: 'coverage', valueType: 'integer' })).toBe('76,7%');
    expect(formatIndicatorValue(2500, { aggregation: 'sum', valueType: 'integer' })).toBe('2.500');
    expect(formatIndicatorValue(1000.5, { aggregation: 'average', valueType: 'decimal' })).toBe('1.000,5');
    expect(formatIndicatorValue(null, { aggregation: 'sum', valueType: 'integer' })).toBe('—');
  });

  it('moves the bar with the job and stops it at the end', () => {
    expect(progressPercent(undefined)).toBe(0);
    expect(progressPercent({ state: 'active', progress: 42.4 })).toBe(42);
    expect(progressPercent({ state: 'completed', progress: 80 })).toBe(100);
    expect(progressPercent({ state: 'active', progress: 140 })).toBe(100);
    expect(isFinished('completed')).toBe(true);
    expect(isFinished('failed')).toBe(true);
    expect(isFinished('active')).toBe(false);
    expect(isFinished(undefined)).toBe(false);
  });
});
