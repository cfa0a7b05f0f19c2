import type { Actor } from '../access/actor.js';
import { hasPermission } from '../access/permissions.js';
import type { Alert } from '../alerts/alert.model.js';
import type { AlertService } from '../alerts/alert.service.js';
import type { AlertDispatcher, Told } from '../alerts/dispatcher.js';
import type { AssessmentRecord, DecisionRecord } from '../assessment/assessment.model.js';
import type { AssessmentService } from '../assessment/assessment.service.js';
import type { Incident } from '../incidents/incident.model.js';
import type { IncidentService } from '../incidents/incident.service.js';
import type { Submission } from '../incidents/submission.model.js';
import type { TimelineEvent } from '../incidents/timeline.model.js';
import type { Notice } from '../notices/notice.model.js';
import type { NoticeService } from '../notices/notice.service.js';

/** An incident with everything recorded about it: what the incident page shows. */
export interface Casefile {
  incident: Incident;
  timeline: TimelineEvent[];
  assessments: AssessmentRecord[];
  decisions: DecisionRecord[];
  notices: Notice[];
  submissions: Submission[];
  /** Every alert the incident fired: its clock shows them to whoever may read the incident. */
  alerts: Alert[];
  /** Who has been told of each alert; null when the actor may not read alerts (`alert:read`), whose list is then left out. */
  told: Map<string, Told[]> | null;
}

export interface CasefileServiceDeps {
  incidents: IncidentService;
  assessments: AssessmentService;
  notices: NoticeService;
  alerts: AlertService;
  dispatcher: Pick<AlertDispatcher, 'toldOf'>;
}

/** Reads an incident's case file in one go, from the readers each part's own endpoint uses. */
export class CasefileService {
  constructor(private readonly deps: CasefileServiceDeps) {}

  /**
   * The incident (404 unless the actor may see it, as `IncidentService.get`), then its parts side by side
   * without reading it again. The alerts are read for the clock whatever the actor's permissions; who was
   * told of them only for an actor who may list them.
   */
  async read(actor: Actor, id: string): Promise<Casefile> {
    const { incidents, assessments, notices } = this.deps;
    const incident = await incidents.get(actor, id);
    const incidentId = String(incident._id);
    const [timeline, assessed, decisions, noticeList, submissions, { alerts, told }] = await Promise.all([
      incidents.timelineOfVisible(incidentId),
      assessments.assessmentsOfVisible(incidentId),
      assessments.decisionsOfVisible(incidentId),
      notices.noticesOfVisible(incidentId),
      incidents.submissionsOfVisible(incidentId),
      this.alertsOf(incidentId, hasPermission(actor.roles, 'alert:read')),
    ]);
    return { incident, timeline, assessments: assessed, decisions, notices: noticeList, submissions, alerts, told };
  }

  private async alertsOf(incidentId: string, mayList: boolean): Promise<Pick<Casefile, 'alerts' | 'told'>> {
    const alerts = await this.deps.alerts.forIncident(incidentId);
    return { alerts, told: mayList ? await this.deps.dispatcher.toldOf(alerts.map((a) => String(a._id))) : null };
  }
}
