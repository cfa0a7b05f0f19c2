import { useState } from 'preact/hooks';
import type { IncidentView } from '../../../../server/domains/incidents/incident.presenter.js';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { delayReasonsNeeded } from '../../../../server/domains/incidents/reason.rules.js';
import { DateWithReason, SelectField, TextField } from '../../components/field.js';
import { ErrorBox } from '../../components/states.js';
import { Time } from '../../components/time.js';
import { fromLocalInput, nowLocalInput, toLocalInput } from '../../format.js';
import { defaultFollowUpAt, owesFollowUp } from '../../../../server/domains/obligations/follow-up.rules.js';
import { can } from '../../state.js';
import { FollowUpFields } from './follow-up.js';
import { t, word } from '../../words.js';
import type { NoticeView, SubmissionView } from './notices.js';

type Phase = 'complete' | 'initial' | 'supplementary' | 'final';
type Channel = 'altinn' | 'email' | 'post' | 'phone';

/** What was filed with Datatilsynet, and a way to record a filing made outside a drafted notice (a phone call). */
export function SubmissionsSection({
  incident,
  submissions,
  notices,
  onSaved,
}: {
  incident: IncidentView;
  submissions: SubmissionView[];
  notices: NoticeView[];
  onSaved: () => void;
}) {
  const [sentAt, setSentAt] = useState(nowLocalInput());
  const [channel, setChannel] = useState<Channel>('altinn');
  const [phase, setPhase] = useState<Phase>(submissions.length ? 'supplementary' : 'complete');
  const [reference, setReference] = useState('');
  const earlier = submissions.find((s) => s.delayReasons)?.delayReasons ?? [...notices].reverse().find((n) => n.delayReasons)?.delayReasons ?? '';
  const [delayReasons, setDelayReasons] = useState(earlier);
  const [followUp, setFollowUp] = useState(toLocalInput(defaultFollowUpAt(new Date()).toISOString()));
  const owes = owesFollowUp(phase);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const record = async () => {
    setConfirming(false);
    try {
      await api('POST', `/incidents/${incident.id}/submissions`, {
        sentAt: chosenSentAt,
        channel,
        phase,
        reference,
        ...(reasonsAsked && delayReasons ? { delayReasons } : {}),
        ...(owes && followUp ? { followUpDueAt: fromLocalInput(followUp) } : {}),
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const chosenSentAt = fromLocalInput(sentAt);
  // Asked of the first filing sent after the deadline, filled with reasons a drafted notice already gave.
  const reasonsAsked =
    !!chosenSentAt &&
    delayReasonsNeeded({
      sentAt: new Date(chosenSentAt),
      deadline: incident.deadline ? new Date(incident.deadline) : null,
      firstFiling: !submissions.length,
      reasonsOnRecord: '',
    });
  const noticeOf = (id: string | null | undefined) => notices.find((n) => n.id === id);
  // A processor whose controller notifies files nothing with Datatilsynet (Art. 33(2)).
  if (!incident.notifiesAuthority && !submissions.length) return null;
  return (
    <section class="card" id="submissions">
      <h2>{t('filing.heading')}</h2>
      {submissions.length ? (
        <ul data-testid="ledger">
          {submissions.map((s) => (
            <li key={s.id}>
              <Time iso={s.sentAt} /> · {word('phase', s.phase)} · {word('channel', s.channel)}
              {s.reference ? ` · ${s.reference}` : ''}
              {s.late ? ` · ${t('filing.late')}` : ''}
              {noticeOf(s.noticeId) ? ` · ${t('filing.linkedNotice', { kind: word('noticeKind', noticeOf(s.noticeId)!.kind) })}` : ''}
              {s.followUpDueAt ? (
                <span class="block muted">
                  {t('filing.followUpPromised')} <Time iso={s.followUpDueAt} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('filing.none')}</p>
      )}
      {can('submission:record') && incident.notifiesAuthority && incident.awareness && incident.status !== 'closed' ? (
        <details>
          <summary>{t('filing.recordOther')}</summary>
          <form
            noValidate
            data-testid="submission-form"
            onSubmit={(e) => {
              e.preventDefault();
              // A filing with Datatilsynet stops the legal clock: ask before it goes.
              setConfirming(true);
            }}
          >
            <p class="help">{t('filing.otherHelp')}</p>
            <DateWithReason
              required
              date={{ path: 'filing.sentAt', label: t('notice.sentAt'), value: sentAt, onInput: setSentAt }}
              reason={{
                path: 'filing.delayReasons',
                label: t('notice.delayReasons'),
                help: t('notice.delayReasonsHelp'),
                value: delayReasons,
                onInput: setDelayReasons,
              }}
              needed={reasonsAsked}
            />
            <div class="row">
              <SelectField
                path="filing.channel"
                label={t('notice.channel')}
                value={channel}
                options={(['altinn', 'email', 'post', 'phone'] as const).map((c) => [c, word('channel', c)])}
                onChange={setChannel}
              />
              <SelectField
                path="filing.phase"
                label={t('notice.phase')}
                value={phase}
                options={(['complete', 'initial', 'supplementary', 'final'] as const).map((p) => [p, word('phase', p)])}
                onChange={setPhase}
              />
            </div>
            <FollowUpFields scope="filing" owes={owes} filedBefore={submissions.length > 0} followUp={followUp} onInput={setFollowUp} />
            <TextField path="filing.reference" label={t('notice.altinnReference')} maxLength={200} value={reference} onInput={setReference} />
            {error ? <ErrorBox error={error} scope="filing" /> : null}
            <button class="primary" type="submit">
              {t('filing.record')}
            </button>
          </form>
        </details>
      ) : null}
      <ConfirmDialog
        open={confirming}
        testid="confirm-filing"
        title={t('filing.confirmTitle')}
        confirmLabel={t('filing.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void record()}
      >
        <p>{t('filing.confirmExplain', { phase, first: !submissions.length })}</p>
      </ConfirmDialog>
    </section>
  );
}
