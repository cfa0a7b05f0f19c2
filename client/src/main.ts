import { io, type Socket } from 'socket.io-client';
import type { AlertMessage, ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events.js';
import type { ApiError} from './api.js';
import { api, currentToken, download, login, logout, onTokenChange, refresh, type Me } from './api.js';
import { h, mount } from './dom.js';
import { countdown, currentLang, osloTime, t, toggleLang } from './i18n.js';

interface IncidentView {
  id: string; ref: string; title: string; description: string; status: string; deadline: string | null; version: number;
  owner: { name: string } | null; restricted: boolean;
  clock: { state: string; msLeft: number | null; overdue: boolean; stopReason: string | null; milestones: { key: string; dueAt: string; alert: { late: boolean; acknowledgedAt: string | null } | null }[] };
}
interface AlertView { id: string; incidentId: string; incidentRef: string; title: string; milestone: string; kind: string; firedAt: string; late: boolean; acknowledgedAt: string | null }

const app = document.getElementById('app')!;
let me: Me | null = null;
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
let lastAlertAt = new Date().toISOString();
const seenAlerts = new Set<string>();
let stalled = false;
let tick: number | undefined;
const can = (p: string) => !!me?.permissions.includes(p);

function timeEl(iso: string | null): HTMLElement {
  const { text, title } = osloTime(iso);
  return h('time', { datetime: iso ?? '', title }, text);
}

function layout(active: string, ...content: Node[]): void {
  const nav = (hash: string, label: string) => h('a', { href: hash, ...(active === hash ? { 'aria-current': 'page' } : {}) }, label);
  mount(app,
    ...(stalled ? [h('div', { className: 'stalled', role: 'alert' }, t('stalled'))] : []),
    h('header', {},
      h('strong', {}, t('appName')),
      nav('#/', t('board')),
      ...(can('incident:create') ? [nav('#/new', t('newIncident'))] : []),
      nav('#/oncall', t('oncall')),
      nav('#/templates', t('templates')),
      ...(can('register:export') ? [nav('#/register', t('register'))] : []),
      ...(can('user:manage') ? [nav('#/admin', t('admin'))] : []),
      h('button', { onclick: () => { toggleLang(); route(); } }, t('language')),
      h('button', { onclick: async () => { await logout(); me = null; socket?.disconnect(); route(); } }, t('signOut')),
    ),
    h('main', {}, ...content),
  );
}

function showError(err: unknown): HTMLElement {
  const e = err as ApiError;
  const details = e.body?.error?.details ?? [];
  return h('div', { className: 'error', role: 'alert' }, e.message, ...details.map((d) => h('div', {}, `${d.path}: ${d.message}`)));
}

// ---- Screens ---------------------------------------------------------------------------------------

function signIn(): void {
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const errors = h('div');
  const form = h('form', { className: 'card', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    try {
      me = await login(email.value, password.value);
      connectSocket();
      location.hash = '#/';
      route();
    } catch (err) {
      mount(errors, showError(err));
    }
  } },
  h('h1', {}, t('signIn')), h('label', { for: 'email' }, t('email')), email, h('label', { for: 'password' }, t('password')), password, errors,
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

async function board(): Promise<void> {
  const [running, triage] = await Promise.all([
    api<{ items: IncidentView[] }>('GET', '/incidents?clock=running&sort=deadline&limit=500'),
    api<{ items: IncidentView[] }>('GET', '/incidents?status=triage&limit=200'),
  ]);
  const items = [...running.items, ...triage.items];
  const grid = h('div', { className: 'board', 'data-testid': 'board' });
  const counters: { el: HTMLElement; card: HTMLElement; incident: IncidentView }[] = [];
  for (const incident of items) {
    const counter = h('div', { className: 'countdown', 'data-testid': 'countdown' });
    const card = h('a', { className: 'card incident', href: `#/incidents/${incident.id}` },
      h('div', { className: 'muted' }, `${incident.ref} · ${incident.status}${incident.restricted ? ` · ${t('restricted')}` : ''}`),
      h('div', {}, h('strong', {}, incident.title)),
      counter,
      h('div', { className: 'muted' }, incident.deadline ? `${t('deadline')}: ` : '', incident.deadline ? timeEl(incident.deadline) : t('noDeadline')),
      h('div', { className: 'muted' }, `${t('owner')}: ${incident.owner?.name ?? '–'}`),
    );
    counters.push({ el: counter, card, incident });
    grid.append(card);
  }
  const update = () => {
    const now = Date.now();
    for (const { el, card, incident } of counters) {
      if (!incident.deadline) { el.textContent = '–'; continue; }
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
  layout('#/', h('h1', {}, t('board')), grid);
}

function newIncident(): void {
  const title = h('input', { id: 'title', required: true, maxlength: 200 });
  const description = h('textarea', { id: 'description', rows: 4 });
  const aware = h('input', { id: 'aware', type: 'checkbox', checked: true, style: 'width:auto' });
  const feedback = h('div');
  const form = h('form', { className: 'card', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    try {
      const created = await api<IncidentView & { warnings: { path: string; message: string }[] }>('POST', '/incidents', {
        title: title.value, description: description.value, ...(aware.checked ? { awareAt: new Date().toISOString() } : {}),
      });
      if (created.warnings.length) mount(feedback, ...created.warnings.map((w) => h('div', { className: 'warning' }, `${t('fnrWarning')} (${w.path})`)));
      location.hash = `#/incidents/${created.id}`;
    } catch (err) {
      mount(feedback, showError(err));
    }
  } },
  h('label', { for: 'title' }, t('title')), title, h('label', { for: 'description' }, t('description')), description,
  h('label', { for: 'aware' }, aware, ' ', t('awareNow')), feedback, h('button', { className: 'primary', type: 'submit' }, t('create')));
  layout('#/new', h('h1', {}, t('newIncident')), form);
}

async function incidentPage(id: string): Promise<void> {
  const incident = await api<IncidentView>('GET', `/incidents/${id}`);
  const timeline = await api<{ at: string; summary: string; actor: { name: string } | null }[]>('GET', `/incidents/${id}/timeline`);
  socket?.emit('incident:watch', { incidentId: id }, () => undefined);
  const counter = h('div', { className: 'countdown', 'data-testid': 'countdown' });
  const update = () => {
    counter.textContent = incident.deadline ? countdown(new Date(incident.deadline).getTime() - Date.now()) : t('noDeadline');
  };
  update();
  window.clearInterval(tick);
  tick = window.setInterval(update, 1000);
  const result = h('div');
  const actions = h('div', {},
    ...(can('assessment:run') ? [h('button', { className: 'secondary', onclick: async () => {
      try {
        const a = await api<{ risk: string; recommendation: Record<string, unknown>; reasons: { en: string; nb: string }[] }>('POST', `/incidents/${id}/assessments`);
        mount(result, h('div', { className: 'card' }, h('strong', {}, `Risk: ${a.risk}`), h('pre', {}, JSON.stringify(a.recommendation, null, 2)),
          h('ul', {}, ...a.reasons.map((r) => h('li', {}, currentLang() === 'nb' ? r.nb : r.en)))));
      } catch (err) { mount(result, showError(err)); }
    } }, t('assess'))] : []),
    h('button', { className: 'secondary', onclick: async () => {
      const p = await api<{ text: string; missing: { element: string; message: string }[] }>('POST', `/incidents/${id}/notices/preview`, { kind: 'authority', lang: currentLang() });
      mount(result, h('div', { className: 'card', 'data-testid': 'notice-preview' },
        ...p.missing.map((m) => h('div', { className: 'warning' }, `${t('missing')}: ${m.message}`)), h('pre', {}, p.text)));
    } }, t('preview')),
  );
  const notices = await api<{ id: string; kind: string; lang: string; status: string; contentHash: string; hashVerifies: boolean; createdAt: string }[]>('GET', `/incidents/${id}/notices`);
  const submissions = await api<{ sentAt: string; channel: string; reference: string; phase: string; late: boolean }[]>('GET', `/incidents/${id}/submissions`);
  const altinn = h('div');
  const noticePanel = h('div', { className: 'card', 'data-testid': 'notices' }, h('h2', {}, t('notices')),
    ...(can('notice:draft') ? [h('button', { className: 'secondary', onclick: async () => {
      try { await api('POST', `/incidents/${id}/notices`, { kind: 'authority', lang: currentLang() }); void route(); } catch (err) { mount(result, showError(err)); }
    } }, t('draft'))] : []),
    h('table', {}, h('tbody', {}, ...notices.map((n) => h('tr', {},
      h('td', {}, `${n.kind} (${n.lang})`), h('td', {}, n.status), h('td', { title: n.contentHash }, n.hashVerifies ? 'SHA-256 ✓' : 'SHA-256 ✗'),
      h('td', {},
        ...(n.status === 'draft' && can('notice:approve') ? [h('button', { className: 'primary', onclick: async () => { await api('POST', `/notices/${n.id}/approve`); void route(); } }, t('approveNotice'))] : []),
        h('button', { className: 'secondary', onclick: () => download(`/notices/${n.id}/pdf`, `notice-${n.id}.pdf`) }, 'PDF'),
        ...(n.kind === 'authority' ? [h('button', { className: 'secondary', onclick: async () => {
          const m = await api<{ sections: { section: string; fields: { field: string; answer: string }[] }[] }>('GET', `/notices/${n.id}/altinn`);
          mount(altinn, h('div', { className: 'card', 'data-testid': 'altinn' }, h('h2', {}, 'Altinn: Meld avvik'),
            ...m.sections.map((sec) => h('section', {}, h('h3', {}, sec.section), ...sec.fields.map((f) => h('div', {},
              h('label', {}, f.field), h('pre', {}, f.answer),
              h('button', { className: 'secondary', onclick: () => void navigator.clipboard?.writeText(f.answer) }, t('copy'))))))));
        } }, 'Altinn')] : []),
      ))))));
  const ledger = h('div', { className: 'card' }, h('h2', {}, t('submissions')),
    submissions.length ? h('ul', {}, ...submissions.map((s) => h('li', {}, timeEl(s.sentAt), ` ${s.phase} · ${s.channel} ${s.reference}${s.late ? ' · late' : ''}`))) : h('p', { className: 'muted' }, '–'));
  layout('', h('h1', {}, `${incident.ref}: ${incident.title}`),
    h('div', { className: 'card' }, h('h2', {}, t('clock')), counter,
      h('div', { className: 'muted' }, `${t('deadline')}: `, timeEl(incident.deadline)),
      h('ul', {}, ...incident.clock.milestones.map((m) => h('li', {}, `${m.key} · `, timeEl(m.dueAt), m.alert ? ` · ${m.alert.acknowledgedAt ? t('acknowledged') : t('alerted')}` : '')))),
    h('div', { className: 'card' }, h('p', {}, incident.description)),
    actions, result, noticePanel, altinn, ledger,
    h('div', { className: 'card' }, h('h2', {}, t('timeline')), h('ul', {}, ...timeline.map((e) => h('li', {}, timeEl(e.at), ` ${e.actor?.name ?? ''}: ${e.summary}`)))),
  );
}

async function oncall(): Promise<void> {
  const [alerts, now] = await Promise.all([
    api<AlertView[]>('GET', '/alerts?limit=50'),
    api<{ rota: { name: string }; onCall: string | null }[]>('GET', '/oncall/now'),
  ]);
  const list = h('div', { 'data-testid': 'alerts' }, ...alerts.map((a) => h('div', { className: 'card alert-item' },
    h('div', {}, h('strong', {}, `${a.incidentRef} · ${a.milestone}`), ' ', a.title, h('div', { className: 'muted' }, timeEl(a.firedAt), a.late ? ' · late' : '')),
    a.acknowledgedAt ? h('span', {}, `✓ ${t('acknowledged')}`) : can('alert:ack')
      ? h('button', { className: 'primary', onclick: async () => { await api('POST', `/alerts/${a.id}/ack`); void oncall(); } }, t('acknowledge')) : null)));
  layout('#/oncall', h('h1', {}, t('alerts')),
    h('div', { className: 'card' }, h('strong', {}, `${t('onCallNow')}: `), now.length ? now.map((r) => `${r.rota.name}: ${r.onCall ?? t('nobody')}`).join(', ') : t('nobody')),
    list);
}

async function templates(): Promise<void> {
  const list = await api<{ id: string; kind: string; lang: string; version: number; status: string; author: { id: string; name: string } }[]>('GET', '/templates');
  layout('#/templates', h('h1', {}, t('templates')), h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Kind'), h('th', {}, 'Lang'), h('th', {}, 'v'), h('th', {}, 'Status'), h('th', {}, ''))),
    h('tbody', {}, ...list.map((v) => h('tr', { 'data-testid': `template-${v.kind}-${v.lang}-${v.version}` }, h('td', {}, v.kind), h('td', {}, v.lang), h('td', {}, String(v.version)), h('td', {}, v.status),
      h('td', {}, ...(v.status === 'submitted' && can('template:approve') && v.author.id !== me?.id
        ? [h('button', { className: 'primary', onclick: async () => { await api('POST', `/templates/${v.id}/approve`, { comment: 'Approved in the dashboard' }); void templates(); } }, t('approve')),
           h('button', { className: 'secondary', onclick: async () => { await api('POST', `/templates/${v.id}/reject`, { comment: 'Rejected in the dashboard' }); void templates(); } }, t('reject'))]
        : [])))))));
}

async function admin(): Promise<void> {
  const [users, audit] = await Promise.all([
    api<{ id: string; name: string; email: string; roles: string[]; active: boolean }[]>('GET', '/users'),
    can('audit:verify') ? api<{ ok: boolean; entries: number; firstBroken?: { seq: number; reason: string } }>('GET', '/audit/verify') : Promise.resolve(null),
  ]);
  layout('#/admin', h('h1', {}, t('admin')),
    audit ? h('div', { className: audit.ok ? 'card' : 'error', 'data-testid': 'audit-status' }, audit.ok ? `${t('auditOk')} (${audit.entries})` : `${t('auditBroken')}: #${audit.firstBroken?.seq} ${audit.firstBroken?.reason}`) : h('div'),
    h('table', { className: 'card' }, h('tbody', {}, ...users.map((u) => h('tr', {}, h('td', {}, u.name), h('td', {}, u.email), h('td', {}, u.roles.join(', ')), h('td', {}, u.active ? '✓' : '–'))))));
}

async function register(): Promise<void> {
  const data = await api<{ incidents: { ref: string; title: string; status: string; notified: string; hoursToNotify: number | null; createdAt: string }[] }>('GET', '/register');
  const byMonth = new Map<string, { notified: number; not: number }>();
  for (const r of data.incidents) {
    const month = r.createdAt.slice(0, 7);
    const m = byMonth.get(month) ?? { notified: 0, not: 0 };
    if (r.notified === 'yes') m.notified++; else m.not++;
    byMonth.set(month, m);
  }
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
    h('table', {}, h('tbody', {}, ...data.incidents.map((r) => h('tr', {}, h('td', {}, r.ref), h('td', {}, r.title), h('td', {}, r.status), h('td', {}, r.notified), h('td', {}, r.hoursToNotify === null ? '' : `${r.hoursToNotify} h`))))));
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
  if (seenAlerts.has(m.alertId)) return;
  seenAlerts.add(m.alertId);
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
  s.on('incident:updated', () => { if (location.hash === '#/' || location.hash === '') rerender(); });
  s.on('alert:acknowledged', () => { if (location.hash.startsWith('#/oncall')) rerender(); });
  s.on('scheduler:stalled', () => { stalled = true; void route(); });
  s.on('scheduler:recovered', () => { stalled = false; void route(); });
  s.on('session:expired', () => { void refresh().then(() => s.connect()); });
  socket = s;
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}

async function route(): Promise<void> {
  window.clearInterval(tick);
  if (!me) return signIn();
  const hash = location.hash || '#/';
  try {
    if (hash === '#/') await board();
    else if (hash === '#/new') newIncident();
    else if (hash === '#/oncall') await oncall();
    else if (hash === '#/templates') await templates();
    else if (hash === '#/register') await register();
    else if (hash === '#/admin') await admin();
    else if (hash.startsWith('#/incidents/')) await incidentPage(hash.slice('#/incidents/'.length));
    else await board();
  } catch (err) {
    layout(hash, showError(err));
  }
}

onTokenChange((token) => { if (!token && me) { me = null; void route(); } });
window.addEventListener('hashchange', () => void route());
document.documentElement.lang = currentLang();
void refresh().then((user) => {
  me = user;
  if (me) connectSocket();
  void route();
});
