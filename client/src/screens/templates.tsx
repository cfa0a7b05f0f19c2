import { useState } from 'preact/hooks';
import { PERMISSIONS, type Role } from '../../../server/domains/access/permissions.js';
import type { TemplateView } from '../../../server/domains/notices/notice.presenter.js';
import { api } from '../api.js';
import { SelectField, TextArea, TextField } from '../components/field.js';
import { Empty, ErrorBox, Loading, useLoad } from '../components/states.js';
import { Time } from '../components/time.js';
import { can, session } from '../state.js';
import { listOf } from '../format.js';
import { t, word } from '../words.js';

type Kind = 'authority' | 'subject' | 'public' | 'controller';
type Lang = 'nb' | 'en';
type Rendered = { rendered: { subject: string; html: string; text: string } | null; error: string | null };
type Panel =
  | null
  | { kind: 'preview'; v: TemplateView; data: Rendered }
  | { kind: 'diff'; v: TemplateView; from: TemplateView; data: { subject: string; html: string; text: string } }
  | { kind: 'review'; v: TemplateView; decision: 'approve' | 'reject' }
  | { kind: 'draft' };

type Person = { id: string; name: string; roles: Role[] };

/** The templates shipped with the service are authored and approved by the system, which the screen words itself. */
const shipped = (person: { id: string } | null | undefined) => person?.id === 'system';

/** A unified diff's changed lines, from its first hunk on; none when the two texts are the same. */
const hunks = (patch: string): string[] => {
  const lines = patch.split('\n');
  const first = lines.findIndex((l) => l.startsWith('@@'));
  return first < 0 ? [] : lines.slice(first);
};

/** Who may approve a version: the roles the permission table gives, and the people holding them other than its author. */
function Approvers({ v, people }: { v: TemplateView; people: Person[] | null }) {
  const roles = PERMISSIONS['template:approve'] as readonly Role[];
  const names = (people ?? []).filter((p) => p.id !== v.author.id && p.roles.some((r) => roles.includes(r))).map((p) => p.name);
  const role = listOf(
    roles.map((r) => word('role', r).toLowerCase()),
    'disjunction',
  );
  return (
    <p class="muted" data-testid="template-approvers">
      {!people
        ? t('templates.approverRole', { role })
        : names.length
          ? t('templates.approvers', { role, names: listOf(names, 'disjunction') })
          : t('templates.noApprover', { role })}
    </p>
  );
}

/** A unified diff with its added and removed lines marked for the eye and for screen readers. */
function Diff({ patch }: { patch: string }) {
  const body = hunks(patch);
  if (!body.length) return <p class="muted">{t('templates.noChanges')}</p>;
  return (
    <pre class="diff">
      {body.map((line, i) => {
        const kind = line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : '';
        return (
          <span
            key={i}
            class={kind}
            aria-label={
              kind === 'add' ? t('templates.added', { line: line.slice(1) }) : kind === 'del' ? t('templates.removed', { line: line.slice(1) }) : undefined
            }
          >
            {`${line}\n`}
          </span>
        );
      })}
    </pre>
  );
}

function DraftForm({ kind, lang, base, onDone }: { kind: Kind; lang: Lang; base: TemplateView | undefined; onDone: () => void }) {
  const [subject, setSubject] = useState(base?.subject ?? '');
  const [text, setText] = useState(base?.text ?? '');
  const [html, setHtml] = useState(base?.html ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      class="card"
      data-testid="template-draft"
      onSubmit={(e) => {
        e.preventDefault();
        void api('POST', '/templates', { kind, lang, subject, html, text, note }).then(onDone, setError);
      }}
    >
      <h2>{t('templates.newVersionOf', { kind: word('noticeKind', kind), lang: word('lang', lang) })}</h2>
      <TextField path="template.subject" label={t('templates.subjectLine')} required maxLength={500} value={subject} onInput={setSubject} />
      <TextArea path="template.text" label={t('templates.bodyText')} rows={12} required value={text} onInput={setText} />
      <TextArea path="template.html" label={t('templates.bodyHtml')} rows={12} required value={html} onInput={setHtml} />
      <TextArea path="template.note" label={t('templates.note')} help={t('templates.noteHelp')} rows={3} value={note} onInput={setNote} />
      {error ? <ErrorBox error={error} scope="template" /> : null}
      <button class="primary" type="submit">
        {t('common.save')}
      </button>
    </form>
  );
}

