import { defaultHalfYear, parsePeriod, periodLabel, periodOptions, periodStarted, recentPeriods } from './periods';

describe('period labels', () => {
  it('writes periods as Vietnamese documents do', () => {
    expect(periodLabel('2024S1')).toBe('6 tháng đầu năm 2024');
    expect(periodLabel('2024S2')).toBe('6 tháng cuối năm 2024');
    expect(periodLabel('2024')).toBe('Năm 2024');
    expect(periodLabel('2024Q2')).toBe('Quý II/2024');
    expect(periodLabel('2024Q4')).toBe('Quý IV/2024');
    expect(periodLabel('202406')).toBe('Tháng 6/2024');
  });

  it('has English names', () => {
    expect(periodLabel('2024S1', 'en')).toBe('First half of 2024');
    expect(periodLabel('2024Q3', 'en')).toBe('Q3 2024');
    expect(periodLabel('202412', 'en')).toBe('December 2024');
    expect(periodLabel('2024', 'en')).toBe('Year 2024');
  });

  it('shows an unknown id as it is and parses only real ids', () => {
    expect(periodLabel('2024S3')).toBe('2024S3');
    expect(parsePeriod('2024S3')).toBeNull();
    expect(parsePeriod('202413')).toBeNull();
    expect(parsePeriod('2024Q1')).toMatchObject({ kind: 'quarter', year: 2024, index: 1 });
  });
});

describe('recent periods', () => {
  const now = new Date(2026, 10, 22); // 22/11/2026

  it('lists the years, halves and quarters newest first, leaving out what has not begun', () => {
    const ids = recentPeriods(new Date(2026, 3, 10), { years: 2 }); // 10/04/2026
    expect(ids).toEqual(['2026', '2026S1', '2026Q2', '2026Q1', '2025', '2025S2', '2025Q4', '2025Q3', '2025S1', '2025Q2', '2025Q1']);
  });

  it('reaches back far enough for the 2024 reports and can be limited to one kind', () => {
    expect(recentPeriods(now)).toContain('2024S1');
    expect(recentPeriods(now, { kinds: ['half'] })).toEqual(['2026S2', '2026S1', '2025S2', '2025S1', '2024S2', '2024S1', '2023S2', '2023S1']);
  });

  it('knows whether a period has begun', () => {
    expect(periodStarted('2026S2', now)).toBe(true);
    expect(periodStarted('2027', now)).toBe(false);
    expect(periodStarted('202612', now)).toBe(false);
    expect(periodStarted('202611', now)).toBe(true);
  });

  it('groups options by year with Vietnamese labels', () => {
    expect(periodOptions(['2024S1', '2024', '2023S2'])).toEqual([
      { label: 'Năm 2024', options: [{ value: '2024S1', label: '6 tháng đầu năm 2024' }, { value: '2024', label: 'Năm 2024' }] },
      { label: 'Năm 2023', options: [{ value: '2023S2', label: '6 tháng cuối năm 2023' }] },
    ]);
  });

  it('opens on the current half-year', () => {
    expect(defaultHalfYear(now)).toBe('2026S2');
    expect(defaultHalfYear(new Date(2025, 5, 30))).toBe('2025S1');
  });
});
