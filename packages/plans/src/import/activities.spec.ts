/**
 * Activities a person would list from the seed plans, with their level and the units responsible. The rule
 * (activities.ts): an event section with "Thời gian:", a dated clause, a clause that organises something, or
 * a statement of doing (a verb of ACTION_VERBS opening the sentence after the one who acts and words of
 * manner). Orientations ("Tăng cường công tác …", "Đa dạng hóa …", "Ứng dụng …"), descriptions, labels and
 * an event's own programme are not activities. The lists are exact: the first words of each name, its level.
 */
import { importPlanText } from './importer';
import { actionStatement, organised } from './activities';
import { readSeed } from '../__tests__/fixtures';
import type { Activity } from '../model/types';

const plan = (i: number) => importPlanText(readSeed(i)).plan;
const start = (name: string): string => name.split(/\s+/).slice(0, 7).join(' ');
const brief = (list: Activity[]) => list.map((a) => [start(a.name), a.level ?? null]);
const named = (list: Activity[], prefix: string): Activity | undefined => list.find((a) => a.name.startsWith(prefix));

describe('activities of the seed plans', () => {
  it('seed 000: the statements of III.1 and the four city events (their programme items are not activities)', () => {
    const p = plan(0);
    expect(brief(p.activities)).toEqual([
      ['Tuyên truyền tới hội viên, phụ nữ', 'province'],
      ['Tuyên truyền về truyền thống của Thủ', 'province'],
      ['Tuyên truyền trực tiếp thông qua sinh', 'province'],
      ['Xây dựng các sản phẩm truyền thông', 'province'],
      ['Tuyên truyền qua trang thông tin điện', 'province'],
      ['Festival Phụ nữ Thủ đô vì hòa', 'province'],
      ['Ngày hội “Phụ nữ Thủ đô ứng', 'province'],
      ['Giao lưu “Doanh nhân nữ Thủ đô', 'province'],
      ['Lễ hội Áo dài “Phụ nữ Thủ', 'province'],
    ]);
    // "Lồng ghép với …" is an orientation; its second sentence "Tuyên truyền trực tiếp …" is a statement of doing.
    expect(named(p.activities, 'Lồng ghép')).toBeUndefined();
    // Nobody named in the content or the tasks: the issuing union.
    expect(named(p.activities, 'Xây dựng các sản phẩm truyền thông')?.leadUnits).toEqual(['Hội LHPN thành phố Hà Nội']);
  });

  describe('seed 001', () => {
    const p = plan(1);
    it('lists the statements of doing, the action month and the meetings of 8/3 and 20/10', () => {
      expect(brief(p.activities)).toEqual([
        ['Truyền thông về bình đẳng giới trong', 'province'],
        ['Truyền thông trực tiếp tại cơ sở', 'province'],
        ['Tổ chức các chương trình, sự kiện', 'province'],
        ['Tổ chức truyền thông nâng cao năng', null],
        ['Tập huấn và phát triển đội ngũ', null],
        ['Xây dựng, duy trì và phát triển', 'province'],
        ['Tổ chức triển khai các hoạt động', 'province'],
        ['Thực hiện Quy chế phối hợp giữa', 'province'],
        ['Thực hiện Đề án 938 của Chính', 'province'],
        ['Tuyên truyền nâng cao nhận thức về', 'province'],
        ['Thực hiện Dự án 8 “Thực hiện', 'province'],
        ['Thực hiện các Đề án, Kế hoạch', 'province'],
        ['Phối hợp với sở Y tế Thành', 'province'],
        ['Tổ chức truyền thông, tư vấn, khám', 'province'],
        ['Phối hợp tham mưu rà soát, kịp', 'province'],
        ['Tổ chức đánh giá hoạt động của', 'province'],
        ['Duy trì hoạt động Ban Vì sự', 'province'],
        ['Tổ chức tập huấn, bồi dưỡng kiến', 'province'],
        ['Phối hợp liên ngành trong thực hiện', 'province'],
        ['Phối hợp trong tham mưu, đề xuất', 'province'],
        ['Phối hợp tham mưu việc tăng cường', 'province'],
        ['Tổ chức hoạt động gặp mặt, trao', 'province'],
        ['Tổ chức hoạt động gặp mặt, trao', 'province'],
      ]);
      // Orientations are not activities: "Đa dạng hóa các hoạt động …", "Tăng cường công tác phối hợp …".
      expect(named(p.activities, 'Đa dạng hóa')).toBeUndefined();
      expect(p.activities.some((a) => /^(?:Tăng cường|Tiếp tục đẩy mạnh) công tác/u.test(a.name))).toBe(false);
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
    it('gives every activity a lead unit: the one who acts ("Các cấp Hội", every level), else the issuing union', () => {
      const month = p.activities.find((a) => a.name.includes('Tháng hành động'));
      expect(month?.time.from).toBe('2024-11-15');
      expect(month?.leadUnits).toEqual(['Hội LHPN Thành phố']);
      expect(named(p.activities, 'Tập huấn và phát triển đội ngũ')).toMatchObject({ leadUnits: ['Các cấp Hội'], level: null });
      expect(named(p.activities, 'Phối hợp với sở Y tế')?.cooperatingUnits).toEqual(['Sở Y tế Thành phố']);
      expect(p.activities.every((a) => a.leadUnits.length > 0)).toBe(true);
    });
  });

  describe('seed 003 (nothing dated)', () => {
    const p = plan(3);
    it('lists the activities of the three tasks', () => {
      expect(brief(p.activities)).toEqual([
        ['Thực hiện Kế hoạch triển khai Chương', 'province'],
        ['Sơ kết 01 năm đồng hành, giúp', 'province'],
        ['Duy trì mô hình “3 biết, 3', 'province'],
        ['Phát triển khoảng 2.500 hội viên', 'province'],
        ['Duy trì, nâng cao chất lượng sinh', 'province'],
        ['Xây dựng, củng cố kiện toàn bộ', 'province'],
        ['Tổ chức các đợt kiểm tra, giám', 'province'],
        ['Triển khai thực hiện hiệu quả Quyết', 'province'],
        ['Chủ trì, phối hợp giám sát', 'province'],
        ['Đánh giá tổng kết 10 năm thực', 'province'],
        ['Sơ kết 05 năm thực hiện Quy', 'province'],
        ['Chủ trì giám sát ít nhất 01', 'province'],
        ['Thành lập 2 đoàn giám sát 2', 'province'],
        ['Giám sát ít nhất 01 chính sách', 'district'],
        ['Thực hiện giám sát thường xuyên', null],
        ['Tham mưu thực hiện công tác cán', 'province'],
        ['Tổ chức các hội thảo, tập huấn', 'province'],
        ['Theo dõi, cập nhật số liệu cán', 'province'],
        ['Giới thiệu nguồn nữ ứng cử viên', 'province'],
        ['Tập huấn kỹ năng vận động ứng', 'province'],
        ['Duy trì và nâng cao hiệu quả', 'province'],
        ['Tổ chức các hoạt động giáo dục', 'province'],
        ['Duy trì và nâng cao chất lượng', 'province'],
        ['Tổ chức ít nhất 01 loại hình', 'grassroots'],
        ['Tham gia các hoạt động Lễ hội', 'province'],
        ['Duy trì, nhân rộng các mô hình', 'province'],
        ['Phát động phong trào “Đoạn đường tự', 'province'],
        ['Huy động các nguồn lực hỗ trợ', 'province'],
        ['Tham mưu các giải pháp nâng cao', 'province'],
        ['Phối hợp, vận động nguồn lực hỗ', 'province'],
        ['Duy trì và phát triển các mô', 'province'],
        ['Vận động phụ nữ tích cực ứng', 'province'],
        ['Duy trì, nhân rộng và thành lập', 'province'],
        ['Triển khai và quản lý tốt các', 'province'],
        ['Phối hợp chặt chẽ với Hiệp hội', 'province'],
      ]);
      expect(p.activities.every((a) => a.time.from === null)).toBe(true);
    });
    it('reads the bullets of "Nhiệm vụ 3" as activities of the department given the task', () => {
      const task3 = 'Ban Gia đình - Xã hội, Kinh tế';
      expect(named(p.activities, 'Phối hợp, vận động nguồn lực hỗ trợ nâng cao năng lực cho ít nhất 1.500 phụ nữ')).toMatchObject({ leadUnits: [task3], level: 'province' });
      expect(named(p.activities, 'Tham mưu các giải pháp nâng cao chất lượng Đề án 939')?.leadUnits).toEqual([task3]);
      expect(named(p.activities, 'Phối hợp chặt chẽ với Hiệp hội Nữ doanh nhân')?.cooperatingUnits).toEqual([
        'Hiệp hội Nữ doanh nhân thành phố',
        'Hội LHPN Công ty quản lý và phát triển các chợ Đà Nẵng',
      ]);
    });
    it('takes the lead units from "Giao Ban … tham mưu chính nhiệm vụ N" and from the unit that opens the item', () => {
      const lead = (prefix: string) => named(p.activities, prefix)?.leadUnits;
      expect(lead('Sơ kết 01 năm')).toEqual(['Ban Xây dựng Tổ chức Hội', 'Văn phòng', 'Ban Tuyên giáo - Chính sách - Pháp luật']);
      expect(lead('Phát động phong trào')).toEqual(['Ban Tuyên giáo - Chính sách - Pháp luật']);
      // ". Hội LHPN thành phố: Chủ trì giám sát …": the label names the unit.
      expect(named(p.activities, 'Chủ trì giám sát ít nhất 01 chính sách')).toMatchObject({ leadUnits: ['Hội LHPN thành phố'], level: 'province' });
      expect(named(p.activities, 'Giám sát ít nhất 01 chính sách')).toMatchObject({ leadUnits: ['Hội LHPN quận, huyện, phường, xã'], level: 'district' });
      expect(named(p.activities, 'Tổ chức ít nhất 01 loại hình')?.level).toBe('grassroots');
    });
    it('reads numbered points "(1) … (2) …" as content items', () => {
      expect(named(p.activities, 'Thành lập 2 đoàn giám sát')).toMatchObject({
        name: 'Thành lập 2 đoàn giám sát 2 chuyên đề',
        items: [
          'Công tác triển khai thực hiện các quy định về phân loại, lưu giữ, chuyển giao chất thải rắn sinh hoạt trên địa bàn thành phố',
          'Công tác tổ chức và hoạt động nhóm, lớp; phòng ngừa, ứng phó với bạo lực, xâm hại trẻ em đối với các nhóm trẻ độc lập, lớp mẫu giáo độc lập, lớp mầm non độc lập dân lập và tư thục',
        ],
      });
      expect(named(p.activities, 'Thực hiện giám sát thường xuyên')?.items).toHaveLength(4);
    });
    it('reads "Hằng năm, phát triển …" as a yearly activity', () => {
      expect(named(p.activities, 'Phát triển khoảng 2.500 hội viên')?.time).toEqual({ text: 'Hằng năm', from: null, to: null, recurrence: 'year' });
    });
  });

  describe('seed 004', () => {
    const p = plan(4);
    it('lists dated and undated activities, the tọa đàm among them', () => {
      expect(brief(p.activities)).toEqual([
        ['Tổ chức các hoạt động truyền thông', 'province'],
        ['Tuyên truyền, tập huấn về các chính', 'district'],
        ['Tổ chức các hoạt động truyền thông', 'province'],
        ['Tổ chức tọa đàm "Phát huy vai', 'province'],
        ['Tổ chức tập huấn, hướng dẫn phụ', 'district'],
        ['Tuyên truyền hoạt động của Hội tham', null],
        ['Tổ chức 18 lớp tập huấn và', 'province'],
        ['Tuyên truyền, vận động thực hiện, nhân', 'district'],
        ['Tổ chức “Ngày hội Phụ nữ Thủ', 'province'],
        ['Tập huấn quy trình, kỹ thuật thu', 'province'],
        ['Xây dựng mô hình “Phụ nữ tham', 'province'],
        ['Tuyên truyền, vận động thực hiện mô', 'district'],
        ['Tổ chức cuộc thi trực tuyến clip', 'province'],
        ['Tổ chức chương trình quảng bá sản', 'province'],
        ['Tổ chức tuyên truyền, giới thiệu sản', 'province'],
        ['Tổ chức trưng bày, giới thiệu sản', 'district'],
        ['Tổ chức các hội chợ giới thiệu', 'district'],
        ['Tổ chức thăm quan, chia sẻ kinh', 'province'],
        ['Tổ chức 2 đoàn tham quan các', 'province'],
        ['Tổ chức giao lưu, chia sẻ kinh', null],
      ]);
    });
    it('links the lead department from the tasks and the one who acts from the sentence', () => {
      const economy = 'Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội';
      expect(named(p.activities, 'Tổ chức tọa đàm')?.leadUnits).toEqual([economy]);
      expect(named(p.activities, 'Tổ chức cuộc thi trực tuyến')).toMatchObject({ leadUnits: [economy], level: 'province' });
      expect(named(p.activities, 'Tổ chức tập huấn, hướng dẫn')?.leadUnits).toEqual(['Hội LHPN các huyện, thị xã']);
      expect(named(p.activities, 'Tổ chức trưng bày')).toMatchObject({
        leadUnits: ['Hội LHPN các huyện, thị xã'],
        cooperatingUnits: ['Trung tâm Giáo dục nghề nghiệp và hỗ trợ phát triển phụ nữ Hà Nội'],
      });
      expect(named(p.activities, 'Tổ chức các hội chợ')?.leadUnits).toEqual(['Hội LHPN các huyện, thị xã']);
      expect(named(p.activities, 'Tổ chức chương trình quảng bá')).toMatchObject({ time: { text: 'Quý 4/2024' }, level: 'province' });
    });
    it('reads "Các huyện tiếp tục tuyên truyền …" as the districts’ activity, guided by the department of the model', () => {
      expect(named(p.activities, 'Tuyên truyền, vận động thực hiện, nhân rộng mô hình “Phân loại rác thải')).toMatchObject({
        leadUnits: ['Hội LHPN các huyện, thị xã'],
        cooperatingUnits: ['Ban Tuyên giáo Hội LHPN Hà Nội'],
        level: 'district',
      });
      // "…; Hội LHPN các huyện, thị xã tập trung tuyên truyền, tập huấn …": a later clause with its own unit.
      expect(named(p.activities, 'Tuyên truyền, tập huấn về các chính sách nông nghiệp')).toMatchObject({ leadUnits: ['Hội LHPN các huyện, thị xã'], level: 'district' });
    });
  });

  it('seed 002: the conference is the one activity, its agenda its content items (discussion topics are not activities)', () => {
    const { activities } = plan(2);
    expect(activities).toHaveLength(1);
    expect(activities[0]?.items?.[0]).toBe('Tuyên bố lý do, giới thiệu đại biểu');
    expect(activities[0]?.items).toHaveLength(7);
    expect(activities[0]?.level).toBe('province');
  });
});

describe('actionStatement', () => {
  it.each([
    ['Các huyện tiếp tục tuyên truyền, vận động thực hiện, nhân rộng mô hình', 'Các huyện'],
    ['Tham mưu các giải pháp nâng cao chất lượng Đề án 939', null],
    ['Tập trung huy động các nguồn lực hỗ trợ phụ nữ thoát nghèo', null],
    ['Hằng năm, phát triển khoảng 2.500 hội viên', null],
    ['Hội LHPN thành phố: Chủ trì giám sát ít nhất 01 chính sách', 'Hội LHPN thành phố'],
    ['Các cấp Hội tăng cường tuyên truyền hoạt động của Hội', 'Các cấp Hội'],
  ])('%s → a statement of doing', (clause, actor) => {
    expect(actionStatement(clause)?.actor ?? null).toBe(actor);
  });

  it.each([
    'Tăng cường công tác phối hợp liên ngành',
    'Đa dạng hóa các hoạt động thông tin, tuyên truyền',
    'Ứng dụng công nghệ thông tin trong điều hành, sử dụng văn bản điện tử trên môi trường mạng',
    'Chương trình nhằm tôn vinh nét đẹp văn hoá truyền thống',
    'Kịp thời, chủ động phát hiện, bồi dưỡng, tôn vinh',
  ])('%s → not an activity', (clause) => {
    expect(actionStatement(clause)).toBeNull();
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
