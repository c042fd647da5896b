import { readSeed } from '../__tests__/fixtures';
import { importPlanText } from '../import/importer';
import { suggestIndicatorLinks, type CatalogueIndicator } from './suggest';

const catalogue: CatalogueIndicator[] = [
  { code: 'HV_MOI', name: 'Số hội viên mới kết nạp', unit: 'người', keywords: ['hội viên mới', 'phát triển hội viên'] },
  { code: 'HO_THOAT_NGHEO', name: 'Số hộ nghèo thoát nghèo', unit: 'hộ', keywords: ['hộ nghèo thoát nghèo'] },
  { code: 'MO_HINH', name: 'Số mô hình tại cơ sở', unit: 'mô hình', keywords: ['mô hình'] },
  { code: 'TL_TUYEN_TRUYEN', name: 'Tỷ lệ hội viên được tuyên truyền', unit: '%', keywords: ['được tuyên truyền'] },
  { code: 'SU_KIEN', name: 'Số chương trình, sự kiện cấp tỉnh', unit: 'sự kiện' },
];

describe('suggestIndicatorLinks', () => {
  it('links the seed targets to the right indicators', () => {
    const t0 = importPlanText(readSeed(0)).plan.targets;
    const links0 = suggestIndicatorLinks(t0, catalogue);
    const best = (i: number, links = links0): string | undefined => links.find((l) => l.targetIndex === i)?.code;
    expect(best(0)).toBe('TL_TUYEN_TRUYEN');
    expect(best(1)).toBe('MO_HINH');
    expect(best(2)).toBe('SU_KIEN');

    const t3 = importPlanText(readSeed(3)).plan.targets;
    const links3 = suggestIndicatorLinks(t3, catalogue);
    const i2500 = t3.findIndex((t) => t.value === 2500);
    const i1000 = t3.findIndex((t) => t.value === 1000);
    expect(best(i2500, links3)).toBe('HV_MOI');
    expect(best(i1000, links3)).toBe('HO_THOAT_NGHEO');
  });

  it('ignores diacritics and gives confidences in 0..1, best first', () => {
    const links = suggestIndicatorLinks([{ text: 'giup 1.000 ho ngheo thoat ngheo', unit: 'ho' }], catalogue);
    expect(links[0]).toMatchObject({ targetIndex: 0, code: 'HO_THOAT_NGHEO' });
    for (const l of links) {
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('raises confidence when units agree and lowers it when they clash', () => {
    const text = 'Phát triển hội viên mới';
    const agree = suggestIndicatorLinks([{ text, unit: 'hội viên' }], catalogue)[0]?.confidence ?? 0;
    const none = suggestIndicatorLinks([{ text, unit: null }], catalogue)[0]?.confidence ?? 0;
    const clash = suggestIndicatorLinks([{ text, unit: '%' }], catalogue, { minConfidence: 0 })[0]?.confidence ?? 0;
    expect(agree).toBeGreaterThan(none);
    expect(none).toBeGreaterThan(clash);
  });

  it('returns nothing for unrelated targets or an empty catalogue', () => {
    expect(suggestIndicatorLinks([{ text: 'Tổ chức lễ hội áo dài', unit: null }], catalogue)).toEqual([]);
    expect(suggestIndicatorLinks([{ text: 'hội viên mới', unit: null }], [])).toEqual([]);
  });
});
