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
    const rows: { unit_id: string; kind: string; message: string }[] = await ds.query('SELECT unit_id, kind, message FROM notification ORDER BY id');
    expect(rows.map((r) => [String(r.unit_id), r.kind])).toEqual([
      ['2', 'deadline-soon'],
      ['1', 'overdue'],
    ]);
    expect(rows[0]!.message).toBe('Báo cáo Báo cáo 6 tháng kỳ 2026S1 cần gửi trước ngày 13/06/2026');
    expect(rows[1]!.message).toContain('Hội LHPN xã Hai chưa gửi báo cáo');
    expect(await job.handle({ asOf: '2026-06-11' })).toEqual({ dueSoon: 0, overdue: 0, emailed: 0 });
  });
});
