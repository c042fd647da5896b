/**
 * Activities a person would list from the seed plans, dated or not, with the units responsible for them.
 * The lists are exact on purpose: an activity is something organised (tổ chức, phát động, tập huấn, sơ kết,
 * hội nghị, tọa đàm …), not every bullet of the plan.
 */
import { importPlanText } from './importer';
import { organised } from './activities';
import { readSeed } from '../__tests__/fixtures';

const plan = (i: number) => importPlanText(readSeed(i)).plan;

describe('activities of the seed plans', () => {
  it('seed 000: only the four city events (their programme items are not activities)', () => {
    expect(plan(0).activities.map((a) => a.name)).toEqual([
      'Festival Phụ nữ Thủ đô vì hòa bình, phát triển',
      'Ngày hội “Phụ nữ Thủ đô ứng dụng công nghệ - đổi mới sáng tạo”',
      'Giao lưu “Doanh nhân nữ Thủ đô Tâm – Tài – Thanh lịch”, trao giải thưởng “Sen vàng Thủ đô”',
      'Lễ hội Áo dài “Phụ nữ Thủ đô hội nhập - phát triển”',
    ]);
  });

  describe('seed 001', () => {
    const p = plan(1);
    it('lists the undated activities and the meetings of 8/3 and 20/10', () => {
      expect(p.activities.map((a) => a.name)).toEqual([
      "Tổ chức các chương trình, sự kiện cộng đồng tuyên truyền bình đẳng giới, tuyên truyền về vai trò, năng lực, phẩm chất của phụ nữ Thủ đô nhân dịp các ngày kỷ niệm lớn của đất nước, Thủ đô và của Hội",
      "Tổ chức truyền thông nâng cao năng lực cho đội ngũ cán bộ Hội thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ từ Thành phố đến cơ sở",
      "Tập huấn và phát triển đội ngũ cộng tác viên, tuyên truyền viên, báo cáo viên về bình đẳng giới ở các cấp Hội, đặc biệt là cấp cơ sở",
      "Tổ chức triển khai các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới",
      "Tổ chức truyền thông, tư vấn, khám sàng lọc phát hiện sớm ung thư vú, cổ tử cung cho phụ nữ từ 35-60 tuổi tại 18 huyện và 5 công đoàn ngành trên địa bàn Thành phố",
      "Tổ chức đánh giá hoạt động của Ban Vì sự tiến bộ của phụ nữ theo quy định",
      "Tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng cho nữ lãnh đạo, quản lý, nữ cán bộ trong diện quy hoạch chức vụ, chức danh lãnh đạo quản lý các cấp chuẩn bị cho nguồn cấp ủy nhiệm kỳ 2025 -2030",
      "Tổ chức hoạt động gặp mặt, trao đổi kinh nghiệm giữa các nữ lãnh đạo chủ chốt các cấp nhân dịp ngày Quốc tế phụ nữ 8/3",
      "Tổ chức hoạt động gặp mặt, trao đổi kinh nghiệm giữa các nữ lãnh đạo chủ chốt các cấp nhân dịp ngày Phụ nữ Việt Nam 20/10",
      ]);
      const meetings = p.activities.filter((a) => a.name.startsWith('Tổ chức hoạt động gặp mặt'));
      expect(meetings.map((a) => a.time)).toEqual([
        { text: 'ngày 8/3', from: '2024-03-08', to: '2024-03-08', recurrence: null },
        { text: 'ngày 20/10', from: '2024-10-20', to: '2024-10-20', recurrence: null },
      ]);
    });
    it('links the meetings to the union that leads them and its partner, named in Tổ chức thực hiện', () => {
      const meeting = p.activities.find((a) => a.name.endsWith('8/3'));
      expect(meeting?.leadUnits).toEqual(['Hội LHPN Thành phố']);
      expect(meeting?.cooperatingUnits).toEqual(['Sở Lao động, Thương binh và Xã hội Thành phố']);
    });
    it('gives the action month a lead unit: the issuing union when no department is named', () => {
      const month = p.activities.find((a) => a.name.includes('Tháng hành động'));
      expect(month?.time.from).toBe('2024-11-15');
      expect(month?.leadUnits).toEqual(['Hội LHPN Thành phố']);
      expect(p.activities.every((a) => a.leadUnits.length > 0)).toBe(true);
    });
  });

  describe('seed 003 (nothing dated)', () => {
    const p = plan(3);
    it('lists the activities of the three tasks', () => {
      expect(p.activities.map((a) => a.name)).toEqual([
      "Sơ kết 01 năm đồng hành, giúp đỡ 70 Chi hội phụ nữ khó khăn nhất trong tổ chức hoạt động phong trào được Hội LHPN các cấp đồng hành",
      "Tổ chức các đợt kiểm tra, giám sát đối với các cấp Hội, BCH Hội LHPN các cấp trong việc thực hiện NQĐHPN TQ, NQĐHPN TP và NQĐHPN các cấp",
      "Đánh giá tổng kết 10 năm thực hiện Quyết định số 217-QĐ/TW và 218-QĐ/T",
      "Sơ kết 05 năm thực hiện Quy định 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư và Quy định số 06-QĐ/TU ngày 17/4/2018 của Thành ủy về giám sát của Mặt trận Tổ quốc Việt Nam thành phố, các tổ chức chính trị - xã hội thành phố và nhân dân đối với việc tu dưỡng, rèn luyện, đạo đức, lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên",
      "Tổ chức các hội thảo, tập huấn nâng cao năng lực lãnh đạo, quản lý, kỹ năng lồng ghép giới cho cán bộ nữ được bổ nhiệm lần đầu, nữ lần đầu tham gia đại biểu dân cử, cán bộ nữ trẻ",
      "Tập huấn kỹ năng vận động ứng cử cho nữ ứng cử viên đại biểu HĐND các cấp",
      "Tổ chức các hoạt động giáo dục truyền thống cho phụ nữ nhằm khơi dậy lý tưởng, bản lĩnh, lòng yêu nước, tự hào dân tộc",
      "Tổ chức ít nhất 01 loại hình hoạt động thường xuyên để vận động phụ nữ rèn luyện sức khỏe, trau dồi đạo đức, nâng cao kiến thức và kỹ năng hoạt động Hội",
      "Tham gia các hoạt động Lễ hội văn hóa hai bờ sông Hàn theo Kế hoạch chung của thành phố",
      "Phát động phong trào “Đoạn đường tự quản, ngõ phố bích họa, nở hoa”",
      ]);
      expect(p.activities.every((a) => a.time.from === null)).toBe(true);
    });
    it('takes the lead units from "Giao Ban … tham mưu chính nhiệm vụ N"', () => {
      const lead = (prefix: string) => p.activities.find((a) => a.name.startsWith(prefix))?.leadUnits;
      expect(lead('Sơ kết 01 năm')).toEqual(['Ban Xây dựng Tổ chức Hội', 'Văn phòng', 'Ban Tuyên giáo - Chính sách - Pháp luật']);
      expect(lead('Phát động phong trào')).toEqual(['Ban Tuyên giáo - Chính sách - Pháp luật']);
    });
  });

  describe('seed 004', () => {
    const p = plan(4);
    it('lists dated and undated activities, the tọa đàm among them', () => {
      expect(p.activities.map((a) => a.name)).toEqual([
      "Tổ chức các hoạt động truyền thông vai trò của phụ nữ trong xây dựng nông thôn mới",
      "Tổ chức các hoạt động truyền thông nâng cao kiến thức cho hội viên phụ nữ các kiến thức ứng dựng khoa học kỹ thuật, công nghệ cao và chuyển đổi số trong sản xuất, kinh doanh và kết nối tiêu thụ sản phẩm nông nghiệp an toàn",
      "Tổ chức tọa đàm \"Phát huy vai trò của Hội phụ nữ các cấp tham gia xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu trên địa bàn thành phố Hà Nội\"",
      "Tổ chức tập huấn, hướng dẫn phụ nữ tham gia chương trình “Mỗi xã một sản phẩm” (Chương trình OCOP), hỗ trợ hội viên, phụ nữ khởi sự, kinh doanh, khởi nghiệp, hỗ trợ nâng cao năng lực cho phụ nữ là chủ doanh nghiệp, quản lý Hợp tác xã, chủ hộ kinh doanh tích cực tham gia các tổ chức kinh tế tập thể, hợp tác xã, tổ hợp tác",
      "Tổ chức 18 lớp tập huấn và ra mắt mô hình “Phân loại rác thải hữu cơ tại hộ gia đình nông thôn” tại 18 xã thuộc 18 huyện ngoại thành cho cán bộ, hội viên phụ nữ địa phương",
      "Tổ chức “Ngày hội Phụ nữ Thủ đô chung tay phân loại và xử lý rác thải sinh hoạt góp phần xây dựng nông thôn mới” hưởng ứng Chiến dịch \"Làm cho thế giới sạch hơn\"",
      "Tập huấn quy trình, kỹ thuật thu gom, xử lý rơm rạ, tái sử dụng rơm rạ và phụ phẩm cây trồng làm nguyên liệu sản xuất thành phân hữu cơ cho cán bộ, hội viên phụ nữ",
      "Tổ chức cuộc thi trực tuyến clip tiểu phẩm tuyên truyền “Phụ nữ Thủ đô chung tay xây dựng nông thôn mới” trên trang Fanpage của Hội LHPN thành phố Hà Nội",
      "Tổ chức chương trình quảng bá sản phẩm sáng tạo, sản phẩm nông nghiệp an toàn do phụ nữ làm chủ và chương trình “Hà Nội kết nối vươn xa” nhằm quảng bá các sản phẩm nông nghiệp, làng nghề truyền thống, sản phẩm sáng tạo của phụ nữ Hà Nội và phụ nữ các tỉnh/thành phố",
      "Tổ chức tuyên truyền, giới thiệu sản phẩm hàng Việt chất lượng cao tới hội viên, phụ nữ và nhân dân trên địa bàn, Chương trình “Mỗi xã một sản phẩm” trên các nền tảng truyền thông của Hội",
      "Tổ chức trưng bày, giới thiệu sản phẩm, kết nối tiêu thụ sản phẩm của các doanh nghiệp, cơ sở sản xuất kinh doanh, Hợp tác xã do nữ làm chủ",
      "Tổ chức các hội chợ giới thiệu sản phẩm an toàn trên toàn thành phố Hà Nội",
      "Tổ chức thăm quan, chia sẻ kinh nghiệm xây dựng Nông thôn mới kiểu mẫu, mô hình “Phân loại, xử lý rác hữu cơ tại các hộ gia đình hội viên phụ nữ nông thôn” và mô hình “Phụ nữ tham gia xử lý rơm, rạ sau thu hoạch” tại các huyện trên địa bàn Thành phố",
      "Tổ chức 2 đoàn tham quan các mô hình phát triển kinh tế, du lịch sinh thái làng nghề do phụ nữ quản lý, điều hành (Dự kiến tại tỉnh Quảng Ninh và tỉnh Lào Cai)",
      "Tổ chức giao lưu, chia sẻ kinh nghiệm sản xuất, kinh doanh, mở rộng các chuỗi kết nối sản xuất, tiêu thụ sản phẩm, hỗ trợ xúc tiến thương mại, trưng bày, giới thiệu sản phẩm nông nghiệp an toàn của các mô hình kinh tế do phụ nữ làm chủ, các hộ phụ nữ sản xuất kinh doanh trong các dịp ngày lễ, Tết",
      ]);
    });
    it('links the lead department from the tasks and the one who acts from the sentence', () => {
      const find = (prefix: string) => p.activities.find((a) => a.name.startsWith(prefix));
      const economy = 'Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội';
      expect(find('Tổ chức tọa đàm')?.leadUnits).toEqual([economy]);
      expect(find('Tổ chức cuộc thi trực tuyến')?.leadUnits).toEqual([economy]);
      expect(find('Tổ chức tập huấn, hướng dẫn')?.leadUnits).toEqual(['Hội LHPN các huyện, thị xã']);
      expect(find('Tổ chức trưng bày')).toMatchObject({
        leadUnits: ['Hội LHPN các huyện, thị xã'],
        cooperatingUnits: ['Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội'],
      });
      expect(find('Tổ chức các hội chợ')?.leadUnits).toEqual(['Hội LHPN các huyện, thị xã']);
    });
  });

  it('seed 002: the conference is the one activity (its agenda and logistics are not)', () => {
    expect(plan(2).activities).toHaveLength(1);
  });
});

describe('organised', () => {
  it.each([
    ['Thành hội tổ chức tọa đàm “X”', 'Thành hội'],
    ['Thường xuyên tổ chức các đợt kiểm tra', null],
    ['Phối hợp với các cơ quan liên quan tổ chức các hội thảo', null],
    ['Các huyện, thị xã phối hợp tổ chức trưng bày', 'Các huyện, thị xã'],
    ['Tham gia các hoạt động Lễ hội văn hóa hai bờ sông Hàn', null],
  ])('%s → an activity', (clause, actor) => {
    expect(organised(clause)?.actor ?? null).toBe(actor);
  });

  it.each([
    'Tổ chức và hoạt động của Ban Vì sự tiến bộ phụ nữ',
    'tận dụng tối đa mạng xã hội trong công tác truyền thông, tập huấn, tổ chức các cuộc thi',
    'Chỉ đạo các ngành chức năng phối hợp Hội Liên hiệp Phụ nữ cùng cấp tổ chức thực hiện các nội dung',
    'Tham gia xây dựng phản biện xã hội',
    'huy động sự tham gia của các tổ chức, cá nhân',
  ])('%s → not an activity', (clause) => {
    expect(organised(clause)).toBeNull();
  });
});
