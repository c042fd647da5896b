import JSZip from 'jszip';
import { ALL_SEEDS, SEED_FILES } from '../__tests__/fixtures';
import { importPlanDocx, importPlanText } from '../import/importer';
import type { ImportedPlan, Section } from '../model/types';
import { emptyPlan } from '../model/types';
import { exportPlanDocx, exportPlanText } from './docx';
import { layoutPlan } from './layout';

const outline = (sections: Section[]): unknown[] => sections.map((s) => [s.heading, outline(s.children)]);

/** The fields the round trip must keep. */
function structure(p: ImportedPlan): Record<string, unknown> {
  return {
    number: p.number,
    issuedOn: p.issuedOn,
    place: p.place,
    title: p.title,
    legalBases: p.legalBases,
    purposes: p.purposes,
    requirements: p.requirements,
    targets: p.targets,
    sections: outline(p.sections),
    activities: p.activities,
    fundingSources: p.fundingSources,
    assignments: p.assignments,
    reportingObligations: p.reportingObligations,
    recipients: p.recipients,
    signatory: p.signatory,
    issuer: p.issuer,
    programme: p.programme,
  };
}

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no document.xml');
  return file.async('string');
}

describe('round trip: import → export docx → import', () => {
  it.each(SEED_FILES.map((f, i) => [f, i] as const))('keeps the structure of %s', async (_, i) => {
    const first = importPlanText(ALL_SEEDS[i] as string).plan;
    const buffer = await exportPlanDocx(first);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const second = (await importPlanDocx(buffer)).plan;
    expect(structure(second)).toEqual(structure(first));
    // The whole section tree, items included, survives too.
    expect(second.sections).toEqual(first.sections);
  });

  it.each(SEED_FILES.map((f, i) => [f, i] as const))('keeps the structure of %s through the text export', (_, i) => {
    const first = importPlanText(ALL_SEEDS[i] as string).plan;
    const second = importPlanText(exportPlanText(first)).plan;
    expect(structure(second)).toEqual(structure(first));
  });

  it('is stable: exporting the re-imported plan gives the same text', async () => {
    const first = importPlanText(ALL_SEEDS[0] as string).plan;
    const second = (await importPlanDocx(await exportPlanDocx(first))).plan;
    expect(exportPlanText(second)).toBe(exportPlanText(first));
  });
});

