import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NotificationDto } from '@sen/contracts';
import type { Session } from '../../../lib/session';
import { fakeApi } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { NotificationBell } from './NotificationBell';

const session: Session = { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '3', username: 'reporter', tenant: 'HN', roles: ['reporter'], unitId: '78' } };

function notices(): NotificationDto[] {
  return [
    { id: '5', unitId: '78', kind: 'deadline-soon', reportId: '22', message: 'Báo cáo Báo cáo 6 tháng kỳ 2024S1 cần gửi trước ngày 13/06/2024', createdAt: '2024-06-10T00:00:00.000Z', read: false },
    { id: '4', unitId: '78', kind: 'overdue', reportId: null, message: 'Hội LHPN tổ 3 chưa gửi báo cáo', createdAt: '2024-06-01T00:00:00.000Z', read: true },
  ];
}

describe('NotificationBell', () => {
  it('counts the unread notices, lists them with a link to the report, and marks them read', async () => {
    let items = notices();
    const { fetch, calls } = fakeApi({
      'GET /api/v1/notifications': (url) => {
        const shown = url.searchParams.get('unread') === 'true' ? items.filter((n) => !n.read) : items;
        return { items: shown.slice(0, Number(url.searchParams.get('limit'))), total: shown.length };
      },
      'POST /api/v1/notifications/5/read': () => {
        items = items.map((n) => (n.id === '5' ? { ...n, read: true } : n));
        return [204, undefined];
      },
      'POST /api/v1/notifications/read-all': () => {
        const updated = items.filter((n) => !n.read).length;
        items = items.map((n) => ({ ...n, read: true }));
        return { updated };
      },
    });
    renderWithApp(<NotificationBell />, { fetch, session, path: '/reports' });

    const bell = await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' });
    fireEvent.click(bell);
    const list = await screen.findAllByTestId('notification');
    expect(list).toHaveLength(2);
    expect(within(list[0]!).getByText('Sắp đến hạn')).toBeInTheDocument();
    expect(within(list[0]!).getByText(/cần gửi trước ngày 13\/06\/2024/)).toBeInTheDocument();
    expect(within(list[1]!).getByText('Quá hạn')).toBeInTheDocument();
    // A notice without a report has no link; a read one no "mark as read".
    expect(within(list[1]!).queryByRole('button', { name: 'Mở báo cáo' })).not.toBeInTheDocument();
    expect(within(list[1]!).queryByRole('button', { name: 'Đánh dấu đã đọc' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Đánh dấu tất cả đã đọc/ }));
    await waitFor(() => expect(calls).toContain('POST /api/v1/notifications/read-all'));
    expect(await screen.findByRole('button', { name: 'Thông báo' })).toBeInTheDocument();
  });

  it('opens the report of a notice and marks the notice read', async () => {
    let items = notices();
    const { fetch, calls } = fakeApi({
      'GET /api/v1/notifications': (url) => {
        const shown = url.searchParams.get('unread') === 'true' ? items.filter((n) => !n.read) : items;
        return { items: shown, total: shown.length };
      },
      'POST /api/v1/notifications/5/read': () => {
        items = items.map((n) => ({ ...n, read: true }));
        return [204, undefined];
      },
    });
    renderWithApp(<NotificationBell />, { fetch, session, path: '/reports' });
    fireEvent.click(await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' }));
    const [first] = await screen.findAllByTestId('notification');
    fireEvent.click(within(first!).getByRole('button', { name: 'Mở báo cáo' }));
    await waitFor(() => expect(calls).toContain('POST /api/v1/notifications/5/read'));
  });
});
