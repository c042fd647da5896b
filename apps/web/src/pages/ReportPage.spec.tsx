import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NATIONAL_NARRATIVE_HEADINGS, type ReportDetail, type Role } from '@sen/contracts';
import type { Session } from '../lib/session';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { ReportPage } from './ReportPage';

const indicators = [
  { code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum' },
  { code: 'HOI_VIEN_MOI', name: 'Số hội viên mới kết nạp', unit: 'người', valueType: 'integer', kind: 'flow', aggregation: 'sum' },
  { code: 'TY_LE_TAP_HOP_HOI_VIEN', name: 'Tỷ lệ tập hợp hội viên', unit: '%', valueType: 'percentage', kind: 'stock', aggregation: 'ratio' },
];

function detail(over: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: '22',
    unitId: '78',
    period: '2024S1',
    formCode: 'QG-6T',
    status: 'draft',
    deadline: '2024-06-13',
    formId: '1',
    unitName: 'Hội LHPN phường Cầu Giấy',
    formName: 'Báo cáo 6 tháng (biểu mẫu quốc gia)',
    periodLabel: '6 tháng đầu năm 2024',
    late: false,
    submittedAt: null,
    approvedAt: null,
    approvedBy: null,
    returnComment: null,
    narrative: null,
    narrativeSections: [...NATIONAL_NARRATIVE_HEADINGS],
    warningComments: null,
    version: 0,
    indicators,
    values: [],
    issues: [],
    ...over,
  };
}

function session(roles: Role[], unitId: string): Session {
  return { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '3', username: 'u', tenant: 'HN', roles, unitId } };
}

const me = (unitId: string) => () => ({
  user: { id: '3', username: 'u', tenant: 'HN', roles: [], unitId },
  tenant: { code: 'HN', name: 'Hội LHPN thành phố Hà Nội', levels: [] },
  units: [{ id: unitId, name: 'x', level: 'grassroots' }],
});

const tooMany = {
  indicator: 'HOI_VIEN_MOI',
  rule: 'HOI_VIEN_MOI_KHONG_VUOT_HOI_VIEN',
  severity: 'error' as const,
  message: 'Số hội viên mới kết nạp không được lớn hơn tổng số hội viên',
  messageEn: 'New members cannot exceed total members',
};

