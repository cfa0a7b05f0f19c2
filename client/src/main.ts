import { io, type Socket } from 'socket.io-client';
import type { IncidentView } from '../../server/domains/incidents/incident.presenter.js';
import type { AlertMessage, ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events.js';
import { api, currentToken, download, login, logout, onTokenChange, refresh } from './api.js';
import { h, mount } from './dom.js';
import { countdown, currentLang, t, toggleLang } from './i18n.js';
import { adminPage } from './screens/admin.js';
import { incidentPage } from './screens/incident.js';
import { templatesPage } from './screens/templates.js';
import { findNationalIdNumbers } from '../../server/domains/incidents/national-id.js';
import { can, field, fromLocalInput, layout as shellLayout, localInput, select, session, setShellHooks, showError, timeEl, word } from './shell.js';

interface AlertView { id: string; incidentId: string; incidentRef: string; title: string; milestone: string; kind: string; firedAt: string; late: boolean; acknowledgedAt: string | null; acknowledgedBy: { name: string } | null }

const app = document.getElementById('app')!;
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
let lastAlertAt = new Date().toISOString();
const seenAlerts = new Set<string>();
let tick: number | undefined;
const boardFilter = { q: '', view: 'all' };
let shownIncident: { id: string; version: number } | null = null;

function showStale(): void {
  if (document.querySelector('[data-testid="stale"]')) return;
  const nb = currentLang() === 'nb';
  document.querySelector('main')?.prepend(h('div', { className: 'warning', role: 'status', 'data-testid': 'stale' },
    nb ? 'Noen har nettopp endret saken. ' : 'Someone just changed this incident. ',
    h('button', { className: 'secondary', onclick: () => void route() }, nb ? 'Vis endringene' : 'Show the changes')));
}

type Render = ((active: string, ...content: Node[]) => void) & { stale: () => boolean };
let routeSeq = 0;
/**
 * A screen renders through the Render of the route that started it: a slow screen whose data arrives
 * after the user has moved on (the board loading while they open "New incident") draws nothing.
 */
function renderFor(seq: number): Render {
  const stale = () => seq !== routeSeq;
  return Object.assign((active: string, ...content: Node[]) => { if (!stale()) shellLayout(app, active, ...content); }, { stale });
}
const currentRender = () => renderFor(routeSeq);
setShellHooks({
  route: () => void route(),
  toggleLang: () => { toggleLang(); void route(); },
  signOut: () => void logout().then(() => { session.me = null; socket?.disconnect(); void route(); }),
});

// ---- Screens ---------------------------------------------------------------------------------------

function signIn(): void {
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const errors = h('div');
  const form = h('form', { className: 'card', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    try {
      session.me = await login(email.value, password.value);
      connectSocket();
      location.hash = '#/';
      route();
    } catch (err) {
      mount(errors, showError(err));
    }
  } },
  h('h1', {}, t('signIn')), field(t('email'), email), field(t('password'), password), errors,
  h('button', { className: 'primary', type: 'submit' }, t('signIn')));
  mount(app, h('main', {}, form));
}

function countdownClass(i: IncidentView, now: number): string {
  if (!i.deadline || i.clock.state !== 'running') return '';
  const left = new Date(i.deadline).getTime() - now;
  if (left < 0) return 'overdue';
  if (left < 12 * 3_600_000) return 'urgent';
  if (left < 24 * 3_600_000) return 'warn';
  return '';
}

function matchesFilter(i: IncidentView, now: number): boolean {
  const q = boardFilter.q.toLowerCase();
  if (q && !`${i.ref} ${i.title} ${i.owner?.name ?? ''}`.toLowerCase().includes(q)) return false;
  const left = i.deadline ? new Date(i.deadline).getTime() - now : null;
  if (boardFilter.view === 'overdue') return left !== null && left < 0;
  if (boardFilter.view === 'due24') return left !== null && left < 24 * 3_600_000;
  if (boardFilter.view === 'triage') return i.status === 'triage';
  if (boardFilter.view === 'mine') return i.owner?.id === session.me?.id;
  return true;
}

