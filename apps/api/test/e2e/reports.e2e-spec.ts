import { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import { QUEUES } from '@sen/contracts';
import { recomputeRollups } from '@sen/db';
import { multipart, startHarness, type Harness } from './harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reports on the real bootstrap, database and Redis, over the demo data (QG-6T 2024S1 and QG-NAM 2024 of
 * every current commune; the demo reporter's Cầu Giấy 2024S1 report is an empty draft).
 */
describe('reports (forms, entry, submission, approval, completeness, bulk entry)', () => {
  let h: Harness;
  let admin: string;
  let adminId: string;
  let adminUnit: string;
  let reporter: string;
  let reporterId: string;
  let dn: string;
  let reporterUnit: string;
  let draftId: string;

  const list = async (token: string, query: string) => h.request('GET', `/api/v1/reports?${query}`, { token });
  const outbox = (reportId: string): Promise<{ report_version: number }[]> =>
    h.db.query('SELECT report_version FROM aggregation_outbox WHERE tenant_id = 2 AND report_id = ? ORDER BY id', [reportId]);
  /** Consistent values of a few indicators (rules on indicators not sent are skipped). */
  const valid = (members = 1000, newMembers = 50, women = 1400) => [
    { indicator: 'HOI_VIEN', value: members },
    { indicator: 'HOI_VIEN_MOI', value: newMembers },
    { indicator: 'PHU_NU_TU_18_TUOI', value: women },
    { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', numerator: members, denominator: women },
  ];

  beforeAll(async () => {
    h = await startHarness();
    const a = await h.login('HN', 'admin');
    admin = a.accessToken;
    adminId = a.user.id;
    adminUnit = a.user.unitId;
    const r = await h.login('HN', 'reporter');
    reporter = r.accessToken;
    reporterId = r.user.id;
    reporterUnit = r.user.unitId;
    dn = (await h.login('DN', 'admin')).accessToken;
    const mine = await list(reporter, 'period=2024S1&formCode=QG-6T');
    draftId = mine.body.items[0].id;
  });
  afterAll(() => h.close());

  it('lists reports in the fixed shape, only within the actor\'s subtree', async () => {
    const res = await list(admin, 'period=2024S1&formCode=QG-6T&limit=200');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'total']);
    expect(res.body.total).toBe(126); // one per 2025 commune of Hà Nội
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['deadline', 'formCode', 'id', 'period', 'status', 'unitId']);
    expect(res.body.items[0]).toMatchObject({ period: '2024S1', formCode: 'QG-6T', deadline: '2024-06-13' });
    const statuses = new Set(res.body.items.map((i: { status: string }) => i.status));
    expect([...statuses].sort()).toEqual(['approved', 'draft', 'submitted']);

    const mine = await list(reporter, 'period=2024S1');
    expect(mine.body.items.map((i: { unitId: string; status: string }) => [i.unitId, i.status])).toEqual([[reporterUnit, 'draft']]);
    const filtered = await list(admin, `unitId=${reporterUnit}&formCode=QG-NAM`);
    // The demo's yearly reports of the commune (2023–2025), newest first.
    expect(filtered.body.items.map((i: { period: string }) => i.period)).toEqual(['2025', '2024', '2023']);
    const forms = await h.request('GET', '/api/v1/report-forms', { token: reporter });
    expect(forms.body.items.filter((f: { national: boolean }) => f.national).map((f: { code: string }) => f.code).sort()).toEqual(['QG-6T', 'QG-NAM']);
  });

  it('the reporter saves a draft with an error (saved, issues in Vietnamese), cannot submit it, fixes it, and submits (late)', async () => {
    const detail = await h.request('GET', `/api/v1/reports/${draftId}`, { token: reporter });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'draft', unitName: 'Hội LHPN phường Cầu Giấy', periodLabel: '6 tháng đầu năm 2024', formName: 'Báo cáo 6 tháng (biểu mẫu quốc gia)', values: [], issues: [], version: 0 });
    expect(detail.body.indicators).toHaveLength(47);
    expect(detail.body.indicators[0]).toEqual({ code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum' });

    const saved = await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: valid(1000, 1500), narrative: { 'Kết quả': 'Đang cập nhật' } } });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.values).toContainEqual({ indicator: 'HOI_VIEN_MOI', category: '', value: 1500, numerator: null, denominator: null });
    expect(saved.body.values).toContainEqual({ indicator: 'TY_LE_TAP_HOP_HOI_VIEN', category: '', value: null, numerator: 1000, denominator: 1400 });
    const issue = saved.body.issues.find((i: { rule: string }) => i.rule === 'HOI_VIEN_MOI_KHONG_VUOT_HOI_VIEN');
    expect(issue).toMatchObject({ indicator: 'HOI_VIEN_MOI', severity: 'error' });
    expect(issue.message).toContain('Số hội viên mới kết nạp không được lớn hơn tổng số hội viên');

    const refused = await h.request('POST', `/api/v1/reports/${draftId}/submit`, { token: reporter });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('REPORT_INVALID');
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'values.HOI_VIEN_MOI', reason: expect.stringContaining('Số hội viên mới kết nạp không được lớn hơn') }));

    // Fixed, but now members exceed the women of the area: a warning, which needs an explanation.
    const warned = await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: valid(1500, 50, 1400).filter((v) => v.indicator !== 'TY_LE_TAP_HOP_HOI_VIEN') } });
    expect(warned.body.issues.map((i: { rule: string; severity: string }) => [i.rule, i.severity])).toContainEqual(['HOI_VIEN_KHONG_VUOT_PHU_NU', 'warning']);
    expect(warned.body.issues.some((i: { severity: string }) => i.severity === 'error')).toBe(false);
    const unexplained = await h.request('POST', `/api/v1/reports/${draftId}/submit`, { token: reporter });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.errors.map((e: { field: string }) => e.field)).toContain('values.HOI_VIEN');

    const stale = await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: valid(), version: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('REPORT_VERSION_CONFLICT');

    const fixed = await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: valid(), version: warned.body.version } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.issues).toEqual([]);
    const submitted = await h.request('POST', `/api/v1/reports/${draftId}/submit`, { token: reporter });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: true }); // 2024 deadlines are past
    expect(submitted.body.submittedAt).toEqual(expect.any(String));
    expect((await outbox(draftId)).map((o) => Number(o.report_version))).toEqual([submitted.body.version]);
    // Submitted values are locked until approved or returned.
    expect((await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: valid() } })).body.code).toBe('REPORT_LOCKED');
  });

  it('the reporter cannot approve its own report (403); the city approves (outbox written) and the report is locked (409)', async () => {
    const own = await h.request('POST', `/api/v1/reports/${draftId}/approve`, { token: reporter });
    expect(own.status).toBe(403);
    const approved = await h.request('POST', `/api/v1/reports/${draftId}/approve`, { token: admin });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: adminId });
    expect(approved.body.approvedAt).toEqual(expect.any(String));
    const rows = await outbox(draftId);
    expect(rows).toHaveLength(2);
    expect(Number(rows[1]!.report_version)).toBe(approved.body.version);

    const locked = await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: valid(1001) } });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('REPORT_LOCKED');
    expect((await h.request('POST', `/api/v1/reports/${draftId}/approve`, { token: admin })).status).toBe(409);
  });

  it('reopening (administrators only, audited) and returning with a comment make the report editable again', async () => {
    expect((await h.request('POST', `/api/v1/reports/${draftId}/reopen`, { token: reporter, body: { reason: 'Sửa số liệu' } })).status).toBe(403);
    const reopened = await h.request('POST', `/api/v1/reports/${draftId}/reopen`, { token: admin, body: { reason: 'Đơn vị báo cáo nhầm số hội viên' } });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'returned', returnComment: 'Đơn vị báo cáo nhầm số hội viên', approvedAt: null, approvedBy: null });
    const audit = await h.request('GET', '/api/v1/audit-log?entity=report&limit=50', { token: admin });
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'report.reopen', entityId: draftId, userId: adminId, after: expect.objectContaining({ status: 'returned', reason: 'Đơn vị báo cáo nhầm số hội viên' }) }),
    );

    expect((await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: valid(1010) } })).status).toBe(200);
    expect((await h.request('POST', `/api/v1/reports/${draftId}/submit`, { token: reporter })).status).toBe(200);
    expect((await h.request('POST', `/api/v1/reports/${draftId}/return`, { token: reporter, body: { comment: 'tự trả' } })).status).toBe(403);
    const returned = await h.request('POST', `/api/v1/reports/${draftId}/return`, { token: admin, body: { comment: 'Bổ sung phần đánh giá chung' } });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Bổ sung phần đánh giá chung' });
    const edited = await h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body: { values: [], narrative: { 'Đánh giá chung': 'Hoàn thành các chỉ tiêu' } } });
    expect(edited.status).toBe(200);
    expect(edited.body.narrative).toEqual({ 'Đánh giá chung': 'Hoàn thành các chỉ tiêu' });
    // Every status change wrote its outbox row: submit, approve, reopen, submit, return.
    expect(await outbox(draftId)).toHaveLength(5);
  });

  it('keeps the history of every value: who, old, new', async () => {
    const res = await h.request('GET', `/api/v1/reports/${draftId}/history`, { token: reporter });
    expect(res.status).toBe(200);
    const newMembers = res.body.items.filter((c: { indicator: string }) => c.indicator === 'HOI_VIEN_MOI').reverse();
    expect(newMembers.map((c: { oldValue: unknown; newValue: unknown }) => [c.oldValue, c.newValue])).toEqual([
      [null, { value: 1500 }],
      [{ value: 1500 }, { value: 50 }],
    ]);
    expect(newMembers[0]).toMatchObject({ userId: reporterId, username: 'reporter' });
    const rate = res.body.items.filter((c: { indicator: string }) => c.indicator === 'TY_LE_TAP_HOP_HOI_VIEN').reverse();
    expect(rate[0].newValue).toEqual({ numerator: 1000, denominator: 1400 });
  });

  it('two concurrent approvals of the same report: exactly one succeeds, the other gets 409', async () => {
    const submitted = await list(admin, 'period=2024S1&formCode=QG-6T&status=submitted');
    const id = submitted.body.items.find((i: { unitId: string }) => i.unitId !== reporterUnit).id;
    const before = (await outbox(id)).length;
    const results = await Promise.all([1, 2, 3].map(() => h.request('POST', `/api/v1/reports/${id}/approve`, { token: admin })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await outbox(id)).length).toBe(before + 1);
  });

  it('an action that takes no body accepts an empty JSON body; malformed JSON still answers 400', async () => {
    const submitted = await list(admin, 'period=2024S1&formCode=QG-6T&status=submitted');
    const id = submitted.body.items.find((i: { unitId: string }) => i.unitId !== reporterUnit).id;
    const json = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const malformed = await h.request('POST', `/api/v1/reports/${id}/approve`, { headers: json, payload: '{"a":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, message: expect.any(String), messageEn: expect.any(String) });
    const empty = await h.request('POST', `/api/v1/reports/${id}/approve`, { headers: json, payload: '' });
    expect(empty.status).toBe(200);
    expect(empty.body.status).toBe('approved');
    // A route that needs a body names what is missing.
    const noComment = await h.request('POST', `/api/v1/reports/${id}/reopen`, { headers: json, payload: '' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors).toEqual([{ field: 'body.reason', reason: 'bắt buộc phải có', reasonEn: 'is required' }]);
  });

  it('another tenant and a reporter outside the subtree get 404 on report ids', async () => {
    const other = (await list(admin, 'period=2024S1&formCode=QG-6T&limit=5')).body.items.find((i: { unitId: string }) => i.unitId !== reporterUnit).id;
    for (const [token, id] of [[dn, draftId], [dn, other], [reporter, other]] as const) {
      expect((await h.request('GET', `/api/v1/reports/${id}`, { token })).status).toBe(404);
      expect((await h.request('GET', `/api/v1/reports/${id}/history`, { token })).status).toBe(404);
      expect((await h.request('PUT', `/api/v1/reports/${id}/values`, { token, body: { values: valid() } })).status).toBe(404);
      expect((await h.request('POST', `/api/v1/reports/${id}/submit`, { token })).status).toBe(404);
    }
    expect((await h.request('POST', `/api/v1/reports/${other}/approve`, { token: dn })).status).toBe(404);
    expect((await list(reporter, `unitId=${adminUnit}`)).status).toBe(404); // the city is above the reporter's commune
    expect((await list(dn, `unitId=${reporterUnit}`)).status).toBe(404);
    // DN sees its own reports only.
    const dnList = await list(dn, 'period=2024S1&formCode=QG-6T&limit=200');
    expect(dnList.body.total).toBeGreaterThan(90);
    expect(dnList.body.items.some((i: { id: string }) => i.id === draftId)).toBe(false);
  });

  it('bad bodies and queries answer 400 naming the fields, never 500', async () => {
    const put = (body: unknown) => h.request('PUT', `/api/v1/reports/${draftId}/values`, { token: reporter, body });
    const fields = (res: { body: { errors: { field: string }[] } }) => res.body.errors.map((e) => e.field);
    const wrongType = await put({ values: [{ indicator: 'HOI_VIEN', value: 'nhiều' }] });
    expect(wrongType.status).toBe(400);
    expect(fields(wrongType)).toEqual(['body.values.0.value']);
    // A value of the wrong type is not "missing".
    expect(wrongType.body.errors[0]).toMatchObject({ reason: 'sai kiểu dữ liệu: cần số, nhận chuỗi ký tự', reasonEn: 'wrong type: expected a number, got a string' });
    const ratioParts = await put({ values: [{ indicator: 'TY_LE_TAP_HOP_HOI_VIEN', numerator: 5 }] });
    expect(fields(ratioParts)).toEqual(['body.values.0.denominator']);
    const unknown = await put({ values: [{ indicator: 'HOI_VIEN', value: 1 }, { indicator: 'KHONG_CO', value: 1 }] });
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toEqual(['values.1.indicator']);
    const percentage = await put({ values: [{ indicator: 'TY_LE_TAP_HOP_HOI_VIEN', value: 71 }] });
    expect(fields(percentage)).toEqual(['values.0']);
    expect(percentage.body.errors[0].reason).toContain('tử số và mẫu số');
    const extra = await put({ values: [], hacker: true });
    expect(extra.status).toBe(400);
    expect(fields(extra)).toEqual(['body.hacker']);
    expect(fields(await put({}))).toEqual(['body.values']);
    expect(fields(await list(admin, 'period=2024H1'))).toEqual(['query.period']);
    expect(fields(await h.request('POST', `/api/v1/reports/${draftId}/return`, { token: admin, body: {} }))).toEqual(['body.comment']);
    expect((await h.request('GET', '/api/v1/reports/abc', { token: admin })).status).toBe(400);
    const completeness = await h.request('GET', '/api/v1/reports/completeness?period=2024&formCode=QG-6T', { token: admin });
    expect(completeness.status).toBe(400);
    expect(fields(completeness)).toEqual(['period']);
  });

  it('completeness of HN 2024S1 adds up: expected = approved + submitted-not-approved + missing', async () => {
    const res = await h.request('GET', '/api/v1/reports/completeness?period=2024S1&formCode=QG-6T', { token: admin });
    expect(res.status).toBe(200);
    const { overall, levels, children, missing } = res.body;
    expect(overall.expected).toBe(126);
    expect(overall.expected).toBe(overall.approved + (overall.submitted - overall.approved) + missing.length);
    const count = async (status: string) => (await list(admin, `period=2024S1&formCode=QG-6T&status=${status}`)).body.total;
    expect(overall.approved).toBe(await count('approved'));
    expect(overall.submitted).toBe((await count('approved')) + (await count('submitted')));
    expect(missing.length).toBe((await count('draft')) + (await count('returned')));
    expect(overall.late).toBeGreaterThan(0);
    expect(overall.late).toBeLessThanOrEqual(overall.submitted);
    expect(levels).toEqual([{ level: 'grassroots', ...overall }]);
    expect(children.reduce((s: number, c: { expected: number }) => s + c.expected, 0)).toBe(126);
    expect(Object.keys(missing[0]).sort()).toEqual(['contactEmail', 'contactName', 'contactPhone', 'id', 'name', 'parentName', 'reportId', 'status']);
    expect(missing[0].parentName).toBe('Hội LHPN thành phố Hà Nội');
    // The demo communes have a contact on record (a few have none): who to call, straight from the list.
    const withContact = missing.filter((m: { contactName: string | null }) => m.contactName);
    expect(withContact.length).toBeGreaterThan(missing.length / 2);
    expect(withContact[0]).toMatchObject({ contactName: expect.stringMatching(/^\p{Lu}\p{Ll}+ /u), contactPhone: expect.stringMatching(/^0\d{2} \d{3} \d{4}$/), contactEmail: expect.stringMatching(/@example\.org$/) });
    // The reporter's report was returned above: it is missing.
    expect(missing.map((m: { id: string }) => m.id)).toContain(reporterUnit);
    // The reporter sees its own unit only.
    const own = await h.request('GET', '/api/v1/reports/completeness?period=2024S1&formCode=QG-6T', { token: reporter });
    expect(own.body.overall.expected).toBe(1);
  });

  it('bulk entry by the city for its communes: all rows or nothing, errors naming the row', async () => {
    const drafts = (await list(admin, 'period=2024S1&formCode=QG-6T&status=draft&limit=200')).body.items.filter((i: { unitId: string }) => i.unitId !== reporterUnit);
    const [a, b, c] = drafts as { id: string; unitId: string }[];
    expect(c).toBeDefined();
    expect((await h.request('PUT', '/api/v1/reports/bulk-values', { token: reporter, body: { period: '2024S1', formCode: 'QG-6T', rows: [{ unitId: reporterUnit, values: valid() }] } })).status).toBe(403);

    const ok = await h.request('PUT', '/api/v1/reports/bulk-values', {
      token: admin,
      body: { period: '2024S1', formCode: 'QG-6T', rows: [{ unitId: a!.unitId, values: valid(900, 40, 1200) }, { unitId: b!.unitId, values: valid(2000, 3000, 2500) }] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.saved).toBe(2);
    const byUnit = Object.fromEntries(ok.body.reports.map((r: { unitId: string }) => [r.unitId, r]));
    expect(byUnit[a!.unitId]).toMatchObject({ reportId: a!.id, version: 1, errors: 0 });
    expect(byUnit[b!.unitId].errors).toBe(1); // new members > members: saved as a draft with an error
    // …named at its indicator, in Vietnamese, so that the grid shows it at the cell.
    expect(byUnit[b!.unitId].issues).toContainEqual(expect.objectContaining({ indicator: 'HOI_VIEN_MOI', severity: 'error', message: expect.stringContaining('không được lớn hơn') }));
    const history = await h.request('GET', `/api/v1/reports/${a!.id}/history`, { token: admin });
    expect(history.body.items.find((i: { indicator: string }) => i.indicator === 'HOI_VIEN')).toMatchObject({ newValue: { value: 900 }, username: 'admin' });

    const bad = await h.request('PUT', '/api/v1/reports/bulk-values', {
      token: admin,
      body: { period: '2024S1', formCode: 'QG-6T', rows: [{ unitId: c!.unitId, values: valid() }, { unitId: a!.unitId, values: [{ indicator: 'KHONG_CO', value: 1 }] }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows.1.values.0.indicator']);
    const untouched = await h.request('GET', `/api/v1/reports/${c!.id}`, { token: admin });
    expect(untouched.body).toMatchObject({ version: 0, values: [] });
    // The city cannot enter values for itself, and a locked report is refused, naming the row.
    const approvedOne = (await list(admin, 'period=2024S1&formCode=QG-6T&status=approved&limit=1')).body.items[0];
    const locked = await h.request('PUT', '/api/v1/reports/bulk-values', { token: admin, body: { period: '2024S1', formCode: 'QG-6T', rows: [{ unitId: c!.unitId, values: valid() }, { unitId: approvedOne.unitId, values: valid() }] } });
    expect(locked.status).toBe(400);
    expect(locked.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows.1.unitId']);
  });

  it('bulk import from XLSX: a formula cell is refused naming the row; a clean file is saved', async () => {
    const drafts = (await list(admin, 'period=2024S1&formCode=QG-6T&status=draft&limit=200')).body.items.filter((i: { unitId: string }) => i.unitId !== reporterUnit);
    const codes: string[] = [];
    for (const d of drafts.slice(-2)) codes.push((await h.request('GET', `/api/v1/org-units/${d.unitId}`, { token: admin })).body.code);
    const book = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Số liệu');
      ws.addRow(['Mã đơn vị', 'HOI_VIEN', 'HOI_VIEN_MOI', 'TY_LE_TAP_HOP_HOI_VIEN.numerator', 'TY_LE_TAP_HOP_HOI_VIEN.denominator']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (content: Buffer) => {
      const m = multipart('so-lieu.xlsx', content, XLSX);
      return h.request('POST', '/api/v1/reports/bulk-values/import?period=2024S1&formCode=QG-6T', { token: admin, payload: m.payload, headers: m.headers });
    };
    const formula = await upload(await book([[codes[0], 1200, 30, 1200, 1500], [codes[1], '=1+1', 5, 800, 900]]));
    expect(formula.status).toBe(400);
    expect(formula.body.errors).toEqual([expect.objectContaining({ field: 'rows.3.HOI_VIEN', reason: expect.stringContaining('dòng 3') })]);
    const realFormula = await upload(await book([[codes[0], { formula: 'B3*2', result: 2 }, 30, 1200, 1500]]));
    expect(realFormula.body.errors[0].field).toBe('rows.2.HOI_VIEN');
    const wrongCode = await upload(await book([['KHONG-CO', 1, 1, 1, 1]]));
    expect(wrongCode.body.errors[0].field).toBe('rows.2.unitCode');

    const clean = await upload(await book([[codes[0], 1200, 30, 1200, 1500], [codes[1], '2.500', 70, 2500, 3000]]));
    expect(clean.status).toBe(200);
    expect(clean.body.saved).toBe(2);
    const saved = await h.request('GET', `/api/v1/reports/${drafts[drafts.length - 1].id}`, { token: admin });
    expect(saved.body.values).toContainEqual({ indicator: 'HOI_VIEN', category: '', value: 2500, numerator: null, denominator: null });
    expect(saved.body.values).toContainEqual({ indicator: 'TY_LE_TAP_HOP_HOI_VIEN', category: '', value: null, numerator: 2500, denominator: 3000 });
  });

  it('report forms: a tenant adds its own (admins only) and creates a period\'s drafts idempotently, with deadlines per period', async () => {
    const body = { code: 'HN-QUY-E2E', name: 'Báo cáo quý hội viên', periodKind: 'quarter', indicatorCodes: ['HOI_VIEN', 'HOI_VIEN_MOI'], deadlineRule: { day: 15, month: 4 }, reportingLevel: 'grassroots' };
    expect((await h.request('POST', '/api/v1/report-forms', { token: reporter, body })).status).toBe(403);
    const bad = await h.request('POST', '/api/v1/report-forms', { token: admin, body: { ...body, indicatorCodes: ['HOI_VIEN', 'KHONG_CO'], reportingLevel: 'commune' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['indicatorCodes.1', 'reportingLevel']);
    const malformed = await h.request('POST', '/api/v1/report-forms', { token: admin, body: { ...body, periodKind: 'week', code: 'x' } });
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.code', 'body.periodKind']);
    const created = await h.request('POST', '/api/v1/report-forms', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'HN-QUY-E2E', national: false, periodKind: 'quarter' });
    expect((await h.request('POST', '/api/v1/report-forms', { token: admin, body })).status).toBe(409);

    const url = `/api/v1/report-forms/${created.body.id}/instances`;
    expect((await h.request('POST', url, { token: reporter, body: { period: '2025Q3' } })).status).toBe(403);
    const wrongKind = await h.request('POST', url, { token: admin, body: { period: '2025S2' } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].field).toBe('period');
    // Q3 2025: the 126 communes of the 2025 reform (valid from 01/07/2025); the former ones closed on 30/06/2025.
    const first = await h.request('POST', url, { token: admin, body: { period: '2025Q3' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ created: 126, existing: 0, deadline: '2025-10-15' });
    const again = await h.request('POST', url, { token: admin, body: { period: '2025Q3' } });
    expect(again.body).toEqual({ created: 0, existing: 126, deadline: '2025-10-15' });
    const drafts = await list(admin, 'period=2025Q3&formCode=HN-QUY-E2E&limit=1');
    expect(drafts.body).toMatchObject({ total: 126, items: [{ status: 'draft', deadline: '2025-10-15' }] });
    // Q1 2025 is reported by the units valid then: the 526 former communes. Q4 is due in January of the next year.
    const old = await h.request('POST', url, { token: admin, body: { period: '2025Q1' } });
    expect(old.body).toEqual({ created: 526, existing: 0, deadline: '2025-04-15' });
    expect((await h.request('POST', url, { token: admin, body: { period: '2025Q4' } })).body.deadline).toBe('2026-01-15');
  });
  it('the bulk-entry grid lists the child units the caller manages with their values; the template round-trips', async () => {
    expect((await h.request('GET', '/api/v1/reports/bulk-values?period=2024S1&formCode=QG-6T', { token: reporter })).status).toBe(403);
    const wrongKind = await h.request('GET', '/api/v1/reports/bulk-values?period=2024&formCode=QG-6T', { token: admin });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].field).toBe('period');
    const grid = await h.request('GET', '/api/v1/reports/bulk-values?period=2024S1&formCode=QG-6T', { token: admin });
    expect(grid.status).toBe(200);
    expect(grid.body).toMatchObject({ period: '2024S1', periodLabel: '6 tháng đầu năm 2024', formCode: 'QG-6T' });
    expect(grid.body.indicators).toHaveLength(47);
    expect(grid.body.rows).toHaveLength(126); // every 2025 commune of the city, none twice, not the city itself
    expect(grid.body.rows.some((r: { unitId: string }) => r.unitId === adminUnit)).toBe(false);
    const approved = grid.body.rows.find((r: { status: string }) => r.status === 'approved');
    const detail = await h.request('GET', `/api/v1/reports/${approved.reportId}`, { token: admin });
    expect(approved).toMatchObject({ unitName: detail.body.unitName, version: detail.body.version, parentName: 'Hội LHPN thành phố Hà Nội' });
    expect(approved.values).toEqual(detail.body.values);

    const file = await h.request('GET', '/api/v1/reports/bulk-values/template.xlsx?period=2024S1&formCode=QG-6T', { token: admin });
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('so-lieu-QG-6T-2024S1.xlsx');
    const raw = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/v1/reports/bulk-values/template.xlsx?period=2024S1&formCode=QG-6T', headers: { authorization: `Bearer ${admin}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'HOI_VIEN']);
    expect(header).toContain('TY_LE_TAP_HOP_HOI_VIEN.numerator');
    // Only the open reports (draft, returned) are rows to fill in.
    const open = grid.body.rows.filter((r: { status: string }) => r.status === 'draft' || r.status === 'returned');
    expect(ws.rowCount - 1).toBe(open.filter((r: { unitCode: string | null }) => r.unitCode).length);
    // Filled in and sent back as it is: saved (the name column is skipped).
    const target = open.find((r: { values: unknown[]; unitCode: string | null }) => r.values.length === 0 && r.unitCode);
    ws.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).value !== target.unitCode) return;
      row.getCell(3).value = 1800; // HOI_VIEN
    });
    const m = multipart('mau.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    const uploaded = await h.request('POST', '/api/v1/reports/bulk-values/import?period=2024S1&formCode=QG-6T', { token: admin, payload: m.payload, headers: m.headers });
    expect(uploaded.status).toBe(200);
    const after = await h.request('GET', `/api/v1/reports/${target.reportId}`, { token: admin });
    expect(after.body.values).toContainEqual({ indicator: 'HOI_VIEN', category: '', value: 1800, numerator: null, denominator: null });
  });

  it('the report forms come with the tenant (onboarding), and reading them writes nothing', async () => {
    const tw = (await h.login('TW', 'admin')).accessToken;
    const created = await h.request('POST', '/api/v1/tenants', {
      token: tw,
      body: {
        code: 'RF',
        name: 'Hội LHPN tỉnh Thử biểu mẫu',
        levels: [{ code: 'province', name: 'Tỉnh' }, { code: 'grassroots', name: 'Xã, phường' }],
        rootUnit: { name: 'Hội LHPN tỉnh Thử biểu mẫu' },
        admin: { username: 'admin', displayName: 'Quản trị thử', password: 'thu-bieu-mau-2025' },
      },
    });
    expect(created.status).toBe(201);
    const tenantId = created.body.tenant.id;
    const rows = async () => (await h.db.query('SELECT code FROM report_form WHERE tenant_id = ? ORDER BY code', [tenantId])).map((r: { code: string }) => r.code);
    expect(await rows()).toEqual(['QG-6T', 'QG-NAM']);
    const rf = (await h.login('RF', 'admin', 'thu-bieu-mau-2025')).accessToken;
    expect((await h.request('GET', '/api/v1/report-forms', { token: rf })).body.items.map((f: { code: string }) => f.code)).toEqual(['QG-6T', 'QG-NAM']);
    await h.db.query('DELETE FROM report_form WHERE tenant_id = ?', [tenantId]);
    expect((await h.request('GET', '/api/v1/report-forms', { token: rf })).body).toEqual({ items: [], total: 0 });
    expect(await rows()).toEqual([]);
  });

  it('countSubmitted: administrators only; switching it on recomputes every period, after which a submitted report counts', async () => {
    const url = '/api/v1/tenants/current/settings';
    expect((await h.request('GET', url, { token: dn })).body).toEqual({ countSubmitted: false });
    expect((await h.request('GET', url, { token: reporter })).status).toBe(403);
    expect((await h.request('PUT', url, { token: reporter, body: { countSubmitted: true } })).status).toBe(403);
    const bad = await h.request('PUT', url, { token: dn, body: { countSubmitted: 'có' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.countSubmitted']);

    // A submitted DN report does not count while only approved ones do.
    const submitted = (await list(dn, 'period=2024S1&formCode=QG-6T&status=submitted&limit=1')).body.items[0];
    const members = (await h.request('GET', `/api/v1/reports/${submitted.id}`, { token: dn })).body.values.find((v: { indicator: string }) => v.indicator === 'HOI_VIEN').value;
    const rollup = async () => (await h.request('GET', `/api/v1/rollups?indicator=HOI_VIEN&period=2024S1&unitId=${submitted.unitId}`, { token: dn })).body;
    expect((await rollup()).value).toBeNull();

    const redis = new URL(h.config.REDIS_URL);
    const queue = new Queue(QUEUES.aggregation, { prefix: h.config.QUEUE_PREFIX, connection: { host: redis.hostname, port: Number(redis.port || 6379), password: redis.password || undefined } });
    /** Runs the enqueued recompute jobs as the worker does. */
    const runJobs = async (jobs: { period: string; jobId: string }[]) => {
      for (const j of jobs) {
        const job = await queue.getJob(j.jobId);
        expect(job?.data).toEqual({ tenantId: '3', period: j.period });
        await recomputeRollups(h.db, job!.data as { tenantId: string; period: string });
      }
    };
    try {
      const on = await h.request('PUT', url, { token: dn, body: { countSubmitted: true } });
      expect(on.status).toBe(200);
      expect(on.body.countSubmitted).toBe(true);
      expect(on.body.recompute.map((r: { period: string }) => r.period)).toEqual(expect.arrayContaining(['2024', '2024S1']));
      await runJobs(on.body.recompute);
      expect(await rollup()).toMatchObject({ value: members, unitsReporting: 1 });
      expect((await h.request('GET', url, { token: dn })).body).toEqual({ countSubmitted: true });
      const audit = await h.request('GET', '/api/v1/audit-log?entity=tenant&limit=20', { token: dn });
      expect(audit.body.items).toContainEqual(expect.objectContaining({ action: 'tenant.settings', before: { countSubmitted: false }, after: { countSubmitted: true } }));
      // The same value again changes nothing and recomputes nothing.
      expect((await h.request('PUT', url, { token: dn, body: { countSubmitted: true } })).body.recompute).toEqual([]);
    } finally {
      const off = await h.request('PUT', url, { token: dn, body: { countSubmitted: false } });
      await runJobs(off.body.recompute);
      await queue.close();
    }
    expect((await rollup()).value).toBeNull();
  });
  it('a unit\'s contact is set through the unit API and shown in the list of units that have not reported', async () => {
    const missing = (await h.request('GET', '/api/v1/reports/completeness?period=2024S1&formCode=QG-6T', { token: admin })).body.missing;
    const unit = missing.find((m: { id: string }) => m.id !== reporterUnit);
    const url = `/api/v1/org-units/${unit.id}`;
    const bad = await h.request('PATCH', url, { token: admin, body: { contactPhone: 'gọi sau', contactEmail: 'khong-phai-email' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.contactEmail', 'body.contactPhone']);
    const contact = { contactName: 'Nguyễn Thị Thu Hà', contactPhone: '0912 345 678', contactEmail: 'thuha@example.org' };
    const saved = await h.request('PATCH', url, { token: admin, body: contact });
    expect(saved.status).toBe(200);
    expect((await h.request('GET', url, { token: admin })).body).toMatchObject(contact);
    const after = (await h.request('GET', '/api/v1/reports/completeness?period=2024S1&formCode=QG-6T', { token: admin })).body.missing;
    expect(after.find((m: { id: string }) => m.id === unit.id)).toMatchObject({ ...contact, parentName: 'Hội LHPN thành phố Hà Nội' });
    // Cleared with null.
    await h.request('PATCH', url, { token: admin, body: { contactEmail: null } });
    expect((await h.request('GET', url, { token: admin })).body).toMatchObject({ contactName: contact.contactName, contactEmail: null });
  });
});
