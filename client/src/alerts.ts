import { io, type Socket } from 'socket.io-client';
import type { AlertMessage, ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events.js';
import { currentToken, refresh } from './api.js';
import { updateSession } from './state.js';

/** An alert as a toast shows it; the richer fields come with the on-call contract and may be absent. */
export type LiveAlert = AlertMessage & {
  incidentRef?: string;
  told?: { userId: string; name: string; channels: string[] }[];
  nextEscalationAt?: string | null;
  key: string;
};

type Listener = () => void;
const toastListeners = new Set<Listener>();
const changeListeners = new Set<(e: { kind: 'alert' | 'ack' | 'incident'; incidentId?: string; version?: number }) => void>();
export const toasts: LiveAlert[] = [];
const seen = new Set<string>();
let lastAlertAt = new Date().toISOString();
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

export const onToasts = (fn: Listener) => (toastListeners.add(fn), () => void toastListeners.delete(fn));
export const onLiveChange = (fn: Parameters<typeof changeListeners.add>[0]) => (changeListeners.add(fn), () => void changeListeners.delete(fn));
const emit = (e: Parameters<Parameters<typeof changeListeners.add>[0]>[0]) => changeListeners.forEach((fn) => fn(e));
const toastsChanged = () => toastListeners.forEach((fn) => fn());

export function dismissToast(key: string): void {
  const i = toasts.findIndex((x) => x.key === key);
  if (i >= 0) toasts.splice(i, 1);
  toastsChanged();
}

let audio: AudioContext | undefined;
function beep(): void {
  try {
    const ctx = (audio ??= new AudioContext());
    const osc = ctx.createOscillator();
    osc.frequency.value = 880;
    osc.connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.3);
  } catch {
    // No audio device, or the browser blocks sound until the page is touched: the toast still shows.
  }
}

function arrived(m: AlertMessage, live: boolean): void {
  // An escalation repeats an alert this person may already have seen: it is news again at each level.
  const key = m.escalationLevel ? `${m.alertId}:${m.escalationLevel}` : m.alertId;
  if (seen.has(key)) return;
  seen.add(key);
  if (m.sentAt > lastAlertAt) lastAlertAt = m.sentAt;
  emit({ kind: 'alert', incidentId: m.incidentId });
  // Replayed alerts are listed on the on-call screen; only a live one interrupts with a toast and a tone.
  if (!live) return;
  toasts.push({ ...m, key });
  toastsChanged();
  beep();
}

export function connect(): void {
  socket?.disconnect();
  const s: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket'], auth: (cb) => cb({ token: currentToken() }) });
  s.on('connect', () => {
    // Replay anything fired while this dashboard was away; `seen` drops what it already showed.
    s.emit('alerts:replay', { since: lastAlertAt }, (r) => r.alerts?.forEach((m) => arrived(m, false)));
  });
  s.on('alert:fired', (m) => arrived(m, true));
  s.on('alert:acknowledged', (m) => {
    // Acknowledged anywhere: the toast has done its job.
    for (let i = toasts.length - 1; i >= 0; i--) if (toasts[i]!.alertId === m.alertId) toasts.splice(i, 1);
    toastsChanged();
    emit({ kind: 'ack', incidentId: m.incidentId });
  });
  s.on('alert:resolved', (m) => {
    // What the alert was about was done: it no longer asks anything of anyone.
    for (let i = toasts.length - 1; i >= 0; i--) if (toasts[i]!.alertId === m.alertId) toasts.splice(i, 1);
    toastsChanged();
    emit({ kind: 'ack', incidentId: m.incidentId });
  });
  s.on('incident:updated', (m) => emit({ kind: 'incident', incidentId: m.id, version: m.version }));
  s.on('scheduler:stalled', () => updateSession({ stalled: true }));
  s.on('scheduler:recovered', () => updateSession({ stalled: false }));
  s.on('session:expired', () => void refresh().then(() => s.connect()));
  socket = s;
}

export function disconnect(): void {
  socket?.disconnect();
  socket = null;
}

/** Asks to hear about changes to one incident while its page is open. */
export function watchIncident(incidentId: string): () => void {
  socket?.emit('incident:watch', { incidentId }, () => undefined);
  return () => socket?.emit('incident:unwatch', { incidentId });
}
