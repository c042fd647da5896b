import * as http from 'node:http';

/**
 * A tiny client of the api under test: node:http with a keep-alive agent of at most `maxSockets` connections,
 * so that an open-loop load queues on the client instead of overflowing the server's accept queue (which
 * resets connections: those requests would never reach the api).
 */
export class ApiClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    readonly baseUrl: string,
    maxSockets = 128,
  ) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method, path, agent: this.agent, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async login(tenant: string, username: string, password: string): Promise<string> {
    const res = await this.request('POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ tenant, username, password }));
    if (res.status !== 200) throw new Error(`login ${tenant}/${username}: HTTP ${res.status} ${res.text}`);
    return (JSON.parse(res.text) as { accessToken: string }).accessToken;
  }

  /** POST /api/v1/reports/:id/approve; the status, and the body when it is not 200. */
  async approve(token: string, reportId: string): Promise<{ status: number; body: string }> {
    const res = await this.request('POST', `/api/v1/reports/${reportId}/approve`, { authorization: `Bearer ${token}` });
    return { status: res.status, body: res.status === 200 ? '' : res.text.slice(0, 500) };
  }

  async get(token: string, path: string): Promise<{ status: number; json: unknown }> {
    const res = await this.request('GET', path, { authorization: `Bearer ${token}` });
    let json: unknown = res.text;
    try {
      json = JSON.parse(res.text);
    } catch {
      // keep the text
    }
    return { status: res.status, json };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return out;
}