async function board(layout: Render = currentRender()): Promise<void> {
  // Open incidents whose clock stopped (filed, or found not notifiable) still owe work until closed.
  const [running, triage, stopped] = await Promise.all([
    api<{ items: IncidentView[] }>('GET', '/incidents?clock=running&sort=deadline&limit=500'),
    api<{ items: IncidentView[] }>('GET', '/incidents?status=triage&limit=200'),
    api<{ items: IncidentView[] }>('GET', '/incidents?status=open&clock=stopped&limit=200'),
  ]);
  if (layout.stale()) return;
  const all = [...running.items, ...triage.items, ...stopped.items];
  const grid = h('div', { className: 'board', 'data-testid': 'board' });
  const counters: { el: HTMLElement; card: HTMLElement; incident: IncidentView }[] = [];
  const items = all.filter((i) => matchesFilter(i, Date.now()));
  for (const incident of items) {
    const counter = h('div', { className: 'countdown', 'data-testid': 'countdown' });
    const next = incident.status === 'triage' ? t('declareAware') : incident.clock.state === 'running' ? incident.clock.milestones.find((m) => !m.passed) : undefined;
    const card = h('a', { className: 'card incident', href: `#/incidents/${incident.id}` },
      h('div', { className: 'muted' }, `${incident.ref} · ${word(incident.status)}${incident.restricted ? ` · ${t('restricted')}` : ''}`),
      h('div', {}, h('strong', {}, incident.title)),
      counter,
      h('div', { className: 'muted' }, incident.deadline ? `${t('deadline')}: ` : '', incident.deadline ? timeEl(incident.deadline) : t('noDeadline')),
      h('div', { className: 'muted' }, `${t('owner')}: ${incident.owner?.name ?? '–'}`),
      next ? h('div', { className: 'muted' }, `${t('nextAction')}: `, typeof next === 'string' ? next : `${next.key} `, typeof next === 'string' ? null : timeEl(next.dueAt)) : null,
    );
    counters.push({ el: counter, card, incident });
    grid.append(card);
  }
  const update = () => {
    const now = Date.now();
    for (const { el, card, incident } of counters) {
      if (!incident.deadline) { el.textContent = '–'; continue; }
      if (incident.clock.state === 'stopped') { el.textContent = `${t('clock')}: ${word('stopped')}${incident.clock.stopReason ? ` (${word(incident.clock.stopReason)})` : ''}`; continue; }
      const left = new Date(incident.deadline).getTime() - now;
      el.textContent = left < 0 ? `${t('overdue')} ${countdown(left)}` : `${countdown(left)} ${t('left')}`;
      // Only touch the class when the colour changes: a class change costs a style recalculation.
      const className = `card incident ${countdownClass(incident, now)}`;
      if (card.className !== className) card.className = className;
    }
  };
  update();
  window.clearInterval(tick);
  // Text changes are batched into the next frame, so a tick never forces a layout of its own.
  tick = window.setInterval(() => requestAnimationFrame(() => {
    const started = performance.now();
    update();
    performance.measure('board-tick', { start: started, end: performance.now() });
  }), 1000);
  const search = h('input', { type: 'search', value: boardFilter.q });
  search.addEventListener('change', () => { boardFilter.q = search.value; void board(); });
  const nb = currentLang() === 'nb';
  const view = select([['all', t('all')], ['overdue', t('overdue')], ['due24', nb ? 'Frist innen 24 t' : 'Due within 24 h'], ['triage', word('triage')], ['mine', 'Mine']], boardFilter.view);
  view.addEventListener('change', () => { boardFilter.view = view.value; void board(); });
  layout('#/', h('h1', {}, t('board')),
    h('div', { className: 'row filters', role: 'search' }, field(t('search'), search), field(t('filter'), view),
      h('p', { className: 'muted', role: 'status' }, `${t('showing')} ${items.length} / ${all.length}`)),
    grid);
}

