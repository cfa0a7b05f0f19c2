import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { dismissToast, onToasts, toasts, type LiveAlert } from '../alerts.js';
import { can } from '../state.js';
import { milestoneWords, t } from '../words.js';
import { ErrorBox } from './states.js';
import { Countdown, Time } from './time.js';

function Toast({ a }: { a: LiveAlert }) {
  const [error, setError] = useState<unknown>(null);
  // A link, so it opens like any other (new tab, copied address); a test alert has no incident and opens the on-call screen.
  const href = a.kind === 'test' ? '#/oncall' : `#/incidents/${encodeURIComponent(a.incidentId)}`;
  return (
    <div class="toast" role="alert" data-testid="alert-toast">
      <a class="toast-open" href={href} data-testid="alert-toast-link">
        <strong>
          {a.incidentRef ? `${a.incidentRef} · ` : ''}
          {a.title}
        </strong>
        <span>{a.kind === 'test' ? t('toast.test') : a.kind === 'overdue' ? t('alert.overdue') : t('alert.due', { what: milestoneWords(a.milestone) })}</span>
        {a.deadline ? (
          <span>
            {t('alert.deadline')}: <Time iso={a.deadline} deadline /> · <Countdown dueAt={a.deadline} />
          </span>
        ) : null}
        {a.escalationLevel ? <span>{t('alert.escalated', { step: a.escalationLevel })}</span> : null}
        {a.told?.length ? (
          <span>
            {t('alert.told')}: {a.told.map((p) => p.name).join(', ')}
          </span>
        ) : null}
        <span class="toast-link-words">{a.kind === 'test' ? t('toast.openOnCall') : t('toast.openIncident')}</span>
      </a>
      <div class="toast-actions">
        {can('alert:ack') ? (
          <button type="button" class="primary" onClick={() => void api('POST', `/alerts/${a.alertId}/ack`).then(() => dismissToast(a.key), setError)}>
            {t('alert.acknowledge')}
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={() => dismissToast(a.key)}>
          {t('common.close')}
        </button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
    </div>
  );
}

/** Confirmations of something the person just did ("saved"): shown beside the alerts for a few seconds. */
const confirmations: { key: number; text: string }[] = [];
const confirmationListeners = new Set<() => void>();
let confirmationSeq = 0;
const CONFIRMATION_MS = 6_000;

/** Confirms a finished action in a toast that goes by itself. */
export function confirmDone(text: string): void {
  const key = ++confirmationSeq;
  confirmations.push({ key, text });
  confirmationListeners.forEach((fn) => fn());
  window.setTimeout(() => {
    const i = confirmations.findIndex((c) => c.key === key);
    if (i >= 0) confirmations.splice(i, 1);
    confirmationListeners.forEach((fn) => fn());
  }, CONFIRMATION_MS);
}

export function Toasts() {
  const [, setN] = useState(0);
  useEffect(() => onToasts(() => setN((n) => n + 1)), []);
  useEffect(() => (confirmationListeners.add(() => setN((n) => n + 1)), () => confirmationListeners.clear()), []);
  return (
    <div class="toasts">
      <div aria-live="polite">
        {confirmations.map((c) => (
          <div key={c.key} class="toast done" role="status" data-testid="done-toast">
            {c.text}
          </div>
        ))}
      </div>
      {toasts.length ? (
        <div aria-live="assertive">
          {toasts.map((a) => (
            <Toast key={a.key} a={a} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
