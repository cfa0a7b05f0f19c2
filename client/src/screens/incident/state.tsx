import { useState } from 'preact/hooks';
import type { IncidentView } from '../../../../server/domains/incidents/incident.presenter.js';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { TextArea } from '../../components/field.js';
import { ErrorBox } from '../../components/states.js';
import { Time } from '../../components/time.js';
import { can } from '../../state.js';
import { t, word } from '../../words.js';

type Open = null | 'not-notifiable' | 'close' | 'resume' | 'reopen';

/**
 * Stopping the clock and closing the case: each asks first, in a dialog of its own with its own reason,
 * because both end the legal clock.
 */
export function StateSection({ incident, owes, onSaved }: { incident: IncidentView; owes: number | null; onSaved: () => void }) {
  const [open, setOpen] = useState<Open>(null);
  const [reason, setReason] = useState('');
  const [notABreach, setNotABreach] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!can('incident:decide') && !can('incident:update')) return null;
  const mayDecide = can('incident:decide');
  const start = (which: Open) => {
    setReason('');
    setNotABreach(false);
    setError(null);
    setOpen(which);
  };
  const post = async (path: string, body: Record<string, unknown>) => {
    try {
      await api('POST', `/incidents/${incident.id}/${path}`, body);
      setOpen(null);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const reasonBox = (help: string) => (
    <TextArea path="state.reason" label={t('state.reason')} help={help} required rows={3} value={reason} onInput={setReason} />
  );
  return (
    <section class="card" id="state">
      <h2>{t('state.heading')}</h2>
      {incident.closure ? (
        <p>
          {t('state.closedAt')} <Time iso={incident.closure.at} />
          {incident.closure.notABreach ? ` · ${t('state.wasNotABreach')}` : ''}
          <span class="block quote">{incident.closure.reason}</span>
        </p>
      ) : null}
      {incident.clock.state === 'stopped' ? (
        <p>
          {t('clock.title')}: {t('clock.stoppedBecause', { reason: word('stopReason', incident.clock.stopReason) })}
          {/* Only a reason a person gave is shown; for a filing the ledger below says what was sent. */}
          {incident.clock.stopNote && (incident.clock.stopReason === 'not-notifiable' || incident.clock.stopReason === 'not-a-breach') ? (
            <span class="block quote">{incident.clock.stopNote}</span>
          ) : null}
        </p>
      ) : null}
      <div class="buttons">
        {mayDecide && incident.status !== 'closed' && incident.clock.state === 'running' ? (
          <button type="button" class="secondary" onClick={() => start('not-notifiable')}>
            {t('state.notNotifiable')}
          </button>
        ) : null}
        {mayDecide && incident.status !== 'closed' && incident.clock.stopReason === 'not-notifiable' ? (
          <button type="button" class="secondary" onClick={() => start('resume')}>
            {t('state.resume')}
          </button>
        ) : null}
        {mayDecide && incident.status !== 'closed' ? (
          <button type="button" class="secondary" onClick={() => start('close')}>
            {t('state.close')}
          </button>
        ) : null}
        {mayDecide && incident.status === 'closed' ? (
          <button type="button" class="secondary" onClick={() => start('reopen')}>
            {t('state.reopen')}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={open === 'not-notifiable'}
        testid="confirm-not-notifiable"
        title={t('state.notNotifiableTitle')}
        confirmLabel={t('state.notNotifiableConfirm')}
        onCancel={() => setOpen(null)}
        onConfirm={() => void post('not-notifiable', { reason })}
      >
        <p>{t('state.notNotifiableExplain')}</p>
        {reasonBox(t('state.notNotifiableReasonHelp'))}
        {error ? <ErrorBox error={error} scope="state" /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'close'}
        testid="confirm-close"
        title={t('state.closeTitle')}
        confirmLabel={t('state.closeConfirm')}
        onCancel={() => setOpen(null)}
        onConfirm={() => void post('close', { reason, notABreach })}
      >
        <p>{incident.clock.state === 'running' ? t('state.closeStopsClock') : t('state.closeExplain')}</p>
        {owes ? <p class="warning">{t('state.closeStillOwes', { n: owes })}</p> : null}
        {reasonBox(t('state.closeReasonHelp'))}
        <label class="check">
          <input type="checkbox" checked={notABreach} onChange={(e) => setNotABreach((e.target as HTMLInputElement).checked)} />
          {t('state.notABreach')}
        </label>
        {error ? <ErrorBox error={error} scope="state" /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'resume'}
        testid="confirm-resume"
        title={t('state.resumeTitle')}
        confirmLabel={t('state.resume')}
        onCancel={() => setOpen(null)}
        onConfirm={() => void post('resume', { reason })}
      >
        <p>{t('state.resumeExplain')}</p>
        {reasonBox(t('state.resumeReasonHelp'))}
        {error ? <ErrorBox error={error} scope="state" /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'reopen'}
        testid="confirm-reopen"
        title={t('state.reopenTitle')}
        confirmLabel={t('state.reopen')}
        onCancel={() => setOpen(null)}
        onConfirm={() => void post('reopen', { reason })}
      >
        {reasonBox(t('state.reopenReasonHelp'))}
        {error ? <ErrorBox error={error} scope="state" /> : null}
      </ConfirmDialog>
    </section>
  );
}
