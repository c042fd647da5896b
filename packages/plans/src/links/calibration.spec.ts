/**
 * Calibration of the suggested links on the five seeds with the national catalogue: for every target, the
 * indicator a careful reader links it to, or null when the catalogue has none that measures it. A suggestion
 * of AUTO_LINK_CONFIDENCE or more must be that indicator; every other stays below.
 */
import { NATIONAL_INDICATORS } from '@sen/indicators';
import { readSeed } from '../__tests__/fixtures';
import { importPlanText } from '../import/importer';
import type { Target } from '../model/types';
import { AUTO_LINK_CONFIDENCE, suggestIndicatorLinks, type SuggestTarget } from './suggest';

const catalogue = [...NATIONAL_INDICATORS];

/** The expected indicator of each target of each seed, in the importer's order (seeds 001, 002 have none). */
const EXPECTED: Record<number, (string | null)[]> = {
  0: [
    'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', // Trên 90% cán bộ, hội viên phụ nữ được tuyên truyền về các chủ trương …
    'CO_SO_CO_MO_HINH', // Mỗi cơ sở Hội phụ nữ có ít nhất 01 mô hình …
    null, // Cấp Thành phố tổ chức 3 chương trình, sự kiện: counted from the plan's activities
  ],
  1: [],
  2: [],
  3: [
    'CHI_HOI_KHO_KHAN_DUOC_DONG_HANH', // … giúp đỡ 70 Chi hội phụ nữ khó khăn nhất … được Hội LHPN các cấp đồng hành
    null, // … sinh hoạt tại 102 Chi hội Phụ nữ nơi cư trú: no indicator of branches where cadres take part
    'CHI_HOI_TIEU_BIEU', // … 268 Chi hội Phụ nữ xuất sắc tiêu biểu
    'HOI_VIEN_MOI', // Hằng năm, phát triển khoảng 2.500 hội viên: new members (a flow), not members on the roll
    'TY_LE_CAN_BO_DUOC_TAP_HUAN', // 100% cán bộ Hội các cấp, đội ngũ Chi hội trưởng … được tập huấn
    'CHINH_SACH_DUOC_GIAM_SAT', // Hội LHPN thành phố: Chủ trì giám sát ít nhất 01 chính sách
    'DU_THAO_DUOC_GOP_Y', // … và phản biện xã hội ít nhất 01 dự thảo văn bản
    null, // Thành lập 2 đoàn giám sát: counted from the plan's activities
    'CO_SO_GIAM_SAT_CHINH_SACH', // Hội LHPN quận, huyện, phường, xã giám sát ít nhất 01 chính sách (each)
    'CO_SO_GOP_Y_DU_THAO', // … và góp ý ít nhất 02 dự thảo văn bản (each)
    null, // 100% Hội LHPN quận, huyện, xã, phường triển khai thực hiện giám sát (of conflicts, violence, hygiene)
    null, // 100% Chi hội phụ nữ giám sát cộng đồng: no indicator of branches doing community oversight
    'TY_LE_VU_VIEC_BAO_LUC_DUOC_GIAM_SAT', // … đối với 100% các vụ … bạo lực, xâm hại phụ nữ phát hiện được
    null, // 100% vụ … vi phạm vệ sinh, môi trường: no indicator
    null, // Giám sát 100% tổ dân phố về việc phân loại rác thải: no indicator
    'CO_SO_CO_HOAT_DONG_VAN_HOA_THE_THAO', // Mỗi cơ sở Hội tổ chức ít nhất 01 loại hình hoạt động thường xuyên
    'TY_LE_HO_NGHEO_DUOC_DANG_KY_GIUP', // Đăng ký giúp 80% hộ nghèo, hộ cận nghèo có phụ nữ
    'HO_THOAT_NGHEO', // giúp 1.000 hộ nghèo/hộ cận nghèo thoát nghèo
    'PHU_NU_DUOC_HO_TRO_KINH_DOANH', // hỗ trợ nâng cao năng lực cho ít nhất 1.500 phụ nữ
    'DOANH_NGHIEP_THANH_LAP_MOI', // vận động thành lập mới 01 doanh nghiệp,
    'HOP_TAC_XA_THANH_LAP_MOI', // 01 hợp tác xã,
    'TO_HOP_TAC_THANH_LAP_MOI', // 15 tổ/nhóm dịch vụ/tổ liên kết/tổ hợp tác do phụ nữ quản lý
  ],
  4: [
    'CO_SO_CO_MO_HINH', // Mỗi cơ sở Hội có ít nhất 01 mô hình …
    'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN_MOI_TRUONG', // 100% hội viên … được tuyên truyền … bảo vệ môi trường
    null, // Cấp Thành phố … hỗ trợ nhân rộng ít nhất 18 mô hình: new models replicated; no flow indicator of models
  ],
};

