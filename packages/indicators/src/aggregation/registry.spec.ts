import { AggregationError } from '../shared/errors';
import type { AggregationMethod } from './aggregation-method';
import {
  BUILT_IN_AGGREGATION_METHODS,
  getAggregationMethod,
  hasAggregationMethod,
  listAggregationMethods,
  registerAggregationMethod,
  unregisterAggregationMethod,
} from './registry';
import { emptyParts, mergeParts } from './rollup-parts';

const countMethod: AggregationMethod = {
  id: 'count_reports',
  nameVi: 'Số đơn vị báo cáo',
  nameEn: 'Reporting units',
  additive: true,
  fromUnitValue: (u) => (u.value === undefined || u.value === null ? emptyParts() : { ...emptyParts(), count: 1 }),
  combine: mergeParts,
  subtract: () => null,
  value: (p) => p.count,
};

afterEach(() => {
  unregisterAggregationMethod('count_reports');
});

describe('aggregation registry', () => {
  it('ships the seven built-in methods', () => {
    expect(BUILT_IN_AGGREGATION_METHODS.map((m) => m.id)).toEqual(['sum', 'ratio', 'average', 'min', 'max', 'coverage', 'latest']);
    for (const m of BUILT_IN_AGGREGATION_METHODS) expect(getAggregationMethod(m.id)).toBe(m);
  });

  it('registers, finds, lists and unregisters a method', () => {
    expect(hasAggregationMethod('count_reports')).toBe(false);
    registerAggregationMethod(countMethod);
    expect(getAggregationMethod('count_reports')).toBe(countMethod);
    expect(listAggregationMethods().map((m) => m.id)).toContain('count_reports');
    expect(unregisterAggregationMethod('count_reports')).toBe(true);
    expect(hasAggregationMethod('count_reports')).toBe(false);
  });

  it('refuses duplicates unless replacing, and never replaces a built-in', () => {
    registerAggregationMethod(countMethod);
    expect(() => registerAggregationMethod(countMethod)).toThrow('already registered');
    expect(() => registerAggregationMethod(countMethod, { replace: true })).not.toThrow();
    expect(() => registerAggregationMethod({ ...countMethod, id: 'sum' }, { replace: true })).toThrow('built in');
    expect(unregisterAggregationMethod('sum')).toBe(false);
  });

  it('refuses a bad id', () => {
    expect(() => registerAggregationMethod({ ...countMethod, id: 'Count Reports' })).toThrow('lower_snake_case');
  });

  it('names the known methods when one is unknown', () => {
    try {
      getAggregationMethod('median');
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(AggregationError);
      expect((e as AggregationError).code).toBe('AGGREGATION_METHOD_UNKNOWN');
      expect((e as AggregationError).message).toContain('sum, ratio, average, min, max, coverage, latest');
    }
  });
});