describe('ReportPage', () => {
  it('saves numbers typed the Vietnamese way, ratios as numerator and denominator, and shows the issue beside its field', async () => {
    const puts: unknown[] = [];
    const { fetch } = fakeApi({
      'GET /api/v1/auth/me': me('78'),
      'GET /api/v1/reports/22': () => detail(),
      'PUT /api/v1/reports/22/values': (_url, init) => {
        puts.push(JSON.parse(String(init?.body)));
        return detail({ version: 1, issues: [tooMany] });
      },
    });
    renderWithApp(<ReportPage />, { fetch, session: session(['reporter'], '78'), path: '/reports/22', routePath: '/reports/:reportId' });

    await screen.findByRole('heading', { name: /Cầu Giấy — 6 tháng đầu năm 2024/ });
    expect(screen.getByText('Đang nhập')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Số hội viên'), { target: { value: '1.200' } });
    fireEvent.change(screen.getByLabelText('Số hội viên mới kết nạp'), { target: { value: '1.500' } });
    fireEvent.change(screen.getByLabelText('Tỷ lệ tập hợp hội viên — Tử số'), { target: { value: '1.200' } });
    fireEvent.change(screen.getByLabelText('Tỷ lệ tập hợp hội viên — Mẫu số'), { target: { value: '1.500' } });
    expect(await screen.findByText('80%')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      values: [
        { indicator: 'HOI_VIEN', value: 1200 },
        { indicator: 'HOI_VIEN_MOI', value: 1500 },
        { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', numerator: 1200, denominator: 1500 },
      ],
      version: 0,
    });
    const field = document.getElementById('indicator-HOI_VIEN_MOI')!;
    expect(await within(field).findByText('Số hội viên mới kết nạp không được lớn hơn tổng số hội viên')).toBeInTheDocument();
  });

  it('asks for an explanation of a warning before submitting, then submits with it', async () => {
    const warning = { indicator: 'HOI_VIEN', rule: 'HOI_VIEN_KHONG_VUOT_PHU_NU', severity: 'warning' as const, message: 'Số hội viên lớn hơn số phụ nữ', messageEn: 'm' };
    const puts: { warningComments?: Record<string, string> }[] = [];
    let submitted = 0;
    const { fetch } = fakeApi({
      'GET /api/v1/auth/me': me('78'),
      'GET /api/v1/reports/22': () => detail({ values: [{ indicator: 'HOI_VIEN', category: '', value: 900, numerator: null, denominator: null }], issues: [warning] }),
      'PUT /api/v1/reports/22/values': (_url, init) => {
        const body = JSON.parse(String(init?.body)) as { warningComments?: Record<string, string> };
        puts.push(body);
        return detail({ version: puts.length, warningComments: body.warningComments ?? null, issues: [warning] });
      },
      'POST /api/v1/reports/22/submit': () => {
        submitted++;
        return detail({ status: 'submitted', late: true, version: 9 });
      },
    });
    renderWithApp(<ReportPage />, { fetch, session: session(['reporter'], '78'), path: '/reports/22', routePath: '/reports/:reportId' });

    const explain = await screen.findByLabelText('Giải trình cảnh báo');
    fireEvent.click(screen.getByRole('button', { name: /Gửi báo cáo/ }));
    expect(await screen.findByText('Cần giải trình trước khi gửi báo cáo')).toBeInTheDocument();
    expect(submitted).toBe(0);

    fireEvent.change(explain, { target: { value: 'Có hội viên ở địa bàn khác sinh hoạt' } });
    fireEvent.click(screen.getByRole('button', { name: /Gửi báo cáo/ }));
    await waitFor(() => expect(submitted).toBe(1));
    expect(puts.at(-1)?.warningComments).toEqual({ HOI_VIEN: 'Có hội viên ở địa bàn khác sinh hoạt' });
    expect(await screen.findByText('Đã gửi')).toBeInTheDocument();
    expect(screen.getByText('Nộp muộn')).toBeInTheDocument();
  });

  it('shows the refusal of a submission beside the fields it names', async () => {
    const { fetch } = fakeApi({
      'GET /api/v1/auth/me': me('78'),
      'GET /api/v1/reports/22': () => detail({ values: [{ indicator: 'HOI_VIEN', category: '', value: 900, numerator: null, denominator: null }] }),
      'PUT /api/v1/reports/22/values': () => detail({ version: 1, values: [{ indicator: 'HOI_VIEN', category: '', value: 900, numerator: null, denominator: null }] }),
      'POST /api/v1/reports/22/submit': () => [
        400,
        {
          statusCode: 400,
          code: 'REPORT_INVALID',
          message: 'Báo cáo còn lỗi, chưa thể gửi',
          messageEn: 'The report has errors',
          errors: [{ field: 'values.HOI_VIEN_MOI', reason: 'Thiếu số hội viên mới kết nạp', reasonEn: 'missing' }],
        },
      ],
    });
    renderWithApp(<ReportPage />, { fetch, session: session(['reporter'], '78'), path: '/reports/22', routePath: '/reports/:reportId' });
    fireEvent.click(await screen.findByRole('button', { name: /Gửi báo cáo/ }));
    expect(await screen.findByText('Báo cáo còn lỗi, chưa thể gửi')).toBeInTheDocument();
    expect(within(document.getElementById('indicator-HOI_VIEN_MOI')!).getByText('Thiếu số hội viên mới kết nạp')).toBeInTheDocument();
  });

  it('lets the city approve or return a submitted report (with a comment), and a reporter only read it', async () => {
    const returned: unknown[] = [];
    const api = () =>
      fakeApi({
        'GET /api/v1/auth/me': me('14'),
        'GET /api/v1/reports/22': () => detail({ status: 'submitted', late: true }),
        'POST /api/v1/reports/22/return': (_url, init) => {
          returned.push(JSON.parse(String(init?.body)));
          return detail({ status: 'returned', returnComment: 'Xem lại số hội viên' });
        },
      });
    const admin = renderWithApp(<ReportPage />, { fetch: api().fetch, session: session(['tenant_admin'], '14'), path: '/reports/22', routePath: '/reports/:reportId' });
    expect(await screen.findByRole('button', { name: /Duyệt/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Trả lại/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Lý do trả lại'), { target: { value: 'Xem lại số hội viên' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Trả lại/ }));
    await waitFor(() => expect(returned).toEqual([{ comment: 'Xem lại số hội viên' }]));
    expect(await screen.findByText('Bị trả lại')).toBeInTheDocument();
    admin.unmount();

    const { fetch } = fakeApi({ 'GET /api/v1/auth/me': me('78'), 'GET /api/v1/reports/22': () => detail({ status: 'submitted' }) });
    renderWithApp(<ReportPage />, { fetch, session: session(['reporter'], '78'), path: '/reports/22', routePath: '/reports/:reportId' });
    await screen.findByText('Đã gửi');
    expect(screen.queryByRole('button', { name: /Duyệt/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Lưu/ })).not.toBeInTheDocument();
  });

  it('saves the members per age group under their total, and the narrative', async () => {
    const puts: { values: unknown[]; narrative?: Record<string, string> }[] = [];
    const { fetch } = fakeApi({
      'GET /api/v1/auth/me': me('78'),
      'GET /api/v1/reports/22': () => detail({ values: [{ indicator: 'HOI_VIEN', category: '', value: 1000, numerator: null, denominator: null }] }),
      'PUT /api/v1/reports/22/values': (_url, init) => {
        const body = JSON.parse(String(init?.body)) as { values: unknown[]; narrative?: Record<string, string> };
        puts.push(body);
        return detail({ version: 1, narrative: body.narrative ?? null });
      },
    });
    renderWithApp(<ReportPage />, { fetch, session: session(['reporter'], '78'), path: '/reports/22', routePath: '/reports/:reportId' });

    fireEvent.change(await screen.findByLabelText('Số hội viên — Dưới 35 tuổi'), { target: { value: '300' } });
    fireEvent.change(screen.getByLabelText('Số hội viên — Từ 35 đến 60 tuổi'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Số hội viên — Trên 60 tuổi'), { target: { value: '1.200' } });
    const members = document.getElementById('indicator-HOI_VIEN')!;
    // The groups' total the Vietnamese way, and that it is not the total typed above.
    expect(await within(members).findByText('2.000')).toBeInTheDocument();
    expect(within(members).getByText('khác tổng đã nhập (1.000)')).toBeInTheDocument();
    fireEvent.click(within(members).getByRole('button', { name: 'Dùng làm tổng' }));
    await waitFor(() => expect(within(members).queryByText(/khác tổng đã nhập/)).not.toBeInTheDocument());

    fireEvent.change(screen.getByLabelText('1. Kết quả nổi bật'), { target: { value: '  Kết nạp 80 hội viên mới.  ' } });
    fireEvent.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.values).toEqual(
      expect.arrayContaining([
        { indicator: 'HOI_VIEN', value: 2000 },
        { indicator: 'HOI_VIEN', category: 'DUOI_35', value: 300 },
        { indicator: 'HOI_VIEN', category: 'TU_35_DEN_60', value: 500 },
        { indicator: 'HOI_VIEN', category: 'TREN_60', value: 1200 },
      ]),
    );
    expect(puts[0]!.narrative).toEqual({ 'Kết quả nổi bật': 'Kết nạp 80 hội viên mới.' });
  });

  it('lets the tenant administrator reopen an approved report with a reason, shown at the top of the report', async () => {
    const reopened: unknown[] = [];
    const { fetch } = fakeApi({
      'GET /api/v1/auth/me': me('1'),
      'GET /api/v1/reports/22': () => detail({ status: 'approved', approvedAt: '2024-06-20T03:00:00.000Z' }),
      'POST /api/v1/reports/22/reopen': (_url, init) => {
        reopened.push(JSON.parse(String(init?.body)));
        return detail({ status: 'returned', returnComment: 'Số hội viên theo nhóm tuổi chưa khớp' });
      },
    });
    const admin = renderWithApp(<ReportPage />, { fetch, session: session(['tenant_admin'], '1'), path: '/reports/22', routePath: '/reports/:reportId' });
    fireEvent.click(await screen.findByRole('button', { name: /Mở lại báo cáo/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Mở lại báo cáo/ }));
    expect(await within(dialog).findByText('Vui lòng nhập lý do mở lại')).toBeInTheDocument();
    expect(reopened).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('Lý do mở lại'), { target: { value: '  Số hội viên theo nhóm tuổi chưa khớp ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Mở lại báo cáo/ }));
    await waitFor(() => expect(reopened).toEqual([{ reason: 'Số hội viên theo nhóm tuổi chưa khớp' }]));
    expect(await screen.findByText('Bị trả lại')).toBeInTheDocument();
    expect(within(screen.getByTestId('return-comment')).getByText('Số hội viên theo nhóm tuổi chưa khớp')).toBeInTheDocument();
    admin.unmount();

    // Nobody else is offered it.
    const { fetch: asReporter } = fakeApi({ 'GET /api/v1/auth/me': me('78'), 'GET /api/v1/reports/22': () => detail({ status: 'approved' }) });
    renderWithApp(<ReportPage />, { fetch: asReporter, session: session(['reporter', 'unit_manager'], '78'), path: '/reports/22', routePath: '/reports/:reportId' });
    await screen.findByText('Đã duyệt');
    expect(screen.queryByRole('button', { name: /Mở lại báo cáo/ })).not.toBeInTheDocument();
  });

  it('shows the value history: when, who, which indicator and category, old and new', async () => {
    const { fetch, calls } = fakeApi({
      'GET /api/v1/auth/me': me('78'),
      'GET /api/v1/reports/22': () => detail(),
      'GET /api/v1/reports/22/history': () => ({
        items: [
          { id: '9', indicator: 'HOI_VIEN', category: 'DUOI_35', oldValue: null, newValue: { value: 300 }, userId: '3', username: 'reporter', createdAt: '2024-06-10T02:30:00.000Z' },
          { id: '8', indicator: 'HOI_VIEN', category: '', oldValue: { value: 1000 }, newValue: { value: 2500 }, userId: '3', username: 'reporter', createdAt: '2024-06-10T02:30:00.000Z' },
          { id: '7', indicator: 'TY_LE_TAP_HOP_HOI_VIEN', category: '', oldValue: null, newValue: { numerator: 1200, denominator: 1500 }, userId: null, username: null, createdAt: '2024-06-09T02:30:00.000Z' },
        ],
        total: 3,
      }),
    });
    renderWithApp(<ReportPage />, { fetch, session: session(['reporter'], '78'), path: '/reports/22', routePath: '/reports/:reportId' });
    fireEvent.click(await screen.findByRole('button', { name: /Lịch sử thay đổi/ }));
    const rows = await screen.findAllByTestId('history-row');
    expect(calls).toContain('GET /api/v1/reports/22/history');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Nhóm: Dưới 35 tuổi');
    expect(rows[0]).toHaveTextContent('reporter');
    expect(rows[1]).toHaveTextContent('1.000');
    expect(rows[1]).toHaveTextContent('2.500');
    expect(rows[2]).toHaveTextContent('1.200 / 1.500 (80%)');
    expect(rows[2]).toHaveTextContent('Không rõ');
    expect(rows[0]).toHaveTextContent('10/06/2024');
  });
});
