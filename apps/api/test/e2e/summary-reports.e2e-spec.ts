import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Queue, Worker, type Job } from 'bullmq';
import { QUEUES, summaryReportJobSchema } from '@sen/contracts';
import { formatNumberVi } from '@sen/indicators';
import { startHarness, type Harness } from './harness';

/**
 * The worker's handler, loaded from its source: the api and the worker are separate apps (the api's tsconfig
 * cannot include the worker's files), so the type is the part of the handler this test uses.
 */
interface SummaryReportHandler {
  handle(data: { tenantId: string; summaryReportId: string }, job?: Job): Promise<{ status: string; size?: number }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SummaryReportJob } = require('../../../worker/src/jobs/summary-report/summary-report.job') as { SummaryReportJob: new (ds: unknown) => SummaryReportHandler };

/** Whitespace and hyphens removed: PDF text breaks lines (dropping a hyphen at a line end) and sometimes words at font fallbacks. */
const squash = (s: string): string => s.normalize('NFC').replace(/[\s\-–]+/g, '');

function connection(url: string) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 6379), username: u.username || undefined, password: u.password ? decodeURIComponent(u.password) : undefined, maxRetriesPerRequest: null };
}

/**
 * The summary report (báo cáo tổng hợp) of HN's city union for 2024S1, end to end: the api records the request and
 * enqueues the job, a BullMQ worker on the test's queue runs the worker's real handler (progress moves), the api
 * serves the DOCX from the row, and LibreOffice opens it with the indicator table and completeness numbers in it.
 */
