import { loginResponseSchema, type LoginRequest, type LoginResponse } from '@sen/contracts';
import { ApiError } from './api-error';
import { sessionFromLogin, type Session, type SessionStore } from './session';

/** The part of a fetch Response the client reads. */
export interface HttpResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}
export type FetchLike = (input: string, init?: RequestInit) => Promise<HttpResponse>;
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** A JSON body, or a FormData for uploads. */
  body?: unknown;
  /** false for the calls made before there is a session (login). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** The transport; the browser's fetch in the app, a fake in unit tests. */
  fetch: FetchLike;
  sessions: SessionStore;
  /** Prefix of every path, '' in the app: the api serves the web and the API on the same origin. */
  baseUrl?: string;
  /** Called once when the session ends because the API refused to renew it. */
  onSessionExpired?: () => void;
}

/** Statuses with which /auth/refresh says "this refresh token is no good": the session is over. */
const REFRESH_REJECTED = new Set([400, 401, 403]);

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The client of the Sen API. Access tokens live 15 minutes, so a 401 on an authenticated call
 * renews the session once through /auth/refresh and replays the call; when the API refuses the
 * refresh token the session is cleared (the app then shows the login page).
 * Concurrent 401s share one refresh: refresh tokens rotate, and presenting a used one twice would
 * be taken as a replay.
 */
export class ApiClient {
  readonly sessions: SessionStore;
  private readonly doFetch: FetchLike;
  private readonly baseUrl: string;
  private readonly onSessionExpired?: () => void;
  private refreshing: Promise<Session | null> | null = null;

  constructor(options: ApiClientOptions) {
    const transport = options.fetch;
    // Called as a plain function: window.fetch throws "Illegal invocation" when called as a method of another object.
    this.doFetch = (input, init) => transport(input, init);
    this.sessions = options.sessions;
    this.baseUrl = options.baseUrl ?? '';
    this.onSessionExpired = options.onSessionExpired;
  }

  get<T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { query, signal });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>(path, { method: 'POST', body });
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>(path, { method: 'PATCH', body });
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const useAuth = options.auth ?? true;
    const session = useAuth ? this.sessions.get() : null;
    let response = await this.send(path, options, session?.accessToken);

    if (response.status === 401 && useAuth && session) {
      const renewed = await this.renew(session);
      if (!renewed) throw await this.toError(response);
      response = await this.send(path, options, renewed.accessToken);
      if (response.status === 401) {
        // A token minted a moment ago is refused too: the account or its session was revoked.
        this.endSession();
      }
    }
    return this.read<T>(response);
  }

  async login(credentials: LoginRequest): Promise<LoginResponse> {
    const raw = await this.request<unknown>('/api/v1/auth/login', { method: 'POST', body: credentials, auth: false });
    const response = loginResponseSchema.parse(raw);
    this.sessions.set(sessionFromLogin(response));
    return response;
  }

  /** Signs out here at once, then tells the API to revoke the refresh token (best effort). */
  async logout(): Promise<void> {
    const session = this.sessions.get();
    this.sessions.set(null);
    if (!session) return;
    try {
      await this.send('/api/v1/auth/logout', { method: 'POST', body: { refreshToken: session.refreshToken } }, session.accessToken);
    } catch {
      // Offline: the refresh token expires by itself.
    }
  }

  /** The session to retry with, or null when the session is over. */
  private async renew(stale: Session): Promise<Session | null> {
    const current = this.sessions.get();
    if (!current) return null;
    // Another request (or another tab) already renewed it.
    if (current.accessToken !== stale.accessToken) return current;
    if (!this.refreshing) {
      this.refreshing = this.refresh(current).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async refresh(current: Session): Promise<Session | null> {
    const response = await this.send('/api/v1/auth/refresh', { method: 'POST', body: { refreshToken: current.refreshToken } }, undefined);
    if (response.ok) {
      const parsed = loginResponseSchema.safeParse(await response.json().catch(() => null));
      if (parsed.success) {
        const next = sessionFromLogin(parsed.data);
        this.sessions.set(next);
        return next;
      }
      this.endSession();
      return null;
    }
    if (REFRESH_REJECTED.has(response.status)) {
      this.endSession();
      return null;
    }
    // 5xx or 429: the API could not answer now; keep the session so the next call can try again.
    throw await this.toError(response);
  }

  private endSession(): void {
    if (this.sessions.get() === null) return;
    this.sessions.set(null);
    this.onSessionExpired?.();
  }

  private async send(path: string, options: RequestOptions, accessToken: string | undefined): Promise<HttpResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await this.doFetch(`${this.baseUrl}${path}${buildQuery(options.query)}`, {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, null, 'Network error');
    }
  }

  private async read<T>(response: HttpResponse): Promise<T> {
    if (!response.ok) throw await this.toError(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async toError(response: HttpResponse): Promise<ApiError> {
    const json: unknown = await response.json().catch(() => null);
    return ApiError.fromBody(response.status, json);
  }
}
