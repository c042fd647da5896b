import { startHarness, type Harness } from './harness';

describe('notifications (GET /api/v1/notifications)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("lists the notices of the user's units and marks one read; other units' notices are not listed", async () => {
    const rep = await h.login('HN', 'reporter');
    const admin = await h.login('HN', 'admin');
    await h.db.query(`INSERT INTO notification (tenant_id, unit_id, kind, message) VALUES (2, ?, 'deadline-soon', 'Báo cáo cần gửi trước ngày 13/06/2031'), (2, ?, 'overdue', 'Một xã chưa gửi báo cáo')`, [rep.user.unitId, admin.user.unitId]);
    const mine = await h.request('GET', '/api/v1/notifications?unread=true', { token: rep.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((n: { message: string }) => n.message)).toEqual(['Báo cáo cần gửi trước ngày 13/06/2031']);
    expect((await h.request('POST', `/api/v1/notifications/${mine.body.items[0].id}/read`, { token: rep.accessToken })).status).toBe(204);
    expect((await h.request('GET', '/api/v1/notifications?unread=true', { token: rep.accessToken })).body.total).toBe(0);
    const cityNotices = await h.request('GET', '/api/v1/notifications', { token: admin.accessToken });
    expect(cityNotices.body.items.map((n: { message: string }) => n.message)).toContain('Một xã chưa gửi báo cáo');
  });

  it("marks all the user's notices read (POST /notifications/read-all) and leaves other units' notices unread", async () => {
    const rep = await h.login('HN', 'reporter');
    const admin = await h.login('HN', 'admin');
    await h.db.query(
      `INSERT INTO notification (tenant_id, unit_id, kind, message) VALUES (2, ?, 'deadline-soon', 'Nhắc 1'), (2, ?, 'deadline-soon', 'Nhắc 2'), (2, ?, 'overdue', 'Nhắc thành phố')`,
      [rep.user.unitId, rep.user.unitId, admin.user.unitId],
    );
    const cityUnread = (await h.request('GET', '/api/v1/notifications?unread=true', { token: admin.accessToken })).body.total;
    expect(cityUnread).toBeGreaterThan(0);
    const res = await h.request('POST', '/api/v1/notifications/read-all', { token: rep.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 2 });
    expect((await h.request('GET', '/api/v1/notifications?unread=true', { token: rep.accessToken })).body.total).toBe(0);
    expect((await h.request('POST', '/api/v1/notifications/read-all', { token: rep.accessToken })).body).toEqual({ updated: 0 });
    expect((await h.request('GET', '/api/v1/notifications?unread=true', { token: admin.accessToken })).body.total).toBe(cityUnread);
  });
});
