import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@sen/db';
import { loadWorkerConfig } from '../../../core/config';
import { SendRemindersJob } from '../send-reminders.job';

const base = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/sen').replace(/\/[^/]*$/, '');
const url = `${base}/sen_test_reminders_${process.pid}`;
let ds: DataSource;

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  await ds.query(`INSERT INTO tenant (id, code, name, levels, root_unit_id) VALUES (1, 'RM', 'Thử nhắc hạn', '[]', 1)`);
  await ds.query(`INSERT INTO org_unit (id, tenant_id, parent_id, name, name_folded, sort_key, level, kind) VALUES
    (1, 1, NULL, 'Hội LHPN tỉnh Thử', 'x', 'x', 'province', 'union'), (2, 1, 1, 'Hội LHPN xã Một', 'x', 'x', 'grassroots', 'union'), (3, 1, 1, 'Hội LHPN xã Hai', 'x', 'x', 'grassroots', 'union')`);
  await ds.query(`INSERT INTO report_form (id, tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (1, 1, 'QG-6T', 'Báo cáo 6 tháng', 'half', '[]', '{"day":13,"month":6}', 'grassroots')`);
  await ds.query(`INSERT INTO report (id, tenant_id, form_id, form_code, unit_id, period, status, deadline) VALUES
    (1, 1, 1, 'QG-6T', 2, '2026S1', 'draft', '2026-06-13'), (2, 1, 1, 'QG-6T', 3, '2026S1', 'returned', '2026-06-05'), (3, 1, 1, 'QG-6T', 3, '2025S2', 'approved', '2025-12-13')`);
});
afterAll(async () => {
  await ds?.destroy();
  await dropDatabase(url);
});

describe('SendRemindersJob (handle() against the real database)', () => {
  it('reminds a unit before its deadline and tells the parent once a report is overdue — once only', async () => {
    const job = new SendRemindersJob(ds, loadWorkerConfig({ DATABASE_URL: url }));
    expect(await job.handle({ asOf: '2026-06-11' })).toEqual({ dueSoon: 1, overdue: 1, emailed: 0 });
    const rows: { unit_id: string; kind: string; message: string; message_en: string }[] = await ds.query('SELECT unit_id, kind, message, message_en FROM notification ORDER BY id');
    expect(rows.map((r) => [String(r.unit_id), r.kind])).toEqual([
      ['2', 'deadline-soon'],
      ['1', 'overdue'],
    ]);
    // The form's name once, the period by its Vietnamese name, the deadline dd/mm/yyyy; and the same in English.
    expect(rows[0]!.message).toBe('Báo cáo 6 tháng kỳ 6 tháng đầu năm 2026 cần gửi trước ngày 13/06/2026');
    expect(rows[0]!.message_en).toBe('Report "Báo cáo 6 tháng" for the first half of 2026 is due by 13/06/2026');
    expect(rows[1]!.message).toBe('Hội LHPN xã Hai chưa gửi Báo cáo 6 tháng kỳ 6 tháng đầu năm 2026 (hạn 05/06/2026)');
    expect(rows[1]!.message_en).toBe('Hội LHPN xã Hai has not sent the report "Báo cáo 6 tháng" for the first half of 2026 (due 05/06/2026)');
    expect(await job.handle({ asOf: '2026-06-11' })).toEqual({ dueSoon: 0, overdue: 0, emailed: 0 });
  });

  it('a form whose name does not start with "Báo cáo" gets the word once in front', async () => {
    await ds.query(`INSERT INTO report_form (id, tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level) VALUES (2, 1, 'CLB', 'Thống kê câu lạc bộ', 'quarter', '[]', '{"day":5,"month":7}', 'grassroots')`);
    await ds.query(`INSERT INTO report (id, tenant_id, form_id, form_code, unit_id, period, status, deadline) VALUES (4, 1, 2, 'CLB', 2, '2026Q2', 'draft', '2026-07-05')`);
    expect(await new SendRemindersJob(ds, loadWorkerConfig({ DATABASE_URL: url })).handle({ asOf: '2026-07-03' })).toMatchObject({ dueSoon: 1 });
    const [row] = await ds.query("SELECT message, message_en FROM notification WHERE report_id = 4 AND kind = 'deadline-soon'");
    expect(row.message).toBe('Báo cáo Thống kê câu lạc bộ kỳ Quý II/2026 cần gửi trước ngày 05/07/2026');
    expect(row.message_en).toBe('Report "Thống kê câu lạc bộ" for Q2 2026 is due by 05/07/2026');
  });
});
