import { startHarness, type Harness } from './harness';

describe('indicators (GET/POST /api/v1/indicators)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('lists the national catalogue in the fixed shape', async () => {
    const s = await h.login('DN', 'admin');
    const res = await h.request('GET', '/api/v1/indicators', { token: s.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    expect(res.body.items.length).toBeGreaterThanOrEqual(30);
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(['aggregation', 'code', 'kind', 'name', 'national', 'unit', 'valueType']);
      expect(['flow', 'stock']).toContain(item.kind);
      expect(['sum', 'ratio', 'average', 'min', 'max', 'coverage', 'latest']).toContain(item.aggregation);
    }
    const national = res.body.items.filter((i: { national: boolean }) => i.national);
    expect(national.length).toBeGreaterThanOrEqual(30);
    expect(national.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['HOI_VIEN', 'HOI_VIEN_MOI']));
  });

  it("a tenant adds its own indicator; other tenants do not see it", async () => {
    const hn = await h.login('HN', 'admin');
    const created = await h.request('POST', '/api/v1/indicators', {
      token: hn.accessToken,
      body: { code: 'CLB_SEN_VANG', name: 'Số câu lạc bộ Sen vàng Thủ đô', unit: 'câu lạc bộ', valueType: 'integer', kind: 'stock', aggregation: 'sum' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'CLB_SEN_VANG', name: 'Số câu lạc bộ Sen vàng Thủ đô', unit: 'câu lạc bộ', valueType: 'integer', kind: 'stock', aggregation: 'sum', national: false });
    const mine = await h.request('GET', '/api/v1/indicators', { token: hn.accessToken });
    expect(mine.body.items.map((i: { code: string }) => i.code)).toContain('CLB_SEN_VANG');
    const dn = await h.login('DN', 'admin');
    const theirs = await h.request('GET', '/api/v1/indicators', { token: dn.accessToken });
    expect(theirs.body.items.map((i: { code: string }) => i.code)).not.toContain('CLB_SEN_VANG');
    const dup = await h.request('POST', '/api/v1/indicators', { token: hn.accessToken, body: { code: 'HOI_VIEN', name: 'x', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum' } });
    expect(dup.status).toBe(409);
  });
});
