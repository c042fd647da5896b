import { AggregationError, IndicatorDefinitionError, IndicatorsError, RuleSyntaxError } from './errors';
import { formatNumberEn, formatNumberVi } from './number-format';

describe('formatNumberVi / formatNumberEn', () => {
  it.each([
    [2500, '2.500', '2,500'],
    [1000.5, '1.000,5', '1,000.5'],
    [1234567.891, '1.234.567,89', '1,234,567.89'],
    [-42, '-42', '-42'],
    [0, '0', '0'],
    [-0.001, '0', '0'],
    [999, '999', '999'],
  ])('%d → %s / %s', (n, vi, en) => {
    expect(formatNumberVi(n)).toBe(vi);
    expect(formatNumberEn(n)).toBe(en);
  });

  it('honours the number of fraction digits and non-finite numbers', () => {
    expect(formatNumberVi(2 / 3, 4)).toBe('0,6667');
    expect(formatNumberVi(Number.NaN)).toBe('NaN');
  });
});

describe('errors', () => {
  it('carry a code, both languages and the field', () => {
    const e = new AggregationError('bad', 'hỏng', 'value');
    expect(e).toBeInstanceOf(IndicatorsError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('AggregationError');
    expect([e.code, e.message, e.messageVi, e.field]).toEqual(['AGGREGATION_INPUT_INVALID', 'bad', 'hỏng', 'value']);
  });

  it('list every problem of a definition', () => {
    const e = new IndicatorDefinitionError('X', [
      { field: 'code', reason: 'bad code', reasonVi: 'mã sai' },
      { field: 'unit', reason: 'no unit', reasonVi: 'thiếu đơn vị' },
    ]);
    expect(e.message).toBe('Invalid indicator definition "X" — code: bad code; unit: no unit');
    expect(e.messageVi).toBe('Định nghĩa chỉ số "X" không hợp lệ — code: mã sai; unit: thiếu đơn vị');
    expect(e.field).toBe('code');
  });

  it('place rule syntax errors', () => {
    const e = new RuleSyntaxError('Unexpected ")"', 'Không mong đợi ")"', 6, 'A <= B)', 'R1');
    expect(e.message).toBe('Unexpected ")" at position 6 in rule R1: A <= B)');
    expect([e.position, e.reason, e.rule]).toEqual([6, 'Unexpected ")"', 'R1']);
  });
});
