/**
 * Web Push on this device, framework-free: the service worker at /sw.js holds the subscription, the server
 * keeps it as an alert channel.
 */
import { api } from './api.js';

export const pushSupported = (): boolean => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

const toKey = (base64url: string): Uint8Array<ArrayBuffer> => {
  const b64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
};

async function registration(): Promise<ServiceWorkerRegistration> {
  return (await navigator.serviceWorker.getRegistration('/')) ?? navigator.serviceWorker.register('/sw.js', { scope: '/' });
}

export async function pushEnabledHere(): Promise<boolean> {
  if (!pushSupported()) return false;
  const reg = await navigator.serviceWorker.getRegistration('/');
  return !!(await reg?.pushManager.getSubscription());
}

export async function enablePush(deviceName: string): Promise<void> {
  if ((await Notification.requestPermission()) !== 'granted') throw Object.assign(new Error('denied'), { code: 'denied' });
  const { publicKey } = await api<{ publicKey: string }>('GET', '/push/key');
  const reg = await registration();
  const sub = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: toKey(publicKey) }));
  const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  await api('POST', '/push/subscriptions', { endpoint: json.endpoint, keys: json.keys, deviceName });
}

export async function disablePush(): Promise<void> {
  const reg = await navigator.serviceWorker.getRegistration('/');
  const sub = await reg?.pushManager.getSubscription();
  if (!sub) return;
  const mine = await api<{ id: string; endpoint?: string }[]>('GET', '/push/subscriptions').catch(() => []);
  for (const s of mine) if (!s.endpoint || s.endpoint === sub.endpoint) await api('DELETE', `/push/subscriptions/${s.id}`).catch(() => undefined);
  await sub.unsubscribe();
}
