import type { TemplateView } from '../../../server/domains/notices/notice.presenter.js';
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, field, select, session, showError, timeEl, word } from '../shell.js';

type Rendered = { rendered: { subject: string; html: string; text: string } | null; error: string | null };

const KINDS: [string, string][] = [['authority', word('authority')], ['subject', word('subject')], ['public', word('public')]];
const LANGS: [string, string][] = [['nb', 'bokmål'], ['en', 'English']];

/** A unified diff with its added and removed lines marked for the eye and for screen readers. */
function diffView(patch: string): HTMLElement {
  const lines = patch.split('\n');
  const body = lines.slice(Math.max(0, lines.findIndex((l) => l.startsWith('@@'))));
  return h('pre', { className: 'diff' }, ...body.map((line) => {
    const kind = line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : '';
    return h('span', { className: kind, ...(kind === 'add' ? { 'aria-label': `added: ${line.slice(1)}` } : kind === 'del' ? { 'aria-label': `removed: ${line.slice(1)}` } : {}) }, `${line}\n`);
  }));
}

export async function templatesPage(layout: (active: string, ...content: Node[]) => void, kind = 'authority', lang = 'nb'): Promise<void> {
  const versions = await api<TemplateView[]>('GET', `/templates?kind=${kind}&lang=${lang}`);
  const inForce = versions.find((v) => v.status === 'approved');
  const panel = h('div', { 'aria-live': 'polite' });
  const kindSelect = select(KINDS, kind);
  const langSelect = select(LANGS, lang);
  const refilter = () => void templatesPage(layout, kindSelect.value, langSelect.value);
  kindSelect.addEventListener('change', refilter);
  langSelect.addEventListener('change', refilter);

  const show = async (v: TemplateView, what: 'preview' | 'diff') => {
    try {
      if (what === 'preview') {
        const p = await api<Rendered>('GET', `/templates/${v.id}/preview`);
        mount(panel, h('section', { className: 'card', 'data-testid': 'template-preview' }, h('h2', {}, `${t('sample')} · v${v.version}`),
          p.error ? h('div', { className: 'error' }, p.error) : null,
          p.rendered ? h('p', {}, h('strong', {}, `${t('subjectLine')}: `), p.rendered.subject) : null,
          // The rendering is escaped by the server's templates; the frame runs no script and reaches nothing.
          p.rendered ? h('iframe', { title: `${t('sample')} (HTML)`, sandbox: '', srcdoc: p.rendered.html, className: 'preview' }) : null,
          p.rendered ? h('details', {}, h('summary', {}, t('bodyText')), h('pre', {}, p.rendered.text)) : null));
      } else if (inForce) {
        const d = await api<{ subject: string; html: string; text: string }>('GET', `/templates/diff?from=${inForce.id}&to=${v.id}`);
        mount(panel, h('section', { className: 'card', 'data-testid': 'template-diff' }, h('h2', {}, `${t('diff')}: v${inForce.version} → v${v.version}`),
          h('h3', {}, t('subjectLine')), diffView(d.subject), h('h3', {}, t('bodyText')), diffView(d.text), h('h3', {}, t('bodyHtml')), diffView(d.html)));
      }
      panel.scrollIntoView({ block: 'nearest' });
    } catch (err) { mount(panel, showError(err)); }
  };

  const review = (v: TemplateView, decision: 'approve' | 'reject') => {
    const comment = h('textarea', { rows: 2, required: true, minlength: 2 });
    mount(panel, h('form', { className: 'card', 'data-testid': 'template-review', onsubmit: async (ev: Event) => {
      ev.preventDefault();
      try {
        await api('POST', `/templates/${v.id}/${decision}`, { comment: comment.value });
        await templatesPage(layout, kind, lang);
      } catch (err) { panel.append(showError(err)); }
    } }, h('h2', {}, `${decision === 'approve' ? t('approve') : t('reject')} v${v.version}`), field(t('comment'), comment),
    h('button', { className: 'primary', type: 'submit' }, decision === 'approve' ? t('approve') : t('reject'))));
    comment.focus();
  };

  const rows = versions.map((v) => {
    const mayReview = v.status === 'submitted' && can('template:approve') && v.author.id !== session.me?.id;
    return h('tr', { 'data-testid': `template-${v.kind}-${v.lang}-${v.version}` },
      h('td', {}, `v${v.version}`), h('td', {}, word(v.status), v.id === inForce?.id ? ` (${t('inForce')})` : ''),
      h('td', {}, v.author.name, h('div', { className: 'muted' }, timeEl(v.createdAt))),
      h('td', {}, v.review ? `${v.review.by?.name ?? ''}: ${v.review.comment}` : v.note),
      h('td', { className: 'actions' },
        h('button', { className: 'secondary', onclick: () => void show(v, 'preview') }, t('preview')),
        inForce && v.id !== inForce.id ? h('button', { className: 'secondary', onclick: () => void show(v, 'diff') }, t('diff')) : null,
        v.status === 'draft' && can('template:draft') && v.author.id === session.me?.id
          ? h('button', { className: 'secondary', onclick: async () => {
              try { await api('POST', `/templates/${v.id}/submit`); await templatesPage(layout, kind, lang); } catch (err) { mount(panel, showError(err)); }
            } }, t('submit'))
          : null,
        mayReview ? h('button', { className: 'primary', onclick: () => review(v, 'approve') }, t('approve')) : null,
        mayReview ? h('button', { className: 'secondary', onclick: () => review(v, 'reject') }, t('reject')) : null));
  });

  const draftForm = () => {
    const base = inForce ?? versions[0];
    const subject = h('input', { maxlength: 500, required: true });
    const html = h('textarea', { rows: 12, required: true, className: 'code' });
    const text = h('textarea', { rows: 12, required: true, className: 'code' });
    const note = h('input', { maxlength: 2000 });
    subject.value = base?.subject ?? '';
    html.value = base?.html ?? '';
    text.value = base?.text ?? '';
    mount(panel, h('form', { className: 'card', 'data-testid': 'template-draft', onsubmit: async (ev: Event) => {
      ev.preventDefault();
      try {
        await api('POST', '/templates', { kind, lang, subject: subject.value, html: html.value, text: text.value, note: note.value });
        await templatesPage(layout, kind, lang);
      } catch (err) { panel.append(showError(err)); }
    } }, h('h2', {}, `${t('newVersion')}: ${word(kind)} (${lang})`), field(t('subjectLine'), subject), field(t('bodyText'), text), field(t('bodyHtml'), html),
    field(t('comment'), note), h('button', { className: 'primary', type: 'submit' }, t('save'))));
  };

  layout('#/templates', h('h1', {}, t('templates')),
    h('div', { className: 'row' }, field(t('kind'), kindSelect), field('Språk / language', langSelect)),
    can('template:draft') ? h('button', { className: 'secondary', onclick: draftForm }, t('newVersion')) : h('span'),
    h('div', { className: 'table-wrap' }, h('table', {}, h('caption', { className: 'sr-only' }, t('versions')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('version')), h('th', { scope: 'col' }, t('status')), h('th', { scope: 'col' }, t('author')), h('th', { scope: 'col' }, t('comment')), h('th', { scope: 'col' }, t('actions')))),
      h('tbody', {}, ...rows))),
    panel);
}
