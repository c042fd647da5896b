import { ApiClient } from '../../lib/api-client';
import { createMemorySessionStore } from '../../lib/session';
import { jsonResponse } from '../../test/render';
import { openQueueBoard, QUEUE_BOARD_URL } from './queue-board';

function client(status: number) {
  const calls: string[] = [];
  const api = new ApiClient({
    sessions: createMemorySessionStore({ accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '1', username: 'admin', tenant: 'TW', roles: ['platform_admin'], unitId: '1' } }),
    fetch: async (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${input}`);
      return status === 204 ? jsonResponse(204) : jsonResponse(status, { statusCode: status, code: 'FORBIDDEN', message: 'Không có quyền', messageEn: 'Forbidden' });
    },
  });
  return { api, calls };
}

function fakeTab() {
  return { opener: {} as unknown, location: { href: '' }, close: jest.fn() };
}

describe('opening the queue dashboard', () => {
  it('opens the tab within the click, asks for the board session, then sends the tab to the board', async () => {
    const { api, calls } = client(204);
    const tab = fakeTab();
    const open = jest.fn(() => tab as unknown as Window);
    await openQueueBoard(api, open);
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(calls).toEqual(['POST /api/v1/admin/queue-session']);
    expect(tab.location.href).toBe(QUEUE_BOARD_URL);
    // The board gets no handle on the app's window.
    expect(tab.opener).toBeNull();
  });

  it('closes the tab again when the api refuses the session', async () => {
    const { api } = client(403);
    const tab = fakeTab();
    await expect(openQueueBoard(api, () => tab as unknown as Window)).rejects.toMatchObject({ status: 403 });
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe('');
  });
});
