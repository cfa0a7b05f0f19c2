/*
 * Breach Clock's service worker (scope /). It shows each alert that arrives by Web Push as a notification
 * with an "Acknowledge" action, which POSTs the alert's signed token to the API without opening the app,
 * and opens (or focuses) the incident on a tap. Every word it shows comes in the push, already in the
 * recipient's language. It caches nothing: the dashboard is always read from the server.
 */
/* global self, fetch, URL */
'use strict';

const ICON = '/icons/icon-192.png';
const BADGE = '/icons/badge-96.png';
/** A push held by the push service longer than this (the phone was off) no longer says how much time is left. */
const STALE_MS = 5 * 60_000;

/** Shows one alert. A push always shows something (browsers require it), even one we cannot read. */
async function showAlert(payload) {
  if (payload && payload.v === 1 && payload.type === 'acknowledged') {
    // Someone acknowledged the alert: the notification still showing here says so instead.
    await self.registration.showNotification(payload.title, {
      body: payload.body,
      lang: payload.lang,
      icon: ICON,
      badge: BADGE,
      tag: payload.alertId,
      renotify: false,
      silent: true,
      data: { alertId: payload.alertId, title: payload.title, url: payload.url, acknowledged: true },
    });
    return;
  }
  if (!payload || payload.v !== 1) {
    await self.registration.showNotification('Breach Clock', { icon: ICON, badge: BADGE, data: { url: '/#/oncall' } });
    return;
  }
  const stale = Date.now() - Date.parse(payload.sentAt) > STALE_MS;
  await self.registration.showNotification(payload.title, {
    body: stale ? [payload.due, payload.deadline].filter(Boolean).join('\n') : payload.body,
    lang: payload.lang,
    icon: ICON,
    badge: BADGE,
    // One notification per alert: a repeat (escalation, retry) replaces it and rings again.
    tag: payload.alertId,
    renotify: true,
    requireInteraction: true,
    timestamp: Date.parse(payload.dueAt) || Date.now(),
    actions: [
      { action: 'ack', title: payload.actions.ack },
      { action: 'open', title: payload.actions.open },
    ],
    data: {
      alertId: payload.alertId,
      title: payload.title,
      url: payload.url,
      ackUrl: payload.ackUrl,
      ackToken: payload.ackToken,
      acked: payload.acked,
      ackFailed: payload.ackFailed,
    },
  });
}

/** Acknowledges with the token and says so in place of the alert; on failure says to open the incident. */
async function acknowledge(data) {
  let ok;
  try {
    const res = await fetch(data.ackUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: data.ackToken }),
      credentials: 'omit',
    });
    ok = res.ok;
  } catch {
    ok = false;
  }
  await self.registration.showNotification(data.title, {
    body: ok ? data.acked : data.ackFailed,
    icon: ICON,
    badge: BADGE,
    tag: data.alertId,
    renotify: false,
    silent: true,
    requireInteraction: !ok,
    data: { alertId: data.alertId, title: data.title, url: data.url, acknowledged: ok },
  });
  return ok;
}

/** Focuses a dashboard window already open and shows the incident there, or opens one. */
async function openIncident(url) {
  const target = new URL(url || '/', self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (open) {
    await open.focus().catch(() => undefined);
    // A window this worker controls is sent to the incident; another is asked to go there itself (push.ts listens).
    const moved = await open.navigate(target).catch(() => null);
    if (!moved) open.postMessage({ type: 'breach-clock:open', url: target });
    return moved || open;
  }
  return self.clients.openWindow(target);
}

/** What a tap on the notification (or one of its actions) does. */
async function onNotificationClick(notification, action) {
  const data = notification.data || {};
  notification.close();
  if (action === 'ack' && data.ackToken) return acknowledge(data);
  return openIncident(data.url);
}

/**
 * The browser replaced this device's subscription (it expired or was refreshed): the new one is handed to
 * the server with the old endpoint and auth secret as proof, so alerts keep arriving without a sign-in.
 */
async function renew(oldSubscription, newSubscription) {
  if (!oldSubscription) return false;
  const fresh = newSubscription || (await self.registration.pushManager.subscribe(oldSubscription.options));
  const old = oldSubscription.toJSON();
  const now = fresh.toJSON();
  const res = await fetch('/api/push/subscriptions/renew', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ oldEndpoint: old.endpoint, oldAuth: old.keys.auth, endpoint: now.endpoint, keys: { p256dh: now.keys.p256dh, auth: now.keys.auth } }),
    credentials: 'omit',
  });
  return res.ok;
}

function readPush(event) {
  try {
    return event.data ? event.data.json() : null;
  } catch {
    return null;
  }
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('push', (event) => event.waitUntil(showAlert(readPush(event))));
self.addEventListener('pushsubscriptionchange', (event) => event.waitUntil(renew(event.oldSubscription, event.newSubscription).catch(() => false)));
self.addEventListener('notificationclick', (event) => event.waitUntil(onNotificationClick(event.notification, event.action)));

// The handlers by name, so a browser test can drive a tap where it cannot click a system notification.
self.breachClock = { showAlert, onNotificationClick, renew };
