/**
 * Web Push on this device: the service worker, the browser's subscription, and the server's record of
 * it. Framework-free; the screens call these and word the outcomes (PushError codes) from the catalogue.
 * Importing this module registers the service worker, which also makes the dashboard installable.
 */
import { api, ApiError } from './api.js';

/** Why push could not be turned on, for the screen to word. */
export class PushError extends Error {
  constructor(readonly code: 'unsupported' | 'denied' | 'subscribe-failed') {
    super(code);
    this.name = 'PushError';
  }
}

/** This browser's subscription id on the server, so turning push off removes exactly this device. */
const STORED_ID = 'breach-clock.push-subscription';

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

let registration: Promise<ServiceWorkerRegistration> | undefined;

/** Registers the worker at /sw.js for the whole dashboard (once per page). */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration> {
  registration ??= navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return registration;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current || current.byteLength !== wanted.length) return false;
  const bytes = new Uint8Array(current);
  return bytes.every((b, i) => b === wanted[i]);
}

/**
 * Asks for permission, subscribes this browser with the server's key and records it under the device name.
 * After the push service said this device's subscription is gone, the browser's old one is dropped for a new one.
 */
export async function enablePush(deviceName: string): Promise<void> {
  if (!pushSupported()) throw new PushError('unsupported');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushError('denied');
  await registerServiceWorker();
  const ready = await navigator.serviceWorker.ready;
  const { publicKey } = await api<{ publicKey: string }>('GET', '/push/key');
  const key = keyBytes(publicKey);
  let subscription = await ready.pushManager.getSubscription();
  const gone = (await pushStateHere()) === 'gone';
  // The server replaces this device's gone record with the new subscription.
  const replaces = gone ? localStorage.getItem(STORED_ID) : null;
  // Subscribed with another key (the server's keys changed), or gone: the push service would refuse our pushes.
  if (subscription && (gone || !sameKey(subscription.options.applicationServerKey, key))) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch {
    throw new PushError('subscribe-failed');
  }
  const json = subscription.toJSON();
  const saved = await api<{ id: string }>('POST', '/push/subscriptions', {
    endpoint: json.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
    deviceName,
    ...(replaces ? { replaces } : {}),
  });
  localStorage.setItem(STORED_ID, saved.id);
}

/** This browser's subscription id on the server, if push was turned on here. */
export const deviceIdHere = (): string | null => localStorage.getItem(STORED_ID);

/** Removes one of the person's devices from the server (one the push service said is gone, or another of theirs). */
export async function removeDevice(id: string): Promise<void> {
  await api('DELETE', `/push/subscriptions/${encodeURIComponent(id)}`);
  if (id === localStorage.getItem(STORED_ID)) localStorage.removeItem(STORED_ID);
}

/** Removes this device from the server and unsubscribes the browser. */
export async function disablePush(): Promise<void> {
  await forgetHere();
  if (!pushSupported()) return;
  const current = await navigator.serviceWorker.getRegistration('/');
  await (await current?.pushManager.getSubscription())?.unsubscribe();
}

/** Removes the server's record of this device, if it has one. */
async function forgetHere(): Promise<void> {
  const id = localStorage.getItem(STORED_ID);
  if (id) {
    await api('DELETE', `/push/subscriptions/${encodeURIComponent(id)}`).catch((err: unknown) => {
      // Already removed (from another device, or the push service said it expired): nothing left to do there.
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    });
    localStorage.removeItem(STORED_ID);
  }
}

/**
 * Push on this device: 'on' when this browser is subscribed, may show notifications, and the server still
 * sends to it for the signed-in person; 'gone' when the push service told the server this device's
 * subscription no longer exists (it must be turned on again); else 'off'.
 */
export async function pushStateHere(): Promise<'on' | 'off' | 'gone'> {
  if (!pushSupported()) return 'off';
  const id = localStorage.getItem(STORED_ID);
  if (!id) return 'off';
  const mine = await api<{ id: string; gone?: boolean }[]>('GET', '/push/subscriptions');
  const here = mine.find((s) => s.id === id);
  if (here?.gone) return 'gone';
  const current = await navigator.serviceWorker.getRegistration('/');
  if (!here || Notification.permission !== 'granted' || !(await current?.pushManager.getSubscription())) return 'off';
  return 'on';
}

/** True when push is on for this device (see pushStateHere). */
export const pushEnabledHere = async (): Promise<boolean> => (await pushStateHere()) === 'on';

if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  registerServiceWorker().catch(() => undefined);
  // A tap on a notification while the dashboard is open: the worker asks this window to show the incident.
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; url?: string }>) => {
    if (event.data?.type !== 'breach-clock:open' || !event.data.url) return;
    const url = new URL(event.data.url, location.href);
    if (url.origin === location.origin) location.assign(url.href);
  });
}
