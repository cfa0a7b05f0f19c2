import { useState } from 'preact/hooks';
import type { IncidentView } from '../../../../server/domains/incidents/incident.presenter.js';
import { api } from '../../api.js';
import { awarenessReasonNeeded } from '../../../../server/domains/incidents/reason.rules.js';
import { DateWithReason, TextArea } from '../../components/field.js';
import { ErrorBox } from '../../components/states.js';
import { Time } from '../../components/time.js';
import { fromLocalInput, nowLocalInput, osloTime, toLocalInput } from '../../format.js';
import { can } from '../../state.js';
import { t } from '../../words.js';

/** When the organisation became aware: declaring it starts the 72 hours; correcting it needs a reason. */
export function AwarenessSection({ incident, onSaved }: { incident: IncidentView; onSaved: () => void }) {
  const aware = incident.awareness;
  const [at, setAt] = useState(aware ? toLocalInput(aware.at) : nowLocalInput());
  const [evidence, setEvidence] = useState(aware?.evidence ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const mayAct = can('incident:update') && incident.status !== 'closed';
  const chosen = fromLocalInput(at);
  const need = chosen ? awarenessReasonNeeded({ at: new Date(chosen), now: new Date(), correcting: !!aware }) : null;
  return (
    <section class="card" id="awareness">
      <h2>{t('awareness.heading')}</h2>
      {aware ? (
        <p>
          {t('awareness.since')}: <Time iso={aware.at} deadline /> · {t('awareness.declaredBy', { name: aware.declaredBy?.name ?? t('common.nobody') })}
          {aware.evidence ? <span class="block muted">{aware.evidence}</span> : null}
        </p>
      ) : (
        <p>{t('awareness.notYet')}</p>
      )}
      {mayAct ? (
        <details open={!aware}>
          <summary>{aware ? t('awareness.correct') : t('awareness.declare')}</summary>
          <form
            noValidate
            data-testid="awareness-form"
            onSubmit={async (e) => {
              e.preventDefault();
              try {
                await api('PUT', `/incidents/${incident.id}/awareness`, { at: chosen, evidence, ...(need && reason ? { reason } : {}) });
                onSaved();
              } catch (err) {
                setError(err);
              }
            }}
          >
            <DateWithReason
              required
              date={{
                path: 'awareness.at',
                label: t('awareness.at'),
                help: incident.detected.at ? t('awareness.atNotBefore', { detected: osloTime(incident.detected.at) }) : undefined,
                value: at,
                onInput: setAt,
              }}
              reason={{
                path: 'awareness.reason',
                label: need === 'correcting' ? t('awareness.reasonCorrect') : t('awareness.reasonBackdate'),
                help: t('awareness.reasonHelp'),
                value: reason,
                onInput: setReason,
              }}
              needed={!!need}
            />
            <TextArea
              path="awareness.evidence"
              label={t('awareness.evidence')}
              help={t('awareness.evidenceHelp')}
              rows={2}
              required
              value={evidence}
              onInput={setEvidence}
            />
            {error ? <ErrorBox error={error} scope="awareness" /> : null}
            <button class="primary" type="submit">
              {aware ? t('awareness.correct') : t('awareness.declare')}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
