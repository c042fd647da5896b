import { startHarness, type Harness } from './harness';

describe('queue dashboard (Bull Board) behind platform administrator login', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('is closed without the session cookie, opens for a platform administrator, and stays closed to others', async () => {
    expect((await h.request('GET', '/admin/queues')).status).toBe(401);
    const hn = await h.login('HN', 'admin');
    expect((await h.request('POST', '/api/v1/admin/queue-session', { token: hn.accessToken })).status).toBe(403);
    const tw = await h.login('TW', 'admin');
    const session = await h.request('POST', '/api/v1/admin/queue-session', { token: tw.accessToken });
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    expect(String(session.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await h.request('GET', '/admin/queues', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<html');
    const queues = await h.request('GET', '/admin/queues/api/queues', { headers: { cookie } });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['aggregation', 'documents', 'maintenance']);
    expect((await h.request('GET', '/admin/queues/api/queues', { headers: { cookie: 'sen_queue_board=forged' } })).status).toBe(401);
  });
});
