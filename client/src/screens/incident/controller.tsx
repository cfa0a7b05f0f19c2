import { useState } from 'preact/hooks';
import type { IncidentView } from '../../../../server/domains/incidents/incident.presenter.js';
import { api } from '../../api.js';
import { DateTimeField, TextArea, TextField } from '../../components/field.js';
import { ErrorBox } from '../../components/states.js';
import { Time } from '../../components/time.js';
import { fromLocalInput, nowLocalInput } from '../../format.js';
import { can } from '../../state.js';
import { known, t, word } from '../../words.js';

/** As processor (Art. 33(2)): whom we tell, by when, and the record that we did. */
export function ControllerSection({ incident, onSaved }: { incident: IncidentView; onSaved: () => void }) {
  const c = incident.controller;
  const [at, setAt] = useState(nowLocalInput());
  const [channel, setChannel] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="card" id="controller" data-testid="controller">
      <h2>{t('controller.heading')}</h2>
      <p class="help" data-testid="controller-intro">
        {c.notifyOnBehalf ? t('controller.introOnBehalf') : t('controller.intro')}
      </p>
      <p>
        {t('controller.name')}: {c.name || t('common.notSet')}
        {c.contact ? <span class="block muted">{c.contact}</span> : null}
      </p>
      {c.notifyOnBehalf ? (
        <p class="card ok" data-testid="on-behalf">
          <strong>{t('controller.onBehalf')}</strong>
          <span class="block">
            {c.instructedBy && c.instructedAt ? (
              <>
                {t('controller.instructedBy', { name: c.instructedBy })} <Time iso={c.instructedAt} />
                {c.instructionReference ? ` · ${t('controller.instructionReference', { reference: c.instructionReference })}` : ''}
              </>
            ) : (
              t('controller.instructionMissing')
            )}
          </span>
        </p>
      ) : null}
      {c.targetAt ? (
        <p>
          {t('controller.target')}: <Time iso={c.targetAt} deadline />
        </p>
      ) : null}
      {c.informedAt ? (
        <p data-testid="controller-informed">
          {t('controller.informedAt')}: <Time iso={c.informedAt} />{' '}
          {c.informedChannel ? `· ${known(`channel.${c.informedChannel}`) ? word('channel', c.informedChannel) : c.informedChannel}` : ''}
        </p>
      ) : can('incident:update') && incident.status !== 'closed' ? (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await api('POST', `/incidents/${incident.id}/controller-informed`, { at: fromLocalInput(at), channel, note });
              onSaved();
            } catch (err) {
              setError(err);
            }
          }}
        >
          <DateTimeField path="controllerInformed.at" label={t('controller.when')} required value={at} onInput={setAt} />
          <TextField
            path="controllerInformed.channel"
            label={t('controller.channel')}
            help={t('controller.channelHelp')}
            required
            maxLength={100}
            value={channel}
            onInput={setChannel}
          />
          <TextArea path="controllerInformed.note" label={t('controller.note')} rows={2} value={note} onInput={setNote} />
          {error ? <ErrorBox error={error} scope="controllerInformed" /> : null}
          <button class="primary" type="submit">
            {t('controller.record')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
