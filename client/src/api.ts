import { currentLang } from './words.js';
import { fileNameOf } from './file-name.js';

/** The REST API, with the access token kept in memory and renewed from the httpOnly refresh cookie. */
export interface Me {
  id: string;
  name: string;
  email: string;
  roles: string[];
  permissions: string[];
}

let token: string | null = null;
let renewTimer: number | undefined;
const listeners: ((token: string | null) => void)[] = [];

export const onTokenChange = (fn: (token: string | null) => void) => listeners.push(fn);
export const currentToken = () => token;

function setSession(accessToken: string | null, expiresAt?: string): void {
  token = accessToken;
  window.clearTimeout(renewTimer);
  if (accessToken && expiresAt) {
    // Renew a minute before expiry, so the user's work is never interrupted by a sign-in.
    const inMs = Math.max(5_000, new Date(expiresAt).getTime() - Date.now() - 60_000);
    renewTimer = window.setTimeout(() => void refresh(), inMs);
  }
  for (const fn of listeners) fn(accessToken);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: { code: string; message: string; details: { path: string; message: string; label: string }[] } },
    /** From `Retry-After` on a 429: how many seconds to wait before trying again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.error?.message ?? `HTTP ${status}`);
  }
}

/** `Retry-After` in seconds (the service sends seconds, not a date); null when absent or unreadable. */
const retryAfterOf = (header: string | null): number | null => {
  const seconds = header && /^\d+$/.test(header.trim()) ? Number(header) : NaN;
  return seconds > 0 ? seconds : null;
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method,
    headers: {
      'Accept-Language': currentLang(),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    credentials: 'same-origin',
  });
  if (res.status === 401 && token && path !== '/auth/refresh') {
    if (await refresh()) return api(method, path, body);
  }
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, parsed ?? {}, retryAfterOf(res.headers.get('Retry-After')));
  return parsed as T;
}

export async function login(email: string, password: string): Promise<Me> {
  const session = await api<{ accessToken: string; expiresAt: string; user: Me }>('POST', '/auth/login', { email, password });
  setSession(session.accessToken, session.expiresAt);
  return session.user;
}

export async function refresh(): Promise<Me | null> {
  try {
    // 204 (undefined): no refresh cookie, so nobody is signed in here.
    const session = await api<{ accessToken: string; expiresAt: string; user: Me } | undefined>('POST', '/auth/refresh', {});
    if (!session) {
      setSession(null);
      return null;
    }
    setSession(session.accessToken, session.expiresAt);
    return session.user;
  } catch {
    setSession(null);
    return null;
  }
}

export async function logout(): Promise<void> {
  await api('POST', '/auth/logout', {}).catch(() => undefined);
  setSession(null);
}

/** Downloads an authenticated file (CSV, PDF). */
/** Saves what the path answers under the name the server gives it, or `filename` when it gives none. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(`/api${path}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': currentLang() } });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileNameOf(res.headers.get('Content-Disposition')) ?? filename;
  document.body.append(a);
  a.click();
  a.remove();
}