function ReviewForm({ v, decision, onDone }: { v: TemplateView; decision: 'approve' | 'reject'; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const label = decision === 'approve' ? t('templates.approve') : t('templates.reject');
  return (
    <form
      class="card"
      data-testid="template-review"
      onSubmit={(e) => {
        e.preventDefault();
        void api('POST', `/templates/${v.id}/${decision}`, { comment }).then(onDone, setError);
      }}
    >
      <h2>{t('templates.reviewOf', { what: label, version: v.version })}</h2>
      <AuthorNote v={v} />
      <TextArea path="review.comment" label={t('templates.comment')} rows={2} required value={comment} onInput={setComment} />
      {error ? <ErrorBox error={error} scope="review" /> : null}
      <button class="primary" type="submit">
        {label}
      </button>
    </form>
  );
}

/** What the author wrote when proposing the version: kept with it, shown at review and in the history. */
function AuthorNote({ v }: { v: TemplateView }) {
  if (shipped(v.author)) return <p class="muted">{t('templates.shippedNote')}</p>;
  return (
    <p data-testid="template-note">
      <strong>{t('templates.noteBy', { name: v.author.name })}: </strong>
      {v.note ? <span class="quote">{v.note}</span> : <span class="muted">{t('templates.noNote')}</span>}
    </p>
  );
}

export function TemplatesScreen() {
  const [kind, setKind] = useState<Kind>('authority');
  const [lang, setLang] = useState<Lang>('nb');
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<unknown>(null);
  const { data: versions, error: loadError, reload } = useLoad(() => api<TemplateView[]>('GET', `/templates?kind=${kind}&lang=${lang}`), [kind, lang]);
  const people = useLoad(() => api<Person[]>('GET', '/users/directory').catch(() => null), []).data;
  const inForce = versions?.find((v) => v.status === 'approved');
  const done = () => {
    setPanel(null);
    void reload();
  };
  const show = async (v: TemplateView, what: 'preview' | 'diff') => {
    try {
      if (what === 'preview') setPanel({ kind: 'preview', v, data: await api<Rendered>('GET', `/templates/${v.id}/preview`) });
      else if (inForce) setPanel({ kind: 'diff', v, from: inForce, data: await api('GET', `/templates/diff?from=${inForce.id}&to=${v.id}`) });
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h1>{t('templates.title')}</h1>
      <p class="help">{t('templates.intro')}</p>
      <div class="row">
        <SelectField
          path="templates.kind"
          label={t('notice.kind')}
          value={kind}
          options={(['authority', 'subject', 'public', 'controller'] as const).map((k) => [k, word('noticeKind', k)])}
          onChange={(k) => (setKind(k), setPanel(null))}
        />
        <SelectField
          path="templates.lang"
          label={t('notice.lang')}
          value={lang}
          options={[
            ['nb', t('lang.nb')],
            ['en', t('lang.en')],
          ]}
          onChange={(l) => (setLang(l), setPanel(null))}
        />
      </div>
      {can('template:draft') ? (
        <button type="button" class="secondary" onClick={() => setPanel({ kind: 'draft' })}>
          {t('templates.newVersion')}
        </button>
      ) : null}
      {loadError ? <ErrorBox error={loadError} /> : null}
      {!versions && !loadError ? <Loading /> : null}
      {versions && !versions.length ? <Empty>{t('templates.none')}</Empty> : null}
      {versions?.length ? (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t('templates.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('templates.version')}</th>
                <th scope="col">{t('templates.status')}</th>
                <th scope="col">{t('templates.author')}</th>
                <th scope="col">{t('templates.comment')}</th>
                <th scope="col">{t('templates.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => {
                const mayReview = v.status === 'submitted' && can('template:approve') && v.author.id !== session.me?.id;
                return (
                  <tr key={v.id} data-testid={`template-${v.kind}-${v.lang}-${v.version}`}>
                    <td>{t('templates.versionNo', { version: v.version })}</td>
                    <td>
                      {word('templateStatus', v.status)}
                      {v.id === inForce?.id ? ` (${t('templates.inForce')})` : ''}
                    </td>
                    <td>
                      {shipped(v.author) ? t('templates.shippedAuthor') : v.author.name}
                      <div class="muted">
                        <Time iso={v.createdAt} />
                      </div>
                    </td>
                    <td>
                      <AuthorNote v={v} />
                      {v.review && !shipped(v.review.by) ? (
                        <p data-testid="template-review-comment">
                          <strong>{t('templates.reviewBy', { name: v.review.by?.name ?? '', status: word('templateStatus', v.status) })}: </strong>
                          {v.review.comment}
                        </p>
                      ) : null}
                      {v.status === 'submitted' || v.status === 'draft' ? <Approvers v={v} people={people ?? null} /> : null}
                    </td>
                    <td class="actions">
                      <button type="button" class="secondary" onClick={() => void show(v, 'preview')}>
                        {t('templates.preview')}
                      </button>
                      {inForce && v.id !== inForce.id ? (
                        <button type="button" class="secondary" onClick={() => void show(v, 'diff')}>
                          {t('templates.diff')}
                        </button>
                      ) : null}
                      {v.status === 'draft' && can('template:draft') && v.author.id === session.me?.id ? (
                        <button type="button" class="secondary" onClick={() => void api('POST', `/templates/${v.id}/submit`).then(done, setError)}>
                          {t('templates.submit')}
                        </button>
                      ) : null}
                      {mayReview ? (
                        <>
                          <button type="button" class="primary" onClick={() => setPanel({ kind: 'review', v, decision: 'approve' })}>
                            {t('templates.approve')}
                          </button>
                          <button type="button" class="secondary" onClick={() => setPanel({ kind: 'review', v, decision: 'reject' })}>
                            {t('templates.reject')}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      <div aria-live="polite">
        {panel?.kind === 'draft' ? <DraftForm kind={kind} lang={lang} base={inForce ?? versions?.[0]} onDone={done} /> : null}
        {panel?.kind === 'review' ? <ReviewForm v={panel.v} decision={panel.decision} onDone={done} /> : null}
        {panel?.kind === 'preview' ? (
          <section class="card" data-testid="template-preview">
            <h2>{t('templates.sample', { version: panel.v.version })}</h2>
            {panel.data.error ? <div class="error">{panel.data.error}</div> : null}
            {panel.data.rendered ? (
              <>
                <p>
                  <strong>{t('templates.subjectLine')}: </strong>
                  {panel.data.rendered.subject}
                </p>
                {/* Escaped by the server's templates; the frame runs no script and reaches nothing. */}
                <iframe title={t('templates.sampleHtml')} sandbox="" srcdoc={panel.data.rendered.html} class="preview" />
                <details>
                  <summary>{t('templates.bodyText')}</summary>
                  <pre>{panel.data.rendered.text}</pre>
                </details>
              </>
            ) : null}
          </section>
        ) : null}
        {panel?.kind === 'diff' ? (
          <section class="card" data-testid="template-diff">
            <h2>{t('templates.diffOf', { from: panel.from.version, to: panel.v.version })}</h2>
            {[panel.data.subject, panel.data.text, panel.data.html].every((patch) => !hunks(patch).length) ? (
              <p class="warning" data-testid="template-no-changes">
                {t('templates.sameAsInForce')}
              </p>
            ) : null}
            <h3>{t('templates.subjectLine')}</h3>
            <Diff patch={panel.data.subject} />
            <h3>{t('templates.bodyText')}</h3>
            <Diff patch={panel.data.text} />
            <h3>{t('templates.bodyHtml')}</h3>
            <Diff patch={panel.data.html} />
          </section>
        ) : null}
      </div>
    </>
  );
}
