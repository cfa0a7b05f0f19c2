import { useEffect, useState } from 'preact/hooks';
import type { CasefileView } from '../../../server/domains/casefile/casefile.presenter.js';
import type { IncidentView } from '../../../server/domains/incidents/incident.presenter.js';
import type { ObligationView } from '../../../server/domains/obligations/obligation.view.js';
import { api } from '../api.js';
import { onLiveChange, watchIncident } from '../alerts.js';
import { NextStep, ObligationList } from '../components/obligations.js';
import { ErrorBox, Loading, useLoad } from '../components/states.js';
import { Countdown, Time } from '../components/time.js';
import { sentence, t, word } from '../words.js';
import { AlertsSection } from './incident/alerts.js';
import { AssessmentSection, DecisionSection } from './incident/assessment.js';
import { AwarenessSection } from './incident/awareness.js';
import { ControllerSection } from './incident/controller.js';
import { FactsSection } from './incident/facts.js';
import { NoticesSection } from './incident/notices.js';
import { StateSection } from './incident/state.js';
import { SubmissionsSection } from './incident/submissions.js';
import { TimelineSection } from './incident/timeline.js';
import { mostUrgentClock } from '../../../server/domains/clock/urgent-clock.rules.js';

/** The incident view with the obligations contract's fields, which older servers do not send. */
type Incident = IncidentView & { obligations?: ObligationView[]; nextStep?: ObligationView | null };

/**
 * The clock that stays in view while the page scrolls, and in the tab's title: the most urgent legal clock
 * the incident runs (for a processor, its time to inform the controller until it has), labelled by which.
 */
function ClockBar({ incident }: { incident: Incident }) {
  const c = incident.clock;
  useEffect(() => () => void (document.title = t('shell.appName')), []);
  const toController =
    mostUrgentClock({ role: incident.role, authority: { state: c.state, deadline: incident.deadline }, controller: incident.controller }) === 'controller';
  const dueAt = toController ? incident.controller.targetAt : incident.deadline;
  const stopped =
    toController && incident.controller.informedAt
      ? t('clock.stoppedBecause', { reason: word('stopReason', 'controller-informed') })
      : c.state === 'stopped'
        ? t('clock.stoppedBecause', { reason: word('stopReason', c.stopReason) })
        : undefined;
  const label = toController
    ? t('clock.toController')
    : c.state === 'not-started'
      ? t('clock.notStarted')
      : c.state === 'stopped'
        ? t('clock.toDatatilsynetStopped')
        : c.overdue
          ? t('clock.toDatatilsynetPassed')
          : t('clock.toDatatilsynet');
  useEffect(() => {
    if (!dueAt || stopped) document.title = `${incident.ref} · ${t('shell.appName')}`;
  }, [incident.ref, dueAt, stopped]);
  return (
    <div class={`clock-bar ${c.overdue && c.state === 'running' ? 'overdue' : ''}`} data-testid="clock-bar">
      <div>
        <span class="muted">{incident.ref}</span>
        <strong class="block">{label}</strong>
      </div>
      {dueAt ? (
        <Countdown dueAt={dueAt} stopped={stopped} onChange={(text) => (document.title = `${text} · ${incident.ref}`)} />
      ) : (
        <span class="countdown" data-testid="countdown">
          {t('clock.noDeadline')}
        </span>
      )}
      {dueAt ? (
        <div class="muted">
          {t('clock.deadline')}: <Time iso={dueAt} deadline />
        </div>
      ) : null}
    </div>
  );
}

function DeadlineNotes({ incident }: { incident: Incident }) {
  const d = incident.clock.deadline;
  if (!d || incident.clock.state !== 'running' || !(d.atNight || d.weekend || d.holiday)) return null;
  return (
    <div class="warning" data-testid="deadline-warning">
      {d.atNight ? `${t('clock.atNight')} ` : ''}
      {d.weekend ? `${t('clock.weekend')} ` : ''}
      {d.holiday ? t('clock.holiday', { name: sentence(d.holiday) }) : ''}
    </div>
  );
}

export function IncidentScreen({ id }: { id: string }) {
  // The newest version the server has announced; newer than the one shown means someone else changed it.
  const [announced, setAnnounced] = useState(0);
  // One request for the whole page; its alerts are empty for whoever may not list alerts.
  const { data, error, reload } = useLoad(() => api<CasefileView>('GET', `/incidents/${id}/casefile`), [id]);
  const version = data?.incident.version;
  useEffect(() => watchIncident(id), [id]);
  useEffect(
    () =>
      onLiveChange((e) => {
        // An open page is not redrawn under someone's hands: they are told, and reload when ready.
        if (e.kind === 'incident' && e.incidentId === id && e.version !== undefined) setAnnounced((v) => Math.max(v, e.version!));
        if ((e.kind === 'ack' || e.kind === 'alert') && e.incidentId === id) void reload();
      }),
    [id, version],
  );
  const saved = () => void reload();
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading label={t('incident.loading')} />;
  const { incident, assessments, decisions, notices, submissions } = data;
  const stale = announced > incident.version;
  return (
    <div class="incident-page">
      <ClockBar incident={incident} />
      {stale ? (
        <div class="warning" role="status" data-testid="stale">
          {t('incident.stale')}{' '}
          <button type="button" class="secondary small" onClick={saved}>
            {t('incident.showChanges')}
          </button>
        </div>
      ) : null}
      <h1>
        {incident.ref}: {incident.title}
      </h1>
      <p class="muted">
        {t('incident.status')}: {word('status', incident.status)} · {word('roleOfIncident', incident.role)} · {t('incident.owner')}:{' '}
        {incident.owner?.name ?? t('common.nobody')}
        {incident.restricted ? ` · ${t('incident.restricted')}` : ''}
      </p>
      <DeadlineNotes incident={incident} />
      {incident.nextStep !== undefined ? <NextStep next={incident.nextStep} /> : null}
      {incident.obligations?.length ? (
        <section class="card" id="obligations">
          <h2>{t('obligation.heading')}</h2>
          <ObligationList obligations={incident.obligations} />
        </section>
      ) : null}
      <AwarenessSection key={`a${incident.version}`} incident={incident} onSaved={saved} />
      {incident.role === 'processor' ? <ControllerSection incident={incident} onSaved={saved} /> : null}
      <FactsSection key={`f${incident.version}`} incident={incident} onSaved={saved} openQuestions={assessments.at(-1)?.missingFacts.length ?? 0} />
      <AssessmentSection incident={incident} assessments={assessments} onSaved={saved} />
      <DecisionSection key={`d${decisions.length}-${assessments.length}`} incident={incident} assessments={assessments} decisions={decisions} onSaved={saved} />
      <NoticesSection key={`n${notices.length}-${incident.version}`} incident={incident} notices={notices} submissions={submissions} onSaved={saved} />
      <SubmissionsSection key={`s${submissions.length}`} incident={incident} submissions={submissions} notices={notices} onSaved={saved} />
      <AlertsSection alerts={data.alerts} />
      <StateSection incident={incident} owes={incident.obligations ? incident.obligations.filter((o) => o.kind !== 'close').length : null} onSaved={saved} />
      <TimelineSection events={data.timeline} />
    </div>
  );
}