function newIncident(layout: Render = currentRender()): void {
  const nb = currentLang() === 'nb';
  const title = h('input', { id: 'title', required: true, maxlength: 200 });
  const description = h('textarea', { id: 'description', rows: 4 });
  const detectedAt = localInput();
  const aware = h('input', { id: 'aware', type: 'radio', name: 'clock', checked: true });
  const triage = h('input', { id: 'triage', type: 'radio', name: 'clock' });
  const evidence = h('input', { maxlength: 500 });
  const mask = h('input', { type: 'checkbox', checked: true });
  const fnr = h('div', { className: 'warning', role: 'alert', hidden: true, 'data-testid': 'fnr-warning' },
    `${t('fnrWarning')} `, h('label', { className: 'check' }, mask, nb ? ' Masker dem før lagring' : ' Mask them before saving'));
  // The same rule as the server's: eleven digits with valid mod-11 check digits.
  const checkText = () => { fnr.hidden = !findNationalIdNumbers(`${title.value}\n${description.value}`).length; };
  title.addEventListener('input', checkText);
  description.addEventListener('input', checkText);
  const feedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', { className: 'card', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    try {
      const detected = fromLocalInput(detectedAt);
      const masked = !fnr.hidden && mask.checked;
      const created = await api<IncidentView & { warnings: { path: string; message: string }[] }>('POST', `/incidents${masked ? '?maskNationalIds=true' : ''}`, {
        title: title.value, description: description.value, detected: { at: detected, by: session.me?.name ?? '' },
        ...(aware.checked ? { awareAt: new Date().toISOString(), ...(evidence.value ? { awarenessEvidence: evidence.value } : {}) } : {}),
      });
      location.hash = `#/incidents/${created.id}`;
    } catch (err) {
      mount(feedback, showError(err));
    }
  } },
  field(t('title'), title), field(nb ? 'Oppdaget' : 'Detected', detectedAt), field(t('description'), description), fnr,
  h('fieldset', {}, h('legend', {}, t('clock')),
    h('label', { className: 'check', for: 'aware' }, aware, ` ${t('awareNow')}`),
    h('label', { className: 'check', for: 'triage' }, triage, ` ${t('triage')}`)),
  field(t('evidence'), evidence),
  h('p', { className: 'muted' }, nb ? 'Detaljene (data, personer, tiltak) fylles inn på saken etterpå.' : 'The details (data, people, measures) are filled in on the incident afterwards.'),
  feedback, h('button', { className: 'primary', type: 'submit' }, t('create')));
  layout('#/new', h('h1', {}, t('newIncident')), form);
}

async function oncall(layout: Render = currentRender()): Promise<void> {
  const [alerts, now] = await Promise.all([
    api<AlertView[]>('GET', '/alerts?limit=50'),
    api<{ rota: { name: string }; onCall: string | null; onCallName: string | null; nextHandover: string }[]>('GET', '/oncall/now'),
  ]);
  const open = alerts.filter((a) => !a.acknowledgedAt);
  const done = alerts.filter((a) => a.acknowledgedAt);
  const item = (a: AlertView) => h('div', { className: `card alert-item ${a.acknowledgedAt ? '' : 'open'}` },
    h('div', {}, h('a', { href: `#/incidents/${a.incidentId}` }, h('strong', {}, `${a.incidentRef} · ${word(a.kind)} ${a.milestone}`)), ' ', a.title,
      h('div', { className: 'muted' }, timeEl(a.firedAt), a.late ? ` · ${t('late')}` : '')),
    a.acknowledgedAt ? h('span', {}, `✓ ${t('acknowledged')} ${a.acknowledgedBy?.name ?? ''}`) : can('alert:ack')
      ? h('button', { className: 'primary', 'aria-label': `${t('acknowledge')}: ${a.incidentRef} ${a.milestone}`, onclick: async () => { await api('POST', `/alerts/${a.id}/ack`); void oncall(); } }, t('acknowledge')) : null);
  layout('#/oncall', h('h1', {}, t('alerts')),
    h('section', { className: 'card', 'data-testid': 'on-call-now' }, h('h2', {}, t('onCallNow')),
      now.length ? h('ul', {}, ...now.map((r) => h('li', {}, h('strong', {}, `${r.rota.name}: `), r.onCallName ?? t('nobody'), h('span', { className: 'muted' }, ` · ${t('nextHandover')} `), timeEl(r.nextHandover))))
        : h('p', {}, t('nobody'))),
    h('div', { 'data-testid': 'alerts' }, ...open.map(item), ...done.map(item)));
}

