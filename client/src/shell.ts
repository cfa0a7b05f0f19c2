import type { ApiError, Me } from './api.js';
import { h, mount } from './dom.js';
import { maybeT, osloTime, t } from './i18n.js';

/** Who is signed in; every screen reads it, the sign-in and renewal code writes it. */
export const session: { me: Me | null; stalled: boolean } = { me: null, stalled: false };
export const can = (permission: string) => !!session.me?.permissions.includes(permission);

const hooks: { route: () => void; toggleLang: () => void; signOut: () => void } = { route: () => undefined, toggleLang: () => undefined, signOut: () => undefined };
export function setShellHooks(next: typeof hooks): void {
  Object.assign(hooks, next);
}
export const reroute = () => hooks.route();

export function timeEl(iso: string | null): HTMLElement {
  const { text, title } = osloTime(iso);
  return h('time', { datetime: iso ?? '', title }, text);
}

/** An API error as people read it: the message, then each field and what is wrong with it. */
export function showError(err: unknown): HTMLElement {
  const e = err as ApiError;
  const details = e.body?.error?.details ?? [];
  const message = e.status === 409 ? t('conflict') : e.message;
  return h('div', { className: 'error', role: 'alert' }, message, ...details.map((d) => h('div', {}, `${d.path}: ${d.message}`)));
}

let fieldSeq = 0;
/** A labelled control; the label points at the control so screen readers and tests find it by name. */
export function field(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: string): HTMLElement {
  if (!control.id) control.id = `f${++fieldSeq}`;
  const hintEl = hint ? h('div', { className: 'muted', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { className: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

export function select(options: [string, string][], value: string | null | undefined): HTMLSelectElement {
  return h('select', {}, ...options.map(([v, label]) => h('option', { value: v, ...(v === (value ?? '') ? { selected: true } : {}) }, label)));
}

/** A status, reason or vocabulary word in the reader's language (the raw word when none is known). */
export function word(value: string | null | undefined): string {
  if (!value) return '–';
  return maybeT(`w_${value.replace(/-/g, '_')}`) ?? value;
}

/** `datetime-local` works in the browser's zone; the value is sent as a UTC instant. */
export function localInput(iso: string | null = null): HTMLInputElement {
  const el = h('input', { type: 'datetime-local', step: 60 });
  const d = iso ? new Date(iso) : new Date();
  el.value = new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  return el;
}
export const fromLocalInput = (el: HTMLInputElement) => new Date(el.value).toISOString();

export function layout(root: HTMLElement, active: string, ...content: Node[]): void {
  const nav = (hash: string, label: string) => h('a', { href: hash, ...(active === hash ? { 'aria-current': 'page' } : {}) }, label);
  mount(root,
    ...(session.stalled ? [h('div', { className: 'stalled', role: 'alert' }, t('stalled'))] : []),
    h('header', {},
      h('strong', {}, t('appName')),
      h('nav', { 'aria-label': t('mainMenu') },
        nav('#/', t('board')),
        ...(can('incident:create') ? [nav('#/new', t('newIncident'))] : []),
        nav('#/oncall', t('oncall')),
        nav('#/templates', t('templates')),
        ...(can('register:export') ? [nav('#/register', t('register'))] : []),
        ...(can('user:manage') ? [nav('#/admin', t('admin'))] : []),
      ),
      h('button', { onclick: () => hooks.toggleLang(), lang: t('languageCode') }, t('language')),
      h('button', { onclick: () => hooks.signOut() }, t('signOut')),
    ),
    h('main', {}, ...content),
  );
}
