import { useState } from 'preact/hooks';
import type { presentAssessment, presentDecision } from '../../../../server/domains/assessment/assessment.presenter.js';
import type { IncidentView } from '../../../../server/domains/incidents/incident.presenter.js';
import { api } from '../../api.js';
import { DateWithReason, RadioGroup, TextArea } from '../../components/field.js';
import { ErrorBox, fieldId, focusField } from '../../components/states.js';
import { Time } from '../../components/time.js';
import { fromLocalInput, nowLocalInput } from '../../format.js';
import { can } from '../../state.js';
import { say, sentence, t, word, type Code } from '../../words.js';

export type AssessmentView = ReturnType<typeof presentAssessment>;
export type DecisionView = ReturnType<typeof presentDecision>;

/** Puts the cursor in the facts form's field for a question; a question about a hidden field goes to its group. */
function goToFact(fact: string): void {
  for (let p = fact; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    if (document.getElementById(fieldId(p))) return focusField(fieldId(p));
  }
  const facts = document.getElementById('facts') as HTMLDetailsElement | null;
  if (facts) {
    facts.open = true;
    facts.scrollIntoView({ block: 'start' });
  }
}

const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));

export function AssessmentSection({ incident, assessments, onSaved }: { incident: IncidentView; assessments: AssessmentView[]; onSaved: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const latest = assessments.at(-1);
  // The outcome is said in the open where Datatilsynet is ours to notify; the other reasons stay folded.
  const outcome = incident.notifiesAuthority ? latest?.reasons.find((r) => r.code.startsWith('outcome.')) : undefined;
  const reasons = (latest?.reasons ?? []).filter((r) => r !== outcome);
  return (
    <section class="card" id="assessment">
      <h2>{t('assessment.heading')}</h2>
      <p class="help">{t('assessment.intro')}</p>
      {can('assessment:run') && incident.status !== 'closed' ? (
        <button
          class="secondary"
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await api('POST', `/incidents/${incident.id}/assessments`);
              setError(null);
              onSaved();
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          {latest ? t('assessment.runAgain') : t('assessment.run')}
        </button>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      {latest ? (
        <div data-testid="assessment">
          <p>
            <strong>
              {t('assessment.risk')}: {word('risk', latest.risk)}
            </strong>{' '}
            · <Time iso={latest.createdAt} />
          </p>
          {incident.notifiesAuthority ? (
            <>
              <p>
                {t('assessment.recommendation')}: {t('decision.notifySA')}: {yesNo(latest.recommendation.notifySA)} · {t('decision.notifySubjects')}:{' '}
                {yesNo(latest.recommendation.notifySubjects)}
                {latest.recommendation.exemption ? ` · ${word('exemption', latest.recommendation.exemption)}` : ''}
              </p>
              {/* What to do, in a sentence (once the 72 hours have run out: notify now, with the reasons for the delay). */}
              {outcome ? <p data-testid="outcome">{sentence(outcome)}</p> : null}
            </>
          ) : (
            <p data-testid="recommendation-processor">
              {t('assessment.recommendation')}: {t('assessment.informController')}: {yesNo(true)}
              <span class="block muted">
                {t('assessment.forController')}: {t('assessment.controllerNotifySA')}: {yesNo(latest.recommendation.notifySA)} ·{' '}
                {t('assessment.controllerNotifySubjects')}: {yesNo(latest.recommendation.notifySubjects)}
                {latest.recommendation.exemption ? ` · ${word('exemption', latest.recommendation.exemption)}` : ''}
              </span>
            </p>
          )}
          <details>
            <summary>{t('assessment.reasons', { n: reasons.length })}</summary>
            <ul>
              {reasons.map((r, i) => (
                <li key={i}>{sentence(r)}</li>
              ))}
            </ul>
          </details>
          {latest.missingFacts.length ? (
            <div class="warning" data-testid="missing-facts">
              <strong>{t('assessment.missing')}</strong>
              <ul>
                {latest.missingFacts.map((m) => (
                  <li key={m.fact}>
                    <a
                      href={`#${fieldId(m.fact)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        goToFact(m.fact);
                      }}
                    >
                      {sentence(m.question as { nb: string; en: string })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : (
        <p class="muted">{t('assessment.none')}</p>
      )}
    </section>
  );
}

type Ground = 'encrypted' | 'mitigated' | 'disproportionate';
type Exemption = '' | Ground;
type Evidence = { keyCustody: string; measuresTaken: string; measuresAt: string; whyDisproportionate: string };
type TextKey = 'keyCustody' | 'measuresTaken' | 'whyDisproportionate';

/**
 * The evidence each Art. 34(3) ground needs, as the form asks for it and as a recorded decision shows it: a
 * written account, for "mitigated" the time the measures were in place, and what the ground obliges next.
 */
const GROUNDS: Record<Ground, { text: { key: TextKey; label: Code; help: Code }; at?: { key: 'measuresAt'; label: Code }; note?: Code }> = {
  encrypted: { text: { key: 'keyCustody', label: 'decision.keyCustody', help: 'decision.keyCustodyHelp' } },
  mitigated: {
    text: { key: 'measuresTaken', label: 'decision.measures', help: 'decision.measuresHelp' },
    at: { key: 'measuresAt', label: 'decision.measuresAt' },
  },
  disproportionate: {
    text: { key: 'whyDisproportionate', label: 'decision.whyDisproportionate', help: 'decision.whyDisproportionateHelp' },
    note: 'decision.publicCommunication',
  },
};

/** The fields of one ground's evidence, from the table. */
function GroundEvidence({ ground, evidence, onChange }: { ground: Ground; evidence: Evidence; onChange: (next: Evidence) => void }) {
  const { text, at, note } = GROUNDS[ground];
  const textField = {
    path: `decision.evidence.${text.key}`,
    label: say(text.label),
    help: say(text.help),
    value: evidence[text.key],
    onInput: (v: string) => onChange({ ...evidence, [text.key]: v }),
  };
  return (
    <>
      {at ? (
        <DateWithReason
          required
          needed
          date={{ path: `decision.evidence.${at.key}`, label: say(at.label), value: evidence[at.key], onInput: (v) => onChange({ ...evidence, [at.key]: v }) }}
          reason={{ ...textField, rows: 3 }}
        />
      ) : (
        <TextArea {...textField} required />
      )}
      {note ? <p class="warning">{say(note)}</p> : null}
    </>
  );
}

/** What a ground's evidence sends: its fields only, the time as an instant. */
function evidenceOf(ground: Exemption, evidence: Evidence): Record<string, string | null> {
  if (!ground) return {};
  const { text, at } = GROUNDS[ground];
  return { [text.key]: evidence[text.key], ...(at ? { [at.key]: fromLocalInput(evidence[at.key]) } : {}) };
}

/** The decision in force, read-only: the choice, the ground and its evidence, the reasoning, who decided and when. */
function DecisionRecord({ decided }: { decided: DecisionView }) {
  const ground = decided.exemption ? GROUNDS[decided.exemption] : null;
  return (
    <div data-testid="decision">
      <p>
        <strong>{t('decision.current')}:</strong> {t('decision.notifySA')}: {yesNo(decided.notifySA)} · {t('decision.notifySubjects')}:{' '}
        {yesNo(decided.notifySubjects)}
      </p>
      <dl class="record" data-testid="decision-record">
        <dt>{t('decision.recommendationFollowed')}</dt>
        <dd>{yesNo(decided.followsRecommendation)}</dd>
        {decided.exemption && ground ? (
          <>
            <dt>{t('decision.ground')}</dt>
            <dd data-testid="decision-ground">{word('exemption', decided.exemption)}</dd>
            <dt>{say(ground.text.label)}</dt>
            <dd class="quote" data-testid="decision-evidence">
              {decided.evidence[ground.text.key] || t('common.notSet')}
            </dd>
            {ground.at ? (
              <>
                <dt>{say(ground.at.label)}</dt>
                <dd>{decided.evidence.measuresAt ? <Time iso={decided.evidence.measuresAt} /> : t('common.notSet')}</dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>{t('decision.reason')}</dt>
        <dd class="quote" data-testid="decision-reason">
          {decided.reason || t('common.notSet')}
        </dd>
      </dl>
      <p class="muted">
        {t('decision.by', { name: decided.decidedBy.name })} · <Time iso={decided.decidedAt} />
      </p>
      {decided.review.needed ? <div class="warning">{t('decision.reviewNeeded')}</div> : null}
    </div>
  );
}

/** The DPO's decision against the latest assessment, with the evidence each Art. 34(3) ground needs. */
export function DecisionSection({
  incident,
  assessments,
  decisions,
  onSaved,
}: {
  incident: IncidentView;
  assessments: AssessmentView[];
  decisions: DecisionView[];
  onSaved: () => void;
}) {
  const latest = assessments.at(-1);
  const decided = decisions.at(-1);
  const r = latest?.recommendation;
  const [notifySA, setNotifySA] = useState(r?.notifySA ?? true);
  const [notifySubjects, setNotifySubjects] = useState(r?.notifySubjects ?? false);
  const [exemption, setExemption] = useState<Exemption>((r?.exemption ?? '') as Exemption);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<Evidence>({
    keyCustody: incident.encryption?.keyCustody ?? '',
    measuresTaken: incident.measuresTaken,
    measuresAt: nowLocalInput(),
    whyDisproportionate: incident.subjects.reachNote ?? '',
  });
  const [error, setError] = useState<unknown>(null);
  const mayDecide = can('incident:decide') && incident.status !== 'closed';
  if (!incident.notifiesAuthority && !decided) {
    return (
      <section class="card" id="decision">
        <h2>{t('decision.heading')}</h2>
        <p class="muted" data-testid="decision-controller">
          {t('decision.controllerDecides')}
        </p>
      </section>
    );
  }
  return (
    <section class="card" id="decision">
      <h2>{t('decision.heading')}</h2>
      {decided ? <DecisionRecord decided={decided} /> : <p class="muted">{t('decision.none')}</p>}
      {!latest && mayDecide && incident.notifiesAuthority ? <p class="muted">{t('decision.assessFirst')}</p> : null}
      {latest && mayDecide && incident.notifiesAuthority ? (
        <details open={!decided}>
          <summary>{decided ? t('decision.again') : t('decision.record')}</summary>
          <form
            noValidate
            data-testid="decision-form"
            onSubmit={async (e) => {
              e.preventDefault();
              try {
                await api('POST', `/incidents/${incident.id}/decisions`, {
                  assessmentId: latest.id,
                  notifySA,
                  notifySubjects,
                  exemption: exemption || null,
                  reason,
                  evidence: evidenceOf(exemption, evidence),
                });
                setError(null);
                onSaved();
              } catch (err) {
                setError(err);
              }
            }}
          >
            <label class="check">
              <input id="f-decision-notifySA" type="checkbox" checked={notifySA} onChange={(e) => setNotifySA((e.target as HTMLInputElement).checked)} />
              {t('decision.notifySA')}
            </label>
            <label class="check">
              <input
                id="f-decision-notifySubjects"
                type="checkbox"
                checked={notifySubjects}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  setNotifySubjects(on);
                  if (on) setExemption('');
                }}
              />
              {t('decision.notifySubjects')}
            </label>
            {!notifySubjects ? (
              <RadioGroup
                path="decision.exemption"
                label={t('decision.exemption')}
                help={t('decision.exemptionHelp')}
                value={exemption}
                options={[['', t('decision.noExemption')], ...(Object.keys(GROUNDS) as Ground[]).map((g): [Exemption, string] => [g, word('exemption', g)])]}
                onChange={setExemption}
              />
            ) : null}
            {exemption ? <GroundEvidence ground={exemption} evidence={evidence} onChange={setEvidence} /> : null}
            <TextArea path="decision.reason" label={t('decision.reason')} help={t('decision.reasonHelp')} value={reason} onInput={setReason} />
            {error ? <ErrorBox error={error} scope="decision" /> : null}
            <button class="primary" type="submit">
              {t('decision.record')}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
