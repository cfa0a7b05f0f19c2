import { useState } from 'preact/hooks';
import type { IncidentView, presentSubmission } from '../../../../server/domains/incidents/incident.presenter.js';
import type { presentNotice } from '../../../../server/domains/notices/notice.presenter.js';
import { ApiError, api, download } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { DateTimeField, SelectField, TextArea, TextField } from '../../components/field.js';
import { ErrorBox, fieldId, focusField } from '../../components/states.js';
import { Time } from '../../components/time.js';
import { fromLocalInput, nowLocalInput, toLocalInput } from '../../format.js';
import { defaultFollowUpAt, filingLate, owesFollowUp } from '../../../../server/domains/obligations/follow-up.rules.js';
import { can } from '../../state.js';
import { FollowUpFields } from './follow-up.js';
import { currentLang, say, t, word, type Lang } from '../../words.js';
import { fieldLabelCode } from '../../../../notifications/messages/screen-fields.js';

export type NoticeView = ReturnType<typeof presentNotice>;
export type SubmissionView = ReturnType<typeof presentSubmission>;
type Kind = 'authority' | 'subject' | 'public' | 'controller';
type Phase = 'complete' | 'initial' | 'supplementary' | 'final';
type Contracted = IncidentView & { controller: IncidentView['controller'] & { notifyOnBehalf?: boolean } };

/** The kinds of notice this incident may send: Datatilsynet only where we are the controller, or notify on its behalf. */
function kindsFor(incident: Contracted): Kind[] {
  const authority = incident.role === 'controller' || incident.controller.notifyOnBehalf === true;
  return [...(incident.role === 'processor' ? (['controller'] as const) : []), ...(authority ? (['authority'] as const) : []), 'subject', 'public'];
}

/** A rendered notice for the screen: what is missing, and what in it would disclose personal data (both worded by the server). */
type Preview = {
  subject?: string;
  text: string;
  missing: { element: string; path: string; message: string }[];
  outward?: { path: string; message: string }[];
  names?: { path: string; message: string }[];
};

/** A missing element named as the form names the field that supplies it; an element without one field keeps its own name. */
function missingName(m: { element: string; path: string }): string {
  const code = m.element === 'nature' ? fieldLabelCode(m.path) : null;
  return code ? say(code) : word('element', m.element);
}

function goTo(path: string): void {
  if (document.getElementById(fieldId(`notice.${path}`))) return focusField(fieldId(`notice.${path}`));
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    if (document.getElementById(fieldId(p))) return focusField(fieldId(p));
  }
}

