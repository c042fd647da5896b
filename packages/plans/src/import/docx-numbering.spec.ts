/**
 * A .docx numbered with Word's automatic lists: the numbers are not in the text, so the importer renders
 * mammoth's HTML lists back to "I.", "1.", "a)", "-", "+" before building the outline.
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { importPlanDocx } from './importer';
import { docxHtmlToText } from './docx-html';

const level = (n: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  level: n,
  format,
  text,
  alignment: AlignmentType.LEFT,
});

async function autoNumberedPlan(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ text });
  const outline = (text: string, lvl: number) => new Paragraph({ text, numbering: { reference: 'outline', level: lvl } });
  const bullet = (text: string, lvl: number) => new Paragraph({ text, numbering: { reference: 'bullets', level: lvl } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [level(0, LevelFormat.UPPER_ROMAN, '%1.'), level(1, LevelFormat.DECIMAL, '%2.'), level(2, LevelFormat.LOWER_LETTER, '%3)')],
        },
        { reference: 'bullets', levels: [level(0, LevelFormat.BULLET, '-'), level(1, LevelFormat.BULLET, '+')] },
      ],
    },
    sections: [
      {
        children: [
          p('Số: 15/KH-BTV'),
          p('Hà Nội, ngày 12 tháng 3 năm 2024'),
          p('KẾ HOẠCH'),
          p('Tổ chức Hội thi “Phụ nữ Thủ đô với chuyển đổi số” năm 2024'),
          p('Thực hiện Kế hoạch số 31/KH-BTV ngày 07/02/2024 của Ban Thường vụ Hội LHPN Hà Nội, Ban Thường vụ Hội LHPN Hà Nội xây dựng Kế hoạch như sau:'),
          outline('MỤC ĐÍCH, YÊU CẦU', 0),
          bullet('Nâng cao kỹ năng số cho hội viên, phụ nữ.', 0),
          outline('NỘI DUNG', 0),
          outline('Vòng sơ khảo', 1),
          outline('Hình thức thi', 2),
          bullet('Thi trực tuyến trên trang thông tin của Hội.', 0),
          bullet('Mỗi cơ sở Hội có ít nhất 20 hội viên dự thi.', 1),
          outline('Thời gian', 2),
          bullet('Tháng 5 năm 2024.', 0),
          outline('Vòng chung kết', 1),
          bullet('Ban Tuyên giáo tổ chức vòng chung kết (Tháng 9/2024).', 0),
          outline('TỔ CHỨC THỰC HIỆN', 0),
          outline('Ban Tuyên giáo', 1),
          bullet('Chủ trì tổ chức Hội thi; phối hợp Văn phòng chuẩn bị kinh phí.', 0),
          p('Nơi nhận:'),
          bullet('Như trên;', 0),
          bullet('Lưu: VT.', 0),
          p('TM. BAN THƯỜNG VỤ'),
          p('CHỦ TỊCH'),
          p('Nguyễn Thị Hà'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('a .docx with Word automatic numbering', () => {
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await autoNumberedPlan();
  });

  it('nests the sections as Word shows them (I. → 1. → a) → - → +)', async () => {
    const { plan } = await importPlanDocx(buffer);
    expect(plan.number).toBe('15/KH-BTV');
    expect(plan.sections.map((s) => s.heading)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN']);
    const content = plan.sections[1];
    expect(content?.children.map((c) => c.heading)).toEqual(['Vòng sơ khảo', 'Vòng chung kết']);
    const first = content?.children[0];
    expect(first?.children.map((c) => c.heading)).toEqual(['Hình thức thi', 'Thời gian']);
    // "- Thi trực tuyến …" has a "+" under it: a sub-section of "a) Hình thức thi".
    const form = first?.children[0];
    expect(form?.children[0]).toMatchObject({ heading: 'Thi trực tuyến trên trang thông tin của Hội', items: ['Mỗi cơ sở Hội có ít nhất 20 hội viên dự thi.'] });
    expect(plan.purposes).toEqual(['Nâng cao kỹ năng số cho hội viên, phụ nữ.']);
    expect(plan.recipients).toEqual(['Như trên', 'Lưu: VT']);
    expect(plan.signatory).toMatchObject({ onBehalfOf: 'TM. BAN THƯỜNG VỤ', name: 'Nguyễn Thị Hà' });
  });

  it('reads the dated activity and its lead unit under the auto-numbered headings', async () => {
    const { plan } = await importPlanDocx(buffer);
    expect(plan.activities.find((a) => a.time.from === '2024-09-01')?.leadUnits).toEqual(['Ban Tuyên giáo']);
    expect(plan.assignments.map((a) => a.unit)).toContain('Ban Tuyên giáo');
  });
});

describe('docxHtmlToText', () => {
  it('numbers nested lists, keeps paragraphs and decodes entities', () => {
    const html =
      '<h1>KẾ HOẠCH</h1><ol><li>MỤC ĐÍCH<ol><li>Một &amp; hai</li><li>Ba<ul><li>gạch<ul><li>cộng</li></ul></li></ul></li></ol></li><li>NỘI DUNG</li></ol><p>Nơi nhận:</p>';
    expect(docxHtmlToText(html).split('\n\n')).toEqual(['KẾ HOẠCH', 'I. MỤC ĐÍCH', '1. Một & hai', '2. Ba', '- gạch', '+ cộng', 'II. NỘI DUNG', 'Nơi nhận:']);
  });

  it('starts Word lists at "1." when the document types its own roman headings', () => {
    expect(docxHtmlToText('<p>I. NỘI DUNG</p><ol><li>Tuyên truyền</li></ol>').split('\n\n')).toEqual(['I. NỘI DUNG', '1. Tuyên truyền']);
  });

  it('keeps footnotes apart (marked for the text importer) without their back links', () => {
    const html =
      '<p>Mô hình “3 biết”<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1"><p>Biết mặt, biết hoàn cảnh. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(docxHtmlToText(html).split('\n\n')).toEqual(['Mô hình “3 biết”[1]', '� Biết mặt, biết hoàn cảnh.']);
  });
});
