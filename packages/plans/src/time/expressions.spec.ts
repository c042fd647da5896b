import { formatDocumentDate, isoDate } from './dates';
import { findTimeExpressions, parseDeadline, parseTimeExpression } from './expressions';

describe('parseTimeExpression', () => {
  it.each([
    ['Tháng 3 năm 2024', '2024-03-01', '2024-03-31'],
    ['Tháng 3/2024', '2024-03-01', '2024-03-31'],
    ['tháng 02-2024', '2024-02-01', '2024-02-29'],
    ['tháng 3-4/2024', '2024-03-01', '2024-04-30'],
    ['Quý 4/2024', '2024-10-01', '2024-12-31'],
    ['Quý IV năm 2024', '2024-10-01', '2024-12-31'],
    ['Quý II, III/2023', '2023-04-01', '2023-09-30'],
    ['từ ngày 15/11-15/12/2024', '2024-11-15', '2024-12-15'],
    ['từ ngày 15/11/2024 đến ngày 15/12/2024', '2024-11-15', '2024-12-15'],
    ['từ ngày 20/12 - 10/01/2025', '2024-12-20', '2025-01-10'],
    ['dự kiến ngày 28/5/2024 (Thứ ba)', '2024-05-28', '2024-05-28'],
    ['01 buổi, dự kiến ngày 28/5/2024 (Thứ ba)', '2024-05-28', '2024-05-28'],
    ['ngày 28 tháng 5 năm 2024', '2024-05-28', '2024-05-28'],
    ['28/5/2024', '2024-05-28', '2024-05-28'],
    ['6 tháng đầu năm 2024', '2024-01-01', '2024-06-30'],
    ['năm 2024', '2024-01-01', '2024-12-31'],
    ['Tháng 3 và tháng 10 năm 2024', '2024-03-01', '2024-10-31'],
  ])('reads "%s"', (text, from, to) => {
    const t = parseTimeExpression(text);
    expect([t.from, t.to]).toEqual([from, to]);
    expect(t.text).toBe(text);
  });

  it('uses the plan year when the text gives none', () => {
    expect(parseTimeExpression('tháng 9', { defaultYear: 2024 })).toMatchObject({ from: '2024-09-01', to: '2024-09-30' });
    expect(parseTimeExpression('Quý II', { defaultYear: 2024 })).toMatchObject({ from: '2024-04-01', to: '2024-06-30' });
    expect(parseTimeExpression('ngày 8/3', { defaultYear: 2024 })).toMatchObject({ from: '2024-03-08', to: '2024-03-08' });
  });

  it('reads recurrences without dates', () => {
    expect(parseTimeExpression('Hằng năm')).toMatchObject({ from: null, to: null, recurrence: 'year' });
    expect(parseTimeExpression('định kỳ 6 tháng')).toMatchObject({ from: null, to: null, recurrence: 'half' });
    expect(parseTimeExpression('hàng quý')).toMatchObject({ recurrence: 'quarter' });
  });

  it('warns when the weekday does not match the date', () => {
    expect(parseTimeExpression('ngày 28/5/2024 (Thứ ba)').warnings).toEqual([]);
    expect(parseTimeExpression('ngày 28/5/2024 (Thứ tư)').warnings[0]).toMatch(/là Thứ ba, không phải Thứ tư/);
  });

  it('gives nulls for what is not a time, and never throws', () => {
    expect(parseTimeExpression('Tháng hành động vì bình đẳng giới')).toMatchObject({ from: null, to: null, recurrence: null });
    expect(parseTimeExpression('ngày 31/2/2024')).toMatchObject({ from: null });
    expect(parseTimeExpression('Quý V/2024')).toMatchObject({ from: null });
    expect(parseTimeExpression('')).toMatchObject({ text: null, from: null });
  });
});

describe('findTimeExpressions', () => {
  it('finds the time in a sentence, not document numbers', () => {
    const spans = findTimeExpressions('Tổ chức 2 đoàn tham quan (Quý II, III/2023) theo Quyết định 4028/QĐ-UBND.', { includeRecurring: false });
    expect(spans.map((s) => s.text)).toEqual(['Quý II, III/2023']);
  });

  it('skips bare years unless asked', () => {
    expect(findTimeExpressions('Kế hoạch năm 2024')).toEqual([]);
    expect(findTimeExpressions('Kế hoạch năm 2024', { includeBareYears: true })).toHaveLength(1);
  });
});

describe('deadlines and dates', () => {
  it('reads "trước ngày 13/6" and "trước 30/10"', () => {
    expect(parseDeadline('báo cáo 6 tháng (trước ngày 13/6)')).toBe('13/06');
    expect(parseDeadline('báo cáo năm (trước 30/10)')).toBe('30/10');
    expect(parseDeadline('chậm nhất ngày 5/12')).toBe('05/12');
    expect(parseDeadline('không hạn')).toBeNull();
  });

  it('validates and formats dates the ND30 way', () => {
    expect(isoDate(2024, 2, 30)).toBeNull();
    expect(formatDocumentDate('2024-02-07')).toBe('ngày 07 tháng 02 năm 2024');
    expect(formatDocumentDate('2024-05-10')).toBe('ngày 10 tháng 5 năm 2024');
  });
});
