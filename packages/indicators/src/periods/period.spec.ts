import { PeriodError } from '../shared/errors';
import {
  comparePeriods,
  comparePeriodsByEnd,
  containsPeriod,
  enclosingPeriod,
  isPeriodId,
  makePeriodId,
  nextPeriod,
  parsePeriod,
  periodsWithin,
  previousPeriod,
} from './period';

describe('parsePeriod', () => {
  it.each([
    ['2024', { kind: 'year', year: 2024, index: 1, start: '2024-01-01', end: '2024-12-31' }],
    ['2024S1', { kind: 'half', year: 2024, index: 1, start: '2024-01-01', end: '2024-06-30' }],
    ['2024S2', { kind: 'half', year: 2024, index: 2, start: '2024-07-01', end: '2024-12-31' }],
    ['2024Q1', { kind: 'quarter', year: 2024, index: 1, start: '2024-01-01', end: '2024-03-31' }],
    ['2024Q4', { kind: 'quarter', year: 2024, index: 4, start: '2024-10-01', end: '2024-12-31' }],
    ['202402', { kind: 'month', year: 2024, index: 2, start: '2024-02-01', end: '2024-02-29' }],
    ['202302', { kind: 'month', year: 2023, index: 2, start: '2023-02-01', end: '2023-02-28' }],
    ['202406', { kind: 'month', year: 2024, index: 6, start: '2024-06-01', end: '2024-06-30' }],
  ])('parses %s', (id, expected) => {
    expect(parsePeriod(id)).toEqual({ id, ...expected });
  });

  it.each(['', '24', '2024S3', '2024Q5', '202413', '202400', '2024s1', '2024q2', '2024-06', ' 2024', '2024H1', '0999'])(
    'rejects %j with an error naming the input',
    (bad) => {
      expect(() => parsePeriod(bad)).toThrow(PeriodError);
      expect(() => parsePeriod(bad)).toThrow(`"${bad}"`);
    },
  );

  it('gives the field and a Vietnamese message', () => {
    try {
      parsePeriod('2024Q5');
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(PeriodError);
      const err = e as PeriodError;
      expect(err.field).toBe('period');
      expect(err.code).toBe('PERIOD_INVALID');
      expect(err.messageVi).toContain('Mã kỳ báo cáo "2024Q5" không hợp lệ');
    }
  });

  it('rejects a non-string', () => {
    expect(() => parsePeriod(2024 as unknown as string)).toThrow(PeriodError);
  });
});

describe('isPeriodId / makePeriodId', () => {
  it('recognises ids', () => {
    expect(isPeriodId('2024Q2')).toBe(true);
    expect(isPeriodId('2024Q0')).toBe(false);
    expect(isPeriodId('0999')).toBe(false);
  });

  it('builds ids', () => {
    expect(makePeriodId('year', 2024, 1)).toBe('2024');
    expect(makePeriodId('half', 2024, 2)).toBe('2024S2');
    expect(makePeriodId('quarter', 2024, 3)).toBe('2024Q3');
    expect(makePeriodId('month', 2024, 6)).toBe('202406');
  });

  it('rejects a bad index or kind', () => {
    expect(() => makePeriodId('quarter', 2024, 5)).toThrow('index must be 1–4');
    expect(() => makePeriodId('week' as 'month', 2024, 1)).toThrow('Invalid period kind "week"');
  });
});

describe('navigation', () => {
  it('steps across year boundaries', () => {
    expect(previousPeriod('2024Q1')).toBe('2023Q4');
    expect(nextPeriod('2024Q4')).toBe('2025Q1');
    expect(nextPeriod('202412')).toBe('202501');
    expect(previousPeriod('202401')).toBe('202312');
    expect(nextPeriod('2024S2')).toBe('2025S1');
    expect(previousPeriod('2024')).toBe('2023');
  });

  it('refuses to step out of the supported years', () => {
    expect(() => nextPeriod('9999')).toThrow(PeriodError);
  });
});

describe('ordering and containment', () => {
  it('orders by start, longer first on the same start', () => {
    const ids = ['202402', '2024Q1', '2024', '2023Q4', '2024S1', '202401', '2024Q2'];
    expect([...ids].sort(comparePeriods)).toEqual(['2023Q4', '2024', '2024S1', '2024Q1', '202401', '202402', '2024Q2']);
    expect(comparePeriods('2024Q2', '2024Q2')).toBe(0);
  });

  it('orders by end for recency', () => {
    expect(comparePeriodsByEnd('2024', '2024Q3')).toBeGreaterThan(0);
    // Same last day: the shorter (later-starting) period is the more recent reading.
    expect(comparePeriodsByEnd('2024Q4', '2024')).toBeGreaterThan(0);
    expect(comparePeriodsByEnd('202412', '2024Q4')).toBeGreaterThan(0);
  });

  it('contains', () => {
    expect(containsPeriod('2024', '202406')).toBe(true);
    expect(containsPeriod('2024S1', '2024Q2')).toBe(true);
    expect(containsPeriod('2024S1', '2024Q3')).toBe(false);
    expect(containsPeriod('2024Q2', '2024Q2')).toBe(true);
    expect(containsPeriod('202406', '2024Q2')).toBe(false);
    expect(containsPeriod(parsePeriod('2024'), '202312')).toBe(false);
  });

  it('lists the periods within', () => {
    expect(periodsWithin('2024S1', 'month')).toEqual(['202401', '202402', '202403', '202404', '202405', '202406']);
    expect(periodsWithin('2024', 'quarter')).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(periodsWithin('2024S2', 'quarter')).toEqual(['2024Q3', '2024Q4']);
    expect(periodsWithin('2024Q3', 'quarter')).toEqual(['2024Q3']);
    expect(() => periodsWithin('2024Q3', 'year')).toThrow('a year is longer than a quarter');
  });

  it('finds the enclosing period', () => {
    expect(enclosingPeriod('202405', 'quarter')).toBe('2024Q2');
    expect(enclosingPeriod('202407', 'half')).toBe('2024S2');
    expect(enclosingPeriod('2024Q3', 'year')).toBe('2024');
    expect(() => enclosingPeriod('2024', 'month')).toThrow(PeriodError);
  });
});
