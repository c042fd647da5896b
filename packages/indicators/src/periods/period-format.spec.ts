import { formatPeriodEn, formatPeriodVi, parsePeriodVi } from './period-format';

describe('formatPeriodVi', () => {
  it.each([
    ['2024', 'Năm 2024'],
    ['2024S1', '6 tháng đầu năm 2024'],
    ['2024S2', '6 tháng cuối năm 2024'],
    ['2024Q1', 'Quý I/2024'],
    ['2024Q2', 'Quý II/2024'],
    ['2024Q3', 'Quý III/2024'],
    ['2024Q4', 'Quý IV/2024'],
    ['202406', 'Tháng 6/2024'],
    ['202412', 'Tháng 12/2024'],
  ])('%s → %s', (id, text) => {
    expect(formatPeriodVi(id)).toBe(text);
  });

  it('throws on a bad id', () => {
    expect(() => formatPeriodVi('2024Q9')).toThrow('"2024Q9"');
  });
});

describe('formatPeriodEn', () => {
  it.each([
    ['2024', '2024'],
    ['2024S1', 'First half of 2024'],
    ['2024S2', 'Second half of 2024'],
    ['2024Q2', 'Q2 2024'],
    ['202406', 'June 2024'],
  ])('%s → %s', (id, text) => {
    expect(formatPeriodEn(id)).toBe(text);
  });
});

describe('parsePeriodVi', () => {
  it.each([
    ['Năm 2024', '2024'],
    ['6 tháng đầu năm 2024', '2024S1'],
    ['Sáu tháng cuối năm 2024', '2024S2'],
    ['Quý II/2024', '2024Q2'],
    ['Quý 4/2024', '2024Q4'],
    ['quý IV năm 2024', '2024Q4'],
    ['Tháng 3 năm 2024', '202403'],
    ['Tháng 03/2024', '202403'],
    ['  Tháng   10  năm 2024 ', '202410'],
  ])('%j → %s', (text, id) => {
    expect(parsePeriodVi(text)).toBe(id);
  });

  it.each(['Quý V/2024', 'Tháng 13/2024', 'Hằng năm', 'từ ngày 15/11-15/12/2024'])('rejects %j naming it', (text) => {
    expect(() => parsePeriodVi(text)).toThrow(`"${text}"`);
  });

  it('reads NFD-composed text (copied from Word on macOS)', () => {
    expect(parsePeriodVi('Quý II/2024'.normalize('NFD'))).toBe('2024Q2');
    expect(parsePeriodVi('6 tháng đầu năm 2024'.normalize('NFD'))).toBe('2024S1');
  });
});
