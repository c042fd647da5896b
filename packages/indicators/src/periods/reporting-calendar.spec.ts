import { PeriodError } from '../shared/errors';
import { cutOffDate, elapsedShare, periodOfDate, reportingWindow, validateReportingCalendar } from './reporting-calendar';

/** Hà Nội's plans: 6-month data to 13/06, the year closes 30/10 (13/KH-BTV). */
const HANOI = { yearEnd: '10-30', cutOffs: { S1: '06-13' } } as const;

describe('reportingWindow', () => {
  it('is the calendar period without a calendar', () => {
    expect(reportingWindow('2024Q2')).toEqual({ period: '2024Q2', start: '2024-04-01', end: '2024-06-30' });
    expect(reportingWindow('2024')).toEqual({ period: '2024', start: '2024-01-01', end: '2024-12-31' });
  });

  it('closes the reporting year on yearEnd', () => {
    expect(reportingWindow('2024', HANOI)).toEqual({ period: '2024', start: '2023-10-31', end: '2024-10-30' });
  });

  it('closes S1 on its cut-off and starts S2 the day after', () => {
    expect(reportingWindow('2024S1', HANOI)).toEqual({ period: '2024S1', start: '2023-10-31', end: '2024-06-13' });
    expect(reportingWindow('2024S2', HANOI)).toEqual({ period: '2024S2', start: '2024-06-14', end: '2024-10-30' });
  });

  it('moves the days after the year end into the next year\'s first quarter and the next month', () => {
    expect(reportingWindow('2024Q4', HANOI)).toEqual({ period: '2024Q4', start: '2024-10-01', end: '2024-10-30' });
    expect(reportingWindow('2025Q1', HANOI)).toEqual({ period: '2025Q1', start: '2024-10-31', end: '2025-03-31' });
    expect(reportingWindow('202410', HANOI)).toEqual({ period: '202410', start: '2024-10-01', end: '2024-10-30' });
    expect(reportingWindow('202411', HANOI)).toEqual({ period: '202411', start: '2024-10-31', end: '2024-11-30' });
  });

  it('rejects cut-offs out of order, naming the field', () => {
    expect(() => reportingWindow('2024S2', { cutOffs: { S1: '06-13', S2: '05-01' } })).toThrow('empty window');
  });

  it('cutOffDate gives the last day of data', () => {
    expect(cutOffDate('2024S1', HANOI)).toBe('2024-06-13');
    expect(cutOffDate('2024Q2', HANOI)).toBe('2024-06-30');
    expect(cutOffDate('2024')).toBe('2024-12-31');
  });
});

describe('validateReportingCalendar', () => {
  it.each([
    [{ yearEnd: '13-01' }, 'yearEnd'],
    [{ yearEnd: '02-29' }, 'yearEnd'],
    [{ yearEnd: '1030' }, 'yearEnd'],
    [{ cutOffs: { S1: '06-31' } }, 'cutOffs.S1'],
    [{ cutOffs: { H1: '06-13' } }, 'cutOffs.H1'],
    [{ yearEnd: '10-30', cutOffs: { year: '10-31' } }, 'cutOffs.year'],
  ])('rejects %j naming %s', (calendar, field) => {
    try {
      validateReportingCalendar(calendar as never);
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(PeriodError);
      expect((e as PeriodError).field).toBe(field);
      expect((e as PeriodError).code).toBe('CALENDAR_INVALID');
    }
  });

  it('accepts cutOffs.year as a spelling of yearEnd', () => {
    expect(() => validateReportingCalendar({ yearEnd: '10-30', cutOffs: { year: '10-30' } })).not.toThrow();
    expect(reportingWindow('2024', { cutOffs: { year: '10-30' } }).end).toBe('2024-10-30');
  });
});

describe('periodOfDate', () => {
  it('gives the calendar period without a calendar', () => {
    expect(periodOfDate('2024-05-15', 'quarter')).toBe('2024Q2');
    expect(periodOfDate('2024-05-15', 'month')).toBe('202405');
    expect(periodOfDate('2024-12-31', 'year')).toBe('2024');
    expect(periodOfDate('2024-07-01', 'half')).toBe('2024S2');
  });

  it('applies the calendar: after the year end is next year', () => {
    expect(periodOfDate('2024-10-30', 'year', HANOI)).toBe('2024');
    expect(periodOfDate('2024-10-31', 'year', HANOI)).toBe('2025');
    expect(periodOfDate('2024-06-13', 'half', HANOI)).toBe('2024S1');
    expect(periodOfDate('2024-06-14', 'half', HANOI)).toBe('2024S2');
    expect(periodOfDate('2024-11-02', 'half', HANOI)).toBe('2025S1');
    expect(periodOfDate('2024-10-31', 'month', HANOI)).toBe('202411');
  });

  it('reads an instant as a day in Vietnam (UTC+7)', () => {
    // 17:30 UTC on 30/06 is 00:30 on 01/07 in Hà Nội.
    expect(periodOfDate(new Date('2024-06-30T17:30:00Z'), 'half')).toBe('2024S2');
    expect(periodOfDate(new Date('2024-06-30T16:59:59Z'), 'half')).toBe('2024S1');
  });

  it('rejects bad dates and kinds', () => {
    expect(() => periodOfDate('2024-02-30', 'month')).toThrow('Invalid date "2024-02-30"');
    expect(() => periodOfDate(new Date('nope'), 'month')).toThrow(PeriodError);
    expect(() => periodOfDate('2024-02-01', 'week' as 'month')).toThrow('Invalid period kind');
  });
});

describe('elapsedShare', () => {
  it('is 0 before, 1 on and after the cut-off, proportional in between', () => {
    expect(elapsedShare('2024', '2023-12-31')).toBe(0);
    expect(elapsedShare('2024', '2024-12-31')).toBe(1);
    expect(elapsedShare('2024', '2025-03-01')).toBe(1);
    expect(elapsedShare('2024', '2024-01-01')).toBeCloseTo(1 / 366);
    expect(elapsedShare('2024S1', '2024-03-31')).toBeCloseTo(91 / 182);
  });

  it('uses the reporting window', () => {
    expect(elapsedShare('2024S1', '2024-06-13', HANOI)).toBe(1);
    expect(elapsedShare('2024', '2024-10-30', HANOI)).toBe(1);
    expect(elapsedShare('2024', '2023-11-01', HANOI)).toBeCloseTo(2 / 366);
  });

  it('names asOf in a bad-date error', () => {
    try {
      elapsedShare('2024', 'tomorrow');
      throw new Error('should have thrown');
    } catch (e) {
      expect((e as PeriodError).field).toBe('asOf');
    }
  });
});
