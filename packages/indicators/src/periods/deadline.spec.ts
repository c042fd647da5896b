import { DeadlineError } from '../shared/errors';
import { deadlineFor, extractReportingDeadlinesVi, parseDeadlineVi } from './deadline';

describe('parseDeadlineVi', () => {
  it.each([
    ['trước ngày 13/6', { day: 13, month: 6 }],
    ['trước 30/10', { day: 30, month: 10 }],
    ['Trước ngày 05/01', { day: 5, month: 1 }],
    ['chậm nhất ngày 15 tháng 12', { day: 15, month: 12 }],
    ['trước ngày 15/01 năm sau', { day: 15, month: 1, yearOffset: 1 }],
    ['trước ngày 15/12/2024', { day: 15, month: 12, year: 2024 }],
    ['trong vòng 5 ngày sau khi kết thúc kỳ', { daysAfterEnd: 5 }],
    ['10 ngày kể từ ngày kết thúc kỳ báo cáo', { daysAfterEnd: 10 }],
  ])('%j', (text, rule) => {
    expect(parseDeadlineVi(text)).toEqual(rule);
  });

  it('rejects text without a date, naming it', () => {
    expect(() => parseDeadlineVi('hằng năm')).toThrow(DeadlineError);
    expect(() => parseDeadlineVi('hằng năm')).toThrow('"hằng năm"');
  });

  it('rejects impossible dates', () => {
    expect(() => parseDeadlineVi('trước ngày 31/6')).toThrow('31/6 is not a date');
  });

  it('rejects working days', () => {
    expect(() => parseDeadlineVi('5 ngày làm việc sau khi kết thúc kỳ')).toThrow('working days');
  });
});

describe('deadlineFor', () => {
  it('puts a day/month rule in the year the period ends', () => {
    expect(deadlineFor('2024S1', { day: 13, month: 6 })).toBe('2024-06-13');
    expect(deadlineFor('2024', { day: 30, month: 10 })).toBe('2024-10-30');
  });

  it('honours yearOffset and a fixed year', () => {
    expect(deadlineFor('2024Q4', { day: 15, month: 1, yearOffset: 1 })).toBe('2025-01-15');
    expect(deadlineFor('2024Q4', { day: 15, month: 12, year: 2024 })).toBe('2024-12-15');
  });

  it('counts days after the cut-off', () => {
    expect(deadlineFor('202406', { daysAfterEnd: 5 })).toBe('2024-07-05');
    expect(deadlineFor('2024S1', { daysAfterEnd: 2 }, { cutOffs: { S1: '06-13' } })).toBe('2024-06-15');
  });

  it('rejects impossible rules, naming the field', () => {
    try {
      deadlineFor('2023', { day: 29, month: 2 });
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(DeadlineError);
      expect((e as DeadlineError).field).toBe('day');
    }
    expect(() => deadlineFor('2024', { day: 1, month: 13 })).toThrow('1/13/2024 is not a date');
    expect(() => deadlineFor('2024', { daysAfterEnd: -1 })).toThrow('daysAfterEnd');
    expect(() => deadlineFor('2024', { day: 1, month: 1, yearOffset: 0.5 })).toThrow('yearOffset');
  });

  it('works with rules read from text', () => {
    expect(deadlineFor('2024S1', parseDeadlineVi('trước ngày 13/6'))).toBe('2024-06-13');
  });
});

describe('extractReportingDeadlinesVi', () => {
  it('reads the obligations of the Hà Nội rural-development plan (13/KH-BTV)', () => {
    const text =
      'Thực hiện chế độ thông tin báo cáo kết quả thực hiện Đề án định kỳ 6 tháng (trước ngày 13/6) và báo cáo năm (trước 30/10) gửi về Hội LHPN Hà Nội';
    expect(extractReportingDeadlinesVi(text)).toEqual([
      { kind: 'half', rule: { day: 13, month: 6 }, text: 'trước ngày 13/6' },
      { kind: 'year', rule: { day: 30, month: 10 }, text: 'trước 30/10' },
    ]);
  });

  it('returns nothing when there is no deadline', () => {
    expect(extractReportingDeadlinesVi('Báo cáo kết quả hằng tháng, quý, năm.')).toEqual([]);
  });
});
