import { compareVietnamese as contractsCompare } from '@sen/contracts';
import { compareVietnamese, excerpt, foldVietnamese, formatVietnameseNumber, parseVietnameseNumber, tokenize } from './vietnamese';

describe('foldVietnamese', () => {
  it('removes diacritics, maps đ to d and lowercases', () => {
    expect(foldVietnamese('Hội Liên hiệp Phụ nữ Đà Nẵng')).toBe('hoi lien hiep phu nu da nang');
    expect(foldVietnamese('ĐOÀN CHỦ TỊCH')).toBe('doan chu tich');
    expect(foldVietnamese('Hà Nội'.normalize('NFD'))).toBe('ha noi');
    expect(foldVietnamese('ưu tiên, ơn')).toBe('uu tien, on');
  });

  it('lets "ha noi" find "Hà Nội"', () => {
    expect(foldVietnamese('Thành phố Hà Nội').includes(foldVietnamese('ha noi'))).toBe(true);
  });
});

describe('compareVietnamese', () => {
  it('sorts in Vietnamese order', () => {
    const names = ['Đông Anh', 'Ba Vì', 'Dương Xá', 'Ân Thi', 'An Khánh', 'Ứng Hòa', 'Uông Bí', 'Hà Đông'];
    expect([...names].sort(compareVietnamese)).toEqual(['An Khánh', 'Ân Thi', 'Ba Vì', 'Dương Xá', 'Đông Anh', 'Hà Đông', 'Uông Bí', 'Ứng Hòa']);
  });

  it('is the contracts’ collation, so plans sort like every other list of the app', () => {
    expect(compareVietnamese).toBe(contractsCompare);
  });
});

describe('Vietnamese numbers', () => {
  it.each([
    ['2.500', 2500],
    ['1.000,5', 1000.5],
    ['1.000.000', 1000000],
    ['90', 90],
    ['0,5', 0.5],
    ['01', 1],
    ['1.5', 1.5],
  ])('parses %s', (raw, value) => {
    expect(parseVietnameseNumber(raw)).toBe(value);
  });

  it('rejects what is not a number', () => {
    expect(parseVietnameseNumber('abc')).toBeNull();
    expect(parseVietnameseNumber('1.2.3,4,5')).toBeNull();
  });

  it('formats 2500 and 1000.5 the Vietnamese way', () => {
    expect(formatVietnameseNumber(2500)).toBe('2.500');
    expect(formatVietnameseNumber(1000.5)).toBe('1.000,5');
  });
});

describe('helpers', () => {
  it('tokenizes folded words', () => {
    expect(tokenize('Hộ nghèo/hộ cận nghèo, 100%')).toEqual(['ho', 'ngheo', 'ho', 'can', 'ngheo', '100%']);
  });

  it('shortens at a word boundary', () => {
    expect(excerpt('một hai ba bốn năm sáu', 12)).toBe('một hai ba…');
    expect(excerpt('ngắn', 12)).toBe('ngắn');
  });
});
