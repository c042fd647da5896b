import type { LoginResponse, SessionUser } from '@sen/contracts';

/** What the browser keeps between visits: both tokens and the signed-in user. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

export const SESSION_STORAGE_KEY = 'sen.session';

/**
 * Where the session lives. `get` must return the same object while nothing changed (React's
 * useSyncExternalStore compares snapshots by reference).
 */
export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

export function sessionFromLogin(response: LoginResponse): Session {
  return { accessToken: response.accessToken, refreshToken: response.refreshToken, user: response.user };
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.accessToken === 'string' && typeof v.refreshToken === 'string' && typeof v.user === 'object' && v.user !== null;
}

/** A store kept in memory only (tests, or a browser without storage). */
export function createMemorySessionStore(initial: Session | null = null): SessionStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(session) {
      current = session;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The session in localStorage under `sen.session`, shared by every tab: a sign-out or a token
 * rotation in one tab is seen by the others through the `storage` event.
 */
export function createLocalStorageSessionStore(storage: Storage = window.localStorage, key = SESSION_STORAGE_KEY): SessionStore {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null | undefined;
  let cached: Session | null = null;

  const read = (): Session | null => {
    let raw: string | null = null;
    try {
      raw = storage.getItem(key);
    } catch {
      raw = null;
    }
    if (raw === cachedRaw) return cached;
    cachedRaw = raw;
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      cached = isSession(parsed) ? parsed : null;
    } catch {
      cached = null;
    }
    return cached;
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === key || event.key === null) listeners.forEach((l) => l());
    });
  }

  return {
    get: read,
    set(session) {
      try {
        if (session) storage.setItem(key, JSON.stringify(session));
        else storage.removeItem(key);
      } catch {
        // Storage full or disabled: the session still lives for this page through the cache below.
      }
      cachedRaw = session ? JSON.stringify(session) : null;
      cached = session;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
