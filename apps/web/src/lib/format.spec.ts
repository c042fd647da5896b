import dayjs from 'dayjs';
import { formatDate, formatNumber, formatPercent, formatRatio, toIsoDate } from './format';

describe('Vietnamese number formatting', () => {
  it('groups thousands with a dot', () => {
    expect(formatNumber(2500)).toBe('2.500');
    expect(formatNumber(1000000)).toBe('1.000.000');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes decimals with a comma', () => {
    expect(formatNumber(1000.5)).toBe('1.000,5');
    expect(formatNumber(1000.5, 2, 2)).toBe('1.000,50');
    expect(formatNumber(3.14159, 2)).toBe('3,14');
  });

  it('writes percentages as 90,5%', () => {
    expect(formatPercent(90.5)).toBe('90,5%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatRatio(0.905)).toBe('90,5%');
  });

  it('shows a dash for missing values', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('Vietnamese dates', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2024-02-07T10:00:00')).toBe('07/02/2024');
    expect(formatDate(new Date(2024, 11, 31))).toBe('31/12/2024');
  });

  it('shows a dash for empty or invalid dates', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });

  it('turns a picked day into the API date', () => {
    expect(toIsoDate(dayjs('2025-07-01'))).toBe('2025-07-01');
    expect(toIsoDate(new Date(2025, 0, 9))).toBe('2025-01-09');
  });
});