/** Drafting a notice: its kind, language and phase are chosen here, never taken from the screen's language. */
function DraftForm({
  incident,
  notices,
  submissions,
  onSaved,
}: {
  incident: Contracted;
  notices: NoticeView[];
  submissions: SubmissionView[];
  onSaved: () => void;
}) {
  const kinds = kindsFor(incident);
  // The first kind not yet drafted is the likely next one.
  const [kind, setKind] = useState<Kind>(kinds.find((k) => !notices.some((n) => n.kind === k)) ?? kinds[0]!);
  const [lang, setLang] = useState<Lang>(currentLang());
  const filedBefore = submissions.length > 0 || notices.some((n) => n.kind === 'authority' && n.status !== 'draft');
  const [phase, setPhase] = useState<Phase>(filedBefore ? 'supplementary' : 'complete');
  // Art. 33(4): a first or partial notice says when the follow-up comes; that date is what the follow-up is due at.
  const [followUp, setFollowUp] = useState(toLocalInput(defaultFollowUpAt(new Date()).toISOString()));
  const owes = kind === 'authority' && owesFollowUp(phase);
  // Reasons for a delay are given once per incident and reused by the notices after it.
  const earlierReasons =
    (incident as { delayReasons?: string }).delayReasons ||
    ([...notices].reverse().find((n) => n.delayReasons)?.delayReasons ?? submissions.find((s) => s.delayReasons)?.delayReasons ?? '');
  const [delayReasons, setDelayReasons] = useState(earlierReasons);
  const [advice, setAdvice] = useState([...notices].reverse().find((n) => n.adviceToSubjects)?.adviceToSubjects ?? '');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const late =
    kind === 'authority' &&
    filingLate({ phase, sentAt: new Date(), deadline: incident.deadline ? new Date(incident.deadline) : null, firstFiling: submissions[0] ?? null });
  const body = () => ({
    kind,
    lang,
    // Phases are Art. 33(4)'s: a notice to Datatilsynet given in steps. Other notices are whole.
    phase: kind === 'authority' ? phase : 'complete',
    ...(kind === 'authority' && delayReasons.trim() ? { delayReasons } : {}),
    ...(owes && followUp ? { followUpDueAt: fromLocalInput(followUp) } : {}),
    ...((kind === 'subject' || kind === 'public') && advice.trim() ? { adviceToSubjects: advice } : {}),
  });
  return (
    <form
      noValidate
      class="notice-form"
      data-testid="notice-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api('POST', `/incidents/${incident.id}/notices`, body());
          setError(null);
          setPreview(null);
          onSaved();
        } catch (err) {
          setError(err);
        }
      }}
    >
      <div class="row">
        <SelectField path="notice.kind" label={t('notice.kind')} value={kind} options={kinds.map((k) => [k, word('noticeKind', k)])} onChange={setKind} />
        <SelectField
          path="notice.lang"
          label={t('notice.lang')}
          help={t('notice.langHelp')}
          value={lang}
          options={[
            ['nb', t('lang.nb')],
            ['en', t('lang.en')],
          ]}
          onChange={setLang}
        />
        {kind === 'authority' ? (
          <SelectField
            path="notice.phase"
            label={t('notice.phase')}
            help={t('notice.phaseHelp')}
            value={phase}
            options={(['complete', 'initial', 'supplementary', 'final'] as const).map((p) => [p, word('phase', p)])}
            onChange={setPhase}
          />
        ) : null}
      </div>
      {kind === 'authority' ? <FollowUpFields scope="notice" owes={owes} filedBefore={filedBefore} followUp={followUp} onInput={setFollowUp} /> : null}
      {lang !== 'nb' ? (
        <p class="warning" data-testid="notice-free-text">
          {t('notice.freeTextAsWritten')}
          {!(incident as { outwardDescriptionEn?: string }).outwardDescriptionEn?.trim() ? (
            <>
              {' '}
              <a
                href={`#${fieldId('outwardDescriptionEn')}`}
                data-testid="write-english"
                onClick={(e) => {
                  e.preventDefault();
                  goTo('outwardDescriptionEn');
                }}
              >
                {t('notice.writeEnglish')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {kind === 'authority' && (late || earlierReasons) ? (
        <TextArea
          path="notice.delayReasons"
          label={t('notice.delayReasons')}
          help={earlierReasons ? t('notice.delayReasonsReused') : t('notice.delayReasonsHelp')}
          value={delayReasons}
          onInput={setDelayReasons}
        />
      ) : null}
      {kind === 'subject' || kind === 'public' ? (
        <TextArea path="notice.adviceToSubjects" label={t('notice.advice')} help={t('notice.adviceHelp')} value={advice} onInput={setAdvice} />
      ) : null}
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          try {
            setPreview(await api<Preview>('POST', `/incidents/${incident.id}/notices/preview`, body()));
            setError(null);
          } catch (err) {
            setError(err);
          }
        }}
      >
        {t('notice.preview')}
      </button>
      {can('notice:draft') ? (
        <button type="submit" class="primary">
          {t('notice.draft')}
        </button>
      ) : null}
      {error ? <ErrorBox error={error} scope="notice" /> : null}
      {preview ? (
        <div data-testid="notice-preview" lang={lang}>
          {preview.missing.length ? (
            <div class="warning">
              <strong>{t('notice.missingHeading')}</strong>
              <ul>
                {preview.missing.map((m) => (
                  <li key={m.path}>
                    <a
                      href={`#${fieldId(m.path)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        goTo(m.path);
                      }}
                    >
                      {missingName(m)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.outward?.length ? (
            <div class="error" data-testid="outward-problems">
              <strong>{t('notice.outwardHeading')}</strong>
              <ul>
                {preview.outward.map((o, i) => (
                  <li key={i}>
                    <a
                      href={`#${fieldId(o.path)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        goTo(o.path);
                      }}
                    >
                      {o.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.names?.length ? (
            <div class="warning" data-testid="preview-names">
              <strong>{t('notice.namesPreview')}</strong>
              <ul>
                {preview.names.map((o, i) => (
                  <li key={i}>{o.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.subject ? (
            <p>
              <strong>{preview.subject}</strong>
            </p>
          ) : null}
          <pre>{preview.text}</pre>
        </div>
      ) : null}
    </form>
  );
}

/** Recording that an approved notice went out, linked to it: the notice shows as sent. */
function SentForm({ notice, firstFiling, onSaved }: { notice: NoticeView; firstFiling: boolean; onSaved: () => void }) {
  const [sentAt, setSentAt] = useState(nowLocalInput());
  const [channel, setChannel] = useState(notice.kind === 'authority' ? 'altinn' : 'email');
  const [reference, setReference] = useState('');
  const [audience, setAudience] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const authority = notice.kind === 'authority';
  const record = async () => {
    setConfirming(false);
    try {
      // For Datatilsynet the filing is the submission that stops the clock; for the controller it records that they were informed.
      await api('POST', `/notices/${notice.id}/sent`, { sentAt: fromLocalInput(sentAt), channel, reference, audience });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const channels: [string, string][] = authority
    ? (['altinn', 'email', 'post', 'phone'] as const).map((c) => [c, word('channel', c)])
    : (['email', 'letter', 'sms', 'phone', 'web'] as const).map((c) => [c, word('channel', c)]);
  return (
    <>
      <form
        noValidate
        class="sent-form"
        data-testid={`sent-form-${notice.kind}`}
        onSubmit={(e) => {
          e.preventDefault();
          // A filing with Datatilsynet stops the legal clock: ask before it goes.
          if (authority) setConfirming(true);
          else void record();
        }}
      >
        <div class="row">
          <DateTimeField path={`sent-${notice.id}.sentAt`} label={t('notice.sentAt')} required value={sentAt} onInput={setSentAt} />
          <SelectField path={`sent-${notice.id}.channel`} label={t('notice.channel')} value={channel} options={channels} onChange={setChannel} />
        </div>
        <TextField
          path={`sent-${notice.id}.reference`}
          label={authority ? t('notice.altinnReference') : t('notice.reference')}
          maxLength={200}
          value={reference}
          onInput={setReference}
        />
        {!authority ? (
          <TextArea
            path={`sent-${notice.id}.audience`}
            label={t('notice.audience')}
            help={t('notice.audienceHelp')}
            rows={2}
            value={audience}
            onInput={setAudience}
          />
        ) : null}
        {error ? <ErrorBox error={error} scope={`sent-${notice.id}`} /> : null}
        <button type="submit" class="primary">
          {authority ? t('notice.recordFiling') : t('notice.recordSent')}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        testid={`confirm-filing-${notice.id}`}
        title={t('filing.confirmTitle')}
        confirmLabel={t('filing.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void record()}
      >
        <p>{t('filing.confirmExplain', { phase: notice.phase, first: firstFiling })}</p>
      </ConfirmDialog>
    </>
  );
}

type Altinn = { sections: { section: string; fields: { field: string; answer: string }[] }[] };

function AltinnPanel({ notice }: { notice: NoticeView }) {
  const [data, setData] = useState<Altinn | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!data)
    return (
      <>
        <button type="button" class="secondary" onClick={() => void api<Altinn>('GET', `/notices/${notice.id}/altinn`).then(setData, setError)}>
          {t('notice.altinn')}
        </button>
        {error ? <ErrorBox error={error} /> : null}
      </>
    );
  return (
    <div class="card altinn" data-testid="altinn" lang="nb">
      <h4>{t('notice.altinnHeading')}</h4>
      <p class="help">{t('notice.altinnHelp')}</p>
      {data.sections.map((s) => (
        <section key={s.section}>
          <h5>{s.section}</h5>
          {s.fields.map((f) => (
            <div class="altinn-field" key={f.field}>
              <div class="label">{f.field}</div>
              <pre>{f.answer}</pre>
              <button
                type="button"
                class="secondary small"
                aria-label={t('notice.copyField', { field: f.field })}
                onClick={() => void navigator.clipboard?.writeText(f.answer)}
              >
                {t('notice.copy')}
              </button>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/** What looks like people's names in a draft, from a refused approval: each to be checked before approving again. */
const namesToCheck = (error: unknown) =>
  error instanceof ApiError && error.body.error?.code === 'names_unchecked' ? error.body.error.details.map((d) => d.message) : [];

function NoticeItem({ incident, notice, firstFiling, onSaved }: { incident: IncidentView; notice: NoticeView; firstFiling: boolean; onSaved: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [namesChecked, setNamesChecked] = useState(false);
  const names = namesToCheck(error);
  const mayFile = can('submission:record') && notice.status === 'approved' && incident.status !== 'closed';
  return (
    <li class="notice" data-testid={`notice-${notice.kind}`}>
      <div>
        <strong>{word('noticeKind', notice.kind)}</strong> · {word('lang', notice.lang)} ·{' '}
        {notice.kind === 'authority' ? `${word('phase', notice.phase)} · ` : ''}
        <span class={`status-${notice.status}`}>{word('noticeStatus', notice.status)}</span>
      </div>
      <div class="muted">
        {t('notice.drafted', { name: notice.createdBy?.name ?? '' })} <Time iso={notice.createdAt} />
        {notice.approvedAt ? (
          <>
            {' · '}
            {t('notice.approvedBy', { name: notice.approvedBy?.name ?? '' })} <Time iso={notice.approvedAt} />
          </>
        ) : null}
        {notice.sent ? (
          <>
            {' · '}
            {t('notice.sentOn')} <Time iso={notice.sent.at} /> {notice.sent.reference ? `(${notice.sent.reference})` : ''}
          </>
        ) : null}
      </div>
      <div class="muted" title={notice.contentHash}>
        {notice.status === 'draft'
          ? notice.hashVerifies
            ? t('notice.hashOkDraft')
            : t('notice.hashBrokenDraft')
          : notice.hashVerifies
            ? t('notice.hashOk')
            : t('notice.hashBroken')}
      </div>
      <details class="notice-read" open={notice.status === 'draft'} data-testid={`notice-read-${notice.kind}`}>
        <summary>{t('notice.read')}</summary>
        <p class="help">{t('notice.readHelp')}</p>
        {/* The notice's own HTML in a sandbox without scripts or same-origin access: as it will read, and inert. */}
        <iframe title={`${t('notice.read')}: ${notice.subject}`} sandbox="" srcdoc={notice.html} class="preview" lang={notice.lang} />
      </details>
      <div class="buttons">
        {notice.status === 'draft' && can('notice:approve') ? (
          <button
            type="button"
            class="primary"
            disabled={names.length > 0 && !namesChecked}
            onClick={() => void api('POST', `/notices/${notice.id}/approve`, names.length ? { namesChecked } : {}).then(onSaved, setError)}
          >
            {t('notice.approve')}
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={() => void download(`/notices/${notice.id}/pdf`, `${notice.kind}.pdf`).catch(setError)}>
          {t('notice.pdf')}
        </button>
      </div>
      {names.length ? (
        <div class="warning" role="alert" data-testid="possible-names">
          <strong>{t('notice.namesHeading')}</strong>
          <ul>
            {names.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
          <label class="check">
            <input type="checkbox" checked={namesChecked} onChange={(e) => setNamesChecked((e.target as HTMLInputElement).checked)} />
            {t('notice.namesChecked')}
          </label>
        </div>
      ) : error ? (
        <ErrorBox error={error} />
      ) : null}
      {notice.kind === 'authority' && notice.status !== 'draft' ? <AltinnPanel notice={notice} /> : null}
      {mayFile ? (
        <details>
          <summary>{notice.kind === 'authority' ? t('notice.recordFiling') : t('notice.recordSent')}</summary>
          <SentForm notice={notice} firstFiling={firstFiling} onSaved={onSaved} />
        </details>
      ) : null}
    </li>
  );
}

export function NoticesSection(props: { incident: IncidentView; notices: NoticeView[]; submissions: SubmissionView[]; onSaved: () => void }) {
  const { incident, notices } = props;
  return (
    <section class="card" id="notices" data-testid="notices">
      <h2>{t('notice.heading')}</h2>
      <p class="help">{t('notice.intro')}</p>
      {notices.length ? (
        <ul class="notices">
          {notices.map((n) => (
            <NoticeItem key={n.id} incident={incident} notice={n} firstFiling={!props.submissions.length} onSaved={props.onSaved} />
          ))}
        </ul>
      ) : (
        <p class="muted">{t('notice.none')}</p>
      )}
      {incident.status !== 'closed' ? (
        <details open={!notices.length}>
          <summary>{t('notice.new')}</summary>
          <DraftForm {...props} incident={incident as Contracted} />
        </details>
      ) : null}
    </section>
  );
}
