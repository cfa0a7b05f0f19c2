import { useEffect, useState } from 'preact/hooks';
import type { Me } from './api.js';

/** Who is signed in and whether the scheduler runs; every screen reads it, sign-in and the socket write it. */
export const session: { me: Me | null; stalled: boolean } = { me: null, stalled: false };
const listeners = new Set<() => void>();

export function updateSession(change: Partial<typeof session>): void {
  Object.assign(session, change);
  for (const fn of listeners) fn();
}

export function useSession(): typeof session {
  const [, setN] = useState(0);
  useEffect(() => {
    const force = () => setN((n) => n + 1);
    listeners.add(force);
    return () => void listeners.delete(force);
  }, []);
  return session;
}

export const can = (permission: string): boolean => !!session.me?.permissions.includes(permission);
export const hasRole = (roles: readonly string[]): boolean => !!session.me?.roles.some((r) => roles.includes(r));

/** The hash route, re-read when it changes. */
export function useRoute(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

const tickers = new Set<(now: number) => void>();
let timer: number | undefined;
/**
 * One timer for every countdown on screen; each writes its own text, so a tick never re-renders a screen.
 * Each tick is measured, so a test can tell that 500 countdowns tick within a frame.
 */
export function onTick(fn: (now: number) => void): () => void {
  tickers.add(fn);
  timer ??= window.setInterval(
    () =>
      requestAnimationFrame(() => {
        const started = performance.now();
        const now = Date.now();
        for (const f of tickers) f(now);
        performance.measure('clock-tick', { start: started, end: performance.now() });
      }),
    1000,
  );
  return () => {
    tickers.delete(fn);
    if (!tickers.size) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Re-renders the component every second (for the few places whose layout depends on the time). */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => onTick(setNow), []);
  return now;
}
