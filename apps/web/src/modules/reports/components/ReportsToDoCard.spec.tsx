import { screen, within } from '@testing-library/react';
import type { Role } from '@sen/contracts';
import type { Session } from '../../../lib/session';
import { fakeApi } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { ReportsToDoCard } from './ReportsToDoCard';

function session(roles: Role[]): Session {
  return { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '3', username: 'u', tenant: 'HN', roles, unitId: '78' } };
}

const item = (id: string, status: string, period: string, deadline: string) => ({ id, unitId: '78', period, formCode: 'QG-6T', status, deadline });

const api = () =>
  fakeApi({
    'GET /api/v1/reports': (url) => {
      const status = url.searchParams.get('status');
      const items =
        status === 'draft'
          ? [item('22', 'draft', '2024S1', '2024-06-13'), item('23', 'draft', '2024', '2024-10-30')]
          : status === 'returned'
            ? [item('21', 'returned', '2023', '2023-10-30')]
            : [item('30', 'submitted', '2024S1', '2024-06-13')];
      return { items, total: items.length };
    },
    'GET /api/v1/org-units/78': () => ({ id: '78', name: 'Hội LHPN phường Cầu Giấy', level: 'grassroots' }),
  });

describe('the reports to do, on the home page', () => {
  it("gives a reporter the unit's reports to send, the returned one first, then by deadline", async () => {
    const { fetch, calls } = api();
    renderWithApp(<ReportsToDoCard />, { fetch, session: session(['reporter']), path: '/home' });
    expect(await screen.findByText('Báo cáo cần gửi (3)')).toBeInTheDocument();
    const rows = await screen.findAllByTestId('todo-report');
    expect(rows.map((r) => within(r).getAllByRole('link')[0]!.getAttribute('href'))).toEqual(['/reports/21', '/reports/22', '/reports/23']);
    expect(await within(rows[1]!).findByText('Hội LHPN phường Cầu Giấy')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('6 tháng đầu năm 2024');
    expect(rows[1]).toHaveTextContent('Hạn nộp 13/06/2024');
    expect(within(rows[0]!).getByText('Bị trả lại')).toBeInTheDocument();
    expect(screen.queryByText(/Báo cáo chờ duyệt/)).not.toBeInTheDocument();
    expect(calls.some((c) => c.includes('status=submitted'))).toBe(false);
  });

  it('gives a manager the reports waiting for approval, and a viewer nothing', async () => {
    const { fetch } = api();
    const view = renderWithApp(<ReportsToDoCard />, { fetch, session: session(['unit_manager']), path: '/home' });
    expect(await screen.findByText('Báo cáo chờ duyệt (1)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Xem và duyệt/ })).toBeInTheDocument();
    view.unmount();
    const { fetch: f2, calls } = api();
    renderWithApp(<ReportsToDoCard />, { fetch: f2, session: session(['viewer']), path: '/home' });
    expect(screen.queryByTestId('reports-todo')).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
