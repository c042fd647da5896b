import type { ApiClient } from '../../lib/api-client';

/** Bull Board, served by the api outside the app (plain pages, no bearer token). */
export const QUEUE_BOARD_URL = '/admin/queues';

/**
 * Opens the queue dashboard in a new tab: the api sets the board's HttpOnly session cookie on
 * POST /api/v1/admin/queue-session (platform administrators only), then the tab goes to the board. The tab is
 * opened at once, within the click — a window opened after the request returns would be blocked as a pop-up
 * — and sent to the board once the cookie is set (closed again if the api refuses).
 */
export async function openQueueBoard(client: ApiClient, open: typeof window.open = (...a) => window.open(...a)): Promise<void> {
  const tab = open('', '_blank');
  try {
    await client.post<void>('/api/v1/admin/queue-session');
  } catch (error) {
    tab?.close();
    throw error;
  }
  if (!tab) {
    // Pop-ups refused all the same: the board replaces the app in this tab.
    window.location.assign(QUEUE_BOARD_URL);
    return;
  }
  // The board must not be able to reach back into the app's window.
  tab.opener = null;
  tab.location.href = QUEUE_BOARD_URL;
}
