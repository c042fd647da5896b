import { applyChange, needsRecompute } from './apply-change';
import { getAggregationMethod } from './registry';
import { combineAll, combinePeriods, partsOf, rollup, valueOf } from './rollup';
import { emptyParts } from './rollup-parts';
import { TEST_DEFS } from './__tests__/test-definitions';

describe('rollup', () => {
  it('rolls units up with the indicator\'s method', () => {
    expect(rollup(TEST_DEFS.sum, [{ value: 1 }, { value: 2 }, { value: null }])).toEqual({
      parts: { ...emptyParts(), sum: 3, count: 2 },
      value: 3,
    });
    expect(rollup(TEST_DEFS.ratio, [{ numerator: 9, denominator: 10 }, { numerator: 1, denominator: 10 }]).value).toBe(50);
    expect(rollup(TEST_DEFS.sum, []).value).toBeNull();
  });

  it('combineAll, partsOf and valueOf agree with rollup', () => {
    const d = TEST_DEFS.coverage;
    const units = [{ value: 2, level: 'grassroots' }, { value: 0, level: 'grassroots' }];
    const parts = combineAll(d, units.map((u) => partsOf(d, u)));
    expect(parts).toEqual(rollup(d, units).parts);
    expect(valueOf(d, parts)).toBe(50);
  });

  it('throws for an unknown method', () => {
    expect(() => rollup({ ...TEST_DEFS.sum, aggregation: 'median' }, [])).toThrow('Unknown aggregation method "median"');
  });
});

describe('applyChange', () => {
  it('updates additive methods by delta', () => {
    const d = TEST_DEFS.sum;
    const m = getAggregationMethod('sum');
    const a = partsOf(d, { value: 5 });
    const b = partsOf(d, { value: 7 });
    const parent = m.combine(a, b);
    const result = applyChange(parent, a, partsOf(d, { value: 1 }), m);
    expect(needsRecompute(result)).toBe(false);
    expect(result).toEqual({ parts: { ...emptyParts(), sum: 8, count: 2 } });
  });

  it('handles an inserted and a removed child', () => {
    const d = TEST_DEFS.ratio;
    const m = getAggregationMethod('ratio');
    const a = partsOf(d, { numerator: 1, denominator: 4 });
    const inserted = applyChange(a, emptyParts(), partsOf(d, { numerator: 3, denominator: 4 }), m);
    expect('parts' in inserted && m.value(inserted.parts)).toBe(50);
    const removed = applyChange(a, a, emptyParts(), m);
    expect('parts' in removed && removed.parts).toEqual(emptyParts());
  });

  it('asks to recompute for min, max and latest', () => {
    for (const id of ['min', 'max', 'latest'] as const) {
      const m = getAggregationMethod(id);
      expect(applyChange(emptyParts(), emptyParts(), emptyParts(), m)).toEqual({ recompute: true });
    }
  });

  it('asks to recompute when the old child was never in the parent', () => {
    const m = getAggregationMethod('sum');
    expect(applyChange(emptyParts(), partsOf(TEST_DEFS.sum, { value: 1 }), emptyParts(), m)).toEqual({ recompute: true });
  });
});

describe('combinePeriods', () => {
  const monthly = (def: typeof TEST_DEFS.sum, values: Array<[string, number | null]>) =>
    values.map(([period, value]) => ({ period, parts: rollup(def, [{ value }]).parts }));

  it('adds flows', () => {
    const parts = combinePeriods(monthly(TEST_DEFS.sum, [['202401', 10], ['202402', 20], ['202403', 5]]), TEST_DEFS.sum);
    expect(valueOf(TEST_DEFS.sum, parts)).toBe(35);
  });

  it('takes the latest period with data for stocks, whatever the order given', () => {
    const stock = { ...TEST_DEFS.sum, kind: 'stock' as const };
    const parts = combinePeriods(monthly(stock, [['202403', 120], ['202401', 100], ['202402', 110], ['202404', null]]), stock);
    expect(valueOf(stock, parts)).toBe(120);
    expect(parts.latestPeriod).toBe('202403');
    expect(parts.latestValue).toBe(120);
  });

  it('keeps a stock ratio a ratio of the latest period\'s sums', () => {
    const d = TEST_DEFS.ratio;
    const parts = combinePeriods(
      [
        { period: '2024Q1', parts: rollup(d, [{ numerator: 1, denominator: 10 }]).parts },
        { period: '2024Q2', parts: rollup(d, [{ numerator: 6, denominator: 10 }]).parts },
      ],
      d,
    );
    expect(valueOf(d, parts)).toBe(60);
  });

  it('refuses to combine the coverage of a flow across periods', () => {
    const flowCoverage = { ...TEST_DEFS.coverage, kind: 'flow' as const };
    const half = (period: string) => ({ period, parts: rollup(flowCoverage, [{ value: 1, level: 'grassroots' }]).parts });
    expect(() => combinePeriods([half('2024S1'), half('2024S2')], flowCoverage)).toThrow('coverage of a flow cannot be combined');
    // The right way: the unit's yearly value (1 + 1 = 2) against the minimum of 2.
    expect(rollup(flowCoverage, [{ value: 2, level: 'grassroots' }]).value).toBe(100);
  });

  it('is empty without data and rejects a bad period id', () => {
    expect(combinePeriods([], TEST_DEFS.ratio)).toEqual(emptyParts());
    expect(() => combinePeriods([{ period: 'Q1', parts: emptyParts() }], TEST_DEFS.sum)).toThrow('"Q1" is not a period id');
  });
});
