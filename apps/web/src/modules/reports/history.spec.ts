import { formatSnapshot } from './history';

const yesNo = { yes: 'Có', no: 'Không' };

describe('a value of the history, as it is shown', () => {
  it('writes numbers, rates and ratios the Vietnamese way', () => {
    expect(formatSnapshot({ value: 2500 }, { valueType: 'integer' }, yesNo)).toBe('2.500');
    expect(formatSnapshot({ value: 90.5 }, { valueType: 'percentage' }, yesNo)).toBe('90,5%');
    expect(formatSnapshot({ numerator: 1200, denominator: 1500 }, { valueType: 'percentage' }, yesNo)).toBe('1.200 / 1.500 (80%)');
    expect(formatSnapshot({ value: 1 }, { valueType: 'boolean' }, yesNo)).toBe('Có');
  });

  it('shows a dash for no value (before the first entry, after a clear)', () => {
    expect(formatSnapshot(null, { valueType: 'integer' }, yesNo)).toBe('—');
    expect(formatSnapshot(undefined, undefined, yesNo)).toBe('—');
    expect(formatSnapshot({ value: null }, undefined, yesNo)).toBe('—');
  });
});
