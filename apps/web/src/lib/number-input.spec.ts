import { formatViNumberText, parseViNumberText } from './number-input';

describe('Vietnamese number entry', () => {
  it('groups thousands with dots and writes the decimal comma', () => {
    expect(formatViNumberText(2500)).toBe('2.500');
    expect(formatViNumberText('1000.5')).toBe('1.000,5');
    expect(formatViNumberText('1234567')).toBe('1.234.567');
    expect(formatViNumberText('-12000')).toBe('-12.000');
    expect(formatViNumberText(90)).toBe('90');
    expect(formatViNumberText(undefined)).toBe('');
    expect(formatViNumberText('')).toBe('');
  });

  it('reads what people type back into a plain number', () => {
    expect(parseViNumberText('2.500')).toBe('2500');
    expect(parseViNumberText('1.000,5')).toBe('1000.5');
    expect(parseViNumberText('1.234.567')).toBe('1234567');
    expect(parseViNumberText('90,5')).toBe('90.5');
    expect(parseViNumberText(' 2 500 ')).toBe('2500');
    expect(parseViNumberText('90,5%')).toBe('90.5');
    expect(parseViNumberText('')).toBe('');
  });

  it('takes a lone dot before one or two digits as a decimal point (English keyboards)', () => {
    expect(parseViNumberText('90.5')).toBe('90.5');
    expect(parseViNumberText('3.25')).toBe('3.25');
    expect(parseViNumberText('2.500')).toBe('2500');
  });

  it('round-trips', () => {
    for (const n of ['0', '7', '2500', '1000.5', '123456789', '0.25']) expect(parseViNumberText(formatViNumberText(n))).toBe(n);
  });
});
