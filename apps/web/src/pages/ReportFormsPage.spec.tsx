import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReportFormDto, Role } from '@sen/contracts';
import type { Session } from '../lib/session';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { ReportFormsPage } from './ReportFormsPage';

const national: ReportFormDto = {
  id: '1',
  code: 'QG-6T',
  name: 'Báo cáo 6 tháng (biểu mẫu quốc gia)',
  periodKind: 'half',
  indicatorCodes: ['HOI_VIEN', 'HOI_VIEN_MOI'],
  deadlineRule: { day: 13, month: 6 },
  reportingLevel: 'grassroots',
  national: true,
};

function session(roles: Role[]): Session {
  return { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '2', username: 'admin', tenant: 'HN', roles, unitId: '1' } };
}

const me = () => ({
  user: { id: '2', username: 'admin', tenant: 'HN', roles: [], unitId: '1' },
  tenant: { code: 'HN', name: 'Hội LHPN thành phố Hà Nội', levels: [{ code: 'city', name: 'Thành phố' }, { code: 'grassroots', name: 'Xã, phường' }] },
  units: [{ id: '1', name: 'Hội LHPN thành phố Hà Nội', level: 'city' }],
});

const indicators = () => ({
  items: [
    { code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum', national: true },
    { code: 'HOI_VIEN_MOI', name: 'Số hội viên mới kết nạp', unit: 'người', valueType: 'integer', kind: 'flow', aggregation: 'sum', national: true },
    { code: 'CLB_KHOI_NGHIEP', name: 'Số câu lạc bộ khởi nghiệp', unit: 'câu lạc bộ', valueType: 'integer', kind: 'stock', aggregation: 'sum', national: false },
  ],
  total: 3,
});

describe('ReportFormsPage', () => {
  it('lists the forms with their period, indicators and deadline; reporters see no creation', async () => {
    const { fetch } = fakeApi({ 'GET /api/v1/auth/me': me, 'GET /api/v1/report-forms': () => ({ items: [national], total: 1 }) });
    renderWithApp(<ReportFormsPage />, { fetch, session: session(['reporter']), path: '/reports/forms' });
    const row = (await screen.findByText('Báo cáo 6 tháng (biểu mẫu quốc gia)')).closest('tr')!;
    // (jsdom has no media queries: the phone layout, everything in one cell.)
    expect(row).toHaveTextContent('6 tháng');
    expect(row).toHaveTextContent('2 chỉ tiêu');
    expect(row).toHaveTextContent('Ngày 13/06 (kỳ đầu năm; các kỳ sau lùi theo từng kỳ)');
    expect(within(row).getByText('Quốc gia')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tạo biểu mẫu/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tạo báo cáo cho kỳ/ })).not.toBeInTheDocument();
  });

  it("creates the tenant's form, showing the API's refusal at the field it names, then the reports of a period", async () => {
    const posted: unknown[] = [];
    let forms = [national];
    const created: ReportFormDto = { id: '7', code: 'HN-QUY', name: 'Báo cáo quý', periodKind: 'quarter', indicatorCodes: ['CLB_KHOI_NGHIEP'], deadlineRule: { daysAfterEnd: 10 }, reportingLevel: 'grassroots', national: false };
    const { fetch, calls } = fakeApi({
      'GET /api/v1/auth/me': me,
      'GET /api/v1/indicators': indicators,
      'GET /api/v1/report-forms': () => ({ items: forms, total: forms.length }),
      'POST /api/v1/report-forms': (_url, init) => {
        const body = JSON.parse(String(init?.body)) as { code: string };
        posted.push(body);
        if (body.code === 'QG-6T') {
          return [409, { statusCode: 409, code: 'CONFLICT', message: 'Mã biểu mẫu đã tồn tại', messageEn: 'The form code is already used', errors: [{ field: 'code', reason: 'mã đã được dùng', reasonEn: 'already used' }] }];
        }
        forms = [...forms, created];
        return created;
      },
      'POST /api/v1/report-forms/7/instances': () => ({ created: 126, existing: 0, deadline: '2025-04-10' }),
    });
    renderWithApp(<ReportFormsPage />, { fetch, session: session(['tenant_admin']), path: '/reports/forms' });

    fireEvent.click(await screen.findByRole('button', { name: /Tạo biểu mẫu/ }));
    fireEvent.change(await screen.findByLabelText(/Mã biểu mẫu/), { target: { value: 'qg-6t' } });
    fireEvent.change(screen.getByLabelText(/Tên biểu mẫu/), { target: { value: 'Báo cáo quý' } });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Số câu lạc bộ khởi nghiệp' }));
    expect(await screen.findByText('Đã chọn 1 chỉ tiêu')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Lưu biểu mẫu/ }));

    expect(await screen.findByText('mã đã được dùng')).toBeInTheDocument();
    expect(screen.getByText('Mã biểu mẫu đã tồn tại')).toBeInTheDocument();
    expect(posted[0]).toEqual({
      code: 'QG-6T',
      name: 'Báo cáo quý',
      periodKind: 'quarter',
      indicatorCodes: ['CLB_KHOI_NGHIEP'],
      deadlineRule: { daysAfterEnd: 10 },
      reportingLevel: 'grassroots',
    });

    fireEvent.change(screen.getByLabelText(/Mã biểu mẫu/), { target: { value: 'HN-QUY' } });
    fireEvent.click(screen.getByRole('button', { name: /Lưu biểu mẫu/ }));
    // Saved: the dialog for the reports of a period opens for the new form.
    const dialog = await screen.findByRole('dialog', { name: /Tạo báo cáo theo kỳ — Báo cáo quý/ });
    fireEvent.mouseDown(within(dialog).getByLabelText(/Kỳ báo cáo/));
    fireEvent.click((await screen.findAllByText('Quý I/2025')).at(-1)!);
    fireEvent.click(within(dialog).getByRole('button', { name: /Tạo báo cáo/ }));
    expect(await within(dialog).findByText('Đã tạo 126 báo cáo mới cho Quý I/2025')).toBeInTheDocument();
    expect(within(dialog).getByText(/Hạn nộp: 10\/04\/2025/)).toBeInTheDocument();
    await waitFor(() => expect(calls).toContain('POST /api/v1/report-forms/7/instances'));
  });
});
