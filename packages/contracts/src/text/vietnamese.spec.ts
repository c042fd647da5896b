import { compareVietnamese, foldVietnamese, vietnameseSortKey } from './vietnamese';

describe('foldVietnamese', () => {
  it('drops diacritics and case so that "cau giay" finds "Cầu Giấy"', () => {
    expect(foldVietnamese('Cầu Giấy')).toBe('cau giay');
    expect(foldVietnamese('  Đà   Nẵng ')).toBe('da nang');
    expect(foldVietnamese('Phường Hồng Hà')).toContain('hong ha');
  });
});

describe('vietnameseSortKey', () => {
  it('orders base letters the Vietnamese way: a < ă < â < b, d < đ < e, o < ô < ơ, u < ư', () => {
    const words = ['Ơn', 'Ăn', 'Đông', 'Dương', 'Ân', 'An', 'Bắc', 'Ông', 'Ưng', 'Em', 'Uyên', 'Ót'];
    const sorted = [...words].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['An', 'Ăn', 'Ân', 'Bắc', 'Dương', 'Đông', 'Em', 'Ót', 'Ông', 'Ơn', 'Uyên', 'Ưng']);
  });

  it('treats tones as a secondary difference: "Ba" < "Bà" < "Bá" < "Bạ" < "Bác"', () => {
    const words = ['Bác', 'Bạ', 'Bá', 'Ba', 'Bà'];
    expect([...words].sort(compareVietnamese)).toEqual(['Ba', 'Bà', 'Bá', 'Bạ', 'Bác']);
  });

  it('gives the same key for precomposed and decomposed input', () => {
    expect(vietnameseSortKey('Hà Nội'.normalize('NFC'))).toBe(vietnameseSortKey('Hà Nội'.normalize('NFD')));
  });
});
