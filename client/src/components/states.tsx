import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { t } from '../words.js';

export function Loading({ label }: { label?: string }) {
  return (
    <div class="loading" role="status" data-testid="loading">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function Empty({ children, testid }: { children: ComponentChildren; testid?: string }) {
  return (
    <div class="empty" data-testid={testid ?? 'empty'}>
      {children}
    </div>
  );
}

/** Fetches a screen's data; `reload` fetches again. A result that arrives after the screen was left is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown; reload: () => Promise<void> } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const seq = useRef(0);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const data = await load();
      if (alive.current && mine === seq.current) setState({ data, error: null });
    } catch (error) {
      if (alive.current && mine === seq.current) setState({ data: null, error });
    }
  }, deps);
  useEffect(() => {
    setState({ data: null, error: null });
    void reload();
  }, [reload]);
  return { ...state, reload };
}

const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
export { fieldId };

/** A label's words without the "(required)" mark beside them. */
function labelText(label: Element | null | undefined): string {
  if (!label) return '';
  const copy = label.cloneNode(true) as Element;
  copy.querySelectorAll('.required-mark').forEach((m) => m.remove());
  return copy.textContent?.trim() ?? '';
}

/** The id of the field an edited control belongs to: its own, or its group's (check boxes, radios). */
function editedField(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  if (target.id.startsWith('f-')) return target.id;
  return target.closest('[id^="f-"]')?.id ?? null;
}

/** The screen's own name for a field: the text of its label, or of its group's legend. */
function fieldName(path: string, scope?: string): { id: string; name: string } | null {
  if (scope) {
    const scoped = fieldName(`${scope}.${path}`);
    if (scoped) return scoped;
  }
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const id = fieldId(p);
    const el = document.getElementById(id);
    if (!el) continue;
    const label = document.querySelector(`label[for="${id}"]`) ?? el.closest('fieldset')?.querySelector('legend');
    return { id, name: labelText(label) };
  }
  return null;
}

/** Opens the folded sections around a field, scrolls to it and puts the cursor in it. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  el.scrollIntoView({ block: 'center' });
  const control = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button');
  control?.focus();
}

/**
 * An API error as people read it, worded by the server in the reader's language: what went wrong, then each
 * field by the name the screen gives it (as a link to it), or by the server's name for it when it is not on this screen.
 */
export function ErrorBox({ error, scope }: { error: unknown; scope?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const e = error instanceof ApiError ? error : null;
  const details = e?.body.error?.details ?? [];
  const all = details.map((d) => ({ ...d, field: fieldName(d.path, scope) }));
  // A field's problem goes once the person changes that field: the old error does not stay under a corrected value.
  const [edited, setEdited] = useState<string[]>([]);
  useEffect(() => setEdited([]), [error]);
  useEffect(() => {
    const around = box.current?.closest('form') ?? box.current?.parentElement;
    if (!around) return;
    const onEdit = (ev: Event) => {
      const id = editedField(ev.target);
      if (id) setEdited((ids) => (ids.includes(id) ? ids : [...ids, id]));
    };
    around.addEventListener('input', onEdit);
    around.addEventListener('change', onEdit);
    return () => {
      around.removeEventListener('input', onEdit);
      around.removeEventListener('change', onEdit);
    };
  }, [error]);
  const fields = all.filter((f) => !f.field || !edited.includes(f.field.id));
  useEffect(() => {
    const first = all.find((f) => f.field);
    if (first?.field) focusField(first.field.id);
    else box.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  const headline = !e
    ? t('error.network')
    : e.status === 409
      ? t('error.conflict')
      : e.status === 403
        ? t('error.forbidden')
        : e.status === 404
          ? t('error.notFound')
          : e.status === 429
            ? e.retryAfterSeconds
              ? t('error.tooManyWait', { seconds: e.retryAfterSeconds })
              : t('error.tooMany')
            : e.status >= 500
              ? t('error.server')
              : details.length && e.body.error?.code === 'invalid_input'
                ? t('error.fields')
                : (e.body.error?.message ?? t('error.server'));
  // Every field it named has been changed since: nothing of it is left to say.
  if (all.length && !fields.length) return <div ref={box} hidden />;
  return (
    <div class="error" role="alert" ref={box} data-testid="error">
      <p>{headline}</p>
      {fields.length ? (
        <ul>
          {fields.map((f) => (
            <li key={f.path}>
              {f.field ? (
                <a
                  href={`#${f.field.id}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    focusField(f.field!.id);
                  }}
                >
                  {f.field.name || f.label}
                </a>
              ) : (
                f.label
              )}
              {`: ${f.message}`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
