import ExcelJS from 'exceljs';
import { startHarness, type Harness } from './harness';

/**
 * Reporting completeness and timeliness on the demo data of 2023S2 (a period no other suite writes to): the units
 * that handed in late with the days late, and the whole page as an XLSX file.
 */
describe('reports: completeness, the units late, the XLSX export', () => {
  let h: Harness;
  let admin: string;
  const URL = '/api/v1/reports/completeness?period=2023S2&formCode=QG-6T';

  beforeAll(async () => {
    h = await startHarness();
    admin = (await h.login('HN', 'admin')).accessToken;
  });
  afterAll(() => h.close());

  it('lists the units that handed in after the deadline: submitted at, deadline, days late, latest first', async () => {
    const res = await h.request('GET', URL, { token: admin });
    expect(res.status).toBe(200);
    const { overall, late } = res.body as { overall: { late: number }; late: { name: string; parentName: string | null; submittedAt: string; deadline: string; daysLate: number; status: string }[] };
    expect(overall.late).toBeGreaterThan(0);
    expect(late).toHaveLength(overall.late);
    const [rows]: [{ n: number }[]] = [await h.db.query("SELECT COUNT(*) AS n FROM report WHERE tenant_id = 2 AND period = '2023S2' AND late = 1 AND status IN ('submitted', 'approved')")];
    expect(late.length).toBe(Number(rows[0]!.n));
    for (const l of late) {
      // QG-6T's second half is due 13/12; a day after the deadline (Vietnam's calendar) is one day late.
      expect(l.deadline).toBe('2023-12-13');
      const day = new Date(Date.parse(l.submittedAt) + 7 * 3_600_000).toISOString().slice(0, 10);
      expect(l.daysLate).toBe(Math.round((Date.parse(day) - Date.parse(l.deadline)) / 86_400_000));
      expect(l.daysLate).toBeGreaterThanOrEqual(1);
      expect(['submitted', 'approved']).toContain(l.status);
      expect(l.parentName).toBe('Hội LHPN thành phố Hà Nội');
    }
    expect([...late].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))).toEqual(late);
    // A reporter sees its own commune only.
    const reporter = (await h.login('HN', 'reporter')).accessToken;
    const own = await h.request('GET', URL, { token: reporter });
    expect(own.body.late.length).toBeLessThanOrEqual(1);
  });

  it('exports by level, by child unit, missing and late as XLSX sheets, numbers as numbers and names formula-escaped', async () => {
    const [commune] = await h.db.query("SELECT u.id, u.name FROM report r JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id WHERE r.tenant_id = 2 AND r.period = '2023S2' AND r.late = 1 ORDER BY u.id LIMIT 1");
    await h.db.query('UPDATE org_unit SET name = ? WHERE tenant_id = 2 AND id = ?', ['=HYPERLINK("http://evil.example","x")', commune.id]);
    try {
      const res = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: URL.replace('completeness?', 'completeness.xlsx?'), headers: { authorization: `Bearer ${admin}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(String(res.headers['content-disposition'])).toContain('tinh-hinh-nop-bao-cao-QG-6T-2023S2.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo cấp', 'Theo đơn vị trực thuộc', 'Chưa nộp', 'Nộp muộn']);
      const rows = (i: number) => {
        const out: unknown[][] = [];
        wb.worksheets[i]!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
        return out;
      };
      const json = (await h.request('GET', URL, { token: admin })).body;
      const levels = rows(0);
      expect(String(levels[0]![0])).toBe('Tình hình nộp báo cáo — Báo cáo 6 tháng (biểu mẫu quốc gia) (QG-6T) — 6 tháng cuối năm 2023');
      expect(levels[1]).toEqual(['Cấp', 'Phải nộp', 'Đã nộp', 'Đã duyệt', 'Nộp muộn', 'Chưa nộp', 'Tỷ lệ đã nộp (%)', 'Tỷ lệ đã duyệt (%)']);
      expect(levels[levels.length - 1]!.slice(0, 6)).toEqual(['Tổng cộng', json.overall.expected, json.overall.submitted, json.overall.approved, json.overall.late, json.overall.expected - json.overall.submitted]);
      expect(wb.worksheets[0]!.getColumn(7).numFmt).toBe('0.0');
      expect(rows(2).length - 2).toBe(json.missing.length);
      const late = rows(3);
      expect(late[1]).toEqual(['Đơn vị', 'Đơn vị cấp trên', 'Nộp lúc', 'Hạn nộp', 'Số ngày muộn', 'Trạng thái']);
      expect(late.length - 2).toBe(json.late.length);
      expect(late.slice(2).every((r) => r[3] === '13/12/2023' && typeof r[4] === 'number' && /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(String(r[2])))).toBe(true);
      // The unit renamed to a formula is written as text.
      expect(late.slice(2).map((r) => r[0])).toContain('\'=HYPERLINK("http://evil.example","x")');
      // Another tenant's administrator cannot export HN's units.
      const dn = (await h.login('DN', 'admin')).accessToken;
      const [hnRoot] = await h.db.query('SELECT root_unit_id AS id FROM tenant WHERE id = 2');
      const other = await h.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `${URL.replace('completeness?', 'completeness.xlsx?')}&unitId=${hnRoot.id}`, headers: { authorization: `Bearer ${dn}` } });
      expect(other.statusCode).toBe(404);
    } finally {
      await h.db.query('UPDATE org_unit SET name = ? WHERE tenant_id = 2 AND id = ?', [commune.name, commune.id]);
    }
  });
});
