import { addDays, dayNumber, daysInMonth, fromDayNumber, isLeapYear, parseIsoDate, toIsoDate } from './dates';

describe('dates', () => {
  it('knows leap years and month lengths', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(fromDayNumber(dayNumber('2024-06-13'))).toBe('2024-06-13');
  });

  it('parses strictly', () => {
    expect(parseIsoDate('2024-06-13')).toEqual({ year: 2024, month: 6, day: 13 });
    expect(() => parseIsoDate('2024-6-13')).toThrow('Invalid date "2024-6-13"');
    expect(() => parseIsoDate('13/06/2024')).toThrow('YYYY-MM-DD');
  });

  it('reads instants in Vietnam time', () => {
    expect(toIsoDate(new Date('2024-06-13T16:30:00Z'))).toBe('2024-06-13');
    expect(toIsoDate(new Date('2024-06-13T17:00:00Z'))).toBe('2024-06-14');
    expect(toIsoDate('2024-06-13')).toBe('2024-06-13');
  });
});
