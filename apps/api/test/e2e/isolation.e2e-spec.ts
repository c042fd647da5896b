import ExcelJS from 'exceljs';
import { multipart, startHarness, type Harness } from './harness';

/**
 * The isolation suite: for every endpoint, a user of DN tries ids of HN, and a reporter of HN (bound to one
 * commune) tries ids outside its subtree. Every try answers 404 (403 where the route is not about an id the
 * caller names) and changes nothing. A route added without a case here fails the coverage test.
 */
/** A plan DN imports (a complete one: the importer's warnings about missing parts cite an example from Hà Nội). */
const DN_PLAN_TEXT =
  'Số: 5/KH-BTV\nĐà Nẵng, ngày 10 tháng 3 năm 2026\nKẾ HOẠCH\nTổ chức hội thi năm 2026\nThực hiện Kế hoạch số 2/KH-ĐCT ngày 05/01/2026 của Đoàn Chủ tịch ' +
  'về công tác năm 2026, Ban Thường vụ xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\nNơi nhận:\n- Lưu VT.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nNguyễn Thị A\n';

describe('tenant isolation on every endpoint', () => {
  let h: Harness;
  let dn: string;
  let reporter: string;
  const hnIds: Record<string, string> = {};
  let reportXlsx: Buffer;

  beforeAll(async () => {
    h = await startHarness();
    const hn = await h.login('HN', 'admin');
    dn = (await h.login('DN', 'admin')).accessToken;
    reporter = (await h.login('HN', 'reporter')).accessToken;
    hnIds.root = hn.user.unitId;
    hnIds.unit = (await h.request('GET', '/api/v1/org-units?q=hoan%20kiem', { token: hn.accessToken })).body.items[0].id;
    hnIds.user = hn.user.id;
    // A notice addressed to the HN city union (the reporter's commune is not its unit).
    const note = await h.db.query(`INSERT INTO notification (tenant_id, unit_id, kind, report_id, message) VALUES (2, ?, 'overdue', NULL, 'thử cô lập')`, [hnIds.root]);
    hnIds.notification = String(note.insertId);
    // A reconciliation of HN: DN reading its own must not see it.
    await h.db.query(`INSERT INTO rollup_reconciliation (tenant_id, period, trigger_kind, started_at, finished_at, rows_checked, mismatches, repaired) VALUES (2, '2024S1', 'nightly', NOW(3), NOW(3), 10, 0, 0)`);
    hnIds.code = (await h.request('GET', `/api/v1/org-units/${hnIds.unit}`, { token: hn.accessToken })).body.code;
    // Reports: one of a commune outside the reporter's Cầu Giấy, and the national form.
    const reporterUnit = (await h.login('HN', 'reporter')).user.unitId;
    const hnReports = await h.request('GET', '/api/v1/reports?period=2024S1&formCode=QG-6T&limit=200', { token: hn.accessToken });
    hnIds.report = hnReports.body.items.find((r: { unitId: string }) => r.unitId !== reporterUnit).id;
    hnIds.form = (await h.request('GET', '/api/v1/report-forms', { token: hn.accessToken })).body.items.find((f: { code: string }) => f.code === 'QG-6T').id;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRows([['Mã đơn vị', 'HOI_VIEN'], [hnIds.code, 1]]);
    reportXlsx = Buffer.from(await wb.xlsx.writeBuffer());
    // Plans: the city's issued 13/KH-BTV (the reporter reads it: its commune is below) and a draft of a unit outside the reporter's commune.
    hnIds.plan = (await h.request('GET', '/api/v1/plans?status=issued&year=2024&q=13%2Fkh-btv', { token: hn.accessToken })).body.items.find((p: { symbol: string; issuedOn: string }) => p.symbol === '13/KH-BTV' && p.issuedOn === '2024-01-24').id;
    hnIds.unitPlan = (await h.request('POST', `/api/v1/plans/${hnIds.plan}/derive`, { token: hn.accessToken, body: { unitId: hnIds.unit } })).body.id;
    // A finished summary report of a unit outside the reporter's commune.
    const summary = await h.db.query(`INSERT INTO summary_report (tenant_id, unit_id, period, status, progress, file, file_name, file_size) VALUES (2, ?, '2024S1', 'done', 100, 'PK-thu', 'bao-cao.docx', 6)`, [hnIds.unit]);
    hnIds.summary = String(summary.insertId);
  });
  afterAll(() => h.close());

  type Probe = { method: string; path: string; url: () => string; body?: () => unknown; upload?: () => { payload: Buffer; headers: Record<string, string> }; dn: number | 'own'; reporter: number | 'own' };
  const unitBody = () => ({ name: 'Xâm nhập', level: 'branch', parentId: hnIds.root });
  const probes: Probe[] = [
    { method: 'GET', path: '/api/v1/auth/me', url: () => '/api/v1/auth/me', dn: 'own', reporter: 'own' },
    { method: 'GET', path: '/api/v1/org-units', url: () => `/api/v1/org-units?parentId=${hnIds.root}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/org-units/{id}', url: () => `/api/v1/org-units/${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/org-units/{id}/history', url: () => `/api/v1/org-units/${hnIds.unit}/history`, dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/org-units', url: () => '/api/v1/org-units', body: unitBody, dn: 404, reporter: 403 },
    { method: 'PATCH', path: '/api/v1/org-units/{id}', url: () => `/api/v1/org-units/${hnIds.unit}`, body: () => ({ name: 'Đổi tên trái phép' }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/org-units/{id}/split', url: () => `/api/v1/org-units/${hnIds.unit}/split`, body: () => ({ into: [{ name: 'A' }, { name: 'B' }], effectiveFrom: '2027-01-01' }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/org-units/{id}/dissolve', url: () => `/api/v1/org-units/${hnIds.unit}/dissolve`, body: () => ({ effectiveFrom: '2027-01-01' }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/org-units/merge', url: () => '/api/v1/org-units/merge', body: () => ({ sourceIds: [hnIds.unit], into: { name: 'Gộp trái phép' }, effectiveFrom: '2026-01-01' }), dn: 404, reporter: 403 },
    {
      method: 'POST', path: '/api/v1/org-units/import', url: () => '/api/v1/org-units/import',
      upload: () => multipart('u.csv', `code,name,level,kind,parent code\nINTRUDE-1,Chi hội xâm nhập,branch,union,${hnIds.code}\n`),
      dn: 201, reporter: 403, // DN: HN's code is not found in DN's tree, reported as a row error; nothing created
    },
    { method: 'GET', path: '/api/v1/users', url: () => '/api/v1/users', dn: 'own', reporter: 403 },
    { method: 'GET', path: '/api/v1/users/{id}', url: () => `/api/v1/users/${hnIds.user}`, dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/users', url: () => '/api/v1/users', body: () => ({ username: 'intruder', displayName: 'X', password: 'mat-khau-dai-1', roles: [{ role: 'viewer', unitId: hnIds.root }] }), dn: 404, reporter: 403 },
    { method: 'PATCH', path: '/api/v1/users/{id}', url: () => `/api/v1/users/${hnIds.user}`, body: () => ({ displayName: 'Bị sửa' }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/users/{id}/reset-password', url: () => `/api/v1/users/${hnIds.user}/reset-password`, body: () => ({ password: 'mat-khau-chiem-1' }), dn: 404, reporter: 403 },
    { method: 'GET', path: '/api/v1/audit-log', url: () => '/api/v1/audit-log', dn: 'own', reporter: 403 },
    { method: 'GET', path: '/api/v1/indicators', url: () => '/api/v1/indicators', dn: 'own', reporter: 'own' },
    { method: 'POST', path: '/api/v1/indicators', url: () => '/api/v1/indicators', body: () => ({ code: 'XAM_NHAP', name: 'X', unit: 'người', valueType: 'integer', kind: 'flow', aggregation: 'sum' }), dn: 'own', reporter: 403 },
    { method: 'GET', path: '/api/v1/rollups', url: () => `/api/v1/rollups?indicator=HOI_VIEN&period=2024S1&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/rollups/recompute', url: () => '/api/v1/rollups/recompute', body: () => ({ period: '2024S1' }), dn: 'own', reporter: 403 },
    { method: 'GET', path: '/api/v1/rollups/recompute/{jobId}', url: () => '/api/v1/rollups/recompute/recompute__2__2024S1__1', dn: 404, reporter: 403 },
    // The national recompute and its progress: platform administrators and central analysts only.
    { method: 'POST', path: '/api/v1/rollups/national-recompute', url: () => '/api/v1/rollups/national-recompute', body: () => ({ period: '2024S1' }), dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/rollups/national-recompute/{jobId}', url: () => '/api/v1/rollups/national-recompute/recompute__all__2024S1__1', dn: 403, reporter: 403 },
    // Reconciliation: DN reconciles and reads its own tenant only (the tenant comes from the token); HN's reporter reads HN's counts.
    { method: 'POST', path: '/api/v1/rollups/reconcile', url: () => '/api/v1/rollups/reconcile', body: () => ({ period: '2024S1' }), dn: 'own', reporter: 403 },
    { method: 'GET', path: '/api/v1/rollups/reconciliation', url: () => '/api/v1/rollups/reconciliation?period=2024S1', dn: 'own', reporter: 'own' },
    { method: 'GET', path: '/api/v1/central/comparison.xlsx', url: () => '/api/v1/central/comparison.xlsx?indicator=HOI_VIEN&period=2024S1', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/central/series', url: () => '/api/v1/central/series?indicator=HOI_VIEN&periods=2024S1', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/central/series.xlsx', url: () => '/api/v1/central/series.xlsx?indicator=HOI_VIEN&periods=2024S1&view=former', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/central/completeness', url: () => '/api/v1/central/completeness?period=2024S1&view=former', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/central/completeness.xlsx', url: () => '/api/v1/central/completeness.xlsx?period=2024S1', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/dashboard/plan-progress', url: () => `/api/v1/dashboard/plan-progress?year=2024&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/dashboard/below-threshold', url: () => `/api/v1/dashboard/below-threshold?indicator=HOI_VIEN&period=2024S1&threshold=10&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/dashboard/plan-progress.xlsx', url: () => `/api/v1/dashboard/plan-progress.xlsx?year=2024&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/dashboard/below-threshold.xlsx', url: () => `/api/v1/dashboard/below-threshold.xlsx?indicator=HOI_VIEN&period=2024S1&threshold=10&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/central/comparison', url: () => '/api/v1/central/comparison?indicator=HOI_VIEN&period=2024S1', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/central/periods', url: () => '/api/v1/central/periods?indicator=TY_LE_TAP_HOP_HOI_VIEN', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/dashboard/plan-progress/children.xlsx', url: () => `/api/v1/dashboard/plan-progress/children.xlsx?year=2024&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/dashboard/periods', url: () => `/api/v1/dashboard/periods?unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/report-forms', url: () => '/api/v1/report-forms', dn: 'own', reporter: 'own' },
    {
      method: 'POST', path: '/api/v1/report-forms', url: () => '/api/v1/report-forms',
      body: () => ({ code: 'XAM-NHAP', name: 'Biểu mẫu thử', periodKind: 'year', indicatorCodes: ['HOI_VIEN'], deadlineRule: { day: 30, month: 10 }, reportingLevel: 'grassroots' }),
      dn: 'own', reporter: 403,
    },
    { method: 'POST', path: '/api/v1/report-forms/{id}/instances', url: () => `/api/v1/report-forms/${hnIds.form}/instances`, body: () => ({ period: '2030S1' }), dn: 404, reporter: 403 },
    { method: 'GET', path: '/api/v1/reports', url: () => `/api/v1/reports?unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/reports/completeness', url: () => `/api/v1/reports/completeness?period=2024S1&formCode=QG-6T&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/reports/completeness.xlsx', url: () => `/api/v1/reports/completeness.xlsx?period=2024S1&formCode=QG-6T&unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    // The grid and its template list the caller's own child units: DN sees its own, a reporter manages none.
    { method: 'GET', path: '/api/v1/reports/bulk-values', url: () => '/api/v1/reports/bulk-values?period=2024S1&formCode=QG-6T', dn: 'own', reporter: 403 },
    { method: 'GET', path: '/api/v1/reports/bulk-values/template.xlsx', url: () => '/api/v1/reports/bulk-values/template.xlsx?period=2024S1&formCode=QG-6T', dn: 'own', reporter: 403 },
    {
      method: 'PUT', path: '/api/v1/reports/bulk-values', url: () => '/api/v1/reports/bulk-values',
      body: () => ({ period: '2024S1', formCode: 'QG-6T', rows: [{ unitId: hnIds.unit, values: [{ indicator: 'HOI_VIEN', value: 1 }] }] }),
      dn: 404, reporter: 403,
    },
    {
      method: 'POST', path: '/api/v1/reports/bulk-values/import', url: () => '/api/v1/reports/bulk-values/import?period=2024S1&formCode=QG-6T',
      upload: () => multipart('r.xlsx', reportXlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      dn: 400, reporter: 403, // DN: HN's unit code is not found in DN's tree, reported as a row error; nothing saved
    },
    { method: 'GET', path: '/api/v1/reports/{id}', url: () => `/api/v1/reports/${hnIds.report}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/reports/{id}/history', url: () => `/api/v1/reports/${hnIds.report}/history`, dn: 404, reporter: 404 },
    { method: 'PUT', path: '/api/v1/reports/{id}/values', url: () => `/api/v1/reports/${hnIds.report}/values`, body: () => ({ values: [{ indicator: 'HOI_VIEN', value: 1 }] }), dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/reports/{id}/submit', url: () => `/api/v1/reports/${hnIds.report}/submit`, dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/reports/{id}/approve', url: () => `/api/v1/reports/${hnIds.report}/approve`, dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/reports/{id}/return', url: () => `/api/v1/reports/${hnIds.report}/return`, body: () => ({ comment: 'Trả lại trái phép' }), dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/reports/{id}/reopen', url: () => `/api/v1/reports/${hnIds.report}/reopen`, body: () => ({ reason: 'Mở lại trái phép' }), dn: 404, reporter: 403 },
    { method: 'GET', path: '/api/v1/notifications', url: () => '/api/v1/notifications', dn: 'own', reporter: 'own' },
    { method: 'POST', path: '/api/v1/notifications/{id}/read', url: () => `/api/v1/notifications/${hnIds.notification}/read`, dn: 404, reporter: 404 },
    // Marks the caller's own notices only: the city union's notice stays unread (the fingerprint counts unread notices).
    { method: 'POST', path: '/api/v1/notifications/read-all', url: () => '/api/v1/notifications/read-all', dn: 'own', reporter: 'own' },
    { method: 'POST', path: '/api/v1/admin/queue-session', url: () => '/api/v1/admin/queue-session', dn: 403, reporter: 403 },
    // The current tenant comes from the token: DN reads and writes its own settings (false is DN's value already).
    { method: 'GET', path: '/api/v1/tenants/current/settings', url: () => '/api/v1/tenants/current/settings', dn: 'own', reporter: 403 },
    { method: 'PUT', path: '/api/v1/tenants/current/settings', url: () => '/api/v1/tenants/current/settings', body: () => ({ countSubmitted: false }), dn: 'own', reporter: 403 },
    { method: 'GET', path: '/api/v1/tenants', url: () => '/api/v1/tenants', dn: 403, reporter: 403 },
    { method: 'POST', path: '/api/v1/tenants', url: () => '/api/v1/tenants', body: () => ({}), dn: 403, reporter: 403 },
    { method: 'POST', path: '/api/v1/tenants/{code}/suspend', url: () => '/api/v1/tenants/HN/suspend', dn: 403, reporter: 403 },
    { method: 'POST', path: '/api/v1/tenants/{code}/absorb', url: () => '/api/v1/tenants/HN/absorb', body: () => ({ absorbedCode: 'DN', effectiveFrom: '2025-07-01', keepUsers: true }), dn: 403, reporter: 403 },
    { method: 'POST', path: '/api/v1/tenants/{code}/resume', url: () => '/api/v1/tenants/HN/resume', dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/tenant-data/export', url: () => '/api/v1/tenant-data/export?tenant=HN', dn: 403, reporter: 403 },
    { method: 'POST', path: '/api/v1/tenant-data/import', url: () => '/api/v1/tenant-data/import', upload: () => multipart('hn.jsonl', '{"kind":"sen-tenant-backup","version":1}\n', 'application/x-ndjson'), dn: 403, reporter: 403 },
    { method: 'POST', path: '/api/v1/tenant-data/deletion-requests', url: () => '/api/v1/tenant-data/deletion-requests', body: () => ({ tenant: 'HN', reason: 'Xoá dữ liệu trái phép' }), dn: 403, reporter: 403 },
    { method: 'POST', path: '/api/v1/tenant-data/deletion-requests/{id}/confirm', url: () => '/api/v1/tenant-data/deletion-requests/1/confirm', body: () => ({ code: 'ABCDEFGHJK' }), dn: 403, reporter: 403 },
    { method: 'GET', path: '/api/v1/plans', url: () => `/api/v1/plans?unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/plans/calendar', url: () => `/api/v1/plans/calendar?unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/plans/calendar.xlsx', url: () => `/api/v1/plans/calendar.xlsx?unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'PUT', path: '/api/v1/plans/{id}/activities/{idx}/status', url: () => `/api/v1/plans/${hnIds.plan}/activities/0/status`, body: () => ({ status: 'cancelled' }), dn: 404, reporter: 403 },
    { method: 'GET', path: '/api/v1/plans/obligations', url: () => `/api/v1/plans/obligations?unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/plans/import', url: () => '/api/v1/plans/import', body: () => ({ text: DN_PLAN_TEXT }), dn: 'own', reporter: 403 },
    { method: 'POST', path: '/api/v1/plans/suggest-links', url: () => '/api/v1/plans/suggest-links', body: () => ({ targets: [{ text: 'Phát triển 100 hội viên mới', unit: 'hội viên' }] }), dn: 'own', reporter: 403 },
    { method: 'POST', path: '/api/v1/plans', url: () => '/api/v1/plans', body: () => ({ plan: { title: 'Kế hoạch xâm nhập' }, unitId: hnIds.root }), dn: 404, reporter: 403 },
    { method: 'GET', path: '/api/v1/plans/{id}', url: () => `/api/v1/plans/${hnIds.unitPlan}`, dn: 404, reporter: 404 },
    { method: 'PUT', path: '/api/v1/plans/{id}', url: () => `/api/v1/plans/${hnIds.unitPlan}`, body: () => ({ plan: { title: 'Sửa trái phép' } }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/plans/{id}/transition', url: () => `/api/v1/plans/${hnIds.unitPlan}/transition`, body: () => ({ to: 'in_review' }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/plans/{id}/revise', url: () => `/api/v1/plans/${hnIds.plan}/revise`, dn: 404, reporter: 403 },
    { method: 'GET', path: '/api/v1/plans/{id}/versions', url: () => `/api/v1/plans/${hnIds.unitPlan}/versions`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/plans/{id}/export.docx', url: () => `/api/v1/plans/${hnIds.unitPlan}/export.docx`, dn: 404, reporter: 404 },
    { method: 'POST', path: '/api/v1/plans/{id}/derive', url: () => `/api/v1/plans/${hnIds.plan}/derive`, body: () => ({ unitId: hnIds.unit }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/plans/{id}/allocations', url: () => `/api/v1/plans/${hnIds.plan}/allocations`, body: () => ({ targetIndex: 2, allocations: [] }), dn: 404, reporter: 403 },
    { method: 'POST', path: '/api/v1/summary-reports', url: () => '/api/v1/summary-reports', body: () => ({ unitId: hnIds.unit, period: '2024S1' }), dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/summary-reports', url: () => `/api/v1/summary-reports?unitId=${hnIds.unit}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/summary-reports/{id}', url: () => `/api/v1/summary-reports/${hnIds.summary}`, dn: 404, reporter: 404 },
    { method: 'GET', path: '/api/v1/summary-reports/{id}/file.docx', url: () => `/api/v1/summary-reports/${hnIds.summary}/file.docx`, dn: 404, reporter: 404 },
  ];
  const PUBLIC = ['GET /health/live', 'GET /health/ready', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout'];

  it('has a case for every route of the API (a new route without one fails here)', async () => {
    const doc = (await h.request('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...probes.map((p) => `${p.method} ${p.path}`), ...PUBLIC]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  async function hnFingerprint(): Promise<string> {
    const rows = await h.db.query(
      `SELECT (SELECT COUNT(*) FROM org_unit WHERE tenant_id = 2) AS units, (SELECT COALESCE(SUM(CRC32(CONCAT(id, name, COALESCE(parent_id, ''), COALESCE(valid_to, '')))), 0) FROM org_unit WHERE tenant_id = 2) AS units_crc,
              (SELECT COUNT(*) FROM app_user WHERE tenant_id = 2) AS users, (SELECT COALESCE(SUM(CRC32(CONCAT(id, display_name, password_hash, status))), 0) FROM app_user WHERE tenant_id = 2) AS users_crc,
              (SELECT COUNT(*) FROM tenant_indicator WHERE tenant_id = 2) AS indicators, (SELECT GROUP_CONCAT(status) FROM tenant) AS tenants,
              (SELECT COALESCE(SUM(CRC32(CONCAT(id, status, version))), 0) FROM report WHERE tenant_id = 2) AS reports_crc, (SELECT COUNT(*) FROM report_value WHERE tenant_id = 2) AS report_values,
              (SELECT COUNT(*) FROM report_form WHERE tenant_id = 2) AS report_forms, (SELECT COUNT(*) FROM aggregation_outbox WHERE tenant_id = 2) AS outbox,
              (SELECT COALESCE(SUM(CRC32(CONCAT(id, status, current_version, COALESCE(symbol, '')))), 0) FROM plan WHERE tenant_id = 2) AS plans_crc, (SELECT COUNT(*) FROM plan_version WHERE tenant_id = 2) AS plan_versions,
              (SELECT COUNT(*) FROM reporting_obligation WHERE tenant_id = 2) AS obligations, (SELECT COALESCE(SUM(CRC32(CONCAT(id, status, COALESCE(done_on, '')))), 0) FROM plan_activity WHERE tenant_id = 2) AS activities_crc, (SELECT COUNT(*) FROM plan_allocation WHERE tenant_id = 2) AS allocations, (SELECT COALESCE(SUM(last_number), 0) FROM document_number WHERE tenant_id = 2) AS numbers,
              (SELECT COUNT(*) FROM summary_report WHERE tenant_id = 2) AS summaries,
              (SELECT COUNT(*) FROM notification WHERE tenant_id = 2 AND read_at IS NULL) AS unread_notices`,
    );
    return JSON.stringify(rows[0]);
  }

  it.each(['dn', 'reporter'] as const)('as %s: every try on HN ids answers 404 (or 403) and changes nothing in HN', async (who) => {
    const token = who === 'dn' ? dn : reporter;
    const before = await hnFingerprint();
    for (const p of probes) {
      const expected = p[who];
      const upload = p.upload?.();
      const res = await h.request(p.method, p.url(), { token, body: p.body?.(), payload: upload?.payload, headers: upload?.headers });
      if (expected === 'own') {
        expect([200, 201]).toContain(res.status);
        // Whatever it answers is the caller's own tenant's data.
        if (who === 'dn') expect(JSON.stringify(res.body)).not.toContain('Hà Nội');
      } else {
        if (res.status !== expected) throw new Error(`${who} ${p.method} ${p.url()} answered ${res.status}, expected ${expected}: ${JSON.stringify(res.body)}`);
        if (p.path === '/api/v1/org-units/import' && expected === 201) expect(res.body.created).toBe(0);
      }
    }
    expect(await hnFingerprint()).toBe(before);
  });

  it('the tenant comes from the token only: a tenant named in a header, query or body is ignored', async () => {
    const res = await h.request('GET', `/api/v1/org-units/${hnIds.unit}?tenant=HN&tenantId=2`, { token: dn, headers: { 'x-tenant': 'HN', 'x-tenant-id': '2' } });
    expect(res.status).toBe(404);
  });

  it("DN's audit log holds no HN row", async () => {
    const res = await h.request('GET', '/api/v1/audit-log?limit=200', { token: dn });
    expect(res.status).toBe(200);
    const rows: unknown[] = await h.db.query('SELECT id FROM audit_log WHERE tenant_id = 2');
    const hnIdsInLog = new Set(rows.map((r) => String((r as { id: string }).id)));
    expect(res.body.items.filter((a: { id: string }) => hnIdsInLog.has(a.id))).toEqual([]);
  });
});
