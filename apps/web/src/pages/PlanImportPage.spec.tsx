import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { PlanContent } from '@sen/contracts';
import type { Session } from '../lib/session';
import { blankPlan, editPlan } from '../modules/plans/plan-edit';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { PlanImportPage } from './PlanImportPage';
import { PlansPage } from './PlansPage';

const session: Session = { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '1', username: 'admin', tenant: 'HN', roles: ['tenant_admin'], unitId: '14' } };
const me = () => ({
  user: { id: '1', username: 'admin', tenant: 'HN', roles: ['tenant_admin'], unitId: '14' },
  tenant: { code: 'HN', name: 'Hội LHPN thành phố Hà Nội', levels: [] },
  units: [{ id: '14', name: 'Hội LHPN thành phố Hà Nội', level: 'province' }],
});
const indicators = () => ({
  items: [
    { code: 'CO_SO_CO_MO_HINH', name: 'Tỷ lệ cơ sở Hội có ít nhất 01 mô hình', unit: 'mô hình', valueType: 'percentage', kind: 'stock', aggregation: 'coverage', national: true },
    { code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum', national: true },
  ],
  total: 2,
});

const imported: PlanContent = editPlan(blankPlan('Triển khai thực hiện Đề án “Đẩy mạnh vai trò của Hội phụ nữ các cấp” năm 2024'), (d) => {
  d.number = '13/KH-BTV';
  d.issuedOn = '2024-01-24';
  d.place = 'Hà Nội';
  d.targets.push({ text: 'Mỗi cơ sở Hội có ít nhất 01 mô hình', value: 1, unit: 'mô hình', comparator: 'gte', level: 'grassroots' });
  d.activities.push({ name: 'Chương trình “Hà Nội kết nối vươn xa”', time: { text: 'Quý 4/2024', from: '2024-10-01', to: '2024-12-31' }, leadUnits: ['Trung tâm'], cooperatingUnits: [] });
  d.reportingObligations.push({ periodKind: 'half', deadline: '13/06', reportTo: 'Ban Hỗ trợ phụ nữ phát triển kinh tế', reporter: 'Hội LHPN các huyện, thị xã' });
});

describe('PlanImportPage', () => {
  it('shows the review screen beside the text, prefills the indicator, offers to clear a taken number and saves the draft', async () => {
    const posted: any[] = [];
    const { fetch, calls } = fakeApi({
      'GET /api/v1/auth/me': me,
      'GET /api/v1/indicators': indicators,
      'POST /api/v1/plans/import': () => ({ plan: imported, warnings: ['Không tìm thấy chữ ký (TM. …, chức vụ, họ tên người ký).'] }),
      'POST /api/v1/plans/suggest-links': () => [{ targetIndex: 0, code: 'CO_SO_CO_MO_HINH', confidence: 0.92 }],
      'GET /api/v1/plans': () => ({ items: [{ id: '4', symbol: '13/KH-BTV', title: 'Kế hoạch đã ban hành', status: 'issued', issuedOn: '2024-01-24', unitId: '14', programme: null, year: 2024 }], total: 1 }),
      'POST /api/v1/plans': (_url, init) => {
        posted.push(JSON.parse(String(init?.body)));
        return [201, { id: '77' }];
      },
    });
    renderWithApp(<PlanImportPage />, { fetch, session, path: '/plans/import', routePath: '/plans/import' });

    fireEvent.click(await screen.findByRole('tab', { name: 'Dán văn bản' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Dán văn bản' }), { target: { value: 'Số: 13/KH-BTV\nKẾ HOẠCH\nTriển khai …' } });
    fireEvent.click(screen.getByRole('button', { name: 'Phân tích văn bản' }));

    await screen.findByRole('heading', { name: 'Kiểm tra kế hoạch đã nhập' });
    expect(screen.getByText('1 điểm cần kiểm tra')).toBeInTheDocument();
    expect(screen.getByLabelText('Trích yếu')).toHaveValue(imported.title);
    // On a narrow screen (jsdom) the document and the structure are two tabs.
    fireEvent.click(screen.getByRole('tab', { name: 'Văn bản gốc' }));
    expect(await screen.findByTestId('plan-source')).toHaveTextContent('Số: 13/KH-BTV');
    fireEvent.click(screen.getByRole('tab', { name: 'Cấu trúc' }));
    expect(await screen.findByTestId('plan-confidence')).toHaveTextContent('Độ khớp 92%');
    expect(calls).toContain('POST /api/v1/plans/suggest-links');

    const taken = await screen.findByTestId('plan-number-taken');
    expect(taken).toHaveTextContent('Số 13/KH-BTV đã được dùng');
    fireEvent.click(screen.getByRole('button', { name: 'Xoá số' }));
    await waitFor(() => expect(screen.getByLabelText('Số, ký hiệu')).toHaveValue(''));

    fireEvent.click(screen.getAllByRole('button', { name: /Lưu bản nháp/ })[0]!);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].unitId).toBe('14');
    expect(posted[0].plan.number).toBeNull();
    expect(posted[0].plan.targets[0].indicatorCode).toBe('CO_SO_CO_MO_HINH');
    expect(posted[0].plan.reportingObligations).toEqual(imported.reportingObligations);
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Kiểm tra kế hoạch đã nhập' })).not.toBeInTheDocument());
  }, 60_000);

  it('shows the reason when the file cannot be imported', async () => {
    const { fetch } = fakeApi({
      'GET /api/v1/auth/me': me,
      'GET /api/v1/indicators': indicators,
      'POST /api/v1/plans/import': () => [
        400,
        {
          statusCode: 400,
          code: 'PLAN_IMPORT_FAILED',
          message: 'Không nhập được kế hoạch: Tệp rỗng hoặc không có nội dung (empty input)',
          messageEn: 'The plan could not be imported: the input is empty',
          errors: [{ field: 'text', reason: 'Tệp rỗng hoặc không có nội dung (empty input)', reasonEn: 'the input is empty' }],
        },
      ],
    });
    renderWithApp(<PlanImportPage />, { fetch, session, path: '/plans/import', routePath: '/plans/import' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Dán văn bản' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Dán văn bản' }), { target: { value: ' x ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Phân tích văn bản' }));
    expect(await screen.findByText(/Không nhập được kế hoạch: Tệp rỗng/)).toBeInTheDocument();
  });
});

describe('PlansPage', () => {
  it('lists plans and searches without diacritics through the API', async () => {
    const { fetch, calls } = fakeApi({
      'GET /api/v1/auth/me': me,
      'GET /api/v1/plans': (url) => ({
        items: [
          { id: '4', symbol: '13/KH-BTV', title: 'Triển khai thực hiện Đề án nông thôn mới năm 2024', status: 'issued', issuedOn: '2024-01-24', unitId: '14', programme: 'Nông thôn mới', year: 2024 },
          ...(url.searchParams.get('q') ? [] : [{ id: '5', symbol: null, title: 'Kế hoạch bình đẳng giới', status: 'draft', issuedOn: null, unitId: '14', programme: null, year: 2024 }]),
        ],
        total: url.searchParams.get('q') ? 1 : 2,
      }),
    });
    renderWithApp(<PlansPage />, { fetch, session, path: '/plans', routePath: '/plans' });
    expect(await screen.findByText('Kế hoạch bình đẳng giới')).toBeInTheDocument();
    expect(screen.getByText('Chưa có số')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Nhập kế hoạch/ })).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Tìm kế hoạch' }), { target: { value: 'nong thon' } });
    await waitFor(() => expect(calls.some((c) => c.startsWith('GET /api/v1/plans?q=nong+thon'))).toBe(true));
    await waitFor(() => expect(screen.queryByText('Kế hoạch bình đẳng giới')).not.toBeInTheDocument());
  });
});
