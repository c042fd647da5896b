import { isLate, reportDeadline } from './report-deadline';

describe('reportDeadline: one rule per form', () => {
  it('national forms: S1 due 13/06, S2 due 13/12 (moved by one half), the year due 30/10', () => {
    expect(reportDeadline('2024S1', { day: 13, month: 6 })).toBe('2024-06-13');
    expect(reportDeadline('2024S2', { day: 13, month: 6 })).toBe('2024-12-13');
    expect(reportDeadline('2024', { day: 30, month: 10 })).toBe('2024-10-30');
  });

  it('quarterly and monthly fixed days name the first period of the year and move by whole periods, across the year end', () => {
    expect(['2026Q1', '2026Q2', '2026Q3', '2026Q4'].map((p) => reportDeadline(p, { day: 15, month: 4 }))).toEqual([
      '2026-04-15',
      '2026-07-15',
      '2026-10-15',
      '2027-01-15',
    ]);
    expect(reportDeadline('202401', { day: 31, month: 1 })).toBe('2024-01-31');
    expect(reportDeadline('202402', { day: 31, month: 1 })).toBe('2024-02-29'); // clamped to the month
    expect(reportDeadline('202412', { day: 5, month: 2 })).toBe('2025-01-05');
  });

  it('days after the end follow the period', () => {
    expect(reportDeadline('2024Q2', { daysAfterEnd: 10 })).toBe('2024-07-10');
  });

  it('a report is late only after the end of the deadline day in Vietnam (UTC+7)', () => {
    expect(isLate('2024-06-13', new Date('2024-06-13T16:59:59Z'))).toBe(false); // 23:59:59 in Hà Nội
    expect(isLate('2024-06-13', new Date('2024-06-13T17:00:00Z'))).toBe(true); // 00:00 on 14/06
  });
});
