import { ApiClient, buildQuery, type FetchLike, type HttpResponse } from './api-client';
import { ApiError } from './api-error';
import { createMemorySessionStore, type Session } from './session';

/** A scripted transport: each call is recorded and answered by the next handler. */
interface Call {
  url: string;
  method: string;
  authorization?: string;
  body?: unknown;
}

function reply(status: number, body?: unknown): HttpResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => JSON.parse(text),
    text: async () => text,
  };
}

function fakeFetch(handler: (call: Call) => HttpResponse | Promise<HttpResponse>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = {
      url,
      method: init?.method ?? 'GET',
      authorization: headers.Authorization,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return handler(call);
  };
  return { fetch, calls };
}

const user = { id: '7', username: 'admin', tenant: 'HN', roles: ['tenant_admin' as const], unitId: '1' };
const session: Session = { accessToken: 'access-1', refreshToken: 'refresh-token-number-one', user };
const rotated = { accessToken: 'access-2', refreshToken: 'refresh-token-number-two', user };
const unauthorized = {
  statusCode: 401,
  code: 'UNAUTHORIZED',
  message: 'Phiên đăng nhập đã hết hạn',
  messageEn: 'Session expired',
};

describe('ApiClient', () => {
  it('sends the access token and returns the JSON body', async () => {
    const { fetch, calls } = fakeFetch(() => reply(200, { items: [], total: 0 }));
    const client = new ApiClient({ fetch, sessions: createMemorySessionStore(session) });

    await expect(client.get('/api/v1/org-units', { parentId: '1', q: '' })).resolves.toEqual({ items: [], total: 0 });
    expect(calls).toEqual([{ url: '/api/v1/org-units?parentId=1', method: 'GET', authorization: 'Bearer access-1', body: undefined }]);
  });

  it('on a 401 refreshes once, stores the rotated tokens and replays the call', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === '/api/v1/auth/refresh') return reply(200, rotated);
      return call.authorization === 'Bearer access-2' ? reply(200, { ok: true }) : reply(401, unauthorized);
    });
    const sessions = createMemorySessionStore(session);
    const expired = jest.fn();
    const client = new ApiClient({ fetch, sessions, onSessionExpired: expired });

    await expect(client.get('/api/v1/auth/me')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.authorization ?? '-'}`)).toEqual([
      'GET /api/v1/auth/me Bearer access-1',
      'POST /api/v1/auth/refresh -',
      'GET /api/v1/auth/me Bearer access-2',
    ]);
    expect(calls[1]?.body).toEqual({ refreshToken: 'refresh-token-number-one' });
    expect(sessions.get()).toEqual(rotated);
    expect(expired).not.toHaveBeenCalled();
  });

  it('shares one refresh between concurrent calls (refresh tokens rotate)', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === '/api/v1/auth/refresh') return reply(200, rotated);
      return call.authorization === 'Bearer access-2' ? reply(200, { url: call.url }) : reply(401, unauthorized);
    });
    const client = new ApiClient({ fetch, sessions: createMemorySessionStore(session) });

    const results = await Promise.all([client.get('/a'), client.get('/b'), client.get('/c')]);
    expect(results).toEqual([{ url: '/a' }, { url: '/b' }, { url: '/c' }]);
    expect(calls.filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('logs out when the refresh token is refused, and does not retry again', async () => {
    const { fetch, calls } = fakeFetch(() => reply(401, unauthorized));
    const sessions = createMemorySessionStore(session);
    const expired = jest.fn();
    const client = new ApiClient({ fetch, sessions, onSessionExpired: expired });

    const error = await client.get('/api/v1/auth/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toBe('Phiên đăng nhập đã hết hạn');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/me', '/api/v1/auth/refresh']);
    expect(sessions.get()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('refreshes at most once per call: a fresh token refused too ends the session', async () => {
    const { fetch, calls } = fakeFetch((call) => (call.url === '/api/v1/auth/refresh' ? reply(200, rotated) : reply(401, unauthorized)));
    const sessions = createMemorySessionStore(session);
    const expired = jest.fn();
    const client = new ApiClient({ fetch, sessions, onSessionExpired: expired });

    await expect(client.get('/api/v1/indicators')).rejects.toMatchObject({ status: 401 });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/indicators', '/api/v1/auth/refresh', '/api/v1/indicators']);
    expect(sessions.get()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the refresh could not be answered (server error)', async () => {
    const { fetch } = fakeFetch((call) => (call.url === '/api/v1/auth/refresh' ? reply(503) : reply(401, unauthorized)));
    const sessions = createMemorySessionStore(session);
    const client = new ApiClient({ fetch, sessions });

    await expect(client.get('/api/v1/auth/me')).rejects.toMatchObject({ status: 503 });
    expect(sessions.get()).toEqual(session);
  });

  it('does not try to refresh for a failed login, and surfaces the Vietnamese message', async () => {
    const body = { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Sai tên đăng nhập hoặc mật khẩu', messageEn: 'Wrong username or password' };
    const { fetch, calls } = fakeFetch(() => reply(401, body));
    const sessions = createMemorySessionStore();
    const client = new ApiClient({ fetch, sessions });

    await expect(client.login({ tenant: 'HN', username: 'admin', password: 'nope' })).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'Sai tên đăng nhập hoặc mật khẩu',
    });
    expect(calls).toHaveLength(1);
    expect(sessions.get()).toBeNull();
  });

  it('stores the session after a login and revokes it on logout', async () => {
    const { fetch, calls } = fakeFetch((call) => (call.url === '/api/v1/auth/login' ? reply(200, session) : reply(204)));
    const sessions = createMemorySessionStore();
    const client = new ApiClient({ fetch, sessions });

    await client.login({ tenant: 'HN', username: 'admin', password: 'sen-demo-2024' });
    expect(sessions.get()).toEqual(session);
    await client.logout();
    expect(sessions.get()).toBeNull();
    expect(calls[1]).toMatchObject({ url: '/api/v1/auth/logout', method: 'POST', body: { refreshToken: session.refreshToken } });
  });

  it('reports a network failure as status 0', async () => {
    const client = new ApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      sessions: createMemorySessionStore(session),
    });
    await expect(client.get('/api/v1/indicators')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ q: 'cầu giấy', limit: 20, parentId: undefined, offset: 0 })).toBe('?q=c%E1%BA%A7u+gi%E1%BA%A5y&limit=20&offset=0');
    expect(buildQuery({})).toBe('');
  });
});
