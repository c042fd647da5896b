import { renderOfficialDocx, type Block, type OfficialTable } from '@sen/plans';
import type { SummaryData } from '../summary-data';
import { narrativeSections } from '../summary-data';
import { completenessSentence, composeSummaryDocument, formatValue, periodPhrase, placeOf } from '../summary-document';

const DATA: SummaryData = {
  tenant: { code: 'HN', name: 'Hội LHPN thành phố Hà Nội' },
  unit: { id: '14', name: 'Hội LHPN thành phố Hà Nội', level: 'province', parentName: null },
  nationalBody: 'Hội LHPN Việt Nam',
  period: '2024S1',
  indicators: [
    { code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', percent: false, value: 195983, numerator: null, denominator: null, unitsReporting: 96 },
    { code: 'TY_LE_TAP_HOP_HOI_VIEN', name: 'Tỷ lệ tập hợp hội viên', unit: '%', percent: true, value: 76.93, numerator: 195983, denominator: 254746, unitsReporting: 96 },
    // A coverage: each commune reports models (mô hình), the city's value is the share of communes with one.
    { code: 'CO_SO_CO_MO_HINH', name: 'Tỷ lệ cơ sở Hội có ít nhất 01 mô hình', unit: 'mô hình', percent: true, value: 100, numerator: 96, denominator: 96, unitsReporting: 96 },
  ],
  completeness: {
    overall: { expected: 126, submitted: 109, approved: 96, late: 10 },
    levels: [{ level: 'grassroots', label: 'Xã, phường', expected: 126, submitted: 109, approved: 96, late: 10 }],
  },
  narrative: narrativeSections({ 'Kết quả nổi bật': 'Kết nạp 1.200 hội viên mới.\nDuy trì 300 mô hình.' }, [
    { unitId: '58', name: 'Hội LHPN phường Ba Đình', narrative: { 'Kết quả nổi bật': 'Kết nạp 12 hội viên mới.', 'Tồn tại, hạn chế': 'Sinh hoạt chi hội chưa đều.\nThiếu kinh phí.' } },
    { unitId: '59', name: 'Hội LHPN phường Bạch Mai', narrative: { 'Kết quả nổi bật': '  ', 'Khen thưởng': 'Hai chi hội được khen.' } },
  ]),
};

const text = (blocks: (Block | OfficialTable)[]): string[] => blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : `[table ${b.rows.length}]`));

describe('the summary report document', () => {
  it('writes periods, places, values and completeness the Vietnamese way', () => {
    expect(periodPhrase('2024S1')).toBe('6 tháng đầu năm 2024');
    expect(periodPhrase('2024')).toBe('năm 2024');
    expect(placeOf('Hội LHPN thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeOf('Hội LHPN tỉnh Quảng Ninh')).toBe('Quảng Ninh');
    expect(placeOf('Trung ương Hội LHPN Việt Nam')).toBeNull();
    expect(formatValue(195983, false)).toBe('195.983');
    expect(formatValue(76.93, true)).toBe('76,9%');
    expect(formatValue(null, false)).toBe('—');
    expect(completenessSentence(DATA.completeness.overall)).toBe(
      'Số báo cáo phải gửi: 126; đã gửi: 109 (86,5%), trong đó đã duyệt: 96 (76,2%); gửi muộn: 10; chưa gửi: 17.',
    );
  });

  it('lays it out as an official document: header, title, the three parts, Nơi nhận and signature', () => {
    const doc = composeSummaryDocument(DATA, '2026-11-22');
    expect(text(doc.headerLeft)).toEqual(['HỘI LHPN VIỆT NAM', 'HỘI LHPN THÀNH PHỐ HÀ NỘI', 'Số:      /BC']);
    expect(text(doc.headerRight)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 22 tháng 11 năm 2026']);
    expect(text(doc.title)).toEqual(['BÁO CÁO', 'Tổng hợp kết quả công tác Hội 6 tháng đầu năm 2024']);
    const body = text(doc.body);
    expect(body).toEqual([
      'Căn cứ số liệu báo cáo của các đơn vị đến ngày 22/11/2026, Hội LHPN thành phố Hà Nội tổng hợp kết quả 6 tháng đầu năm 2024 như sau:',
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      '[table 3]',
      'II. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
      completenessSentence(DATA.completeness.overall),
      '[table 2]',
      'III. ĐÁNH GIÁ CHUNG',
      '1. Kết quả nổi bật',
      'Kết nạp 1.200 hội viên mới.',
      'Duy trì 300 mô hình.',
      'Tại các đơn vị:',
      '- Hội LHPN phường Ba Đình: Kết nạp 12 hội viên mới.',
      // Nobody above wrote under this heading but one unit: its text, no placeholder.
      '2. Tồn tại, hạn chế',
      '- Hội LHPN phường Ba Đình: Sinh hoạt chi hội chưa đều. Thiếu kinh phí.',
      // Nobody wrote anything: room to write by hand.
      '3. Phương hướng, nhiệm vụ thời gian tới',
      '…………………………………………………………',
      '4. Đề xuất, kiến nghị',
      '…………………………………………………………',
      // A heading of the units' own follows the national ones.
      '5. Khen thưởng',
      '- Hội LHPN phường Bạch Mai: Hai chi hội được khen.',
      'Trên đây là báo cáo tổng hợp kết quả công tác Hội 6 tháng đầu năm 2024 của Hội LHPN thành phố Hà Nội./.',
    ]);
    const table = doc.body[2] as OfficialTable;
    expect(table.rows[1]).toEqual(['2', 'Tỷ lệ tập hợp hội viên', '%', '76,9%', '96']);
    // The coverage row's unit is "%", not the "mô hình" each commune counts.
    expect(table.rows[2]).toEqual(['3', 'Tỷ lệ cơ sở Hội có ít nhất 01 mô hình', '%', '100%', '96']);
    const completeness = doc.body[5] as OfficialTable;
    expect(completeness.rows).toEqual([
      ['Xã, phường', '126', '109', '96', '10', '86,5%'],
      ['Tổng cộng', '126', '109', '96', '10', '86,5%'],
    ]);
    expect(completeness.boldRows).toEqual([1]);
    expect(text(doc.recipients)).toEqual(['Nơi nhận:', '- Đoàn Chủ tịch TW Hội (để báo cáo);', '- Các đơn vị trực thuộc;', '- Lưu: VT.']);
    expect(text(doc.signature).slice(0, 2)).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH']);
  });

  it('leaves the usual assessment headings to fill in when the unit wrote none, and says when there are no figures', () => {
    const body = text(composeSummaryDocument({ ...DATA, indicators: [], narrative: narrativeSections(null, []) }, '2026-11-22').body);
    expect(body).toContain('Chưa có số liệu tổng hợp của kỳ này: chưa có báo cáo nào được tính vào số liệu.');
    expect(body).toEqual(expect.arrayContaining(['1. Kết quả nổi bật', '2. Tồn tại, hạn chế', '3. Phương hướng, nhiệm vụ thời gian tới', '4. Đề xuất, kiến nghị']));
  });

  it('renders a Word file (its text is checked in LibreOffice by the api e2e test)', async () => {
    const buffer = await renderOfficialDocx(composeSummaryDocument(DATA, '2026-11-22'));
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(buffer.length).toBeGreaterThan(5000);
  });
});
