import { useState } from 'preact/hooks';
import type { IncidentView } from '../../../server/domains/incidents/incident.presenter.js';
import { findNationalIdNumbers } from '../../../server/domains/incidents/national-id.js';
import { awarenessReasonNeeded } from '../../../server/domains/incidents/reason.rules.js';
import { api } from '../api.js';
import { DateTimeField, DateWithReason, RadioGroup, TextArea, TextField } from '../components/field.js';
import { ErrorBox } from '../components/states.js';
import { fromLocalInput, nowLocalInput } from '../format.js';
import { session } from '../state.js';
import { t } from '../words.js';

export function NewIncidentScreen() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [openedAt] = useState(nowLocalInput());
  // Untouched, "Discovered" is when the form opened, or a backdated time of awareness before it.
  const [detectedAt, setDetectedAt] = useState<string | null>(null);
  const [clock, setClock] = useState<'aware' | 'triage'>('aware');
  const [evidence, setEvidence] = useState('');
  // Untouched, the time of awareness is the moment the form is sent.
  const [awareAt, setAwareAt] = useState<string | null>(null);
  const [awarenessReason, setAwarenessReason] = useState('');
  const [role, setRole] = useState<'controller' | 'processor'>('controller');
  const [mask, setMask] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The same rule as the server's: eleven digits with valid mod-11 check digits.
  const hasFnr = findNationalIdNumbers(`${title}\n${description}`).length > 0;
  const chosenAwareAt = awareAt === null ? null : fromLocalInput(awareAt);
  const shownDetectedAt = detectedAt ?? (clock === 'aware' && awareAt !== null && awareAt < openedAt ? awareAt : openedAt);
  const backdated = !!chosenAwareAt && awarenessReasonNeeded({ at: new Date(chosenAwareAt), now: new Date(), correcting: false }) !== null;
  return (
    <>
      <h1>{t('newIncident.title')}</h1>
      <form
        noValidate
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            const created = await api<IncidentView>('POST', `/incidents${hasFnr && mask ? '?maskNationalIds=true' : ''}`, {
              title,
              description,
              role,
              detected: { at: fromLocalInput(shownDetectedAt), by: session.me?.name ?? '' },
              ...(clock === 'aware'
                ? {
                    awareAt: chosenAwareAt ?? new Date().toISOString(),
                    ...(evidence ? { awarenessEvidence: evidence } : {}),
                    ...(backdated && awarenessReason ? { awarenessReason } : {}),
                  }
                : {}),
            });
            location.hash = `#/incidents/${created.id}`;
          } catch (err) {
            setError(err);
            setBusy(false);
          }
        }}
      >
        <TextField path="title" label={t('facts.title')} help={t('facts.titleHelp')} required maxLength={200} value={title} onInput={setTitle} />
        <TextArea path="description" label={t('facts.description')} help={t('facts.descriptionHelp')} rows={4} value={description} onInput={setDescription} />
        {hasFnr ? (
          <div class="warning" role="alert" data-testid="fnr-warning">
            {t('newIncident.fnrWarning')}
            <label class="check">
              <input type="checkbox" checked={mask} onChange={(e) => setMask((e.target as HTMLInputElement).checked)} />
              {t('newIncident.mask')}
            </label>
          </div>
        ) : null}
        <DateTimeField path="detected.at" label={t('facts.detectedAt')} value={shownDetectedAt} onInput={setDetectedAt} />
        <RadioGroup
          path="role"
          label={t('facts.role')}
          help={t('facts.roleHelp')}
          value={role}
          options={[
            ['controller', t('role.controllerChoice')],
            ['processor', t('role.processorChoice')],
          ]}
          onChange={setRole}
        />
        <RadioGroup
          path="clock"
          label={t('newIncident.clock')}
          help={t('newIncident.clockHelp')}
          value={clock}
          options={[
            ['aware', t('newIncident.awareNow')],
            ['triage', t('newIncident.triage')],
          ]}
          onChange={setClock}
        />
        {clock === 'aware' ? (
          <DateWithReason
            required
            date={{ path: 'awareAt', label: t('awareness.at'), value: awareAt ?? nowLocalInput(), onInput: setAwareAt }}
            reason={{
              path: 'awarenessReason',
              label: t('awareness.reasonBackdate'),
              help: t('awareness.reasonHelp'),
              value: awarenessReason,
              onInput: setAwarenessReason,
            }}
            needed={backdated}
          />
        ) : null}
        {clock === 'aware' ? (
          <TextField
            path="awarenessEvidence"
            label={t('awareness.evidence')}
            help={t('awareness.evidenceHelp')}
            maxLength={500}
            value={evidence}
            onInput={setEvidence}
          />
        ) : null}
        <p class="muted">{t('newIncident.detailsLater')}</p>
        {error ? <ErrorBox error={error} /> : null}
        <button class="primary" type="submit" disabled={busy}>
          {t('newIncident.create')}
        </button>
      </form>
    </>
  );
}
