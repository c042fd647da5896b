import { applyOutbox, TenantContext } from '@sen/db';
import { startHarness, type Harness } from './harness';

/** The province dashboard: progress of the targets of the year's issued plans, through @sen/indicators. */
describe('dashboard: plan progress', () => {
  let h: Harness;
  let admin: { accessToken: string; user: { unitId: string } };
  const YEAR = 2032;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('HN', 'admin');
    const root = admin.user.unitId;
    const [commune] = await h.db.query("SELECT id FROM org_unit WHERE tenant_id = 2 AND level = 'grassroots' AND valid_to IS NULL ORDER BY id LIMIT 1");
    // An issued plan of the city with three targets: two linked to indicators, one not.
    const content = {
      title: 'Kế hoạch thử tiến độ',
      targets: [
        { text: 'Phát triển ít nhất 1.000 hội viên', value: 1000, unit: 'người', comparator: 'gte', level: null, indicatorCode: 'HOI_VIEN' },
        { text: 'Trên 90% hội viên được tuyên truyền', value: 90, unit: '%', comparator: 'gte', level: null, indicatorCode: 'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN' },
        { text: 'Tổ chức 3 sự kiện cấp Thành phố', value: 3, unit: 'sự kiện', comparator: 'gte', level: 'province', indicatorCode: null },
      ],
    };
    await h.db.query(
      `INSERT INTO plan (tenant_id, unit_id, number, symbol, year, title, title_folded, status, issued_on, content) VALUES (2, ?, 99, '99/KH-BTV', ?, 'Kế hoạch thử tiến độ', 'ke hoach thu tien do', 'issued', ?, ?)`,
      [root, YEAR, `${YEAR}-01-15`, JSON.stringify(content)],
    );
    const [form] = await h.db.query('SELECT id FROM report_form WHERE tenant_id = 2 ORDER BY id LIMIT 1');
    const rep = await h.db.query(`INSERT INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version) VALUES (2, ?, 'X', ?, ?, 'approved', ?, 1)`, [form.id, commune.id, String(YEAR), `${YEAR}-10-30`]);
    await h.db.query(`INSERT INTO report_value (tenant_id, report_id, indicator_code, value, numerator, denominator) VALUES (2, ?, 'HOI_VIEN', 1200, NULL, NULL), (2, ?, 'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', NULL, 80, 100)`, [rep.insertId, rep.insertId]);
    const out = await h.db.query('INSERT INTO aggregation_outbox (tenant_id, report_id, report_version) VALUES (2, ?, 1)', [rep.insertId]);
    await TenantContext.run(TenantContext.system('2', 'HN'), () => applyOutbox(h.db, String(out.insertId)));
  });
  afterAll(() => h.close());

  it('gives every target its actual, achievement and status; unlinked targets are "not measured"', async () => {
    const res = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&asOf=${YEAR}-12-31`, { token: admin.accessToken });
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((i: { symbol: string }) => i.symbol === '99/KH-BTV');
    expect(mine.map((i: { actual: number | null; status: string }) => [i.actual, i.status])).toEqual([
      [1200, 'achieved'],
      [80, 'off_track'],
      [null, 'not_measured'],
    ]);
    expect(mine[0].achievementPct).toBe(120);
    expect(mine[1].statusLabel).toBe('Chậm tiến độ');
  });

  it('a reporter sees the city plan\'s targets measured at its own commune; DN cannot name HN units', async () => {
    const rep = await h.login('HN', 'reporter');
    const res = await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}`, { token: rep.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.items.some((i: { symbol: string }) => i.symbol === '99/KH-BTV')).toBe(true);
    const dn = await h.login('DN', 'admin');
    expect((await h.request('GET', `/api/v1/dashboard/plan-progress?year=${YEAR}&unitId=${admin.user.unitId}`, { token: dn.accessToken })).status).toBe(404);
  });
});
