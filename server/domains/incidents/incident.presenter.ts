import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import { fieldLabel, isIdPath, valueText } from '../../../notifications/messages/incident.messages.js';
import type { MomentView } from '../clock/clock.rules.js';
import { notifiesAuthority, presentObligations } from '../obligations/obligation.rules.js';
import type { Incident } from './incident.model.js';
import type { Submission } from './submission.model.js';
import type { TimelineEvent } from './timeline.model.js';
import type { Warning } from './incident.service.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** What a write warns of, each field named as the screens name it, in the caller's language. */
export function presentWarnings(warnings: Warning[], lang: Lang) {
  return warnings.map((w) => ({ path: w.path, code: w.code, label: fieldLabel(w.path, lang), message: say(w.words, lang) }));
}

/** A milestone's alert as the clock shows it. */
export interface MilestoneAlertView {
  id: string;
  firedAt: string;
  late: boolean;
  acknowledgedAt: string | null;
}

/** The incident's clock as it reads now; the clock domain fills it (clock.presenter.ts). */
export interface ClockView {
  state: Incident['clock']['state'];
  awareAt: string | null;
  deadline: MomentView | null;
  hoursElapsed: number | null;
  msLeft: number | null;
  overdue: boolean;
  stoppedAt: string | null;
  stopReason: Incident['clock']['stopReason'];
  stopNote: string | null;
  milestones: { key: string; hours: number; dueAt: string; passed: boolean; alert: MilestoneAlertView | null }[];
  overdueAlerts: ({ milestone: string } & MilestoneAlertView)[];
  next: { key: string; hours: number; dueAt: string } | null;
  triage: { startedAt: string; limitAt: string; overrun: boolean };
}

/** The incident as it leaves the server: ids as strings, times in UTC ISO, and the clock as it reads now. */
export function presentIncident(incident: Incident, clock: ClockView, now: Date) {
  return {
    id: String(incident._id),
    ref: incident.ref,
    version: incident.version,
    title: incident.title,
    description: incident.description,
    outwardDescription: incident.outwardDescription ?? '',
    outwardDescriptionEn: incident.outwardDescriptionEn ?? '',
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
      instructedBy: incident.controller.instructedBy ?? '',
      instructedAt: iso(incident.controller.instructedAt),
      instructionReference: incident.controller.instructionReference ?? '',
    },
    occurred: { from: iso(incident.occurred.from), to: iso(incident.occurred.to), approximate: incident.occurred.approximate },
    detected: { at: iso(incident.detected.at), by: incident.detected.by },
    awareness: incident.awareness
      ? { ...incident.awareness, at: iso(incident.awareness.at), declaredAt: iso(incident.awareness.declaredAt) }
      : null,
    awareAt: iso(incident.awareness?.at),
    deadline: iso(incident.clock.deadline),
    clock,
    followUp: incident.followUp ? { dueAt: iso(incident.followUp.dueAt), afterSubmissionId: incident.followUp.afterSubmissionId } : null,
    delayReasons: incident.delayReasons ?? '',
    ...presentObligations(incident.obligations, now),
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

/** The fields a list item shows, read by the list as a projection: the incident page reads the rest by id. */
export const LIST_FIELDS = [
  'ref', 'version', 'title', 'status', 'role', 'controller', 'restricted', 'owner', 'assignees', 'awareness', 'clock', 'followUp', 'obligations',
  'boardOrder', 'createdAt', 'updatedAt',
] as const;
export type ListedIncident = Pick<Incident, '_id' | (typeof LIST_FIELDS)[number]>;

/**
 * An incident on the board or in a filtered list: what a card shows (reference, title, state, what is
 * owed and by whom, the deadline, the owner). A page of these is a fraction of a page of whole incidents
 * to read, shape and send; the facts and the clock's milestones are the incident page's.
 */
export function presentListItem(incident: ListedIncident, now: Date) {
  return {
    id: String(incident._id),
    ref: incident.ref,
    version: incident.version,
    title: incident.title,
    status: incident.status,
    role: incident.role,
    notifiesAuthority: notifiesAuthority(incident),
    restricted: incident.restricted,
    owner: incident.owner,
    assignees: incident.assignees,
    awareAt: iso(incident.awareness?.at),
    deadline: iso(incident.clock.deadline),
    clock: { state: incident.clock.state, stoppedAt: iso(incident.clock.stoppedAt), stopReason: incident.clock.stopReason },
    followUp: incident.followUp ? { dueAt: iso(incident.followUp.dueAt), afterSubmissionId: incident.followUp.afterSubmissionId } : null,
    ...presentObligations(incident.obligations, now),
    createdAt: iso(incident.createdAt),
    updatedAt: iso(incident.updatedAt),
  };
}

export type ListItemView = ReturnType<typeof presentListItem>;

/**
 * A timeline entry in the reader's language, worded here and nowhere else: `summary` from the catalogue (an
 * entry from before the catalogue keeps its recorded English), and each change as a line (`text`) naming the
 * field as the screens do with both values as people read them, beside the raw values. A change of an id
 * is left out: the name beside it says it.
 */
export function presentTimelineEvent(event: TimelineEvent, lang: Lang) {
  const raw = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  return {
    id: String(event._id),
    at: event.at.toISOString(),
    actor: event.actor,
    kind: event.kind,
    // A message without parameters is stored without them (mongoose leaves empty objects out).
    summary: event.message ? say({ ...event.message, params: event.message.params ?? {} } as typeof event.message, lang) : event.summary,
    changes: event.changes
      .filter((c) => !isIdPath(c.field))
      .map((c) => {
        const label = fieldLabel(c.field, lang);
        const fromText = valueText(c.field, c.from, lang);
        const toText = valueText(c.field, c.to, lang);
        return { field: c.field, from: raw(c.from), to: raw(c.to), label, fromText, toText, text: say({ code: 'timeline.change', params: { label, from: fromText, to: toText } }, lang) };
      }),
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

