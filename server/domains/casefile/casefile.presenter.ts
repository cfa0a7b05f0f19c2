import type { Lang } from '../../../notifications/labels.js';
import { presentAlertViews } from '../alerts/alert.presenter.js';
import { presentAssessment, presentDecision } from '../assessment/assessment.presenter.js';
import { presentClock, type ClockViewSettings } from '../clock/clock.presenter.js';
import { presentIncident, presentSubmission, presentTimelineEvent } from '../incidents/incident.presenter.js';
import { presentNotice } from '../notices/notice.presenter.js';
import type { Casefile } from './casefile.service.js';

/**
 * The case file as it leaves the server: each part exactly as its own endpoint presents it (the incident as
 * `GET /incidents/:id`, the timeline as `GET /incidents/:id/timeline` in the reader's language, and so on),
 * and an empty alert list for a reader who may not list alerts.
 */
export function presentCasefile(file: Casefile, lang: Lang, now: Date, clockSettings: ClockViewSettings) {
  return {
    incident: presentIncident(file.incident, presentClock(file.incident, file.alerts, now, clockSettings), now),
    timeline: file.timeline.map((e) => presentTimelineEvent(e, lang)),
    assessments: file.assessments.map(presentAssessment),
    decisions: file.decisions.map(presentDecision),
    notices: file.notices.map(presentNotice),
    submissions: file.submissions.map(presentSubmission),
    alerts: file.told ? presentAlertViews(file.alerts, file.told) : [],
  };
}

export type CasefileView = ReturnType<typeof presentCasefile>;
