import type { Alert } from '../alerts/alert.model.js';
import type { ClockService } from '../clock/clock.service.js';
import { notifiesAuthority, presentObligations } from '../obligations/obligation.rules.js';
import type { Incident } from './incident.model.js';
import type { Submission } from './submission.model.js';
import type { TimelineEvent } from './timeline.model.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The incident as it leaves the server: ids as strings, times in UTC ISO, and the clock as it reads now. */
export function presentIncident(incident: Incident, clock: ClockService, alerts: Alert[] = []) {
  return {
    id: String(incident._id),
    ref: incident.ref,
    version: incident.version,
    title: incident.title,
    description: incident.description,
    outwardDescription: incident.outwardDescription ?? '',
    status: incident.status,
    closure: incident.closure ? { ...incident.closure, at: iso(incident.closure.at) } : null,
    breachTypes: incident.breachTypes,
    cause: incident.cause,
    role: incident.role,
    /** Whether we notify Datatilsynet here: as controller, or as a processor told to notify on the controller's behalf. */
    notifiesAuthority: notifiesAuthority(incident),
    controller: {
      ...incident.controller,
      informedAt: iso(incident.controller.informedAt),
      targetAt: iso(incident.controller.targetAt),
      noticeHours: incident.controller.noticeHours ?? null,
      notifyOnBehalf: incident.controller.notifyOnBehalf ?? false,
    },
    occurred: { from: iso(incident.occurred.from), to: iso(incident.occurred.to), approximate: incident.occurred.approximate },
    detected: { at: iso(incident.detected.at), by: incident.detected.by },
    awareness: incident.awareness
      ? { ...incident.awareness, at: iso(incident.awareness.at), declaredAt: iso(incident.awareness.declaredAt) }
      : null,
    awareAt: iso(incident.awareness?.at),
    deadline: iso(incident.clock.deadline),
    clock: clock.view(incident, alerts),
    followUp: incident.followUp ? { dueAt: iso(incident.followUp.dueAt), afterSubmissionId: incident.followUp.afterSubmissionId } : null,
    delayReasons: incident.delayReasons ?? '',
    ...presentObligations(incident.obligations, clock.now()),
    dataCategories: incident.dataCategories,
    dataDetail: incident.dataDetail,
    sensitiveRelationship: incident.sensitiveRelationship,
    subjects: incident.subjects,
    records: incident.records,
    systems: incident.systems,
    dataLocation: incident.dataLocation,
    encryption: incident.encryption,
    backup: incident.backup,
    availabilityImpact: incident.availabilityImpact,
    outageHarmedPeople: incident.outageHarmedPeople,
    exfiltration: incident.exfiltration,
    unauthorisedAccess: incident.unauthorisedAccess,
    misuseObserved: incident.misuseObserved,
    recipients: incident.recipients,
    neutralised: incident.neutralised,
    likelyConsequences: incident.likelyConsequences,
    consequences: incident.consequences,
    measuresTaken: incident.measuresTaken,
    measuresPlanned: incident.measuresPlanned,
    mitigations: incident.mitigations.map((m) => ({ what: m.what, at: iso(m.at) })),
    owner: incident.owner,
    assignees: incident.assignees,
    restricted: incident.restricted,
    createdBy: incident.createdBy,
    createdAt: iso(incident.createdAt),
    updatedAt: iso(incident.updatedAt),
  };
}

export type IncidentView = ReturnType<typeof presentIncident>;

export function presentTimelineEvent(event: TimelineEvent) {
  return {
    id: String(event._id),
    at: event.at.toISOString(),
    actor: event.actor,
    kind: event.kind,
    summary: event.summary,
    changes: event.changes.map((c) => ({ field: c.field, from: c.from instanceof Date ? c.from.toISOString() : c.from, to: c.to instanceof Date ? c.to.toISOString() : c.to })),
  };
}

export function presentSubmission(s: Submission) {
  return {
    id: String(s._id),
    incidentId: s.incidentId,
    sentAt: s.sentAt.toISOString(),
    channel: s.channel,
    reference: s.reference,
    phase: s.phase,
    noticeText: s.noticeText,
    noticeId: s.noticeId,
    late: s.late,
    delayReasons: s.delayReasons,
    followUpDueAt: iso(s.followUpDueAt),
    recordedBy: s.recordedBy,
    recordedAt: s.recordedAt.toISOString(),
  };
}

export function presentAlert(a: Alert) {
  return {
    id: String(a._id),
    incidentId: a.incidentId,
    incidentRef: a.incidentRef,
    title: a.title,
    kind: a.kind,
    milestone: a.milestone,
    hoursElapsed: a.hoursElapsed,
    deadline: iso(a.deadline),
    dueAt: a.dueAt.toISOString(),
    firedAt: a.firedAt.toISOString(),
    late: a.late,
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
  };
}
