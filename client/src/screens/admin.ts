import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, field, fromLocalInput, localInput, showError, timeEl } from '../shell.js';

interface UserView { id: string; name: string; email: string; roles: string[]; active: boolean; alertChannels: { email: boolean; webhookUrl: string | null } }
interface RotaView { id: string; name: string; members: string[]; startsAt: string; secondLine: string[]; webhookUrl: string | null }
interface AuditStatus { ok: boolean; entries: number; firstBroken?: { seq: number; reason: string } }
interface Directory { id: string; name: string; roles: string[] }

const ROLES = ['analyst', 'oncall', 'manager', 'dpo', 'admin'];

/** Users with their roles and alert channels, the rotas, and whether the audit chain holds. */
export async function adminPage(layout: (active: string, ...content: Node[]) => void): Promise<void> {
  const [users, rotas, audit] = await Promise.all([
    api<UserView[]>('GET', '/users'),
    api<RotaView[]>('GET', '/rotas'),
    can('audit:verify') ? api<AuditStatus>('GET', '/audit/verify') : Promise.resolve(null),
  ]);
  const status = h('div', { 'aria-live': 'polite' });
  const again = () => void adminPage(layout);
  const save = async (call: () => Promise<unknown>) => {
    try { await call(); again(); } catch (err) { mount(status, showError(err)); }
  };
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? id;

  const userRows = users.map((u) => {
    const roleBoxes = ROLES.map((r) => h('input', { type: 'checkbox', value: r, 'aria-label': `${u.name}: ${r}`, ...(u.roles.includes(r) ? { checked: true } : {}) }));
    const email = h('input', { type: 'checkbox', 'aria-label': `${u.name}: ${t('emailOn')}`, ...(u.alertChannels.email ? { checked: true } : {}) });
    const webhook = h('input', { type: 'url', placeholder: 'https://hooks.slack.com/…', 'aria-label': `${u.name}: ${t('webhookUrl')}` });
    webhook.value = u.alertChannels.webhookUrl ?? '';
    const active = h('input', { type: 'checkbox', 'aria-label': `${u.name}: ${t('active')}`, ...(u.active ? { checked: true } : {}) });
    return h('tr', { 'data-testid': `user-${u.email}` },
      h('th', { scope: 'row' }, u.name, h('div', { className: 'muted' }, u.email)),
      h('td', {}, ...roleBoxes.map((box) => h('label', { className: 'check' }, box, ` ${box.value}`))),
      h('td', {}, h('label', { className: 'check' }, email, ` ${t('emailOn')}`), webhook),
      h('td', {}, active),
      h('td', {}, h('button', { className: 'secondary', onclick: () => void save(() => api('PATCH', `/users/${u.id}`, {
        roles: roleBoxes.filter((b) => b.checked).map((b) => b.value), active: active.checked,
        alertChannels: { email: email.checked, webhookUrl: webhook.value.trim() || null },
      })) }, t('save'))));
  });

  const rotaCards = rotas.map((r) => {
    const webhook = h('input', { type: 'url', 'aria-label': `${r.name}: ${t('webhookUrl')}` });
    webhook.value = r.webhookUrl ?? '';
    return h('div', { className: 'card', 'data-testid': `rota-${r.name}` },
      h('h3', {}, r.name),
      h('p', {}, `${t('members')}: ${r.members.map(nameOf).join(' → ')}`),
      h('p', {}, `${t('secondLine')}: ${r.secondLine.map(nameOf).join(', ') || '–'}`),
      h('p', { className: 'muted' }, `${t('startsAt')}: `, timeEl(r.startsAt)),
      field(t('webhookUrl'), webhook),
      h('button', { className: 'secondary', onclick: () => void save(() => api('PATCH', `/rotas/${r.id}`, { webhookUrl: webhook.value.trim() || null })) }, t('save')));
  });

  const newRota = () => {
    const directory: Directory[] = users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, roles: u.roles }));
    const name = h('input', { required: true, maxlength: 100 });
    const pick = (multiple: boolean) => h('select', { multiple, size: Math.min(6, directory.length) }, ...directory.map((u) => h('option', { value: u.id }, `${u.name} (${u.roles.join(', ')})`)));
    const members = pick(true);
    const secondLine = pick(true);
    const startsAt = localInput();
    const webhook = h('input', { type: 'url' });
    const chosen = (s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value);
    mount(status, h('form', { className: 'card', 'data-testid': 'rota-form', onsubmit: (ev: Event) => {
      ev.preventDefault();
      void save(() => api('POST', '/rotas', { name: name.value, members: chosen(members), secondLine: chosen(secondLine), startsAt: fromLocalInput(startsAt), webhookUrl: webhook.value.trim() || null }));
    } }, h('h2', {}, t('newRota')), field(t('name'), name), field(t('members'), members), field(t('secondLine'), secondLine),
    field(t('startsAt'), startsAt, 'Europe/Oslo'), field(t('webhookUrl'), webhook), h('button', { className: 'primary', type: 'submit' }, t('save'))));
    name.focus();
  };

  const newUser = () => {
    const name = h('input', { required: true, maxlength: 120, autocomplete: 'off' });
    const email = h('input', { type: 'email', required: true, autocomplete: 'off' });
    const password = h('input', { type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
    const roleBoxes = ROLES.map((r) => h('input', { type: 'checkbox', value: r, id: `new-user-${r}` }));
    mount(status, h('form', { className: 'card', 'data-testid': 'user-form', onsubmit: (ev: Event) => {
      ev.preventDefault();
      void save(() => api('POST', '/users', { name: name.value, email: email.value, password: password.value, roles: roleBoxes.filter((b) => b.checked).map((b) => b.value) }));
    } }, h('h2', {}, t('newUser')), field(t('name'), name), field(t('email'), email), field(t('initialPassword'), password),
    h('fieldset', {}, h('legend', {}, t('roles')), ...roleBoxes.map((box) => h('label', { className: 'check', for: box.id }, box, ` ${box.value}`))),
    h('button', { className: 'primary', type: 'submit' }, t('save'))));
    name.focus();
  };

  layout('#/admin', h('h1', {}, t('admin')),
    audit ? h('div', { className: audit.ok ? 'card ok' : 'error', 'data-testid': 'audit-status', role: 'status' },
      audit.ok ? `${t('auditOk')} (${audit.entries})` : `${t('auditBroken')}: #${audit.firstBroken?.seq} ${audit.firstBroken?.reason}`) : h('span'),
    status,
    h('section', {}, h('h2', {}, t('users')), h('button', { className: 'secondary', onclick: newUser }, t('newUser')), h('div', { className: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('name')), h('th', { scope: 'col' }, t('roles')), h('th', { scope: 'col' }, t('channels')), h('th', { scope: 'col' }, t('active')), h('th', { scope: 'col' }, h('span', { className: 'sr-only' }, t('actions'))))),
      h('tbody', {}, ...userRows)))),
    h('section', {}, h('h2', {}, t('rotas')),
      can('rota:manage') ? h('button', { className: 'secondary', onclick: newRota }, t('newRota')) : h('span'),
      ...rotaCards));
}
