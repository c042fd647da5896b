import { formatDocumentSymbol, isValidDocumentSymbol, nextDocumentSymbol, nextNumber, normalizeDocumentSymbol, parseDocumentSymbol } from './symbol';

describe('document symbols', () => {
  it('parses state, decree, letter and party symbols', () => {
    expect(parseDocumentSymbol('31/KH-BTV')).toEqual({ number: 31, kind: 'KH', body: 'BTV', year: null, style: 'state' });
    expect(parseDocumentSymbol('56/2012/NĐ-CP')).toEqual({ number: 56, kind: 'NĐ', body: 'CP', year: 2012, style: 'state' });
    expect(parseDocumentSymbol('3186/ĐCT-VP')).toEqual({ number: 3186, kind: null, body: 'ĐCT-VP', year: null, style: 'state' });
    expect(parseDocumentSymbol('397-TB/TU')).toEqual({ number: 397, kind: 'TB', body: 'TU', year: null, style: 'party' });
    expect(parseDocumentSymbol('04-CTr/TU')?.kind).toBe('CTr');
  });

  it('tolerates spaces and dashes as written in Word', () => {
    expect(normalizeDocumentSymbol('26 /KH - BTV')).toBe('26/KH-BTV');
    expect(parseDocumentSymbol('Số: 26 /KH – BTV')?.number).toBe(26);
  });

  it('rejects what is not a symbol', () => {
    expect(parseDocumentSymbol('…/KH-BTV')).toBeNull();
    expect(parseDocumentSymbol('/KH-BTV')).toBeNull();
    expect(parseDocumentSymbol('KH-BTV')).toBeNull();
    expect(parseDocumentSymbol('1/constructor-x')?.kind).toBeNull();
    expect(isValidDocumentSymbol('31/KH-BTV')).toBe(true);
  });

  it('formats symbols and round-trips them', () => {
    expect(formatDocumentSymbol({ number: 31, kind: 'KH', body: 'BTV' })).toBe('31/KH-BTV');
    expect(formatDocumentSymbol({ number: 397, kind: 'TB', body: 'TU', style: 'party' })).toBe('397-TB/TU');
    for (const s of ['31/KH-BTV', '56/2012/NĐ-CP', '397-TB/TU', '3186/ĐCT-VP']) {
      const p = parseDocumentSymbol(s);
      expect(p && formatDocumentSymbol(p)).toBe(s);
    }
    expect(() => formatDocumentSymbol({ number: 0, kind: 'KH', body: 'BTV' })).toThrow(RangeError);
  });

  it('allocates the next number, restarting each year', () => {
    expect(nextNumber(null)).toBe(1);
    expect(nextNumber(31)).toBe(32);
    expect(nextNumber(31, { lastYear: 2023, year: 2024 })).toBe(1);
    expect(() => nextNumber(-1)).toThrow(RangeError);
    expect(nextDocumentSymbol('31/KH-BTV', { kind: 'KH', body: 'BTV' })).toBe('32/KH-BTV');
    expect(nextDocumentSymbol(null, { kind: 'KH', body: 'BTV' })).toBe('1/KH-BTV');
    expect(() => nextDocumentSymbol('x', { kind: 'KH', body: 'BTV' })).toThrow(/không hợp lệ/);
  });
});