async function register(layout: Render = currentRender()): Promise<void> {
  const data = await api<{ incidents: { id: string; ref: string; title: string; status: string; notified: string; hoursToNotify: number | null; createdAt: string }[] }>('GET', '/register');
  const byMonth = new Map<string, { notified: number; not: number }>();
  for (const r of data.incidents) {
    const month = r.createdAt.slice(0, 7);
    const m = byMonth.get(month) ?? { notified: 0, not: 0 };
    if (r.notified === 'yes') m.notified++; else m.not++;
    byMonth.set(month, m);
  }
  const tbody = h('tbody');
  const rows = h('div', { className: 'table-wrap' }, h('table', { 'data-testid': 'register' },
    h('thead', {}, h('tr', {}, ...['Ref', t('title'), t('status'), t('notified'), t('hoursToNotify')].map((c) => h('th', { scope: 'col' }, c)))), tbody));
  const fill = (q: string) => mount(tbody, ...data.incidents
    .filter((r) => !q || `${r.ref} ${r.title}`.toLowerCase().includes(q.toLowerCase()))
    .map((r) => h('tr', {}, h('td', {}, h('a', { href: `#/incidents/${encodeURIComponent(r.id)}` }, r.ref)), h('td', {}, r.title), h('td', {}, word(r.status)), h('td', {}, word(r.notified)), h('td', {}, r.hoursToNotify === null ? '' : `${r.hoursToNotify} h`))));
  fill('');
  const searchInput = h('input', { type: 'search' });
  searchInput.addEventListener('input', () => fill(searchInput.value));
  const search = field(t('search'), searchInput);
  layout('#/register', h('h1', {}, t('register')),
    h('button', { className: 'primary', 'data-testid': 'export-csv', onclick: () => download('/register?format=csv', 'breach-register.csv') }, t('exportCsv')),
    h('table', { className: 'card' }, h('thead', {}, h('tr', {}, h('th', {}, t('month')), h('th', {}, t('notified')), h('th', {}, '–'))),
      h('tbody', {}, ...[...byMonth].map(([m, c]) => h('tr', {}, h('td', {}, m), h('td', {}, '█'.repeat(c.notified) + ` ${c.notified}`), h('td', {}, '░'.repeat(c.not) + ` ${c.not}`))))),
    h('div', { className: 'card', 'data-testid': 'notify-chart' }, h('h2', {}, t('hoursToNotify')),
      ...data.incidents.filter((r) => r.hoursToNotify !== null).map((r) => h('div', { style: 'display:flex;align-items:center;gap:.5rem' },
        h('span', { style: 'width:8rem' }, r.ref),
        h('span', { style: `display:inline-block;height:.8rem;width:${Math.min(100, (r.hoursToNotify! / 96) * 100)}%;background:${r.hoursToNotify! > 72 ? '#a1260d' : '#0b6b3a'}` }),
        h('span', {}, `${r.hoursToNotify} h`))),
      h('p', { className: 'muted' }, t('line72'))),
    search, rows);
}

// ---- Live updates ----------------------------------------------------------------------------------

