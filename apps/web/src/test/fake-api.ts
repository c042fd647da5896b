import type { FetchLike } from '../lib/api-client';
import { jsonResponse } from './render';

type Handler = (url: URL, init: RequestInit | undefined) => unknown;

/**
 * A scripted transport for page tests: routes "METHOD /path" to a handler returning the JSON body
 * (or a [status, body] pair); unknown routes answer 404 so a test never passes by accident.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input, 'http://sen.test');
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}${url.search}`);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Không tìm thấy', messageEn: 'Not found' });
    const result = handler(url, init);
    if (Array.isArray(result) && typeof result[0] === 'number') return jsonResponse(result[0], result[1]);
    return jsonResponse(200, result);
  };
  return { fetch, calls };
}