const targets = (seed: number): Target[] => importPlanText(readSeed(seed)).plan.targets;

/** The confident suggestion of each target (or null), and the highest confidence of any other indicator. */
function confident(list: SuggestTarget[]): { code: string | null; others: number }[] {
  const links = suggestIndicatorLinks(list, catalogue, { minConfidence: 0, maxPerTarget: catalogue.length });
  return list.map((_, i) => {
    const mine = links.filter((l) => l.targetIndex === i);
    const top = mine[0];
    const code = top && top.confidence >= AUTO_LINK_CONFIDENCE ? top.code : null;
    return { code, others: Math.max(0, ...mine.filter((l) => l.code !== code).map((l) => l.confidence)) };
  });
}

describe('suggested links on the seeds, with the national catalogue', () => {
  it.each(Object.keys(EXPECTED).map(Number))('seed %i: a confident suggestion is the right indicator, every other stays below', (seed) => {
    const list = targets(seed);
    const expected = EXPECTED[seed] ?? [];
    expect(list).toHaveLength(expected.length);
    const got = confident(list);
    expect(got.map((g) => g.code)).toEqual(expected);
    for (const g of got) expect(g.others).toBeLessThan(AUTO_LINK_CONFIDENCE);
  });

  it.each([0, 3, 4])('seed %i: gives the same links from the text and unit alone (what the review screen sends)', (seed) => {
    const list = targets(seed).map((t) => ({ text: t.text, unit: t.unit }));
    expect(confident(list).map((g) => g.code)).toEqual(EXPECTED[seed]);
  });

  it('exports the threshold as a named constant', () => {
    expect(AUTO_LINK_CONFIDENCE).toBe(0.8);
  });
});

