import { formatNumberVi, formatPeriodVi } from '@sen/indicators';
import { block, formatDocumentDate, officialHeader, recipientBlocks, signatureBlocks, type Block, type OfficialDocument, type OfficialTable } from '@sen/plans';
import type { CompletenessCounts } from '@sen/db';
import type { SummaryData } from './summary-data';

/** "6 tháng đầu năm 2024", "năm 2024", "quý II/2024": the period inside a sentence. */
export function periodPhrase(period: string): string {
  const text = formatPeriodVi(period);
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** "Hội LHPN thành phố Hà Nội" → "Hà Nội": the place of the date line. */
export function placeOf(tenantName: string): string | null {
  const m = /^(?:Hội LHPN|Hội Liên hiệp Phụ nữ)\s+(?:tỉnh|thành phố|TP\.?)\s+(.+)$/iu.exec(tenantName.trim());
  return m?.[1] ?? null;
}

const percent = (part: number, whole: number): string => (whole > 0 ? `${formatNumberVi((100 * part) / whole, 1)}%` : '—');

/** A value as the document writes it: 2.500, 1.000,5, 90,5%. */
export function formatValue(v: number | null, isPercent: boolean): string {
  if (v === null) return '—';
  return isPercent ? `${formatNumberVi(v, 1)}%` : formatNumberVi(v, 2);
}

/** The sentence of completeness: due, sent (share), approved (share), late, not sent. */
export function completenessSentence(c: CompletenessCounts): string {
  if (c.expected === 0) return 'Kỳ này không có báo cáo nào phải gửi trong phạm vi đơn vị.';
  return (
    `Số báo cáo phải gửi: ${formatNumberVi(c.expected)}; đã gửi: ${formatNumberVi(c.submitted)} (${percent(c.submitted, c.expected)}), ` +
    `trong đó đã duyệt: ${formatNumberVi(c.approved)} (${percent(c.approved, c.expected)}); gửi muộn: ${formatNumberVi(c.late)}; ` +
    `chưa gửi: ${formatNumberVi(c.expected - c.submitted)}.`
  );
}

const heading = (text: string): Block => block(text, { bold: true, indent: true, keepNext: true, spaceBefore: 6 });
const subheading = (text: string): Block => block(text, { bold: true, italics: true, indent: true, keepNext: true, spaceBefore: 3 });
const paragraphs = (text: string): Block[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => block(l, { indent: true }));

/** Room to write by hand under a heading nobody wrote anything for. */
const PLACEHOLDER = '…………………………………………………………';

/** "- Hội LHPN phường Ba Đình: Kết nạp 12 hội viên mới …": one unit's text, its lines joined. */
const quote = (name: string, text: string): Block => block(`- ${name}: ${text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(' ')}`, { indent: true });

export function indicatorTable(data: SummaryData): OfficialTable {
  return {
    columns: [
      { header: 'TT', share: 6, align: 'center' },
      { header: 'Chỉ tiêu', share: 40 },
      { header: 'Đơn vị tính', share: 13, align: 'center' },
      // Wide enough for amounts in đồng ("1.458.909.000.000") on one line.
      { header: 'Kết quả', share: 24, align: 'right' },
      { header: 'Số đơn vị báo cáo', share: 13, align: 'right' },
    ],
    // A rate or a coverage is a percentage whatever each unit reports in (mô hình, có/không).
    rows: data.indicators.map((i, n) => [String(n + 1), i.name, i.percent ? '%' : i.unit, formatValue(i.value, i.percent), formatNumberVi(i.unitsReporting)]),
    size: 12,
  };
}

export function completenessTable(data: SummaryData): OfficialTable {
  const { levels, overall } = data.completeness;
  const row = (label: string, c: CompletenessCounts): string[] => [
    label,
    formatNumberVi(c.expected),
    formatNumberVi(c.submitted),
    formatNumberVi(c.approved),
    formatNumberVi(c.late),
    percent(c.submitted, c.expected),
  ];
  return {
    columns: [
      { header: 'Cấp', share: 30 },
      { header: 'Phải gửi', share: 14, align: 'right' },
      { header: 'Đã gửi', share: 14, align: 'right' },
      { header: 'Đã duyệt', share: 14, align: 'right' },
      { header: 'Gửi muộn', share: 14, align: 'right' },
      { header: 'Tỷ lệ đã gửi', share: 14, align: 'right' },
    ],
    rows: [...levels.map((l) => row(l.label, l)), row('Tổng cộng', overall)],
    boldRows: [levels.length],
    size: 12,
  };
}

/**
 * The summary report (báo cáo tổng hợp) as an official document (Nghị định 30/2020/NĐ-CP), laid out with the
 * same header, "Nơi nhận" and signature as the plans: I. the indicator table, II. completeness, III. the
 * narrative. `today` is the date of the document (ISO, Vietnam's date).
 */
export function composeSummaryDocument(data: SummaryData, today: string): OfficialDocument {
  const phrase = periodPhrase(data.period);
  const place = placeOf(data.tenant.name);
  const date = formatDocumentDate(today) ?? '';
  const { headerLeft, headerRight } = officialHeader({
    parentBody: data.unit.parentName ?? data.nationalBody,
    issuingBody: data.unit.name,
    // Not yet issued: the number is written in when the report is signed.
    numberLine: 'Số:      /BC',
    dateLine: place ? `${place}, ${date}` : date,
  });
  const title = [
    block('BÁO CÁO', { align: 'center', bold: true, spaceBefore: 18 }),
    block(`Tổng hợp kết quả công tác Hội ${phrase}`, { align: 'center', bold: true, ruleAfter: 'short', spaceAfter: 12 }),
  ];

  const [y, m, d] = today.split('-');
  const body: OfficialDocument['body'] = [
    block(`Căn cứ số liệu báo cáo của các đơn vị đến ngày ${d}/${m}/${y}, ${data.unit.name} tổng hợp kết quả ${phrase} như sau:`, { indent: true }),
    heading('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
  ];
  if (data.indicators.length > 0) body.push(indicatorTable(data));
  else body.push(block('Chưa có số liệu tổng hợp của kỳ này: chưa có báo cáo nào được tính vào số liệu.', { indent: true }));

  body.push(heading('II. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ'), block(completenessSentence(data.completeness.overall), { indent: true }));
  if (data.completeness.levels.length > 0) body.push(completenessTable(data));

  // The unit's own assessment, then what each unit below wrote under the same heading; room to write where
  // nobody wrote anything.
  body.push(heading('III. ĐÁNH GIÁ CHUNG'));
  data.narrative.forEach((s, i) => {
    body.push(subheading(`${i + 1}. ${s.heading}`));
    if (s.text) body.push(...paragraphs(s.text));
    if (s.units.length > 0) {
      if (s.text) body.push(block('Tại các đơn vị:', { indent: true, italics: true }));
      body.push(...s.units.map((u) => quote(u.name, u.text)));
    }
    if (!s.text && s.units.length === 0) body.push(block(PLACEHOLDER, { indent: true }));
  });
  body.push(block(`Trên đây là báo cáo tổng hợp kết quả công tác Hội ${phrase} của ${data.unit.name}./.`, { indent: true, spaceBefore: 6 }));

  const recipients = recipientBlocks([`${data.unit.parentName ?? 'Đoàn Chủ tịch TW Hội'} (để báo cáo)`, 'Các đơn vị trực thuộc', 'Lưu: VT']);
  // No name yet: the signature block keeps the room to sign and to write the name by hand.
  const signature = [...signatureBlocks({ onBehalfOf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH' }), ...Array.from({ length: 4 }, () => block('', { align: 'center' }))];
  return { docTitle: `Báo cáo tổng hợp ${phrase} — ${data.unit.name}`, headerLeft, headerRight, title, body, recipients, signature };
}