describe('summary reports', () => {
  jest.setTimeout(180_000);
  let h: Harness;
  let hn: { accessToken: string; user: { unitId: string } };
  let root: string;
  let id: string;
  let jobName: string;
  let docx: Buffer;
  let dir: string;

  async function download(reportId: string, token: string) {
    return h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/v1/summary-reports/${reportId}/file.docx`, headers: { authorization: `Bearer ${token}` } });
  }

  beforeAll(async () => {
    h = await startHarness();
    hn = await h.login('HN', 'admin');
    root = hn.user.unitId;
    dir = mkdtempSync(join(tmpdir(), 'sen-summary-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await h.close();
  });

  it('POST answers 202 {id, status, progress} and enqueues one job; the file is not there yet (409)', async () => {
    const res = await h.request('POST', '/api/v1/summary-reports', { token: hn.accessToken, body: { unitId: root, period: '2024S1' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued', progress: 0 });
    id = res.body.id;
    // A second click while it is queued joins the same report.
    const again = await h.request('POST', '/api/v1/summary-reports', { token: hn.accessToken, body: { unitId: root, period: '2024S1' } });
    expect(again.body.id).toBe(id);
    const early = await download(id, hn.accessToken);
    expect(early.statusCode).toBe(409);
    expect(JSON.parse(early.body).errors[0].field).toBe('id');
    const queue = new Queue(QUEUES.documents, { connection: connection(h.config.REDIS_URL), prefix: h.config.QUEUE_PREFIX });
    try {
      const jobs = (await queue.getJobs(['waiting', 'prioritized', 'delayed'])).filter((j) => j.data.summaryReportId === id);
      expect(jobs.map((j) => j.data)).toEqual([{ tenantId: '2', summaryReportId: id }]);
      jobName = jobs[0]!.id!;
    } finally {
      await queue.close();
    }
  });

  it('the worker generates it with progress that moves, in the job and in the row', async () => {
    const handler = new SummaryReportJob(h.db);
    const seen: number[] = [];
    const worker = new Worker(QUEUES.documents, (job) => handler.handle(summaryReportJobSchema.parse(job.data), job), {
      connection: connection(h.config.REDIS_URL),
      prefix: h.config.QUEUE_PREFIX,
      autorun: false,
    });
    worker.on('progress', (_job, p) => seen.push(Number(p)));
    const done = new Promise<void>((resolve, reject) => {
      worker.on('completed', (job) => job.id === jobName && resolve());
      worker.on('failed', (job, err) => job?.id === jobName && reject(err));
    });
    void worker.run();
    try {
      await done;
    } finally {
      await worker.close();
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    expect(seen[seen.length - 1]).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const res = await h.request('GET', `/api/v1/summary-reports/${id}`, { token: hn.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, unitId: root, unitName: 'Hội LHPN thành phố Hà Nội', period: '2024S1', status: 'done', progress: 100, error: null });
    expect(res.body.fileSize).toBeGreaterThan(5000);
    const list = await h.request('GET', `/api/v1/summary-reports?unitId=${root}&period=2024S1`, { token: hn.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('downloads a Word file that LibreOffice opens, with the official header, the indicator table and the completeness numbers', async () => {
    const res = await download(id, hn.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain('.docx');
    docx = res.rawPayload;
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');

    const file = join(dir, 'summary.docx');
    writeFileSync(file, docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 150_000 });
    const pdf = join(dir, 'summary.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));

    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'HỘI LHPN THÀNH PHỐ HÀ NỘI', 'BÁO CÁO', '6 tháng đầu năm 2024', 'Nơi nhận', 'TM. BAN THƯỜNG VỤ']) {
      expect(text).toContain(squash(s));
    }
    // The indicator table: names and the values the rollups endpoint answers for the city, written the Vietnamese way.
    expect(text).toContain(squash('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'));
    for (const [indicator, name, percent] of [
      ['HOI_VIEN', 'Số hội viên', false],
      ['TY_LE_TAP_HOP_HOI_VIEN', 'Tỷ lệ tập hợp hội viên', true],
    ] as const) {
      const r = await h.request('GET', `/api/v1/rollups?indicator=${indicator}&period=2024S1&unitId=${root}`, { token: hn.accessToken });
      expect(r.body.value).not.toBeNull();
      const shown = percent ? `${formatNumberVi(r.body.value, 1)}%` : formatNumberVi(r.body.value, 2);
      expect(text).toContain(squash(name));
      expect(text).toContain(squash(shown));
    }
    // Completeness: the numbers the reports module's completeness answers, over every form with 2024S1 reports
    // (the national QG-6T and the 6-month reports the issued plans ask for).
    const forms: { form_code: string }[] = await h.db.query("SELECT DISTINCT form_code FROM report WHERE tenant_id = 2 AND period = '2024S1' ORDER BY form_code");
    expect(forms.map((f) => f.form_code)).toContain('QG-6T');
    const c = { expected: 0, submitted: 0, approved: 0 };
    for (const f of forms) {
      const one = (await h.request('GET', `/api/v1/reports/completeness?period=2024S1&formCode=${f.form_code}&unitId=${root}`, { token: hn.accessToken })).body.overall;
      c.expected += one.expected;
      c.submitted += one.submitted;
      c.approved += one.approved;
    }
    expect(c.expected).toBeGreaterThan(0);
    expect(text).toContain(squash(`Số báo cáo phải gửi: ${formatNumberVi(c.expected)}; đã gửi: ${formatNumberVi(c.submitted)}`));
    expect(text).toContain(squash(`trong đó đã duyệt: ${formatNumberVi(c.approved)}`));
    expect(text).toContain(squash(`chưa gửi: ${formatNumberVi(c.expected - c.submitted)}`));
    expect(text).toContain(squash('Tổng cộng'));
    // The assessment: under each national heading, what the communes wrote in their handed-in reports; no
    // "……" left to fill in where they wrote something.
    const [quoted] = await h.db.query(
      `SELECT u.name, JSON_UNQUOTE(JSON_EXTRACT(r.narrative, '$."Tồn tại, hạn chế"')) AS text FROM report r JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
       WHERE r.tenant_id = 2 AND r.period = '2024S1' AND r.status = 'approved' AND r.narrative IS NOT NULL ORDER BY u.sort_key LIMIT 1`,
    );
    expect(text).toContain(squash('2. Tồn tại, hạn chế'));
    expect(text).toContain(squash(`- ${quoted.name}: ${quoted.text}`));
    expect(text).not.toContain('……');
  });

  it('is idempotent: running the job again leaves the finished report as it is', async () => {
    const handler = new SummaryReportJob(h.db);
    expect(await handler.handle({ tenantId: '2', summaryReportId: id })).toEqual({ status: 'done' });
    const res = await download(id, hn.accessToken);
    expect(res.rawPayload.equals(docx)).toBe(true);
  });

  it('a job that cannot succeed stores a readable error and the status failed', async () => {
    const ins = await h.db.query("INSERT INTO summary_report (tenant_id, unit_id, period, status) VALUES (2, ?, '2024S1', 'queued')", [root]);
    const failing = String(ins.insertId);
    // The unit disappears under the row (a unit is never deleted by the app; the job must still not hang).
    await h.db.query('UPDATE summary_report SET unit_id = 999999999 WHERE id = ?', [failing]);
    const handler = new SummaryReportJob(h.db);
    await expect(handler.handle({ tenantId: '2', summaryReportId: failing })).rejects.toThrow('The unit no longer exists.');
    const [row] = await h.db.query('SELECT status, error, error_en, file FROM summary_report WHERE id = ?', [failing]);
    expect(row).toMatchObject({ status: 'failed', error: 'Đơn vị không còn tồn tại.', error_en: 'The unit no longer exists.', file: null });
    await h.db.query('DELETE FROM summary_report WHERE id = ?', [failing]);
  });

  it('validates the request naming the field, and keeps to the caller’s subtree', async () => {
    const bad = await h.request('POST', '/api/v1/summary-reports', { token: hn.accessToken, body: { unitId: root, period: '2024H1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.period');
    const reporter = await h.login('HN', 'reporter');
    // The reporter's commune is below the city: the city's report and the city itself are not the reporter's.
    expect((await h.request('POST', '/api/v1/summary-reports', { token: reporter.accessToken, body: { unitId: root, period: '2024S1' } })).status).toBe(404);
    expect((await h.request('GET', `/api/v1/summary-reports/${id}`, { token: reporter.accessToken })).status).toBe(404);
    expect((await download(id, reporter.accessToken)).statusCode).toBe(404);
    const own = await h.request('GET', '/api/v1/summary-reports', { token: reporter.accessToken });
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });
});