describe('the link rules', () => {
  const best = (target: SuggestTarget) => suggestIndicatorLinks([target], catalogue, { minConfidence: 0, maxPerTarget: 60 });
  const confidenceOf = (target: SuggestTarget, code: string): number => best(target).find((l) => l.code === code)?.confidence ?? 0;

  it('reads "phát triển … hội viên" as new members (a flow), not the members on the roll (a stock)', () => {
    const t = { text: 'Hằng năm, phát triển khoảng 2.500 hội viên', unit: 'hội viên' };
    expect(best(t)[0]?.code).toBe('HOI_VIEN_MOI');
    expect(confidenceOf(t, 'HOI_VIEN')).toBeLessThan(AUTO_LINK_CONFIDENCE);
    // Without a verb of creation, the number on the roll is as likely.
    expect(confidenceOf({ text: 'Duy trì 120.000 hội viên', unit: 'hội viên' }, 'HOI_VIEN')).toBeGreaterThan(
      confidenceOf({ text: 'Duy trì 120.000 hội viên', unit: 'hội viên' }, 'HOI_VIEN_MOI'),
    );
  });

  it('does not let a generic count win over a qualified phrase', () => {
    const hard = { text: 'Giúp đỡ 70 Chi hội phụ nữ khó khăn nhất được Hội LHPN các cấp đồng hành', unit: 'chi hội' };
    expect(best(hard)[0]?.code).toBe('CHI_HOI_KHO_KHAN_DUOC_DONG_HANH');
    expect(confidenceOf(hard, 'CHI_HOI')).toBeLessThan(AUTO_LINK_CONFIDENCE);
    // Qualified in words no indicator has: no confident link at all.
    const homes = { text: 'Cán bộ chuyên trách sinh hoạt tại 102 Chi hội Phụ nữ nơi cư trú', unit: 'chi hội' };
    expect(best(homes)[0]?.confidence ?? 0).toBeLessThan(AUTO_LINK_CONFIDENCE);
    // A plain count is the plain indicator.
    expect(best({ text: 'Toàn thành phố có 1.200 chi hội phụ nữ', unit: 'chi hội' })[0]).toMatchObject({ code: 'CHI_HOI' });
  });

  it('reads the counted thing of each quantity of a sentence', () => {
    const text = 'Hội LHPN thành phố: Chủ trì giám sát ít nhất 01 chính sách và phản biện xã hội ít nhất 01 dự thảo văn bản';
    expect(best({ text, unit: 'chính sách' })[0]?.code).toBe('CHINH_SACH_DUOC_GIAM_SAT');
    expect(best({ text, unit: 'dự thảo' })[0]?.code).toBe('DU_THAO_DUOC_GOP_Y');
    expect(confidenceOf({ text, unit: 'dự thảo' }, 'CO_SO_GIAM_SAT_CHINH_SACH')).toBeLessThan(AUTO_LINK_CONFIDENCE);
  });

  it('matches a per-unit minimum with a coverage indicator, and a total never', () => {
    const each = { text: 'Mỗi cơ sở Hội có ít nhất 01 mô hình bảo vệ môi trường', unit: 'mô hình', value: 1, level: 'grassroots', levels: ['grassroots'], aggregation: 'perUnitMinimum' as const };
    expect(best(each)[0]).toMatchObject({ code: 'CO_SO_CO_MO_HINH' });
    expect(best(each)[0]?.confidence).toBeGreaterThanOrEqual(AUTO_LINK_CONFIDENCE);
    const total = { text: 'Cấp Thành phố tiếp tục hỗ trợ nhân rộng ít nhất 18 mô hình phân loại rác thải', unit: 'mô hình' };
    expect(confidenceOf(total, 'CO_SO_CO_MO_HINH')).toBeLessThan(0.6);
    expect(best(total)[0]?.confidence ?? 0).toBeLessThan(AUTO_LINK_CONFIDENCE);
  });

  it('links no indicator with confidence to a count of the plan’s activities', () => {
    const events = targets(0)[2] as Target;
    expect(events).toMatchObject({ value: 3, aggregation: 'activityCount', level: 'province' });
    expect(best(events)[0]?.confidence ?? 0).toBeLessThanOrEqual(0.5);
  });

  it('tells apart two percentages of one sentence by their order', () => {
    const text = 'Triển khai cho 100% Chi hội phụ nữ giám sát cộng đồng đối với 100% các vụ mâu thuẫn, vụ việc, hành vi bạo lực, xâm hại phụ nữ phát hiện được trên địa bàn';
    const links = suggestIndicatorLinks([{ text, unit: '%' }, { text, unit: '%' }], catalogue, { minConfidence: AUTO_LINK_CONFIDENCE });
    expect(links.map((l) => [l.targetIndex, l.code])).toEqual([[1, 'TY_LE_VU_VIEC_BAO_LUC_DUOC_GIAM_SAT']]);
  });

  it('never throws on odd targets', () => {
    for (const text of ['', '%', '100%', '1.000.000.000', '()', '“', 'ít nhất', '01 01 01 01', 'x'.repeat(5000)]) {
      expect(() => suggestIndicatorLinks([{ text, unit: null }, { text, unit: '%' }, { text, unit: 'hội viên', value: 3 }], catalogue)).not.toThrow();
    }
  });
});
