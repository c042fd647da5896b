import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportPlanDocx, importPlanText, type ImportedPlan } from '@sen/plans';
import { NATIONAL_INDICATORS } from '@sen/indicators';
import { planSeedsDir } from '../../src/seed/demo-plans';
import { multipart, startHarness, type Harness } from './harness';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONTRACT_KEYS = [
  'activities',
  'assignments',
  'fundingSources',
  'issuedOn',
  'legalBases',
  'number',
  'place',
  'purposes',
  'recipients',
  'reportingObligations',
  'sections',
  'signatory',
  'targets',
  'title',
];

describe('plans (import, drafts, issue with numbers, versions, export, calendar, obligations, cascade)', () => {
  let h: Harness;
  let hn: string;
  let dn: string;
  let reporter: string;
  let hnRoot: string;
  let reporterUnit: string;
  let otherCommune: string;
  const seeds: { file: string; text: string }[] = [];
  const seedPlanIds: Record<string, string> = {};

  const seedText = (prefix: string): string => seeds.find((s) => s.file.startsWith(prefix))!.text;
  const importText = (text: string, token = hn) => h.request('POST', '/api/v1/plans/import', { token, body: { text } });
  const save = (plan: unknown, token = hn, unitId?: string) => h.request('POST', '/api/v1/plans', { token, body: { plan, ...(unitId ? { unitId } : {}) } });
  const transition = (id: string, to: string, token = hn) => h.request('POST', `/api/v1/plans/${id}/transition`, { token, body: { to } });
  /** A draft without number nor date (so issuing allocates one this year). */
  async function unnumberedDraft(prefix = '000', title?: string): Promise<string> {
    const { plan } = importPlanText(seedText(prefix));
    const res = await save({ ...plan, number: null, issuedOn: null, title: title ?? plan.title });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  async function counter(tenantId: string, year: number): Promise<number> {
    const rows: { last_number: number }[] = await h.db.query(`SELECT last_number FROM document_number WHERE tenant_id = ? AND issuing_body = 'BTV' AND kind = 'KH' AND year = ?`, [tenantId, year]);
    return Number(rows[0]?.last_number ?? 0);
  }

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.login('HN', 'admin');
    hn = admin.accessToken;
    hnRoot = admin.user.unitId;
    dn = (await h.login('DN', 'admin')).accessToken;
    const rep = await h.login('HN', 'reporter');
    reporter = rep.accessToken;
    reporterUnit = rep.user.unitId;
    const hk = await h.request('GET', '/api/v1/org-units?q=hoan%20kiem&level=grassroots', { token: hn });
    otherCommune = hk.body.items.find((u: { id: string }) => u.id !== reporterUnit).id;
    const dir = planSeedsDir();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) seeds.push({ file, text: readFileSync(join(dir, file), 'utf8') });
    const list = await h.request('GET', '/api/v1/plans?year=2024&status=issued&limit=200', { token: hn });
    // The demo's issued seeds (their own dates): 31, 26, 60, 13/KH-BTV of 2024.
    for (const p of list.body.items) if (p.symbol && p.issuedOn?.startsWith('2024-')) seedPlanIds[p.symbol] ??= p.id;
  });
  afterAll(() => h.close());

  describe('import (POST /api/v1/plans/import)', () => {
    it('imports each seed from JSON text: exactly {plan, warnings}, the importer’s own answer', async () => {
      expect(seeds).toHaveLength(5);
      for (const s of seeds) {
        const res = await importText(s.text);
        expect(res.status).toBe(200);
        expect(Object.keys(res.body).sort()).toEqual(['plan', 'warnings']);
        expect(Object.keys(res.body.plan)).toEqual(expect.arrayContaining(CONTRACT_KEYS));
        expect(res.body).toEqual(JSON.parse(JSON.stringify(importPlanText(s.text))));
      }
      const r0 = (await importText(seedText('000'))).body.plan;
      expect([r0.number, r0.issuedOn, r0.targets.length, r0.activities.length]).toEqual(['31/KH-BTV', '2024-02-07', 3, 9]);
      // The four city events are the dated activities, each in its month of 2024.
      const dated = (r0.activities as { name: string; time: { from: string | null } }[]).filter((a) => a.time.from);
      expect(dated.map((a) => a.time.from)).toEqual(['2024-03-01', '2024-04-01', '2024-10-01', '2024-10-01']);
      expect((await importText(seedText('003'))).body.plan.number).toBeNull();
    });

    it('imports each seed as a multipart .txt file, the same as the text', async () => {
      for (const s of seeds) {
        const upload = multipart(s.file, s.text, 'text/plain');
        const res = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: upload.payload, headers: upload.headers });
        expect(res.status).toBe(200);
        expect(Object.keys(res.body).sort()).toEqual(['plan', 'warnings']);
        expect(res.body).toEqual(JSON.parse(JSON.stringify(importPlanText(s.text))));
      }
    });

    it('imports Markdown (.md) and UTF-16 text files', async () => {
      const md = multipart('ke-hoach.md', seedText('002'), 'text/markdown');
      const mdRes = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: md.payload, headers: md.headers });
      expect(mdRes.status).toBe(200);
      expect(mdRes.body.plan.number).toBe('60/KH-BTV');
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText('004'), 'utf16le')]);
      const u = multipart('ke-hoach.txt', utf16, 'text/plain');
      const uRes = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: u.payload, headers: u.headers });
      expect(uRes.status).toBe(200);
      expect(uRes.body.plan.number).toBe('13/KH-BTV');
    });

    it('imports a .docx made by exportPlanDocx (Word round trip through the API)', async () => {
      for (const prefix of ['000', '004']) {
        const original = importPlanText(seedText(prefix)).plan;
        const docx = await exportPlanDocx(original);
        const upload = multipart('ke-hoach.docx', docx, DOCX);
        const res = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: upload.payload, headers: upload.headers });
        expect(res.status).toBe(200);
        expect(Object.keys(res.body).sort()).toEqual(['plan', 'warnings']);
        const back = res.body.plan as ImportedPlan;
        expect([back.number, back.issuedOn, back.title]).toEqual([original.number, original.issuedOn, original.title]);
        expect(back.targets.map((t) => [t.value, t.unit])).toEqual(original.targets.map((t) => [t.value, t.unit]));
        expect(back.activities.map((a) => a.time)).toEqual(original.activities.map((a) => a.time));
        expect(back.reportingObligations).toEqual(original.reportingObligations);
      }
    });

    it('is fast: a 20-page plan imports in well under a second', async () => {
      // About 20 pages of A4 text (~2,700 characters a page): 003 followed by the bodies of the other seeds.
      const body = (prefix: string) => seedText(prefix).split('\n').slice(12).join('\n');
      const text = [seedText('003'), body('001'), body('000'), body('004'), body('002')].join('\n');
      expect(text.length).toBeGreaterThan(54_000);
      const started = Date.now();
      const res = await importText(text);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('refuses empty text (400 naming text), a missing text, a .pdf and a broken .docx (400 naming file)', async () => {
      const empty = await importText('   \n ');
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('PLAN_IMPORT_FAILED');
      expect(empty.body.errors[0]).toMatchObject({ field: 'text', reason: expect.stringMatching(/rỗng/) });
      const missing = await h.request('POST', '/api/v1/plans/import', { token: hn, body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('text');
      const wrongType = await h.request('POST', '/api/v1/plans/import', { token: hn, body: { text: 42 } });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.errors[0].field).toBe('text');

      const pdf = multipart('ke-hoach.pdf', Buffer.from('%PDF-1.4 fake'), 'application/pdf');
      const pdfRes = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: pdf.payload, headers: pdf.headers });
      expect(pdfRes.status).toBe(400);
      expect(pdfRes.body.errors[0].field).toBe('file');
      const broken = multipart('ke-hoach.docx', Buffer.from('this is not a zip file'), DOCX);
      const brokenRes = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: broken.payload, headers: broken.headers });
      expect(brokenRes.status).toBe(400);
      expect(brokenRes.body.code).toBe('PLAN_IMPORT_FAILED');
      expect(brokenRes.body.errors[0]).toMatchObject({ field: 'file', reason: expect.stringMatching(/docx/) });
      const emptyFile = multipart('ke-hoach.txt', Buffer.alloc(0), 'text/plain');
      const emptyRes = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: emptyFile.payload, headers: emptyFile.headers });
      expect(emptyRes.status).toBe(400);
      expect(emptyRes.body.errors[0].field).toBe('file');
    });

    it('suggests indicators for targets in a separate endpoint', async () => {
      const { plan } = importPlanText(seedText('000'));
      const res = await h.request('POST', '/api/v1/plans/suggest-links', { token: hn, body: { targets: plan.targets } });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body[0]).sort()).toEqual(['code', 'confidence', 'targetIndex']);
      const best = (i: number) => res.body.find((l: { targetIndex: number }) => l.targetIndex === i)?.code;
      expect(best(0)).toBe('TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN');
      expect(best(2)).toBe('CHUONG_TRINH_SU_KIEN');
      const bad = await h.request('POST', '/api/v1/plans/suggest-links', { token: hn, body: { targets: [{ unit: 'hộ' }] } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('body.targets.0.text');
    });
  });

  describe('drafts (POST, GET, PUT /api/v1/plans)', () => {
    it('saves the imported plan as it is as a draft with an id (wrapped or flat), and reads it back', async () => {
      const imported = (await importText(seedText('001'))).body;
      const res = await save(imported.plan);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'draft', symbol: '26/KH-BTV', number: 26, year: 2024, unitId: hnRoot, currentVersion: 1, editable: true, canWrite: true });
      expect(res.body.content).toEqual(imported.plan);
      expect(res.body.allowedTransitions).toEqual(['in_review']);
      const whole = await h.request('POST', '/api/v1/plans', { token: hn, body: imported }); // the import answer itself
      expect(whole.status).toBe(201);
      const flat = await h.request('POST', '/api/v1/plans', { token: hn, body: { ...imported.plan, unitId: hnRoot } });
      expect(flat.status).toBe(201);
      const got = await h.request('GET', `/api/v1/plans/${res.body.id}`, { token: hn });
      expect(got.status).toBe(200);
      expect(got.body.content).toEqual(imported.plan);
    });

    it('stores the plan without unknown top-level keys, keeping the extras of its parts', async () => {
      const { plan } = importPlanText(seedText('002'));
      const res = await save({ ...plan, foo: 1, targets: plan.targets.map((t) => ({ ...t, indicatorCode: 'HOI_VIEN' })) });
      expect(res.status).toBe(201);
      expect(res.body.content.foo).toBeUndefined();
      const stored: { content: unknown }[] = await h.db.query('SELECT content FROM plan WHERE id = ?', [res.body.id]);
      const content = (typeof stored[0]!.content === 'string' ? JSON.parse(stored[0]!.content) : stored[0]!.content) as Record<string, unknown>;
      expect('foo' in content).toBe(false);
      expect((content.targets as { indicatorCode?: string }[]).every((t) => t.indicatorCode === 'HOI_VIEN')).toBe(true);
      const wrongText = await h.request('POST', '/api/v1/plans/import', { token: hn, body: { text: 5 } });
      expect(wrongText.status).toBe(400);
      expect(wrongText.body.errors[0]).toMatchObject({ field: 'text', reasonEn: 'must be text (a string holding the plan)' });
      const missing = await h.request('POST', '/api/v1/plans/import', { token: hn, body: {} });
      expect(missing.body.errors[0]).toMatchObject({ field: 'text', reasonEn: 'is required' });
    });

    it('refuses bad bodies with 400 naming the fields', async () => {
      const res = await h.request('POST', '/api/v1/plans', { token: hn, body: { plan: { title: 5, targets: 'x', activities: [{ name: 'a', time: { from: '2024-13' } }] }, unitId: 'abc' } });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['body.plan.title', 'body.plan.targets', 'body.plan.activities.0.time.from', 'body.unitId']));
      const symbol = await save({ ...importPlanText(seedText('000')).plan, number: 'không phải số' });
      expect(symbol.status).toBe(400);
      expect(symbol.body.errors[0].field).toBe('plan.number');
      const deadline = await save({ ...importPlanText(seedText('004')).plan, reportingObligations: [{ periodKind: 'half', deadline: '31/13', reportTo: null }] });
      expect(deadline.status).toBe(400);
      expect(deadline.body.errors[0].field).toBe('body.plan.reportingObligations.0.deadline');
      const badDate = await save({ ...importPlanText(seedText('004')).plan, issuedOn: '2024-02-30' });
      expect(badDate.status).toBe(400);
      expect(badDate.body.errors[0].field).toBe('body.plan.issuedOn');
      const tooMuch = await h.request('POST', `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/allocations`, { token: hn, body: { targetIndex: 2, allocations: [{ unitId: hnRoot, value: 1e300 }] } });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.errors[0].field).toBe('body.allocations.0.value');
      const transitionBad = await h.request('POST', `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/transition`, { token: hn, body: { to: 'superseded' } });
      expect(transitionBad.status).toBe(400);
      expect(transitionBad.body.errors[0].field).toBe('body.to');
    });

    it('edits a draft: each change is a new version with its diff; a stale version answers 409', async () => {
      const id = await unnumberedDraft('004');
      const got = (await h.request('GET', `/api/v1/plans/${id}`, { token: hn })).body;
      const edited = structuredClone(got.content);
      edited.targets[2].value = 20;
      edited.title = `${edited.title} (sửa)`;
      const put = await h.request('PUT', `/api/v1/plans/${id}`, { token: hn, body: { plan: edited, expectedVersion: 1 } });
      expect(put.status).toBe(200);
      expect(put.body.currentVersion).toBe(2);
      expect(put.body.content.targets[2].value).toBe(20);
      const stale = await h.request('PUT', `/api/v1/plans/${id}`, { token: hn, body: { plan: got.content, expectedVersion: 1 } });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('PLAN_VERSION_CONFLICT');
      const versions = await h.request('GET', `/api/v1/plans/${id}/versions`, { token: hn });
      expect(versions.status).toBe(200);
      expect(versions.body.items.map((v: { version: number; event: string }) => [v.version, v.event])).toEqual([
        [2, 'edited'],
        [1, 'created'],
      ]);
      expect(versions.body.items[0].changes).toEqual(
        expect.arrayContaining([{ path: 'targets[2].value', before: 18, after: 20, kind: 'changed' }, expect.objectContaining({ path: 'title', kind: 'changed' })]),
      );
    });

    it('lists plans with search ignoring diacritics and filters by year, status, programme, unit', async () => {
      const all = await h.request('GET', '/api/v1/plans?limit=200', { token: hn });
      expect(all.status).toBe(200);
      expect(Object.keys(all.body).sort()).toEqual(['items', 'total']);
      expect(Object.keys(all.body.items[0]).sort()).toEqual(['id', 'issuedOn', 'programme', 'status', 'symbol', 'title', 'unitId', 'year']);
      const search = await h.request('GET', '/api/v1/plans?q=BINH%20dang%20gioi&status=issued', { token: hn });
      expect(search.body.items.map((p: { symbol: string }) => p.symbol)).toEqual(['26/KH-BTV']);
      const bySymbol = await h.request('GET', '/api/v1/plans?q=13%2Fkh-btv&status=issued', { token: hn });
      expect(bySymbol.body.items.map((p: { symbol: string }) => p.symbol)).toEqual(['13/KH-BTV']);
      const issued2024 = await h.request('GET', '/api/v1/plans?year=2024&status=issued', { token: hn });
      expect(issued2024.body.items.map((p: { symbol: string }) => p.symbol)).toEqual(expect.arrayContaining(['60/KH-BTV', '31/KH-BTV', '26/KH-BTV', '13/KH-BTV']));
      expect(issued2024.body.items.every((p: { year: number; status: string }) => p.year === 2024 && p.status === 'issued')).toBe(true);
      const programme = await h.request('GET', `/api/v1/plans?status=issued&programme=${encodeURIComponent('nong thon moi')}`, { token: hn });
      expect(programme.body.items.map((p: { symbol: string }) => p.symbol)).toEqual(['13/KH-BTV']);
      const none = await h.request('GET', '/api/v1/plans?year=1999', { token: hn });
      expect(none.body).toEqual({ items: [], total: 0 });
      const dnList = await h.request('GET', '/api/v1/plans', { token: dn });
      expect(dnList.body.items.map((p: { title: string }) => p.title)).toEqual([expect.stringMatching(/3 nhiệm vụ trọng tâm năm 2023/)]);
      const bad = await h.request('GET', '/api/v1/plans?year=abc&status=done', { token: hn });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.status', 'query.year']);
    });
  });

  describe('issuing (POST /api/v1/plans/:id/transition)', () => {
    it('follows the lifecycle: a draft goes to review first (409 naming the allowed steps), and back', async () => {
      const id = await unnumberedDraft();
      const direct = await transition(id, 'issued');
      expect(direct.status).toBe(409);
      expect(direct.body.code).toBe('PLAN_TRANSITION_NOT_ALLOWED');
      expect(direct.body.message).toMatch(/Đang xem xét/);
      expect((await transition(id, 'in_review')).body.status).toBe('in_review');
      const locked = await h.request('PUT', `/api/v1/plans/${id}`, { token: hn, body: { plan: importPlanText(seedText('000')).plan } });
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('PLAN_READ_ONLY');
      expect((await transition(id, 'draft')).body.status).toBe('draft');
    });

    it('allocates numbers without gaps or duplicates, also for two issues at the same moment', async () => {
      const year = new Date().getUTCFullYear();
      const a = await unnumberedDraft('000', 'Kế hoạch A đồng thời');
      const b = await unnumberedDraft('001', 'Kế hoạch B đồng thời');
      await transition(a, 'in_review');
      await transition(b, 'in_review');
      const before = await counter('2', year);
      const [ra, rb] = await Promise.all([transition(a, 'issued'), transition(b, 'issued')]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      const numbers = [ra.body.number, rb.body.number].sort((x: number, y: number) => x - y);
      expect(numbers).toEqual([before + 1, before + 2]);
      expect(ra.body.symbol).toBe(`${ra.body.number}/KH-BTV`);
      expect(ra.body.issuedOn).toBe(new Date().toISOString().slice(0, 10));
      expect(ra.body.content.number).toBe(ra.body.symbol);
      expect(await counter('2', year)).toBe(before + 2);
      // The next one continues the sequence.
      const c = await unnumberedDraft('002', 'Kế hoạch C');
      await transition(c, 'in_review');
      expect((await transition(c, 'issued')).body.number).toBe(before + 3);
      // Issuing the same plan twice at once: one wins, the other is told it is already issued.
      const d = await unnumberedDraft('002', 'Kế hoạch D');
      await transition(d, 'in_review');
      const twice = await Promise.all([transition(d, 'issued'), transition(d, 'issued')]);
      expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await counter('2', year)).toBe(before + 4);
    });

    it('keeps an imported number, raises the counter past it, and refuses a number already issued', async () => {
      const dup = await save(importPlanText(seedText('004')).plan); // 13/KH-BTV of 2024 is issued by the demo data
      await transition(dup.body.id, 'in_review');
      const refused = await transition(dup.body.id, 'issued');
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('PLAN_NUMBER_TAKEN');
      expect(refused.body.errors[0].field).toBe('plan.number');
      expect(await counter('2', 2024)).toBe(60); // 31, 26, 60, 13/KH-BTV of 2024
      const own = await save({ ...importPlanText(seedText('004')).plan, number: '75/KH-BTV' });
      await transition(own.body.id, 'in_review');
      const issued = await transition(own.body.id, 'issued');
      expect(issued.status).toBe(200);
      expect([issued.body.symbol, issued.body.issuedOn]).toEqual(['75/KH-BTV', '2024-01-24']);
      expect(await counter('2', 2024)).toBe(75);
      const dn003 = (await h.request('GET', '/api/v1/plans', { token: dn })).body.items[0];
      expect(dn003.symbol).toMatch(/^\d+\/KH-BTV$/); // 003 has no number: allocated when the demo issued it
    });

    it('makes issued plans read-only (PUT 409 PLAN_READ_ONLY)', async () => {
      const id = seedPlanIds['31/KH-BTV']!;
      const plan = (await h.request('GET', `/api/v1/plans/${id}`, { token: hn })).body;
      expect(plan).toMatchObject({ status: 'issued', editable: false, allowedTransitions: ['closed'] });
      const res = await h.request('PUT', `/api/v1/plans/${id}`, { token: hn, body: { plan: plan.content } });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PLAN_READ_ONLY');
      expect(res.body.message).toMatch(/phiên bản mới/);
    });

    it('binds the units valid in the plan’s year, at the levels and kinds of place its reporters name', async () => {
      const unitByName = async (name: string): Promise<string> => {
        const rows: { id: string }[] = await h.db.query('SELECT id FROM org_unit WHERE tenant_id = 2 AND name = ?', [name]);
        return String(rows[0]!.id);
      };
      const dongAnh = await unitByName('Hội LHPN huyện Đông Anh');
      const baDinh = await unitByName('Hội LHPN quận Ba Đình');
      const obligations = async (unitId: string) => (await h.request('GET', `/api/v1/plans/obligations?unitId=${unitId}`, { token: hn })).body.items as { planSymbol: string; periodKind: string; deadline: string | null; planYear: number; unitName: string; reportTo: string }[];
      // 13/KH-BTV of 2024: "Hội LHPN các huyện, thị xã" — the 17 huyện and thị xã Sơn Tây of 2024, not the quận.
      const of13 = (await obligations(dongAnh)).filter((o) => o.planSymbol === '13/KH-BTV');
      expect(of13.map((o) => [o.periodKind, o.deadline, o.planYear])).toEqual([
        ['half', '13/06', 2024],
        ['year', '30/10', 2024],
      ]);
      expect(of13[0]).toMatchObject({ unitName: 'Hội LHPN huyện Đông Anh', reportTo: 'Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội' });
      const bound: { name: string; level: string; valid_to: string | null }[] = await h.db.query(
        `SELECT DISTINCT u.name, u.level, u.valid_to FROM reporting_obligation o JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.unit_id WHERE o.tenant_id = 2 AND o.plan_id = ?`,
        [seedPlanIds['13/KH-BTV']],
      );
      expect(bound).toHaveLength(18);
      expect(bound.every((u) => u.level === 'district' && /^Hội LHPN (huyện|thị xã) /.test(u.name) && u.valid_to === '2025-06-30')).toBe(true);
      expect(bound.map((u) => u.name)).toContain('Hội LHPN thị xã Sơn Tây');
      // 31/KH-BTV: "Hội LHPN các quận, huyện, thị xã, đơn vị trực thuộc và tổ chức thành viên" — every district and the affiliates.
      expect((await obligations(baDinh)).filter((o) => o.planSymbol === '31/KH-BTV').map((o) => o.periodKind)).toEqual(['half', 'year']);
      expect((await obligations(baDinh)).some((o) => o.planSymbol === '13/KH-BTV')).toBe(false);
      const of31: { kind: string; n: string }[] = await h.db.query(
        `SELECT u.kind, COUNT(DISTINCT u.id) AS n FROM reporting_obligation o JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.unit_id WHERE o.tenant_id = 2 AND o.plan_id = ? GROUP BY u.kind ORDER BY u.kind`,
        [seedPlanIds['31/KH-BTV']],
      );
      expect(of31.map((r) => [r.kind, Number(r.n)])).toEqual([
        ['affiliate', 4],
        ['union', 30],
      ]);
      // The wards of 1 July 2025 did not exist in 2024: a 2024 plan binds none of them.
      expect((await obligations(reporterUnit)).filter((o) => o.planYear === 2024)).toEqual([]);
      const mine = await h.request('GET', '/api/v1/plans/obligations', { token: reporter }); // the reporter's own unit
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual([]);
      const root = await h.request('GET', `/api/v1/plans/obligations?unitId=${hnRoot}`, { token: hn });
      expect(root.body.items.filter((o: { planSymbol: string }) => o.planSymbol === '13/KH-BTV')).toEqual([]);
      // Whom a plan binds, unit by unit (?planId=): the 18 of 13/KH-BTV, twice each; none within a ward's reach.
      const byPlan = await h.request('GET', `/api/v1/plans/obligations?planId=${seedPlanIds['13/KH-BTV']}`, { token: hn });
      expect(byPlan.body.total).toBe(36);
      expect(byPlan.body.items.filter((o: { unitId: string }) => o.unitId === String(dongAnh)).map((o: { deadline: string }) => o.deadline)).toEqual(['13/06', '30/10']);
      expect((await h.request('GET', `/api/v1/plans/obligations?planId=${seedPlanIds['13/KH-BTV']}`, { token: reporter })).body.total).toBe(0);
      expect((await h.request('GET', `/api/v1/plans/obligations?planId=${seedPlanIds['13/KH-BTV']}`, { token: dn })).status).toBe(404);
    });

    it('creates the report instances of its obligations: one per bound unit and period, due on the plan’s deadlines', async () => {
      const half = await h.request('GET', '/api/v1/reports?period=2024S1&formCode=KH13-BTV-2024-6T&limit=200', { token: hn });
      expect(half.status).toBe(200);
      expect(Object.keys(half.body).sort()).toEqual(['items', 'total']);
      expect(half.body.total).toBe(18);
      expect(Object.keys(half.body.items[0]).sort()).toEqual(['deadline', 'formCode', 'id', 'period', 'status', 'unitId']);
      expect(new Set(half.body.items.map((r: { deadline: string; status: string }) => `${r.deadline} ${r.status}`))).toEqual(new Set(['2024-06-13 draft']));
      const year = await h.request('GET', '/api/v1/reports?period=2024&formCode=KH13-BTV-2024-NAM&limit=200', { token: hn });
      expect(year.body.total).toBe(18);
      expect(year.body.items[0].deadline).toBe('2024-10-30');
      // The 6-month report beside a yearly one is the first half's only (the yearly report covers the rest).
      expect((await h.request('GET', '/api/v1/reports?period=2024S2&formCode=KH13-BTV-2024-6T', { token: hn })).body.total).toBe(0);
      // In the period list with the national forms: GET /reports?period=2024S1 shows them.
      const dongAnh = ((await h.db.query(`SELECT id FROM org_unit WHERE tenant_id = 2 AND name = 'Hội LHPN huyện Đông Anh'`)) as { id: string }[])[0]!.id;
      const ofDongAnh = await h.request('GET', `/api/v1/reports?period=2024S1&unitId=${dongAnh}`, { token: hn });
      expect(ofDongAnh.body.items.map((r: { formCode: string; unitId: string }) => [r.formCode, r.unitId])).toEqual(
        expect.arrayContaining([
          ['KH13-BTV-2024-6T', String(dongAnh)],
          ['KH31-BTV-2024-6T', String(dongAnh)],
        ]),
      );
      const forms: { code: string; name: string; period_kind: string; indicator_codes: unknown; narrative_sections: unknown; reporting_level: string }[] = await h.db.query(
        `SELECT code, name, period_kind, indicator_codes, narrative_sections, reporting_level FROM report_form WHERE tenant_id = 2 AND plan_id = ? ORDER BY id`,
        [seedPlanIds['13/KH-BTV']],
      );
      const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
      expect(forms.map((f) => [f.code, f.period_kind, f.reporting_level])).toEqual([
        ['KH13-BTV-2024-6T', 'half', 'district'],
        ['KH13-BTV-2024-NAM', 'year', 'district'],
      ]);
      expect(forms[0]!.name).toMatch(/^Báo cáo 6 tháng kết quả thực hiện Kế hoạch 13\/KH-BTV: Triển khai thực hiện Đề án/);
      // The narrative of a plan report; no national indicator its targets are linked to is asked again (the
      // grassroots report those on the national forms and the rollups measure the targets).
      const plan = (await h.request('GET', `/api/v1/plans/${seedPlanIds['13/KH-BTV']}`, { token: hn })).body;
      const linked = [...new Set(plan.content.targets.map((t: { indicatorCode?: string }) => t.indicatorCode).filter(Boolean))];
      expect(linked.length).toBeGreaterThan(0);
      expect(linked.every((c) => NATIONAL_INDICATORS.some((d) => d.code === c))).toBe(true);
      expect(json(forms[0]!.indicator_codes)).toEqual([]);
      expect(json(forms[0]!.narrative_sections)).toEqual(expect.arrayContaining(['Kết quả thực hiện', 'Khó khăn, vướng mắc']));
      // A unit opens its report of the plan like any other.
      const report = await h.request('GET', `/api/v1/reports/${half.body.items[0].id}`, { token: hn });
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ period: '2024S1', status: 'draft', deadline: '2024-06-13' });
      // A plan without deadlines gets the union's usual ones (6 months 13/06, year 30/10), monthly ones the month's end.
      const feb = await h.request('GET', '/api/v1/reports?period=202402&formCode=KH26-BTV-2024-T&limit=1', { token: hn });
      expect(feb.body.total).toBe(34);
      expect(feb.body.items[0].deadline).toBe('2024-02-29');
    });

    it('lists the activities of issued plans on the calendar, by date range', async () => {
      const res = await h.request('GET', '/api/v1/plans/calendar?from=2024-01-01&to=2024-12-31', { token: hn });
      expect(res.status).toBe(200);
      const of13 = res.body.items.filter((a: { planSymbol: string }) => a.planSymbol === '13/KH-BTV');
      expect(of13.map((a: { timeText: string; dateFrom: string; dateTo: string }) => [a.timeText, a.dateFrom, a.dateTo])).toEqual([
        ['Tháng 9/2024', '2024-09-01', '2024-09-30'],
        ['Quý 4/2024', '2024-10-01', '2024-12-31'],
      ]);
      expect(of13[1]).toMatchObject({ planTitle: expect.stringMatching(/nông thôn mới/), planStatus: 'issued', leadUnits: expect.any(Array) });
      const q4 = await h.request('GET', '/api/v1/plans/calendar?from=2024-10-01&to=2024-12-31', { token: hn });
      expect(q4.body.items.map((a: { timeText: string }) => a.timeText)).toEqual(expect.arrayContaining(['Quý 4/2024', 'Tháng 10 năm 2024', 'từ ngày 15/11-15/12/2024']));
      expect(q4.body.items.some((a: { timeText: string }) => a.timeText === 'Tháng 9/2024')).toBe(false);
      const y2023 = await h.request('GET', '/api/v1/plans/calendar?from=2023-01-01&to=2023-12-31', { token: hn });
      expect(y2023.body.items.map((a: { timeText: string }) => a.timeText)).toContain('Quý II, III/2023');
      const commune = await h.request('GET', `/api/v1/plans/calendar?from=2024-01-01&to=2024-12-31&unitId=${reporterUnit}`, { token: reporter });
      expect(commune.status).toBe(200); // the city's plans apply to the commune
      expect(commune.body.items.some((a: { planSymbol: string }) => a.planSymbol === '13/KH-BTV')).toBe(true);
      const bad = await h.request('GET', '/api/v1/plans/calendar?from=2024-12-31&to=2024-01-01', { token: hn });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('query.to');
    });
  });

  describe('export, revisions, cascade, allocations', () => {
    it('exports the official Word document with its file name', async () => {
      const fastify = h.app.getHttpAdapter().getInstance();
      const res = await fastify.inject({ method: 'GET', url: `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/export.docx`, headers: { authorization: `Bearer ${hn}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(DOCX);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="KH-13-BTV-2024.docx"; filename*=UTF-8''KH-13-BTV-2024.docx`);
      expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      const back = multipart('KH-13-BTV-2024.docx', res.rawPayload, DOCX);
      const reimported = await h.request('POST', '/api/v1/plans/import', { token: hn, payload: back.payload, headers: back.headers });
      expect(reimported.body.plan.number).toBe('13/KH-BTV');
      // Every activity of the seed, the undated ones too, comes back from the official document.
      const names = (list: { name: string }[]) => list.map((a) => a.name);
      expect(names(reimported.body.plan.activities)).toEqual(names(importPlanText(seedText('004')).plan.activities));
      expect(reimported.body.plan.activities.length).toBeGreaterThan(3);
      const reporterRead = await fastify.inject({ method: 'GET', url: `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/export.docx`, headers: { authorization: `Bearer ${reporter}` } });
      expect(reporterRead.statusCode).toBe(200); // the city's plan is read by its communes
    });

    it('revises an issued plan: a new draft version that supersedes it when issued', async () => {
      const own = await save({ ...importPlanText(seedText('000')).plan, number: '90/KH-BTV' });
      await transition(own.body.id, 'in_review');
      const issued = (await transition(own.body.id, 'issued')).body;
      const rev = await h.request('POST', `/api/v1/plans/${issued.id}/revise`, { token: hn });
      expect(rev.status).toBe(201);
      expect(rev.body).toMatchObject({ status: 'draft', revisionOfId: issued.id, currentVersion: issued.currentVersion + 1, symbol: null, number: null });
      expect((await h.request('POST', `/api/v1/plans/${issued.id}/revise`, { token: hn })).body.code).toBe('PLAN_REVISION_EXISTS');
      const edited = structuredClone(rev.body.content);
      edited.targets[0].value = 95;
      expect((await h.request('PUT', `/api/v1/plans/${rev.body.id}`, { token: hn, body: { plan: edited } })).status).toBe(200);
      await transition(rev.body.id, 'in_review');
      const reissued = await transition(rev.body.id, 'issued');
      expect(reissued.status).toBe(200);
      expect(reissued.body.symbol).not.toBe('90/KH-BTV');
      const old = await h.request('GET', `/api/v1/plans/${issued.id}`, { token: hn });
      expect(old.body).toMatchObject({ status: 'superseded', revisedById: rev.body.id, allowedTransitions: [] });
      const versions = await h.request('GET', `/api/v1/plans/${rev.body.id}/versions`, { token: hn });
      expect(versions.body.items.map((v: { version: number; event: string; planId: string }) => [v.version, v.event, v.planId === issued.id])).toEqual([
        [5, 'issued', false],
        [4, 'edited', false],
        [3, 'revised', false],
        [2, 'issued', true],
        [1, 'created', true],
      ]);
      expect(versions.body.items[1].changes).toEqual([{ path: 'targets[0].value', before: 90, after: 95, kind: 'changed' }]);
      const draftRevise = await h.request('POST', `/api/v1/plans/${await unnumberedDraft()}/revise`, { token: hn });
      expect(draftRevise.status).toBe(409);
      expect(draftRevise.body.code).toBe('PLAN_NOT_ISSUED');
    });

    it('derives a commune’s draft from the city’s issued plan (cascade)', async () => {
      const res = await h.request('POST', `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/derive`, { token: hn, body: { unitId: otherCommune } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'draft', unitId: otherCommune, parentPlanId: seedPlanIds['13/KH-BTV'], symbol: null, year: 2024 });
      expect(res.body.content.legalBases.at(-1)).toMatchObject({ kind: 'Kế hoạch', number: '13/KH-BTV', date: '2024-01-24', introducedBy: 'Căn cứ' });
      expect(res.body.content.issuer).toMatch(/^Ban Thường vụ Hội LHPN phường Hoàn Kiếm/);
      const notBelow = await h.request('POST', `/api/v1/plans/${res.body.id}/derive`, { token: hn, body: { unitId: hnRoot } });
      expect(notBelow.status).toBe(409); // a draft cannot be cascaded
      const root = await h.request('POST', `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/derive`, { token: hn, body: { unitId: hnRoot } });
      expect(root.status).toBe(400);
      expect(root.body.errors[0].field).toBe('unitId');
      const dnUnit = (await h.login('DN', 'admin')).user.unitId;
      const foreign = await h.request('POST', `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/derive`, { token: hn, body: { unitId: dnUnit } });
      expect(foreign.status).toBe(404);
      const reporterDerive = await h.request('POST', `/api/v1/plans/${seedPlanIds['13/KH-BTV']}/derive`, { token: reporter, body: { unitId: reporterUnit } });
      expect(reporterDerive.status).toBe(403);
    });

    it('allocates a total target to units below, refusing sums that do not add up (naming the difference)', async () => {
      const id = seedPlanIds['13/KH-BTV']!;
      const target = 2; // "ít nhất 18 mô hình"
      const ok = await h.request('POST', `/api/v1/plans/${id}/allocations`, {
        token: hn,
        body: { targetIndex: target, allocations: [{ unitId: reporterUnit, value: 10 }, { unitId: otherCommune, value: 8 }] },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ targetIndex: 2, total: 18, allocated: 18 });
      const plan = await h.request('GET', `/api/v1/plans/${id}`, { token: hn });
      expect(plan.body.allocations).toEqual(expect.arrayContaining([{ targetIndex: 2, unitId: reporterUnit, value: 10 }]));
      const short = await h.request('POST', `/api/v1/plans/${id}/allocations`, { token: hn, body: { targetIndex: target, allocations: [{ unitId: reporterUnit, value: 10 }] } });
      expect(short.status).toBe(400);
      expect(short.body.errors[0]).toMatchObject({ field: 'allocations', reason: expect.stringMatching(/thiếu 8/) });
      const percent = await h.request('POST', `/api/v1/plans/${id}/allocations`, { token: hn, body: { targetIndex: 1, allocations: [] } });
      expect(percent.status).toBe(400);
      expect(percent.body.errors[0].field).toBe('targetIndex');
      const outside = await h.request('POST', `/api/v1/plans/${id}/allocations`, { token: hn, body: { targetIndex: target, allocations: [{ unitId: hnRoot, value: 18 }] } });
      expect(outside.status).toBe(400);
      expect(outside.body.errors[0].field).toBe('allocations.0.unitId');
      const bad = await h.request('POST', `/api/v1/plans/${id}/allocations`, { token: hn, body: { targetIndex: -1, allocations: [{ unitId: 'x', value: 'y' }] } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.targetIndex', 'body.allocations.0.unitId', 'body.allocations.0.value']));
    });
  });

  describe('execution: activity progress, reports of a revision, the calendar workbook', () => {
    const setStatus = (id: string, idx: number, body: unknown, token = hn) => h.request('PUT', `/api/v1/plans/${id}/activities/${idx}/status`, { token, body });

    it('records an activity’s progress on an issued plan, keeps it through a revision, and keeps started reports when superseded', async () => {
      const { plan } = importPlanText(seedText('004'));
      const own = await save({ ...plan, number: null }); // 13/KH-BTV is taken: issuing gives the next number of 2024
      expect(own.status).toBe(201);
      const idx = plan.activities.findIndex((a) => a.time.text === 'Tháng 9/2024');
      expect(idx).toBeGreaterThanOrEqual(0);
      expect((await setStatus(own.body.id, idx, { status: 'done' })).body.code).toBe('PLAN_NOT_ISSUED'); // a draft has no execution yet
      await transition(own.body.id, 'in_review');
      const issued = (await transition(own.body.id, 'issued')).body;
      expect(issued.symbol).toMatch(/^\d+\/KH-BTV$/);
      expect(issued.canRecordProgress).toBe(true);
      const code = `KH${issued.number}-BTV-2024-6T`;
      expect((await h.request('GET', `/api/v1/reports?period=2024S1&formCode=${code}`, { token: hn })).body.total).toBe(18);

      const res = await setStatus(issued.id, idx, { status: 'done', doneOn: '2024-09-20', note: 'Tổ chức tại huyện Đông Anh' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ idx, status: 'done', doneOn: '2024-09-20', note: 'Tổ chức tại huyện Đông Anh', level: 'province' });
      const detail = (await h.request('GET', `/api/v1/plans/${issued.id}`, { token: hn })).body;
      expect(detail.activityProgress[idx]).toMatchObject({ status: 'done', doneOn: '2024-09-20' });
      expect(detail.currentVersion).toBe(issued.currentVersion); // the content did not change
      const cal = await h.request('GET', '/api/v1/plans/calendar?from=2024-09-01&to=2024-09-30', { token: hn });
      expect(cal.body.items.find((a: { planId: string; idx: number }) => a.planId === issued.id && a.idx === idx)).toMatchObject({ status: 'done', doneOn: '2024-09-20', canRecord: true });
      const audit: { action: string }[] = await h.db.query(`SELECT action FROM audit_log WHERE tenant_id = 2 AND entity = 'plan' AND entity_id = ? AND action = 'plan.activity-status'`, [issued.id]);
      expect(audit).toHaveLength(1);
      // Bad input: 400 naming the field; an activity the plan does not have: 404; not done but dated: 400.
      expect((await setStatus(issued.id, idx, { status: 'finished' })).body.errors[0].field).toBe('body.status');
      expect((await setStatus(issued.id, idx, { status: 'planned', doneOn: '2024-09-20' })).body.errors[0].field).toBe('body.doneOn');
      expect((await setStatus(issued.id, 999, { status: 'done' })).status).toBe(404);
      expect((await setStatus(issued.id, idx, { status: 'done', doneOn: '2024-02-30' })).status).toBe(400);
      // A commune's reporter does not mark the city's activities (403); another tenant does not see them (404).
      expect((await setStatus(issued.id, idx, { status: 'cancelled' }, reporter)).status).toBe(403);
      expect((await setStatus(issued.id, idx, { status: 'cancelled' }, dn)).status).toBe(404);
      expect((await h.request('GET', `/api/v1/plans/${issued.id}`, { token: reporter })).body.canRecordProgress).toBe(false);

      // A district starts its report (a saved narrative): that one stays when the plan is superseded.
      const reports = (await h.request('GET', `/api/v1/reports?period=2024S1&formCode=${code}&limit=50`, { token: hn })).body.items;
      const started = await h.request('PUT', `/api/v1/reports/${reports[0].id}/values`, { token: hn, body: { values: [], narrative: { 'Kết quả thực hiện': 'Đã triển khai' } } });
      expect(started.status).toBe(200);

      const rev = await h.request('POST', `/api/v1/plans/${issued.id}/revise`, { token: hn });
      expect(rev.body.activityProgress[idx]).toMatchObject({ status: 'done', doneOn: '2024-09-20' }); // carried over
      const edited = structuredClone(rev.body.content);
      edited.activities.splice(0, 0, { name: 'Hội thảo mới thêm', time: { text: 'Tháng 11/2024', from: '2024-11-01', to: '2024-11-30' }, leadUnits: [], cooperatingUnits: [] });
      expect((await h.request('PUT', `/api/v1/plans/${rev.body.id}`, { token: hn, body: { plan: edited } })).status).toBe(200);
      await transition(rev.body.id, 'in_review');
      const reissued = (await transition(rev.body.id, 'issued')).body;
      expect(reissued.status).toBe('issued');
      // Matched by name and day, not by position (the activity moved down by one).
      expect(reissued.activityProgress[idx + 1]).toMatchObject({ status: 'done', doneOn: '2024-09-20', note: 'Tổ chức tại huyện Đông Anh' });
      expect(reissued.activityProgress[0]).toMatchObject({ status: 'planned', doneOn: null });
      // The superseded plan's untouched drafts went; the started report stays; the revision has its own.
      const left = (await h.request('GET', `/api/v1/reports?period=2024S1&formCode=${code}`, { token: hn })).body;
      expect(left.items.map((r: { id: string }) => r.id)).toEqual([reports[0].id]);
      expect((await h.request('GET', `/api/v1/reports?period=2024S1&formCode=KH${reissued.number}-BTV-2024-6T`, { token: hn })).body.total).toBe(18);
      // Closing keeps every report.
      expect((await transition(reissued.id, 'closed')).status).toBe(200);
      expect((await h.request('GET', `/api/v1/reports?period=2024S1&formCode=KH${reissued.number}-BTV-2024-6T`, { token: hn })).body.total).toBe(18);
      expect((await setStatus(reissued.id, 0, { status: 'done' })).body.code).toBe('PLAN_NOT_ISSUED');
    });

    it('the demo plans show recorded progress, and their indicators come from the confident suggestions only', async () => {
      const id = seedPlanIds['31/KH-BTV']!;
      const plan = (await h.request('GET', `/api/v1/plans/${id}`, { token: hn })).body;
      expect(plan.activityProgress.filter((a: { status: string }) => a.status === 'done').length).toBeGreaterThan(0);
      expect(plan.activityProgress.filter((a: { status: string }) => a.status === 'planned').length).toBeGreaterThan(0);
      const links = (await h.request('POST', '/api/v1/plans/suggest-links', { token: hn, body: { targets: plan.content.targets } })).body as { targetIndex: number; code: string; confidence: number }[];
      plan.content.targets.forEach((t: { indicatorCode?: string | null }, i: number) => {
        const best = links.filter((l) => l.targetIndex === i).sort((a, b) => b.confidence - a.confidence)[0];
        expect([i, t.indicatorCode ?? null]).toEqual([i, best && best.confidence >= 0.8 ? best.code : null]);
      });
      // Đà Nẵng's undated plan of 2023 is a plan of 2023: numbered in 2023, its date left unknown.
      const dnPlans = (await h.request('GET', '/api/v1/plans?status=issued', { token: dn })).body.items;
      expect(dnPlans.map((p: { symbol: string; year: number; issuedOn: string | null }) => [p.symbol, p.year, p.issuedOn])).toEqual([['1/KH-BTV', 2023, null]]);
    });

    it('exports the calendar of a range as XLSX with Vietnamese headers', async () => {
      const fastify = h.app.getHttpAdapter().getInstance();
      const res = await fastify.inject({ method: 'GET', url: '/api/v1/plans/calendar.xlsx?from=2024-01-01&to=2024-12-31', headers: { authorization: `Bearer ${hn}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(String(res.headers['content-disposition'])).toMatch(/lich-hoat-dong-2024-01-01-2024-12-31\.xlsx/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect((ws.getRow(3).values as unknown[]).slice(1, 9)).toEqual(['Hoạt động', 'Thời gian', 'Từ ngày', 'Đến ngày', 'Kế hoạch', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Tình trạng']);
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => void (n > 3 && rows.push((row.values as unknown[]).slice(1))));
      const sep = rows.find((r) => r[1] === 'Tháng 9/2024' && String(r[4]).startsWith('13/KH-BTV'));
      expect(sep).toBeDefined();
      expect(sep![2]).toBe('01/09/2024');
      expect(rows.some((r) => r[7] === 'Đã thực hiện')).toBe(true);
      const dnRes = await fastify.inject({ method: 'GET', url: '/api/v1/plans/calendar.xlsx?from=2024-01-01&to=2024-12-31', headers: { authorization: `Bearer ${dn}` } });
      expect(dnRes.rawPayload.toString('latin1')).not.toContain('13/KH-BTV');
      const bad = await fastify.inject({ method: 'GET', url: '/api/v1/plans/calendar.xlsx?from=2024-12-31&to=2024-01-01', headers: { authorization: `Bearer ${hn}` } });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('who may do what', () => {
    it('DN admin on HN plan ids: 404 on every route, and nothing changes', async () => {
      const id = seedPlanIds['13/KH-BTV']!;
      const before = await h.db.query(`SELECT status, current_version FROM plan WHERE id = ?`, [id]);
      const fastify = h.app.getHttpAdapter().getInstance();
      const tries: [string, string, unknown?][] = [
        ['GET', `/api/v1/plans/${id}`],
        ['PUT', `/api/v1/plans/${id}`, { plan: importPlanText(seedText('004')).plan }],
        ['POST', `/api/v1/plans/${id}/transition`, { to: 'closed' }],
        ['POST', `/api/v1/plans/${id}/revise`],
        ['GET', `/api/v1/plans/${id}/versions`],
        ['POST', `/api/v1/plans/${id}/derive`, { unitId: hnRoot }],
        ['POST', `/api/v1/plans/${id}/allocations`, { targetIndex: 2, allocations: [] }],
        ['GET', `/api/v1/plans/obligations?unitId=${reporterUnit}`],
        ['GET', `/api/v1/plans/calendar?unitId=${hnRoot}`],
        ['GET', `/api/v1/plans?unitId=${hnRoot}`],
        ['POST', '/api/v1/plans', { plan: importPlanText(seedText('004')).plan, unitId: hnRoot }],
      ];
      for (const [method, url, body] of tries) {
        const res = await h.request(method, url, { token: dn, body });
        expect([method, url, res.status]).toEqual([method, url, 404]);
      }
      const exp = await fastify.inject({ method: 'GET', url: `/api/v1/plans/${id}/export.docx`, headers: { authorization: `Bearer ${dn}` } });
      expect(exp.statusCode).toBe(404);
      expect(await h.db.query(`SELECT status, current_version FROM plan WHERE id = ?`, [id])).toEqual(before);
      const calendar = await h.request('GET', '/api/v1/plans/calendar?from=2024-01-01&to=2024-12-31', { token: dn });
      expect(JSON.stringify(calendar.body)).not.toContain('Hà Nội');
    });

    it('a reporter reads the plans that apply to its commune, never writes (403), and cannot see other communes’ plans (404)', async () => {
      const cityPlan = seedPlanIds['13/KH-BTV']!;
      expect((await h.request('GET', `/api/v1/plans/${cityPlan}`, { token: reporter })).body).toMatchObject({ status: 'issued', canWrite: false });
      const list = await h.request('GET', '/api/v1/plans?status=issued&year=2024', { token: reporter });
      expect(list.body.items.map((p: { symbol: string }) => p.symbol)).toEqual(expect.arrayContaining(['13/KH-BTV', '31/KH-BTV']));
      for (const [method, url, body] of [
        ['POST', '/api/v1/plans/import', { text: seedText('004') }],
        ['POST', '/api/v1/plans', { plan: importPlanText(seedText('004')).plan }],
        ['PUT', `/api/v1/plans/${cityPlan}`, { plan: importPlanText(seedText('004')).plan }],
        ['POST', `/api/v1/plans/${cityPlan}/transition`, { to: 'closed' }],
        ['POST', `/api/v1/plans/${cityPlan}/revise`, undefined],
      ] as const) {
        expect((await h.request(method, url, { token: reporter, body })).status).toBe(403);
      }
      const other = await h.request('POST', `/api/v1/plans/${cityPlan}/derive`, { token: hn, body: { unitId: otherCommune } });
      expect((await h.request('GET', `/api/v1/plans/${other.body.id}`, { token: reporter })).status).toBe(404);
      expect((await h.request('GET', `/api/v1/plans/obligations?unitId=${otherCommune}`, { token: reporter })).status).toBe(404);
      expect((await h.request('GET', `/api/v1/plans?unitId=${otherCommune}`, { token: reporter })).status).toBe(404);
      expect((await h.request('GET', `/api/v1/plans/${other.body.id}/versions`, { token: reporter })).status).toBe(404);
    });

    it('a plan of a unit above is read-only for a unit manager below (403)', async () => {
      const created = await h.request('POST', '/api/v1/users', {
        token: hn,
        body: { username: 'quanly-hoankiem', displayName: 'Quản lý Hoàn Kiếm', password: 'mat-khau-dai-2024', roles: [{ role: 'unit_manager', unitId: otherCommune }] },
      });
      expect(created.status).toBe(201);
      const manager = (await h.login('HN', 'quanly-hoankiem', 'mat-khau-dai-2024')).accessToken;
      const cityPlan = seedPlanIds['13/KH-BTV']!;
      expect((await h.request('GET', `/api/v1/plans/${cityPlan}`, { token: manager })).body.canWrite).toBe(false);
      expect((await transition(cityPlan, 'closed', manager)).status).toBe(403);
      const own = await h.request('POST', `/api/v1/plans/${cityPlan}/derive`, { token: manager, body: { unitId: otherCommune } });
      expect(own.status).toBe(201);
      expect(own.body.canWrite).toBe(true);
      expect((await transition(own.body.id, 'in_review', manager)).status).toBe(200);
    });
  });
});
