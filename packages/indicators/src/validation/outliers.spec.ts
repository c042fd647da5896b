import { detectOutlier, median, medianAbsoluteDeviation, OUTLIER_MAX_MULTIPLIER } from './outliers';

describe('median / MAD', () => {
  it('computes them', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(medianAbsoluteDeviation([])).toBeNull();
  });
});

describe('detectOutlier', () => {
  it('flags a jump over 3× the previous maximum', () => {
    expect(detectOutlier(400, [100, 120])).toEqual({ kind: 'jump', previousMax: 120, multiplier: 400 / 120 });
    expect(detectOutlier(OUTLIER_MAX_MULTIPLIER * 120, [100, 120])).toBeNull();
  });

  it('flags a value far from the median in a long enough history', () => {
    const f = detectOutlier(10, [100, 104, 98, 101, 97]);
    expect(f).toMatchObject({ kind: 'spread', median: 100 });
    expect(detectOutlier(95, [100, 104, 98, 101, 97])).toBeNull();
  });

  it('needs enough history for the spread test and ignores constant histories', () => {
    expect(detectOutlier(10, [100, 104, 98])).toBeNull();
    expect(detectOutlier(101, [100, 100, 100, 100])).toBeNull();
  });

  it('ignores empty history and gaps', () => {
    expect(detectOutlier(1e9, [])).toBeNull();
    expect(detectOutlier(1e9, [null, undefined, Number.NaN])).toBeNull();
    expect(detectOutlier(500, [null, 100])).toMatchObject({ kind: 'jump' });
  });
});
