import { readSeed } from '../__tests__/fixtures';
import type { ImportedPlan, Section } from '../model/types';
import { importPlanText } from './importer';

const plan = (i: number): ImportedPlan => importPlanText(readSeed(i)).plan;
const warnings = (i: number): string[] => importPlanText(readSeed(i)).warnings;
const headings = (sections: Section[]): string[] => sections.map((s) => s.heading);
const find = (sections: Section[], heading: string): Section => {
  const stack = [...sections];
  while (stack.length > 0) {
    const s = stack.shift() as Section;
    if (s.heading === heading) return s;
    stack.push(...s.children);
  }
  throw new Error(`no section "${heading}"`);
};
const unitsOf = (p: ImportedPlan): string[] => p.assignments.map((a) => a.unit);

describe('seed 000 — 31/KH-BTV, Đề án "Phát huy vai trò của phụ nữ Thủ đô …" năm 2024', () => {
  const p = plan(0);

  it('reads the header', () => {
    expect(p.number).toBe('31/KH-BTV');
    expect(p.issuedOn).toBe('2024-02-07');
    expect(p.place).toBe('Hà Nội');
    expect(p.kind).toBe('KH');
    expect(p.title).toBe(
      'Triển khai thực hiện Đề án “Phát huy vai trò của phụ nữ Thủ đô xây dựng thành phố hoà bình, sáng tạo giai đoạn 2023 – 2026” năm 2024',
    );
    expect(p.issuer).toBe('Ban Thường vụ Hội LHPN thành phố Hà Nội');
    expect(p.programme).toBe('Phát huy vai trò của phụ nữ Thủ đô xây dựng thành phố hoà bình, sáng tạo giai đoạn 2023 – 2026');
  });

  it('reads the legal basis', () => {
    expect(p.legalBases).toHaveLength(1);
    expect(p.legalBases[0]).toMatchObject({
      kind: 'Quyết định',
      number: '4028/QĐ-UBND',
      date: '2023-08-10',
      issuer: 'Ủy ban Nhân dân thành phố Hà Nội',
    });
    expect(p.legalBases[0]?.title).toMatch(/^ban hành Đề án “Phát huy vai trò của Phụ nữ Thủ đô/);
  });

  it('splits purposes and requirements', () => {
    expect(p.purposes).toHaveLength(1);
    expect(p.purposes[0]).toMatch(/^Quán triệt, tuyên truyền sâu rộng/);
    expect(p.requirements).toHaveLength(1);
    expect(p.requirements[0]).toMatch(/^Các hoạt động được tổ chức có sức lan tỏa/);
  });

  it('reads the three targets with value, unit, comparator and level', () => {
    expect(p.targets).toHaveLength(3);
    expect(p.targets[0]).toMatchObject({ value: 90, unit: '%', comparator: 'gt', level: null, aggregation: 'ratio' });
    expect(p.targets[0]?.subject).toBe('cán bộ, hội viên phụ nữ');
    expect(p.targets[1]).toMatchObject({ value: 1, unit: 'mô hình', comparator: 'gte', level: 'grassroots', aggregation: 'perUnitMinimum' });
    expect(p.targets[2]).toMatchObject({ value: 3, unit: 'chương trình', comparator: null, level: 'province', aggregation: 'activityCount' });
  });

  it('reads the sections in order with their nesting', () => {
    expect(headings(p.sections)).toEqual([
      'MỤC ĐÍCH, YÊU CẦU',
      'MỘT SỐ CHỈ TIÊU',
      'NỘI DUNG VÀ GIẢI PHÁP',
      'KINH PHÍ THỰC HIỆN ĐỀ ÁN',
      'PHÂN CÔNG THỰC HIỆN',
    ]);
    const content = find(p.sections, 'NỘI DUNG VÀ GIẢI PHÁP');
    expect(headings(content.children)).toEqual([
      'Tuyên truyền nâng cao nhận thức của hội viên, phụ nữ về xây dựng Thành phố hòa bình, sáng tạo',
      'Tổ chức các chương trình giao lưu, tôn vinh đóng góp của phụ nữ Thủ đô trong phát triển kinh tế, xã hội',
    ]);
    const events = content.children[1] as Section;
    expect(events.items).toEqual(['Cấp thành phố tổ chức một số nội dung, sự kiện']);
    expect(events.children).toHaveLength(4);
    const festival = find(p.sections, 'Festival Phụ nữ Thủ đô vì hòa bình, phát triển');
    expect(festival.items).toContain('Thời gian: Tháng 3 năm 2024');
    const programme = festival.children[0] as Section;
    expect(programme).toMatchObject({ heading: 'Nội dung', marker: '-' });
    expect(programme.items).toEqual([
      'Giải đi bộ “Phụ nữ Thủ đô khỏe đẹp lần thứ I” năm 2024;',
      'Trưng bày văn hoá, ẩm thực Hà Nội và một số Quốc gia',
      'Liên hoan “Vũ điệu hoà bình- hữu nghị”;',
    ]);
    // "- + Toạ đàm …" is a sub-bullet of "Nội dung".
    expect(find(p.sections, 'Giao lưu “Doanh nhân nữ Thủ đô Tâm – Tài – Thanh lịch”, trao giải thưởng “Sen vàng Thủ đô”').children[0]?.items).toHaveLength(4);
    // The line broken across a blank line ("… nội dung xây" / "dựng Thành phố …") is joined.
    expect(content.children[0]?.items[0]).toContain('nội dung xây dựng Thành phố sáng tạo');
  });

  it('reads the four city events with their months, lead units, level and content items', () => {
    const events = p.activities.filter((a) => a.time.from !== null);
    expect(events.map((a) => [a.name, a.time.text, a.time.from, a.time.to])).toEqual([
      ['Festival Phụ nữ Thủ đô vì hòa bình, phát triển', 'Tháng 3 năm 2024', '2024-03-01', '2024-03-31'],
      ['Ngày hội “Phụ nữ Thủ đô ứng dụng công nghệ - đổi mới sáng tạo”', 'Tháng 4 năm 2024', '2024-04-01', '2024-04-30'],
      ['Giao lưu “Doanh nhân nữ Thủ đô Tâm – Tài – Thanh lịch”, trao giải thưởng “Sen vàng Thủ đô”', 'Tháng 10 năm 2024', '2024-10-01', '2024-10-31'],
      ['Lễ hội Áo dài “Phụ nữ Thủ đô hội nhập - phát triển”', 'Tháng 10 năm 2024', '2024-10-01', '2024-10-31'],
    ]);
    const centre = 'Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội';
    expect(events.map((a) => a.leadUnits)).toEqual([['Ban Tuyên giáo'], [centre], [centre], ['Ban Tuyên giáo']]);
    expect(events[2]?.cooperatingUnits).toEqual(['Văn phòng']);
    expect(events.every((a) => a.level === 'province')).toBe(true);
    expect(events[0]?.items).toEqual([
      'Giải đi bộ “Phụ nữ Thủ đô khỏe đẹp lần thứ I” năm 2024',
      'Trưng bày văn hoá, ẩm thực Hà Nội và một số Quốc gia',
      'Liên hoan “Vũ điệu hoà bình- hữu nghị”',
    ]);
    expect(events[3]?.items).toEqual(['Trình diễn áo dài Phụ nữ Thủ đô hội nhập – phát triển']);
    // The plan states what is planned; progress is recorded by the platform, not read from the document.
    expect(p.activities.every((a) => a.status === undefined)).toBe(true);
  });

  it('reads funding sources', () => {
    expect(p.fundingSources).toEqual(['Ngân sách nhà nước', 'Xã hội hóa']);
    expect(p.fundingDetails).toHaveLength(2);
  });

  it('reads every assignment with its role', () => {
    expect(p.assignments.map((a) => [a.unit, a.role, a.tasks.length])).toEqual([
      ['Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội', 'lead', 2],
      ['Ban Tuyên giáo', 'lead', 3],
      ['Văn phòng', 'lead', 3],
      ['Báo phụ nữ Thủ đô', 'lead', 1],
      ['Ban Hỗ trợ phụ nữ phát triển kinh tế', 'cooperating', 1],
      ['Ban Luật pháp chính sách', 'cooperating', 1],
      ['Ban Gia đình xã hội', 'cooperating', 1],
      ['Ban tổ chức kiểm tra', 'cooperating', 1],
      ['Các sở, ngành Thành phố', 'cooperating', 1],
      ['Ủy ban Mặt trận Tổ Quốc, các tổ chức, đơn vị trên địa bàn thành phố Hà Nội', 'cooperating', 1],
      ['Hội LHPN các quận, huyện, thị xã, đơn vị trực thuộc và tổ chức thành viên', 'lead', 5],
    ]);
  });

  it('reads the 6-month and yearly reports to the Centre', () => {
    const to = 'Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội';
    expect(p.reportingObligations).toEqual([
      { periodKind: 'half', deadline: null, reportTo: to, reporter: 'Hội LHPN các quận, huyện, thị xã, đơn vị trực thuộc và tổ chức thành viên' },
      { periodKind: 'year', deadline: null, reportTo: to, reporter: 'Hội LHPN các quận, huyện, thị xã, đơn vị trực thuộc và tổ chức thành viên' },
    ]);
  });

  it('reads recipients and signatory', () => {
    expect(p.recipients).toHaveLength(13);
    expect(p.recipients[0]).toBe('Đoàn Chủ tịch TW Hội LHPN Việt Nam');
    expect(p.recipients[12]).toBe('Lưu VT, TT');
    expect(p.signatory).toEqual({ onBehalfOf: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH', name: 'Lê Thị Thiên Hương' });
    expect(p.closing).toMatch(/^Trên đây là Kế hoạch triển khai thực hiện Đề án/);
  });

  it('warns about the repeated section number and a target outside CHỈ TIÊU', () => {
    const w = warnings(0);
    expect(w.some((x) => x.includes('"III." sau mục số 4'))).toBe(true);
    expect(w.some((x) => x.startsWith('Có thể là chỉ tiêu nằm ngoài mục Chỉ tiêu') && x.includes('ít nhất 01 mô hình'))).toBe(true);
  });
});

describe('seed 001 — 26/KH-BTV, công tác bình đẳng giới năm 2024', () => {
  const p = plan(1);

  it('reads the header despite markdown marks in the number and date', () => {
    expect(p.number).toBe('26/KH-BTV');
    expect(p.issuedOn).toBe('2024-02-06');
    expect(p.place).toBe('Hà Nội');
    expect(p.title).toBe('Triển khai thực hiện công tác bình đẳng giới, vì sự tiến bộ của phụ nữ trong các cấp Hội Phụ nữ Hà Nội năm 2024');
    expect(p.issuer).toBe('Ban Thường vụ Hội LHPN Hà Nội');
    expect(p.programme).toBeNull();
  });

  it('reads the legal basis', () => {
    expect(p.legalBases).toEqual([
      {
        kind: 'Kế hoạch',
        number: '39/KH-UBND',
        date: '2024-01-29',
        issuer: 'UBND thành phố Hà Nội',
        title: 'triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2024',
        introducedBy: 'Thực hiện',
      },
    ]);
  });

  it('reads three purposes and no target', () => {
    expect(p.purposes).toHaveLength(3);
    expect(p.purposes[2]).toMatch(/^Vận động sự tham gia/);
    expect(p.requirements).toEqual([]);
    expect(p.targets).toEqual([]);
  });

  it('reads sections and sub-sections', () => {
    expect(headings(p.sections)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN']);
    expect(p.sections[1]?.children).toHaveLength(4);
    expect(p.sections[1]?.children[3]?.heading).toBe('Phối hợp tham mưu hoạt động của Ban Vì sự tiến bộ của phụ nữ');
  });

  it('reads the action month 15/11–15/12, ignoring dates of cited documents', () => {
    const dated = p.activities.filter((a) => a.time.from !== null && !a.name.startsWith('Tổ chức hoạt động gặp mặt'));
    expect(dated).toHaveLength(1);
    expect(dated[0]).toMatchObject({
      name: 'Tổ chức triển khai các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới',
      time: { text: 'từ ngày 15/11-15/12/2024', from: '2024-11-15', to: '2024-12-15' },
    });
  });

  it('reads the documents cited in the body', () => {
    expect(p.references?.map((r) => r.number)).toEqual(['21-CT/TW', '22-CT/TU', '56/2012/NĐ-CP', '124/KH-UBND']);
    expect(p.references?.[2]).toMatchObject({ kind: 'Nghị định', date: '2012-07-16', issuer: 'Chính phủ' });
  });

  it('reads assignments and the monthly, quarterly and yearly reports', () => {
    expect(unitsOf(p)).toEqual(['Hội LHPN Thành phố', 'Hội LHPN các quận, huyện, thị xã và đơn vị trực thuộc']);
    expect(p.assignments.every((a) => a.role === 'lead')).toBe(true);
    expect(p.reportingObligations.map((o) => o.periodKind)).toEqual(['month', 'quarter', 'year']);
    expect(p.reportingObligations.every((o) => o.reporter === 'Hội LHPN các quận, huyện, thị xã và đơn vị trực thuộc')).toBe(true);
    expect(p.fundingSources).toEqual([]);
  });

  it('reads recipients and signatory', () => {
    expect(p.recipients).toEqual([
      'VP Trung ương Hội LHPN Việt Nam',
      'VP UBND thành phố',
      'Sở LĐTB&XH Hà Nội',
      'TT, TV Hội LHPN Hà Nội',
      'Hội LHPN Q,H,TX và đơn vị trực thuộc',
      'Các tổ chức thành viên',
      'Lưu VT, VP',
    ]);
    expect(p.signatory).toEqual({ onBehalfOf: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH THƯỜNG TRỰC', name: 'Phạm Thị Thanh Hương' });
  });
});

describe('seed 002 — 60/KH-BTV, Hội nghị đánh giá giữa nhiệm kỳ', () => {
  const p = plan(2);

  it('reads the header and the title broken over four markdown lines', () => {
    expect(p.number).toBe('60/KH-BTV');
    expect(p.issuedOn).toBe('2024-05-10');
    expect(p.title).toBe(
      'Tổ chức Hội nghị đánh giá giữa nhiệm kỳ phong trào thi đua “Xây dựng người phụ nữ Việt Nam thời đại mới” của Hội LHPN Việt Nam, phong trào “Xây dựng người phụ nữ Thủ đô Trung hậu - Sáng tạo - Đảm đang - Thanh lịch” và công tác thu hút, tập hợp phụ nữ của thành phố Hà Nội',
    );
  });

  it('reads four legal bases, the two plans of the BTV sharing issuer and title', () => {
    expect(p.legalBases.map((b) => [b.kind, b.number, b.date, b.issuer, b.introducedBy])).toEqual([
      ['Kế hoạch', '421/KH-ĐCT', '2023-12-29', 'Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam', 'Thực hiện'],
      ['Công văn', '3186/ĐCT-VP', '2024-04-08', 'Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam', 'Thực hiện'],
      ['Kế hoạch', '16/KH-BTV', '2024-01-24', 'Ban Thường vụ Hội LHPN Hà Nội', 'Căn cứ'],
      ['Kế hoạch', '47/KH-BTV', '2024-04-09', 'Ban Thường vụ Hội LHPN Hà Nội', 'Căn cứ'],
    ]);
    expect(p.legalBases[1]?.title).toBe('tổ chức Hội nghị đánh giá giữa nhiệm kỳ phong trào thi đua gắn với công tác thu hút, tập hợp phụ nữ');
    expect(p.legalBases[2]?.title).toBe(p.legalBases[3]?.title);
  });

  it('reads purposes, requirements, sections', () => {
    expect(p.purposes).toHaveLength(1);
    expect(p.requirements[0]).toMatch(/^Hội nghị cần được tiến hành nghiêm túc/);
    expect(headings(p.sections)).toEqual([
      'MỤC ĐÍCH, YÊU CẦU',
      'THỜI GIAN, ĐỊA ĐIỂM, SỐ LƯỢNG, THÀNH PHẦN',
      'CHƯƠNG TRÌNH HỘI NGHỊ',
      'NỘI DUNG TRỌNG TÂM PHÁT BIỂU, TRAO ĐỔI TẠI HỘI NGHỊ',
      'KINH PHÍ TỔ CHỨC HỘI NGHỊ',
      'TỔ CHỨC THỰC HIỆN',
    ]);
    expect(headings(p.sections[1]?.children ?? [])).toEqual(['Thời gian, địa điểm', 'Số lượng', 'Thành phần mời']);
    expect(p.sections[2]?.items).toHaveLength(7);
    expect(p.targets).toEqual([]);
  });

  it('reads the conference as the activity: date, venue, participants, organiser', () => {
    expect(p.activities).toHaveLength(1);
    expect(p.activities[0]).toMatchObject({
      name: p.title,
      time: { text: '01 buổi, dự kiến ngày 28/5/2024 (Thứ ba)', from: '2024-05-28', to: '2024-05-28' },
      venue: 'Hội trường Hội LHPN Hà Nội (Số 7 phố Tôn Thất Thuyết, phường Dịch Vọng Hậu, quận Cầu Giấy)',
      participants: 80,
      leadUnits: ['Hội LHPN thành phố Hà Nội'],
    });
  });

  it('reads funding from the heading line "V. KINH PHÍ …: từ nguồn …"', () => {
    expect(p.fundingSources).toEqual(['Ngân sách nhà nước', 'Hội phí']);
  });

  it('reads assignments from unit headings and "Giao cho …" sentences', () => {
    expect(p.assignments.map((a) => [a.unit, a.role])).toEqual([
      ['Hội LHPN thành phố Hà Nội', 'lead'],
      ['Văn phòng Hội LHPN Hà Nội', 'lead'],
      ['Ban Tổ chức - Kiểm tra', 'cooperating'],
      ['Ban Tuyên giáo Hội LHPN Hà Nội', 'lead'],
      ['Các ban, đơn vị Thành hội', 'cooperating'],
      ['Hội LHPN quận, huyện, thị xã, đơn vị trực thuộc, các tổ chức thành viên và cơ sở Hội', 'lead'],
    ]);
    expect(p.assignments[1]?.tasks[0]).toMatch(/^Chủ trì tổng hợp nội dung khảo sát/);
    expect(p.reportingObligations).toEqual([]);
  });

  it('reads recipients and the bold signature; warns about "Để báo cáo"', () => {
    expect(p.recipients).toHaveLength(9);
    expect(p.recipients[8]).toBe('Lưu, VT, VP');
    expect(p.signatory).toEqual({ onBehalfOf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Lê Kim Anh' });
    expect(warnings(2)).toEqual(['Nội dung cuối văn bản chưa được xếp vào mục nào: "Để báo cáo".']);
  });
});

describe('seed 003 — Đà Nẵng, 3 nhiệm vụ trọng tâm năm 2023 (no number, footnotes)', () => {
  const p = plan(3);

  it('has no number nor date, and says so', () => {
    expect(p.number).toBeNull();
    expect(p.issuedOn).toBeNull();
    expect(p.place).toBeNull();
    const w = warnings(3);
    expect(w.some((x) => x.startsWith('Không tìm thấy số, ký hiệu văn bản'))).toBe(true);
    expect(w.some((x) => x.startsWith('Không tìm thấy địa danh và ngày tháng'))).toBe(true);
  });

  it('reads the title joined across a blank line and the issuer completed with the city', () => {
    expect(p.title).toBe(
      'Triển khai thực hiện 3 nhiệm vụ trọng tâm năm 2023 của Hội Liên hiệp Phụ nữ TP Đà Nẵng theo Thông báo số 397-TB/TU của Ban Thường vụ Thành uỷ',
    );
    expect(p.issuer).toBe('Ban Thường vụ Hội Liên hiệp Phụ nữ thành phố Đà Nẵng');
  });

  it('reads the legal basis', () => {
    expect(p.legalBases).toEqual([
      {
        kind: 'Thông báo',
        number: '397-TB/TU',
        date: '2022-12-31',
        issuer: 'Ban Thường vụ Thành uỷ',
        title: 'giao thực hiện 3 nhiệm vụ trọng tâm năm 2023',
        introducedBy: 'Thực hiện',
      },
    ]);
  });

  it('reads purposes and requirements from their sub-sections', () => {
    expect(p.purposes).toHaveLength(2);
    expect(p.requirements).toHaveLength(2);
    expect(p.requirements[0]).toMatch(/^Có sự đầu tư nghiên cứu/);
  });

  it('reads the numeric targets stated in the content', () => {
    const brief = p.targets.map((t) => [t.value, t.unit, t.comparator, t.level]);
    expect(brief).toEqual([
      [70, 'chi hội', null, null],
      [102, 'chi hội', null, null],
      [268, 'chi hội', null, null],
      [2500, 'hội viên', 'approx', null],
      [100, '%', null, null],
      [1, 'chính sách', 'gte', 'province'],
      [1, 'dự thảo', 'gte', 'province'],
      [2, 'đoàn', null, 'province'],
      [1, 'chính sách', 'gte', 'district'],
      [2, 'dự thảo', 'gte', 'district'],
      [100, '%', null, 'district'],
      [100, '%', null, 'branch'],
      [100, '%', null, null],
      [100, '%', null, null],
      [100, '%', null, null],
      [1, 'loại hình', 'gte', 'grassroots'],
      [80, '%', null, null],
      [1000, 'hộ', null, null],
      [1500, 'phụ nữ', 'gte', null],
      [1, 'doanh nghiệp', null, null],
      [1, 'hợp tác xã', null, null],
      [15, 'tổ', null, null],
    ]);
    expect(p.targets[3]).toMatchObject({ text: 'Hằng năm, phát triển khoảng 2.500 hội viên', period: 'year', aggregation: 'total' });
    expect(p.targets[8]?.levels).toEqual(['district', 'grassroots']);
    expect(p.targets[8]?.aggregation).toBe('perUnitMinimum');
    expect(p.targets[17]?.text).toMatch(/giúp 1\.000 hộ nghèo\/hộ cận nghèo thoát nghèo/);
    expect(warnings(3).some((w) => w.startsWith('Ngưỡng rà soát') && w.includes('dưới 60%'))).toBe(true);
  });

  it('reads sections with "+/" and "." sub-bullets', () => {
    expect(headings(p.sections)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN']);
    const tasks = p.sections[1]?.children ?? [];
    expect(headings(tasks)).toEqual([
      'Nhiệm vụ 1: Công tác xây dựng tổ chức Hội vững mạnh, hoạt động chuyên nghiệp, hiệu quả',
      'Nhiệm vụ 2: Hoạt động giáo dục truyền thông, văn hoá, văn nghệ, thể dục, thể thao, bảo vệ môi trường',
      'Nhiệm vụ 3: Hoạt động hỗ trợ phụ nữ khởi nghiệp, sáng tạo',
    ]);
    const oversight = tasks[0]?.children[0] as Section;
    expect(oversight.marker).toBe('-');
    expect(oversight.heading).toMatch(/^Nâng cao chất lượng công tác giám sát/);
    expect(oversight.children.map((c) => c.marker)).toEqual(['+', '+']);
    expect(oversight.children[0]?.items).toHaveLength(3);
    // "(\n);" left by a removed footnote marker is joined back.
    expect(tasks[0]?.items[1]).toBe('Duy trì mô hình “3 biết, 3 hỗ trợ”; mô hình “Giải thưởng Chi hội phụ nữ tiêu biểu” cấp thành phố, quận, huyện và các mô hình tại cơ sở Hội.');
  });

  it('reads assignments, merging two spellings of one department', () => {
    expect(p.assignments.map((a) => [a.unit, a.tasks.length])).toEqual([
      ['Hội LHPN thành phố', 2],
      ['Ban Xây dựng Tổ chức Hội', 1],
      ['Văn phòng', 1],
      ['Ban Tuyên giáo - Chính sách - Pháp luật', 2],
      ['Ban Gia đình - Xã hội, Kinh tế', 1],
      ['Hội LHPN các quận, huyện, đơn vị trực thuộc, đơn vị thành viên', 2],
    ]);
    expect(p.assignments.every((a) => a.role === 'lead')).toBe(true);
  });

  it('has no dated activity and no periodic report, and warns about "Thường xuyên báo cáo"', () => {
    expect(p.activities.filter((a) => a.time.from !== null)).toEqual([]);
    expect(p.activities.filter((a) => a.time.recurrence).map((a) => [a.name, a.time.text, a.time.recurrence])).toEqual([
      ['Phát triển khoảng 2.500 hội viên', 'Hằng năm', 'year'],
    ]);
    expect(p.reportingObligations).toEqual([]);
    expect(warnings(3).some((w) => w.startsWith('Chế độ báo cáo chưa rõ kỳ báo cáo') && w.includes('Thường xuyên báo cáo'))).toBe(true);
  });

  it('keeps the footnotes apart and reads recipients and signatory', () => {
    expect(p.footnotes).toHaveLength(4);
    expect(p.footnotes?.[0]).toMatch(/^“3 biết”: Biết mặt/);
    expect(p.recipients).toHaveLength(9);
    expect(p.recipients[0]).toBe('Đoàn Chủ tịch TW Hội');
    expect(p.signatory).toEqual({ onBehalfOf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Hoàng Thị Thu Hương' });
  });
});

describe('seed 004 — 13/KH-BTV, Đề án nông thôn mới năm 2024', () => {
  const p = plan(4);

  it('reads the header around the national motto', () => {
    expect(p.number).toBe('13/KH-BTV');
    expect(p.issuedOn).toBe('2024-01-24');
    expect(p.place).toBe('Hà Nội');
    expect(p.issuingBody).toBeNull();
    expect(p.title).toBe(
      'Triển khai thực hiện Đề án “Đẩy mạnh vai trò của Hội phụ nữ các cấp trong xây dựng nông thôn mới, đô thị văn minh đến năm 2025” Năm 2024',
    );
    expect(p.programme).toBe('Đẩy mạnh vai trò của Hội phụ nữ các cấp trong xây dựng nông thôn mới, đô thị văn minh đến năm 2025');
  });

  it('reads both legal bases', () => {
    expect(p.legalBases.map((b) => [b.kind, b.number, b.date, b.issuer])).toEqual([
      ['Quyết định', '1843/QĐ-UBND', '2022-06-02', 'Ủy ban nhân dân thành phố Hà Nội'],
      ['Hướng dẫn', '12/HD-BTV', '2022-08-09', 'Ban Thường vụ Hội LHPN Hà Nội'],
    ]);
    expect(p.legalBases[0]?.title).toMatch(/^phê duyệt Đề án “Đẩy mạnh vai trò/);
    expect(p.legalBases[1]?.title).toMatch(/^triển khai thực hiện Đề án “Đẩy mạnh vai trò/);
  });

  it('reads the three numbered targets', () => {
    expect(p.targets.map((t) => [t.value, t.unit, t.comparator, t.level])).toEqual([
      [1, 'mô hình', 'gte', 'grassroots'],
      [100, '%', null, null],
      [18, 'mô hình', 'gte', 'province'],
    ]);
    expect(p.targets[0]?.text).toMatch(/^Mỗi cơ sở Hội có ít nhất 01 mô hình/);
  });

  it('reads the sections', () => {
    expect(headings(p.sections)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'CHỈ TIÊU CỤ THỂ', 'NỘI DUNG VÀ GIẢI PHÁP THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN']);
    expect(headings(p.sections[2]?.children[1]?.children ?? [])).toEqual([
      'Triển khai mô hình “Phân loại, xử lý rác hữu cơ tại các hộ gia đình hội viên phụ nữ nông thôn”',
      'Triển khai mô hình “Phụ nữ tham gia xử lý rơm rạ sau thu hoạch”',
    ]);
  });

  it('reads the month- and quarter-dated activities with their lead units', () => {
    const dated = p.activities.filter((a) => a.time.from !== null);
    // The study tour's department comes from the tasks ("Chủ trì … tham quan học tập kinh nghiệm").
    expect(dated.map((a) => [a.time.text, a.time.from, a.time.to, a.leadUnits])).toEqual([
      ['Tháng 9/2024', '2024-09-01', '2024-09-30', ['Hội LHPN Hà Nội']],
      ['Quý 4/2024', '2024-10-01', '2024-12-31', ['Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội']],
      ['Quý II, III/2023', '2023-04-01', '2023-09-30', ['Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội']],
    ]);
    expect(dated[1]?.name).toMatch(/chương trình “Hà Nội kết nối vươn xa”/);
    expect(dated[2]?.name).toMatch(/^Tổ chức 2 đoàn tham quan/);
    expect(warnings(4).some((w) => w.includes('"Quý II, III/2023"') && w.includes('ngoài năm kế hoạch 2024'))).toBe(true);
  });

  it('reads assignments including the listed departments', () => {
    expect(p.assignments.map((a) => [a.unit, a.role])).toEqual([
      ['Hội LHPN Thành phố Hà Nội', 'lead'],
      ['Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội', 'lead'],
      ['Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội', 'lead'],
      ['Ban Tuyên giáo Hội LHPN Hà Nội', 'lead'],
      ['Các ban, đơn vị trực thuộc Thành hội', 'lead'],
      ['Sở Nông nghiệp và Phát triển Nông thôn', 'cooperating'],
      ['Sở Tài nguyên Môi trường', 'cooperating'],
      ['Sở Tài chính', 'cooperating'],
      ['Liên minh HTX thành phố Hà Nội', 'cooperating'],
      ['Ủy ban nhân dân các huyện, thị xã', 'lead'],
      ['Hội LHPN các huyện, thị xã', 'lead'],
    ]);
  });

  it('reads the reports before 13/6 and 30/10 and whom they go to', () => {
    expect(p.reportingObligations).toEqual([
      { periodKind: 'half', deadline: '13/06', reportTo: 'Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội', reporter: 'Hội LHPN các huyện, thị xã' },
      { periodKind: 'year', deadline: '30/10', reportTo: 'Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội', reporter: 'Hội LHPN các huyện, thị xã' },
    ]);
  });

  it('reads funding, recipients, and no signatory', () => {
    expect(p.fundingSources).toEqual(['Ngân sách nhà nước']);
    expect(p.recipients).toHaveLength(9);
    expect(p.recipients[4]).toBe('Các Sở: NN&PTNT, Tài nguyên môi trường, Tài chính; Liên minh HTX và Chi nhánh NHCSXH thành phố Hà Nội');
    expect(p.signatory).toEqual({ onBehalfOf: null, title: null, name: null });
    expect(warnings(4)).toContain('Không tìm thấy chữ ký (TM. …, chức vụ, họ tên người ký).');
  });
});
