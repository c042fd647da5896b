import type { ApiClient } from './api-client';
import { ApiError } from './api-error';

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
export function dispositionFilename(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads the plan's Word file (GET …/export.docx) with the session's token and saves it under the name
 * the API gives. The token is renewed once (through an ordinary call) when it has expired.
 */
/**
 * Downloads a file of the API (Word, Excel) with the session's token and saves it under the name the API
 * gives. The token is renewed once (through an ordinary call) when it has expired.
 */
export async function downloadWithSession(client: ApiClient, url: string, fallback: string, fetchImpl: typeof fetch = fetch): Promise<{ filename: string; size: number }> {
  const send = () => fetchImpl(url, { headers: { Authorization: `Bearer ${client.sessions.get()?.accessToken ?? ''}` } });
  let res = await send();
  if (res.status === 401) {
    await client.get('/api/v1/auth/me'); // renews the session when the refresh token is still good
    res = await send();
  }
  if (!res.ok) throw ApiError.fromBody(res.status, await res.json().catch(() => null));
  const blob = await res.blob();
  const filename = dispositionFilename(res.headers.get('content-disposition'), fallback);
  const href = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = href;
    a.download = filename;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(href), 30_000);
  }
  return { filename, size: blob.size };
}