describe('export of a plan built in the app (no sections)', () => {
  const plan: ImportedPlan = {
    ...emptyPlan(),
    number: '45/KH-BTV',
    issuedOn: '2025-03-05',
    place: 'Đà Nẵng',
    title: 'Phát triển hội viên năm 2025',
    issuer: 'Ban Thường vụ Hội LHPN thành phố Đà Nẵng',
    legalBases: [
      { kind: 'Nghị quyết', number: '12-NQ/TU', date: '2024-12-20', issuer: 'Ban Thường vụ Thành ủy', title: 'công tác dân vận năm 2025', introducedBy: 'Căn cứ' },
    ],
    purposes: ['Nâng cao chất lượng tập hợp hội viên.'],
    requirements: ['Các hoạt động cần thiết thực, hiệu quả.'],
    targets: [
      { text: 'Phát triển khoảng 2.500 hội viên mới', value: 2500, unit: 'hội viên', comparator: 'approx', level: null },
      { text: 'Mỗi cơ sở Hội có ít nhất 01 mô hình tập hợp phụ nữ', value: 1, unit: 'mô hình', comparator: 'gte', level: 'grassroots' },
    ],
    activities: [
      {
        name: 'Ngày hội kết nạp hội viên',
        time: { text: 'Tháng 3 năm 2025', from: '2025-03-01', to: '2025-03-31' },
        leadUnits: ['Ban Tổ chức'],
        cooperatingUnits: ['Văn phòng'],
        level: 'province',
        items: ['Lễ kết nạp hội viên mới', 'Giao lưu văn nghệ “Phụ nữ Đà Nẵng”'],
      },
    ],
    fundingSources: ['Ngân sách nhà nước', 'Hội phí'],
    assignments: [
      { unit: 'Ban Tổ chức', role: 'lead', tasks: ['Chủ trì theo dõi, tổng hợp kết quả.'] },
      { unit: 'Văn phòng', role: 'cooperating', tasks: ['Bảo đảm kinh phí, hậu cần.'] },
      { unit: 'Hội LHPN các quận, huyện', role: 'lead', tasks: ['Xây dựng kế hoạch tại địa phương.'] },
    ],
    reportingObligations: [
      { periodKind: 'half', deadline: '15/06', reportTo: 'Ban Tổ chức', reporter: 'Hội LHPN các quận, huyện' },
      { periodKind: 'year', deadline: '30/10', reportTo: 'Ban Tổ chức', reporter: 'Hội LHPN các quận, huyện' },
    ],
    recipients: ['Đoàn Chủ tịch TW Hội', 'Lưu VT'],
    signatory: { onBehalfOf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Thị Hoa' },
  };

  it('writes sections for the structured fields, and the importer reads them back', async () => {
    const back = (await importPlanDocx(await exportPlanDocx({ ...plan, parentBody: 'Hội LHPN Việt Nam' }))).plan;
    expect(back.number).toBe('45/KH-BTV');
    expect(back.issuedOn).toBe('2025-03-05');
    expect(back.place).toBe('Đà Nẵng');
    expect(back.parentBody).toBe('HỘI LHPN VIỆT NAM');
    expect(back.issuingBody).toBe('BAN THƯỜNG VỤ HỘI LHPN THÀNH PHỐ ĐÀ NẴNG');
    expect(back.issuer).toBe('Ban Thường vụ Hội LHPN thành phố Đà Nẵng');
    expect(back.legalBases).toEqual(plan.legalBases);
    expect(back.purposes).toEqual(plan.purposes);
    expect(back.requirements).toEqual(plan.requirements);
    expect(back.targets.map((t) => [t.text, t.value, t.unit, t.comparator, t.level])).toEqual(
      plan.targets.map((t) => [t.text, t.value, t.unit, t.comparator, t.level]),
    );
    // Its content items are written "- Nội dung:" with "+ …" lines and read back; its level from its lead.
    expect(back.activities).toEqual([
      { ...plan.activities[0], time: { ...plan.activities[0]?.time, recurrence: null }, venue: null, participants: null },
    ]);
    expect(back.fundingSources).toEqual(plan.fundingSources);
    expect(back.assignments).toEqual([
      plan.assignments[0],
      plan.assignments[1],
      { ...plan.assignments[2], tasks: [...(plan.assignments[2]?.tasks ?? []), 'Thực hiện chế độ báo cáo 6 tháng (trước ngày 15/6), báo cáo năm (trước ngày 30/10) gửi về Ban Tổ chức.'] },
    ]);
    expect(back.reportingObligations).toEqual(plan.reportingObligations);
    expect(back.recipients).toEqual(plan.recipients);
    expect(back.signatory).toEqual(plan.signatory);
  });

  it('renders an activity’s content items in the official document', () => {
    const text = exportPlanText(plan);
    expect(text).toMatch(/1\. Ngày hội kết nạp hội viên\n\n- Thời gian: Tháng 3 năm 2025\n\n- Đơn vị chủ trì: Ban Tổ chức\n\n- Đơn vị phối hợp: Văn phòng\n\n- Nội dung:\n\n\+ Lễ kết nạp hội viên mới\n\n\+ Giao lưu văn nghệ “Phụ nữ Đà Nẵng”/u);
    expect(exportPlanText({ ...plan, activities: [{ ...plan.activities[0]!, items: [] }] })).not.toContain('Nội dung:');
  });

  it('writes an unnumbered, undated draft with blanks', () => {
    const text = exportPlanText({ ...plan, number: null, issuedOn: null });
    expect(text).toContain('Số:      /KH');
    expect(text).toContain('Đà Nẵng, ngày      tháng      năm');
    const back = importPlanText(text).plan;
    expect(back.number).toBeNull();
    expect(back.issuedOn).toBeNull();
  });
});

describe('the official layout', () => {
  const plan = importPlanText(ALL_SEEDS[0] as string).plan;

  it('lays out header, title, body and footer in ND30 order', () => {
    const layout = layoutPlan({ ...plan, parentBody: 'Hội LHPN Việt Nam' });
    const text = (blocks: { runs: { text: string }[] }[]): string[] => blocks.map((b) => b.runs.map((r) => r.text).join(''));
    expect(text(layout.headerLeft)).toEqual(['HỘI LHPN VIỆT NAM', 'BAN THƯỜNG VỤ HỘI LHPN THÀNH PHỐ HÀ NỘI', 'Số: 31/KH-BTV']);
    expect(text(layout.headerRight)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 07 tháng 02 năm 2024']);
    expect(layout.headerRight[2]?.runs[0]?.italics).toBe(true);
    expect(text(layout.title)).toEqual(['KẾ HOẠCH', plan.title]);
    expect(text(layout.body)[0]).toMatch(/^Thực hiện Quyết định số 4028\/QĐ-UBND ngày 10\/08\/2023 của .* cụ thể như sau:$/);
    expect(text(layout.body)).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(text(layout.body)).toContain('V. PHÂN CÔNG THỰC HIỆN');
    expect(text(layout.body)).toContain('2.1. Festival Phụ nữ Thủ đô vì hòa bình, phát triển');
    expect(text(layout.body)).toContain('- Nội dung:');
    expect(text(layout.body)).toContain('+ Trưng bày văn hoá, ẩm thực Hà Nội và một số Quốc gia');
    expect(text(layout.body).at(-1)).toMatch(/triển khai thực hiện\.\/\.$/);
    expect(text(layout.recipients)[0]).toBe('Nơi nhận:');
    expect(text(layout.recipients)[1]).toBe('- Đoàn Chủ tịch TW Hội LHPN Việt Nam;');
    expect(text(layout.recipients).at(-1)).toBe('- Lưu VT, TT.');
    expect(layout.recipients[0]?.size).toBe(12);
    expect(text(layout.signature).filter((s) => s)).toEqual(['TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH', 'Lê Thị Thiên Hương']);
  });

  it('writes an A4 page with ND30 margins, Times New Roman 14 pt, and borderless tables', async () => {
    const xml = await documentXml(await exportPlanDocx(plan));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    const twip = (name: string): number => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)?.[1]);
    const mm = (t: number): number => Math.round((t / 1440) * 25.4);
    expect(mm(twip('top'))).toBeGreaterThanOrEqual(20);
    expect(mm(twip('top'))).toBeLessThanOrEqual(25);
    expect(mm(twip('bottom'))).toBeGreaterThanOrEqual(20);
    expect(mm(twip('bottom'))).toBeLessThanOrEqual(25);
    expect(mm(twip('left'))).toBeGreaterThanOrEqual(30);
    expect(mm(twip('left'))).toBeLessThanOrEqual(35);
    expect(mm(twip('right'))).toBeGreaterThanOrEqual(15);
    expect(mm(twip('right'))).toBeLessThanOrEqual(20);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2);
    expect(xml).toMatch(/<w:tblBorders>.*w:val="none"/s);
    expect(xml).toContain('Nơi nhận:');
  });
});