let audio: AudioContext | undefined;
function beep(): void {
  try {
    // One audio context for the page: creating one is slow enough to stall a frame.
    const ctx = (audio ??= new AudioContext());
    const osc = ctx.createOscillator();
    osc.frequency.value = 880;
    osc.connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.3);
  } catch { /* no audio device */ }
}

function alertArrived(m: AlertMessage, live = true): void {
  // An escalation repeats an alert this person may already have seen: it is news again at each level.
  const key = m.escalationLevel ? `${m.alertId}:${m.escalationLevel}` : m.alertId;
  if (seenAlerts.has(key)) return;
  seenAlerts.add(key);
  if (m.sentAt > lastAlertAt) lastAlertAt = m.sentAt;
  // Replayed alerts are listed on the on-call screen; only a live one interrupts with a toast and a tone.
  if (!live) return;
  const toast = h('div', { className: 'toast', role: 'alert', 'data-testid': 'alert-toast' }, `${m.milestone}: ${m.title}`);
  document.body.append(toast);
  window.setTimeout(() => toast.remove(), 15_000);
  beep();
  if ('Notification' in window && Notification.permission === 'granted') new Notification(`Breach Clock: ${m.milestone}`, { body: m.title });
  if (location.hash.startsWith('#/oncall')) rerender();
}

let rerenderTimer: number | undefined;
/** Coalesces bursts of live updates into one re-render. */
function rerender(): void {
  window.clearTimeout(rerenderTimer);
  rerenderTimer = window.setTimeout(() => void route(), 400);
}

function connectSocket(): void {
  socket?.disconnect();
  const s: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket'], auth: (cb) => cb({ token: currentToken() }) });
  s.on('connect', () => {
    // Replay anything fired while this dashboard was away; seenAlerts drops what it already showed.
    s.emit('alerts:replay', { since: lastAlertAt }, (r) => {
      r.alerts?.forEach((m) => alertArrived(m, false));
      if (r.alerts?.length && location.hash.startsWith('#/oncall')) rerender();
    });
  });
  s.on('alert:fired', (m) => alertArrived(m));
  s.on('incident:updated', (m) => {
    const hash = location.hash;
    if (hash === '#/' || hash === '') rerender();
    // An open incident page is not redrawn under someone's hands: they are told, and reload when ready.
    else if (shownIncident?.id === m.id && m.version !== shownIncident.version) showStale();
  });
  s.on('alert:acknowledged', () => { if (location.hash.startsWith('#/oncall')) rerender(); });
  s.on('scheduler:stalled', () => { session.stalled = true; void route(); });
  s.on('scheduler:recovered', () => { session.stalled = false; void route(); });
  s.on('session:expired', () => { void refresh().then(() => s.connect()); });
  socket = s;
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}

async function route(): Promise<void> {
  window.clearInterval(tick);
  shownIncident = null;
  const layout = renderFor(++routeSeq);
  if (!session.me) return signIn();
  const hash = location.hash || '#/';
  try {
    if (hash === '#/') await board();
    else if (hash === '#/new') newIncident();
    else if (hash === '#/oncall') await oncall();
    else if (hash === '#/templates') await templatesPage(layout);
    else if (hash === '#/register') await register();
    else if (hash === '#/admin') await adminPage(layout);
    else if (hash.startsWith('#/incidents/')) {
      await incidentPage(hash.slice('#/incidents/'.length), layout,
        (incidentId, version) => {
          if (layout.stale()) return;
          shownIncident = { id: incidentId, version };
          socket?.emit('incident:watch', { incidentId }, () => undefined);
        },
        (fn) => { if (layout.stale()) return; window.clearInterval(tick); tick = window.setInterval(fn, 1000); });
    }
    else await board();
  } catch (err) {
    layout(hash, showError(err));
  }
}

onTokenChange((token) => { if (!token && session.me) { session.me = null; void route(); } });
window.addEventListener('hashchange', () => void route());
document.documentElement.lang = currentLang();
void refresh().then((user) => {
  session.me = user;
  if (session.me) connectSocket();
  void route();
});
