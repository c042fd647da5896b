/**
 * The .docx import path on Word files made from the seeds: each line of a seed is its own Word paragraph
 * (titles over several lines), and seed 004's targets numbered with Word's automatic numbering.
 */
import { readDocx, readSeed, SEED_FILES } from '../__tests__/fixtures';
import { importPlanDocx, importPlanText } from './importer';

const brief = (targets: { value: number | null; unit: string | null; comparator: string | null; level: string | null }[]) =>
  targets.map((t) => [t.value, t.unit, t.comparator, t.level]);

describe('seeds as Word files, one paragraph per line', () => {
  it.each(SEED_FILES.map((f, i) => [f, i] as const))('%s imports the title and structure of the text', async (file, i) => {
    const fromText = importPlanText(readSeed(i)).plan;
    const fromWord = (await importPlanDocx(readDocx(file.replace(/\.txt$/u, '.docx')))).plan;
    expect(fromWord.title).toBe(fromText.title);
    expect(fromWord).toEqual(fromText);
  });

  it('keeps every line of a title spread over several paragraphs', async () => {
    expect((await importPlanDocx(readDocx('002_a0ed88aff7489201.docx'))).plan.title).toBe(
      'Tổ chức Hội nghị đánh giá giữa nhiệm kỳ phong trào thi đua “Xây dựng người phụ nữ Việt Nam thời đại mới” của Hội LHPN Việt Nam, phong trào “Xây dựng người phụ nữ Thủ đô Trung hậu - Sáng tạo - Đảm đang - Thanh lịch” và công tác thu hút, tập hợp phụ nữ của thành phố Hà Nội',
    );
    expect((await importPlanDocx(readDocx('004_54a72de98b032c2a.docx'))).plan.title).toMatch(/đến năm 2025” Năm 2024$/u);
  });
});

describe('targets numbered "1. 2. 3."', () => {
  const expected = [
    [1, 'mô hình', 'gte', 'grassroots'],
    [100, '%', null, null],
    [18, 'mô hình', 'gte', 'province'],
  ];

  it('reads typed numbers as the three targets of seed 004, not as sub-headings', () => {
    const text = readSeed(4).replace(/^\((\d)\)\.\s*/gmu, '$1. ');
    expect(text).toContain('\n2. 100% hội viên');
    const { plan } = importPlanText(text);
    expect(brief(plan.targets)).toEqual(expected);
    expect(plan.targets.map((t) => t.text)).toEqual(importPlanText(readSeed(4)).plan.targets.map((t) => t.text));
    const targetsSection = plan.sections.find((s) => s.heading === 'CHỈ TIÊU CỤ THỂ');
    expect(targetsSection?.children).toEqual([]);
    expect(targetsSection?.items).toHaveLength(3);
  });

  it('reads the targets of a Word file numbered with automatic numbering', async () => {
    const { plan } = await importPlanDocx(readDocx('004_numbered_targets.docx'));
    expect(brief(plan.targets)).toEqual(expected);
    expect(plan.targets[1]?.text).toMatch(/^100% hội viên phụ nữ khu vực nông thôn được tuyên truyền/u);
    expect(plan.title).toBe(importPlanText(readSeed(4)).plan.title);
  });

  it('still reads "1.000 người" as a number, and "2. 100% …" as item 2', () => {
    const { plan } = importPlanText('KẾ HOẠCH\nPhát triển hội viên năm 2024\nI. CHỈ TIÊU\n1. Phát triển\n1.000 hội viên mới\n2. 100% chi hội có sổ theo dõi.\nII. TỔ CHỨC THỰC HIỆN\n1. Ban Tổ chức chủ trì.');
    expect(brief(plan.targets)).toEqual([
      [1000, 'hội viên', null, null],
      [100, '%', null, 'branch'],
    ]);
  });
});
