/**
 * Browser test of the notifications and of the queue dashboard, against the built web app served by a running
 * api and worker with the demo seed (SEN_BASE_URL; QUEUE_PREFIX and REDIS_URL as the worker's): the reminder job
 * of the worker tells the commune that a report is due soon; its reporter sees the bell's count, the notice with
 * a link to the report, and marks everything read. The central administrator opens the queue dashboard from the
 * menu. Screenshots go to <repo>/test-output/screenshots.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NotificationList, ReportFormDto } from '@sen/contracts';
import { BASE_URL, LAPTOP, PHONE, apiToken, login, newPage, shot, useBrowser } from './support';

const browser = useBrowser();
/** One session per demo user for the whole file (access tokens last 15 minutes). */
const tokens: Record<string, Promise<string>> = {};

async function call<T>(tenant: string, username: string, method: string, pathAndQuery: string, body?: unknown): Promise<T> {
  const token = await (tokens[`${tenant}/${username}`] ??= apiToken(tenant, username));
  const res = await fetch(`${BASE_URL}/api/v1${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathAndQuery}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** What this test uses of BullMQ's Queue. */
type QueueClass = new (
  name: string,
  options: { connection: { host: string; port: number }; prefix: string },
) => { add: (name: string, data: unknown, options: Record<string, unknown>) => Promise<unknown>; close: () => Promise<void> };

/**
 * Runs the worker's reminder job as its daily schedule does, for a chosen day: enqueued on the worker's queue
 * with the worker's own BullMQ (the web app does not depend on it).
 */
async function runReminders(asOf: string): Promise<void> {
  const { Queue } = createRequire(path.resolve(__dirname, '../../worker/package.json'))('bullmq') as { Queue: QueueClass };
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const queue = new Queue('maintenance', { connection: { host: redis.hostname, port: Number(redis.port || 6379) }, prefix: process.env.QUEUE_PREFIX ?? '{sen}' });
  try {
    await queue.add('send-reminders', { asOf }, { jobId: `e2e-reminders-${Date.now()}`, removeOnComplete: 10, removeOnFail: 10 });
  } finally {
    await queue.close();
  }
}

function randomCode(): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let code = 'HN-N';
  for (let i = 0; i < 4; i++) code += letters[Math.floor(Math.random() * letters.length)];
  return code;
}

describe('notifications and the queue dashboard in Chromium', () => {
  it('the reminder job tells the commune a report is due; the bell counts it, links to the report and marks all read', async () => {
    // A quarterly form of the city due 15/04 for the first quarter, so 15/10 for the third and 15/01 for the
    // fourth, and its reports of 2025Q3 and 2025Q4 (the reporter's commune exists since 01/07/2025): notices
    // this run has not seen yet.
    const code = randomCode();
    const form = await call<ReportFormDto>('HN', 'admin', 'POST', '/report-forms', {
      code,
      name: `Báo cáo nhanh ${code}`,
      periodKind: 'quarter',
      indicatorCodes: ['HOI_VIEN_MOI'],
      deadlineRule: { day: 15, month: 4 },
      reportingLevel: 'grassroots',
    });
    const instances = await call<{ deadline: string }>('HN', 'admin', 'POST', `/report-forms/${form.id}/instances`, { period: '2025Q3' });
    expect(instances.deadline).toBe('2025-10-15');
    await call('HN', 'admin', 'POST', `/report-forms/${form.id}/instances`, { period: '2025Q4' });
    // The report of the reporter's own commune (its subtree also holds the communes merged into it in 2025).
    const commune = (await call<{ units: { id: string }[] }>('HN', 'reporter', 'GET', '/auth/me')).units[0]!.id;
    const reports = await call<{ items: { id: string; unitId: string }[] }>('HN', 'reporter', 'GET', `/reports?formCode=${code}&period=2025Q3`);
    const report = reports.items.find((r) => r.unitId === commune)!;
    expect(report).toBeDefined();
    const q4 = (await call<{ items: { id: string; unitId: string }[] }>('HN', 'reporter', 'GET', `/reports?formCode=${code}&period=2025Q4`)).items.find((r) => r.unitId === commune)!;

    // The job as its schedule runs it on 13/10/2025 and on 13/01/2026, three days before each deadline.
    await runReminders('2025-10-13');
    await runReminders('2026-01-13');
    let notice: NotificationList['items'][number] | undefined;
    let later: NotificationList['items'][number] | undefined;
    for (let i = 0; i < 150 && !(notice && later); i++) {
      const list = await call<NotificationList>('HN', 'reporter', 'GET', '/notifications?unread=true&limit=100');
      notice = list.items.find((n) => n.reportId === report.id);
      later = list.items.find((n) => n.reportId === q4.id);
      if (!(notice && later)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(later).toMatchObject({ kind: 'deadline-soon', message: `Báo cáo nhanh ${code} kỳ Quý IV/2025 cần gửi trước ngày 15/01/2026` });
    expect(notice).toMatchObject({ kind: 'deadline-soon', read: false, message: `Báo cáo nhanh ${code} kỳ Quý III/2025 cần gửi trước ngày 15/10/2025` });
    const unread = (await call<NotificationList>('HN', 'reporter', 'GET', '/notifications?unread=true&limit=1')).total;

    const { context, page } = await newPage(browser(), LAPTOP);
    try {
      await login(page, 'hn', 'reporter');
      const bell = page.getByTestId('notification-bell');
      await page.getByRole('button', { name: `Thông báo: ${new Intl.NumberFormat('vi-VN').format(unread)} chưa đọc` }).waitFor();
      await shot(page, '80-notification-bell');
      await bell.click();
      const item = page.getByTestId('notification').filter({ hasText: `Báo cáo nhanh ${code} kỳ Quý III/2025` });
      await item.getByText('Sắp đến hạn').waitFor();
      await item.getByText('cần gửi trước ngày 15/10/2025').waitFor();
      await shot(page, '81-notifications-drawer');
      await item.getByRole('button', { name: 'Mở báo cáo' }).click();
      await page.waitForURL(new RegExp(`/reports/${report.id}$`));
      await page.getByRole('heading', { name: /Cầu Giấy — Quý III\/2025/ }).waitFor();
      const after = await call<NotificationList>('HN', 'reporter', 'GET', '/notifications?limit=100');
      expect(after.items.find((n) => n.id === notice!.id)?.read).toBe(true);

      await bell.click();
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
      await page.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
      expect((await call<NotificationList>('HN', 'reporter', 'GET', '/notifications?unread=true&limit=1')).total).toBe(0);
      await page.getByText('Chưa đọc (0)').click();
      await page.getByText('Không có thông báo chưa đọc').waitFor();
    } finally {
      await context.close();
    }

    // The city union is told about communes whose reports are past their deadline (the same job, after it).
    const { context: phoneCtx, page: phone } = await newPage(browser(), PHONE);
    try {
      await login(phone, 'hn', 'admin');
      await phone.getByTestId('notification-bell').click();
      await phone.getByTestId('notification').filter({ hasText: 'Quá hạn' }).first().waitFor();
      await shot(phone, '82-phone-notifications-overdue');
    } finally {
      await phoneCtx.close();
    }
  }, 120_000);

  it('the platform administrator opens the queue dashboard from the menu in a new tab; a tenant administrator has no such entry', async () => {
    const { context, page } = await newPage(browser(), LAPTOP);
    try {
      await login(page, 'tw', 'admin');
      const entry = page.getByRole('menuitem', { name: 'Hàng đợi công việc' });
      const [board] = await Promise.all([context.waitForEvent('page'), entry.click()]);
      await board.waitForURL(/\/admin\/queues/);
      await board.getByText('maintenance').first().waitFor();
      await board.getByText('aggregation').first().waitFor();
      expect(await board.title()).toContain('Sen');
      await shot(board, '83-queue-board');
      // The app's tab stays where it was.
      expect(page.url()).not.toContain('/admin/queues');
    } finally {
      await context.close();
    }

    const { context: hnCtx, page: hn } = await newPage(browser(), LAPTOP);
    try {
      await login(hn, 'hn', 'admin');
      await hn.getByRole('menuitem', { name: /Báo cáo$/ }).waitFor();
      expect(await hn.getByRole('menuitem', { name: 'Hàng đợi công việc' }).count()).toBe(0);
    } finally {
      await hnCtx.close();
    }
  }, 60_000);
});
