/**
 * Browser test of the summary report (báo cáo tổng hợp), against the built web app served by a running api and
 * worker with the demo seed (SEN_BASE_URL): HN/admin opens "Báo cáo tổng hợp" from the menu, generates the
 * report of the city union for 2024S1, watches the progress bar until the worker is done, downloads the Word
 * file, and finds it in the list of earlier reports. Screenshots go to <repo>/test-output/screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { QUEUES } from '@sen/contracts';
import { apiToken, BASE_URL, login, newPage, SCREENSHOTS, useBrowser } from './support';

const browser = useBrowser();

/**
 * Holds the documents queue (where summary reports are made) through Bull Board's API, as the platform
 * administrator would on the board: while it is paused the report waits in the queue, so the bar is seen before
 * the worker finishes however fast the machine is.
 */
async function documentsQueue(action: 'pause' | 'resume'): Promise<void> {
  const token = await apiToken('TW', 'admin');
  const session = await fetch(`${BASE_URL}/api/v1/admin/queue-session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${BASE_URL}/admin/queues/api/queues/${QUEUES.documents}/${action}`, { method: 'PUT', headers: { cookie } });
  if (!res.ok) throw new Error(`${action} the documents queue: ${res.status}`);
}

describe('summary report (HN/admin)', () => {
  it('generates the city union’s report for 2024S1 with a moving progress bar and downloads the Word file', async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 1366, height: 900 } });
    try {
      await login(page, 'HN', 'admin');
      await page.getByRole('menuitem', { name: 'Báo cáo tổng hợp' }).click();
      await page.waitForURL(/\/reports\/summary/);
      await page.getByRole('heading', { name: 'Báo cáo tổng hợp' }).waitFor();

      // The unit defaults to the user's own (the city union) and the period to its latest with figures, not the
      // current (empty) half-year; another period is picked.
      await page.getByText('6 tháng cuối năm 2025').first().waitFor();
      // Typed without diacritics: the period picker searches them like the rest of the app.
      await page.getByLabel('Kỳ báo cáo').click({ force: true });
      await page.getByLabel('Kỳ báo cáo').fill('6 thang dau nam 2024');
      await page.locator('.ant-select-item-option').filter({ hasText: '6 tháng đầu năm 2024' }).first().click();
      await page.waitForURL(/period=2024S1/);
      await documentsQueue('pause');
      const bar = page.getByTestId('summary-progress');
      const seen: number[] = [];
      const running = path.join(SCREENSHOTS, 'summary-report-running.png');
      fs.rmSync(running, { force: true });
      try {
        await page.getByRole('button', { name: 'Tạo báo cáo' }).click();
        // Acknowledged at once, waiting for the worker: the bar is there at 0, labelled as waiting in the queue.
        await page.locator('[data-testid="summary-progress"][data-status="queued"]').waitFor();
        seen.push(Number(await bar.getAttribute('data-progress')));
        await page.screenshot({ path: path.join(SCREENSHOTS, 'summary-report-queued.png') });
      } finally {
        await documentsQueue('resume');
      }
      // Follow the bar: its value is read every few milliseconds until the worker is done.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const [status, progress] = await Promise.all([bar.getAttribute('data-status'), bar.getAttribute('data-progress')]);
        seen.push(Number(progress));
        if (status === 'done' || status === 'failed') break;
        if (status === 'running' && !fs.existsSync(running)) await page.screenshot({ path: running });
        await page.waitForTimeout(50);
      }
      expect(await bar.getAttribute('data-status')).toBe('done');
      expect(seen[seen.length - 1]).toBe(100);
      // Started at 0 while queued and never went backwards.
      expect(seen[0]).toBe(0);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      await page.getByText('Hội LHPN thành phố Hà Nội — 6 tháng đầu năm 2024').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'summary-report-done.png'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('summary-download').click()]);
      expect(download.suggestedFilename()).toBe('Báo cáo tổng hợp 2024S1 - Hội LHPN thành phố Hà Nội.docx');
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.length).toBeGreaterThan(5000);

      // The list of earlier reports shows it, done, with its own download link.
      const row = page.locator('tbody tr.ant-table-row', { hasText: 'Hội LHPN thành phố Hà Nội' }).first();
      await row.getByText('Đã xong').waitFor();
      expect(await row.innerText()).toContain('6 tháng đầu năm 2024');
      // Its accessible name starts with the words it shows ("Tải về").
      await row.getByRole('button', { name: /^Tải về báo cáo tổng hợp Hội LHPN thành phố Hà Nội/ }).waitFor();
    } finally {
      await context.close();
    }
  });
});
