import { Types, type Model, type mongo } from 'mongoose';
import { insertStored } from '../../db/stored-form.js';
import { op } from '../../db/trusted.js';
import { addHours, type Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import type { Emits } from '../../lib/events.js';
import { canonicalJson, type AuditContext, type AuditService } from '../audit/audit.service.js';
import type { Actor } from '../access/actor.js';
import { deadlineOf } from '../clock/clock.rules.js';
import type { UserService } from '../users/user.service.js';
import { canSeeIncident, trustedVisibility } from './incident.access.js';
import type { IncidentEvents } from './incident.events.js';
import type { Incident, PersonRef } from './incident.model.js';
import type { CreateIncident, IncidentFacts, ListIncidents, RecordSubmission, UpdateIncident } from './incident.schemas.js';
import { findNationalIdNumbers, maskNationalIdNumbers } from './national-id.js';
import { awareBeforeDiscovered, awarenessReasonNeeded, delayReasonsNeeded } from './reason.rules.js';
import { LIST_FIELDS, type ListedIncident } from './incident.presenter.js';
import type { Submission } from './submission.model.js';
import type { TimelineEvent } from './timeline.model.js';
import { isObjectId } from '../../lib/ids.js';
import { fieldProblem, invalidInput, refusal, refused, words } from '../../http/refusal.js';
import type { Message } from '../../../notifications/messages/index.js';
import type { NoticeMessage } from '../../../notifications/messages/notices.messages.js';
import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import type { TimelineMessage } from '../../../notifications/messages/incident.messages.js';
import type { Role } from '../access/permissions.js';
import { boardFields, notifiesAuthority, openObligations, type Obligation } from '../obligations/obligation.rules.js';
import { defaultFollowUpAt, filingLate, followUpProblem, owesFollowUp } from '../obligations/follow-up.rules.js';

/** What the register reports of an incident (register.presenter.ts): the register reads only these. */
export const REGISTER_FIELDS = [
  'ref', 'title', 'status', 'role', 'controller', 'createdAt', 'awareness', 'clock', 'breachTypes', 'dataCategories', 'subjects', 'records', 'delayReasons',
  'consequences', 'measuresTaken', 'closure',
] as const;
export type RegisterIncident = Pick<Incident, '_id' | (typeof REGISTER_FIELDS)[number]>;

const FREE_TEXT_FIELDS = ['title', 'description', 'outwardDescription', 'outwardDescriptionEn', 'consequences', 'measuresTaken', 'measuresPlanned', 'dataLocation'] as const;

export interface Warning {
  path: string;
  code: 'national-id-number';
  /** What the warning says, worded in the caller's language when the answer is presented. */
  words: Message;
}

export interface IncidentSettings {
  controllerNoticeTargetHours: number;
}

/** Reads an incident's obligations as it will be once written (set by the composition root: it needs other domains' records). */
export type ObligationsReader = (incident: Incident, options?: { isNew?: boolean; owner?: { id: string; name: string; roles: readonly Role[] } }) => Promise<Obligation[]>;

/** What a filing records on the approved notice it sent. */
export interface NoticeFiling {
  at: Date;
  channel: string;
  reference: string;
  recordedBy: PersonRef;
}

/** Claims an approved notice as sent by a filing (atomically), or says why it cannot be; and undoes the claim. */
export interface CitedNotices {
  /** The notice's text, and the follow-up date it states (a first or partial notice). */
  claim(incidentId: string, noticeId: string, filing: NoticeFiling): Promise<{ problem: NoticeMessage } | { text: string; followUpDueAt: Date | null }>;
  release(noticeId: string): Promise<void>;
}

/** Sets dotted paths on a copy of a document, as $set would. */
export function applySet<T>(doc: T, set: Record<string, unknown>): T {
  const out = { ...doc } as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split('.');
    let target = out;
    for (const key of keys.slice(0, -1)) {
      const inner = target[key];
      target[key] = inner && typeof inner === 'object' && !(inner instanceof Date) ? { ...(inner as object) } : {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1)!] = value;
  }
  return out as T;
}

type Change = { field: string; from: unknown; to: unknown };
type Mutation = { set: Record<string, unknown>; kind: string; message: TimelineMessage; changes?: Change[] };

const personOf = (actor: Actor): PersonRef => ({ id: actor.id, name: actor.name });

/**
 * Notifying Datatilsynet on a controller's behalf rests on its written instruction: who gave it and when are
 * recorded with the choice, as the evidence a DPO shows when asked why we, the processor, filed.
 */
function requireInstruction(incident: Pick<Incident, 'role' | 'controller'>): void {
  const { controller } = incident;
  if (incident.role !== 'processor' || !controller.notifyOnBehalf) return;
  const problems = [
    ...(controller.instructedBy?.trim() ? [] : [fieldProblem('controller.instructedBy', words('field.required'))]),
    ...(controller.instructedAt ? [] : [fieldProblem('controller.instructedAt', words('field.required'))]),
  ];
  if (problems.length) throw invalidInput(problems);
}

/** Flattens nested input into dotted paths, so a partial update of `encryption` changes only the keys given. */
function flatten(input: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const isPlain = value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
    if (isPlain && !['records', 'subjects.count'].includes(path)) Object.assign(out, flatten(value as Record<string, unknown>, path));
    else out[path] = value;
  }
  return out;
}

function read(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

// Key order does not make a change: stored nested facts come back in schema order.
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export interface IncidentServiceDeps {
  incidents: Model<Incident>;
  counters: Model<{ _id: string; seq: number }>;
  timeline: Model<TimelineEvent>;
  submissions: Model<Submission>;
  users: UserService;
  audit: AuditService;
  events: Emits<IncidentEvents>;
  clock: Clock;
  settings: IncidentSettings;
  /** How a submission's noticeId is claimed: the notices know which of theirs may be cited. */
  citedNotices?: CitedNotices;
  /** How obligations are read: it needs other domains' records. */
  obligationsOf?: ObligationsReader;
}

export class IncidentService {
  private readonly citedNotices: CitedNotices;
  private readonly obligationsOf: ObligationsReader;

  constructor(private readonly deps: IncidentServiceDeps) {
    this.citedNotices = deps.citedNotices ?? { claim: async () => ({ problem: { code: 'submission.notice.not-authority', params: {} } }), release: async () => undefined };
    this.obligationsOf = deps.obligationsOf ?? (async (incident) =>
      openObligations({ incident, assessment: null, decision: null, notices: [], people: { owner: null, dpo: null }, triageLimitHours: 24 }));
  }

  private controllerTarget(awareAt: Date, noticeHours: number | null | undefined): Date {
    return addHours(awareAt, noticeHours ?? this.deps.settings.controllerNoticeTargetHours);
  }

  /** Checks free text for national identity numbers; masks them when asked, and warns either way. */
  private guardFreeText(facts: Record<string, unknown>, mask: boolean): Warning[] {
    const warnings: Warning[] = [];
    for (const field of FREE_TEXT_FIELDS) {
      const value = facts[field];
      if (typeof value !== 'string') continue;
      const found = findNationalIdNumbers(value);
      if (!found.length) continue;
      if (mask) facts[field] = maskNationalIdNumbers(value);
      warnings.push({ path: field, code: 'national-id-number', words: words(mask ? 'field.national-id-masked' : 'field.national-id-kept', { count: found.length }) });
    }
    return warnings;
  }

  private async resolvePeople(facts: IncidentFacts): Promise<Record<string, unknown>> {
    const { ownerId, assignees, ...rest } = facts;
    const out: Record<string, unknown> = { ...rest };
    if (ownerId !== undefined) {
      if (ownerId === null) out.owner = null;
      else {
        const owner = await this.deps.users.findActive(ownerId);
        if (!owner) throw invalidInput([fieldProblem('ownerId', words('field.no-active-user'))]);
        out.owner = { id: ownerId, name: owner.name };
      }
    }
    if (assignees !== undefined) {
      const unique = [...new Set(assignees)];
      for (const [i, id] of unique.entries()) {
        if (!(await this.deps.users.findActive(id))) throw invalidInput([fieldProblem(`assignees.${i}`, words('field.no-active-user'))]);
      }
      out.assignees = unique;
    }
    return out;
  }

  private async nextRef(): Promise<string> {
    const year = this.deps.clock.now().getUTCFullYear();
    // Through the collection: a constant increment leaves mongoose nothing to cast or check, and its query machinery costs CPU.
    const counters = this.deps.counters.collection as unknown as mongo.Collection<{ _id: string; seq: number }>;
    const counter = await counters.findOneAndUpdate({ _id: `incident-${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
    return `BC-${year}-${String(counter!.seq).padStart(4, '0')}`;
  }

  async create(ctx: AuditContext, actor: Actor, input: CreateIncident, mask: boolean): Promise<{ incident: Incident; warnings: Warning[] }> {
    const now = this.deps.clock.now();
    const { awareAt, awarenessEvidence, awarenessReason, ...facts } = input;
    if (awareAt && awareAt > now) throw invalidInput([fieldProblem('awareAt', words('field.in-future'))]);
    if (awareAt && awarenessReasonNeeded({ at: awareAt, now, correcting: false }) && !awarenessReason) {
      throw invalidInput([fieldProblem('awarenessReason', words('field.reason-when-past'))]);
    }
    if (awareBeforeDiscovered({ awareAt, detectedAt: facts.detected?.at })) throw invalidInput([fieldProblem('awareAt', words('field.aware-before-detected'))]);
    const warnings = this.guardFreeText(facts as Record<string, unknown>, mask);
    const resolved = await this.resolvePeople(facts);
    const role = facts.role ?? 'controller';
    const controller = {
      name: facts.controller?.name ?? '',
      contact: facts.controller?.contact ?? '',
      informedAt: null,
      informedChannel: null,
      noticeHours: facts.controller?.noticeHours ?? null,
      notifyOnBehalf: facts.controller?.notifyOnBehalf ?? false,
      instructedBy: facts.controller?.instructedBy ?? '',
      instructedAt: facts.controller?.instructedAt ?? null,
      instructionReference: facts.controller?.instructionReference ?? '',
      targetAt: awareAt && role === 'processor' ? this.controllerTarget(awareAt, facts.controller?.noticeHours) : null,
    };
    requireInstruction({ role, controller });
    // A processor's clock runs to its controller; the clock to Datatilsynet runs only where we notify it.
    const clockRuns = !!awareAt && notifiesAuthority({ role, controller });
    const owner = (resolved.owner as PersonRef | undefined) ?? personOf(actor);
    const fields = {
      ...resolved,
      _id: new Types.ObjectId(),
      ref: await this.nextRef(),
      status: (awareAt ? 'open' : 'triage') as Incident['status'],
      triageStartedAt: now,
      awareness: awareAt
        ? { at: awareAt, evidence: awarenessEvidence ?? '', declaredBy: personOf(actor), declaredAt: now, backdatedReason: awarenessReason ?? null }
        : null,
      clock: clockRuns
        ? { state: 'running' as const, deadline: deadlineOf(awareAt), stoppedAt: null, stopReason: null, stopNote: null }
        : { state: 'not-started' as const, deadline: null, stoppedAt: null, stopReason: null, stopNote: null },
      followUp: null,
      role,
      controller,
      owner,
      createdBy: personOf(actor),
      version: 0,
    };
    const obligations = await this.obligationsOf(fields as unknown as Incident, { isNew: true, ...(owner.id === actor.id ? { owner: { ...owner, roles: actor.roles } } : {}) });
    const incident = await insertStored(this.deps.incidents, { ...fields, ...boardFields(obligations) });
    const id = String(incident._id);
    await this.appendTimeline(
      id, actor, 'created',
      awareAt ? { code: 'timeline.created-aware', params: { reason: awarenessReason ?? '' } } : { code: 'timeline.created', params: {} },
      awareAt ? [{ field: 'awareness.at', from: null, to: awareAt }] : [],
    );
    await this.deps.audit.record(ctx, { action: 'incident.created', target: { type: 'incident', id }, after: { ref: incident.ref, title: incident.title, awareAt: awareAt ?? null } });
    await this.deps.events.emit('incident.created', { incident });
    return { incident, warnings };
  }

  /** The incident if the actor may see it; otherwise 404, as if it did not exist. */
  async get(actor: Actor, id: string): Promise<Incident> {
    const incident = isObjectId(id) ? await this.deps.incidents.findById(id).lean<Incident>() : null;
    if (!incident || !canSeeIncident(actor, incident)) throw notFound('Incident');
    return incident;
  }

  /** 404 unless the actor may see the incident, as `get` answers; reads only what need-to-know depends on. */
  async assertVisible(actor: Actor, id: string): Promise<void> {
    if (!(await this.canSee(actor, id))) throw notFound('Incident');
  }

  /** Whether the actor may see the incident now; false for an unknown id too. */
  async canSee(actor: Actor, id: string): Promise<boolean> {
    const incident = isObjectId(id) ? await this.deps.incidents.findById(id, { restricted: 1, assignees: 1, owner: 1 }).lean<Incident>() : null;
    return !!incident && canSeeIncident(actor, incident);
  }

  async update(ctx: AuditContext, actor: Actor, id: string, input: UpdateIncident, mask: boolean): Promise<{ incident: Incident; warnings: Warning[] }> {
    const current = await this.get(actor, id);
    const { version, ...facts } = input;
    if (version !== current.version) throw refused(409, 'conflict', words('refused.incident-changed'), [fieldProblem('version', words('field.version-behind', { version: current.version }))]);
    const senior = actor.roles.some((r) => r === 'manager' || r === 'dpo');
    if ((facts.restricted !== undefined || facts.assignees !== undefined) && facts.restricted === false && current.restricted) {
      // Lifting need-to-know is a decision, not an edit.
      if (!senior) throw refused(403, 'forbidden', words('refused.lift-restriction'));
    }
    if (current.restricted && !senior) {
      // New assignees or a new owner would see the incident: widening need-to-know is a manager's or the DPO's call.
      const added = (facts.assignees ?? []).filter((userId) => !current.assignees.includes(userId));
      if (added.length) throw refused(403, 'forbidden', words('refused.widen-restricted'), [fieldProblem('assignees', words('field.widens-restricted'))]);
      if (facts.ownerId !== undefined && facts.ownerId !== (current.owner?.id ?? null)) {
        throw refused(403, 'forbidden', words('refused.restricted-owner'), [fieldProblem('ownerId', words('field.widens-restricted'))]);
      }
    }
    const warnings = this.guardFreeText(facts as Record<string, unknown>, mask);
    const resolved = await this.resolvePeople(facts);
    const set = flatten(resolved);
    const next = applySet(current, set);
    // Checked when the choice or its evidence changes, so an older incident's other facts stay editable.
    const touched = ['role', 'controller.notifyOnBehalf', 'controller.instructedBy', 'controller.instructedAt'].some((path) => path in set && !same(read(current, path), set[path]));
    if (touched) requireInstruction(next);
    if ('detected.at' in set && awareBeforeDiscovered({ awareAt: current.awareness?.at, detectedAt: next.detected.at })) {
      throw invalidInput([fieldProblem('detected.at', words('field.detected-after-aware'))]);
    }
    Object.assign(set, this.clockForRole(current, next));
    const changes = Object.entries(set)
      .filter(([path, value]) => !same(read(current, path), value))
      .map(([field, to]) => ({ field, from: read(current, field) ?? null, to }));
    if (!changes.length) return { incident: current, warnings };
    const incident = await this.write(current, { set, kind: 'updated', message: { code: 'timeline.updated', params: { fields: changes.map((c) => c.field) } }, changes }, actor, ctx);
    const clockInputsChanged = ['role', 'controller.targetAt', 'clock.state'].some((field) => set[field] !== undefined);
    await this.deps.events.emit('incident.updated', { before: current, incident, clockInputsChanged });
    // A subscriber may have recorded what follows (a decision up for review), which changes what is owed.
    const latest = await this.deps.incidents.findById(incident._id).lean<Incident>();
    return { incident: latest ?? incident, warnings };
  }

  /**
   * What a change of role, of the contract's hours or of "notify on its behalf" does to the clocks: a
   * processor's target to tell its controller follows the contract's hours; the clock to Datatilsynet
   * runs only where we notify it, and one already stopped (filed, not notifiable) stays as it is.
   */
  private clockForRole(current: Incident, next: Incident): Record<string, unknown> {
    if (!current.awareness) return {};
    const set: Record<string, unknown> = {};
    if (next.role === 'processor' && !next.controller.informedAt) {
      const target = this.controllerTarget(current.awareness.at, next.controller.noticeHours);
      if (!same(target, current.controller.targetAt)) set['controller.targetAt'] = target;
    }
    const runs = notifiesAuthority(next);
    if (runs && current.clock.state === 'not-started') Object.assign(set, { 'clock.state': 'running', 'clock.deadline': deadlineOf(current.awareness.at) });
    if (!runs && current.clock.state === 'running') Object.assign(set, { 'clock.state': 'not-started', 'clock.deadline': null });
    return set;
  }

  /** Declares awareness (starts the clock) or corrects it (moves the deadline and every pending milestone). */
  async declareAwareness(ctx: AuditContext, actor: Actor, id: string, input: { at: Date; evidence: string; reason?: string | undefined }): Promise<Incident> {
    const now = this.deps.clock.now();
    if (input.at > now) throw invalidInput([fieldProblem('at', words('field.in-future'))]);
    const current = await this.get(actor, id);
    if (current.status === 'closed') throw refused(422, 'closed');
    if (awareBeforeDiscovered({ awareAt: input.at, detectedAt: current.detected.at })) throw invalidInput([fieldProblem('at', words('field.aware-before-detected'))]);
    const correcting = current.awareness !== null;
    const need = awarenessReasonNeeded({ at: input.at, now, correcting });
    if (need && !input.reason) {
      throw invalidInput([fieldProblem('reason', words(need === 'correcting' ? 'field.reason-to-correct' : 'field.reason-when-past'))]);
    }
    const runs = notifiesAuthority(current);
    const deadline = runs || current.clock.state === 'stopped' ? deadlineOf(input.at) : null;
    const set: Record<string, unknown> = {
      awareness: { at: input.at, evidence: input.evidence, declaredBy: personOf(actor), declaredAt: now, backdatedReason: input.reason ?? null },
      'clock.deadline': deadline,
    };
    if (!correcting) {
      set.status = 'open';
      set['clock.state'] = runs ? 'running' : 'not-started';
    }
    if (current.role === 'processor' && !current.controller.informedAt) {
      set['controller.targetAt'] = this.controllerTarget(input.at, current.controller.noticeHours);
    }
    const incident = await this.write(current, {
      set,
      kind: correcting ? 'awareness-corrected' : 'awareness-declared',
      message: correcting
        ? { code: 'timeline.awareness-corrected', params: { reason: input.reason ?? '' } }
        : { code: runs ? 'timeline.awareness-declared' : 'timeline.awareness-declared-controller', params: { reason: input.reason ?? '' } },
      changes: [
        { field: 'awareness.at', from: current.awareness?.at ?? null, to: input.at },
        { field: 'clock.deadline', from: current.clock.deadline, to: deadline },
      ],
    }, actor, ctx);
    await this.deps.events.emit('incident.awareness-declared', { incident, corrected: correcting });
    return incident;
  }

  /** A DPO or manager records that the breach is unlikely to result in a risk: the clock stops. */
  async markNotNotifiable(ctx: AuditContext, actor: Actor, id: string, reason: string, message?: TimelineMessage): Promise<Incident> {
    const current = await this.get(actor, id);
    if (current.clock.state !== 'running') throw refused(422, 'clock_not_running');
    const incident = await this.stopClock(ctx, actor, current, 'not-notifiable', reason, this.deps.clock.now(), {}, message);
    await this.deps.events.emit('incident.clock-stopped', { incident });
    return incident;
  }

  /** Reopens a "not notifiable" decision: the clock resumes against the same deadline. */
  async resume(ctx: AuditContext, actor: Actor, id: string, reason: string, message: TimelineMessage = { code: 'timeline.clock-resumed', params: { reason } }): Promise<Incident> {
    const current = await this.get(actor, id);
    if (current.clock.state !== 'stopped' || current.clock.stopReason !== 'not-notifiable') {
      throw refused(422, 'cannot_resume');
    }
    const incident = await this.write(current, {
      set: { 'clock.state': 'running', 'clock.stoppedAt': null, 'clock.stopReason': null, 'clock.stopNote': null },
      kind: 'clock-resumed',
      message,
      changes: [{ field: 'clock.state', from: 'stopped', to: 'running' }],
    }, actor, ctx);
    await this.deps.events.emit('incident.clock-resumed', { incident });
    return incident;
  }

  /** Writes the stop; the caller announces it. */
  private stopClock(
    ctx: AuditContext, actor: Actor, current: Incident, reason: 'notified' | 'not-notifiable' | 'not-a-breach', note: string, at: Date, extra: Record<string, unknown> = {},
    message: TimelineMessage = { code: 'timeline.clock-stopped', params: { stopReason: reason, note } },
  ): Promise<Incident> {
    return this.write(current, {
      set: { 'clock.state': 'stopped', 'clock.stoppedAt': at, 'clock.stopReason': reason, 'clock.stopNote': note, ...extra },
      kind: 'clock-stopped',
      message,
      changes: [{ field: 'clock.state', from: current.clock.state, to: 'stopped' }],
    }, actor, ctx);
  }

  /**
   * Records a notification to Datatilsynet in the ledger; the first one stops the clock. The incident is
   * written first under its version, so of concurrent submissions one wins and the others get 409 with
   * nothing recorded; the ledger rules read before it (first one initial, delay reasons) hold for the winner.
   * A submission that names the approved notice it sent claims that notice as sent, or is refused.
   * Delay reasons are given once per incident and reused by later phases.
   */
  async recordSubmission(ctx: AuditContext, actor: Actor, id: string, input: RecordSubmission, options: { citedNoticeClaimed?: boolean; lang?: Lang } = {}): Promise<{ submission: Submission; incident: Incident }> {
    const now = this.deps.clock.now();
    const lang = options.lang ?? 'nb';
    const current = await this.get(actor, id);
    if (!notifiesAuthority(current)) throw refusal(422, 'processor_notifies_controller', { code: 'submission.processor', params: {} }, lang);
    if (!current.awareness || !current.clock.deadline) throw refused(422, 'not_aware');
    if (input.sentAt > now) throw invalidInput([fieldProblem('sentAt', words('field.in-future'))]);
    const followUpWrong = followUpProblem(input.phase, input.followUpDueAt, input.sentAt);
    if (followUpWrong) throw invalidInput([fieldProblem('followUpDueAt', words(followUpWrong))]);
    const earlier = await this.deps.submissions.find({ incidentId: id }).sort({ sentAt: 1 }).lean<Submission[]>();
    if (!earlier.length && (input.phase === 'supplementary' || input.phase === 'final')) {
      throw refused(422, 'no_initial_submission', undefined, [fieldProblem('phase', words('field.initial-first'))]);
    }
    const late = filingLate({ phase: input.phase, sentAt: input.sentAt, deadline: current.clock.deadline, firstFiling: earlier[0] ?? null });
    const delayReasons = input.delayReasons || current.delayReasons || earlier.find((s) => s.delayReasons)?.delayReasons || '';
    if (delayReasonsNeeded({ sentAt: input.sentAt, deadline: current.clock.deadline, firstFiling: !earlier.length, reasonsOnRecord: delayReasons })) {
      throw refusal(422, 'delay_reasons_required', { code: 'submission.delay-reasons', params: {} }, lang, [{ path: 'delayReasons', message: { code: 'submission.delay-reasons.field', params: {} } }]);
    }
    const recordedBy = personOf(actor);
    const claimed = !!input.noticeId && !options.citedNoticeClaimed;
    let noticeText = input.noticeText;
    let stated: Date | null = null;
    if (claimed) {
      const claim = await this.citedNotices.claim(id, input.noticeId!, { at: input.sentAt, channel: input.channel, reference: input.reference, recordedBy });
      if ('problem' in claim) throw refusal(422, 'invalid_notice', { code: 'submission.cites-invalid', params: {} }, lang, [{ path: 'noticeId', message: claim.problem }]);
      noticeText ||= claim.text;
      stated = claim.followUpDueAt;
    }
    // The date given with the filing, else the one the cited notice states (if still ahead), else a week on.
    const fromNotice = stated && stated > input.sentAt ? stated : null;
    const followUpDueAt = owesFollowUp(input.phase) ? (input.followUpDueAt ?? fromNotice ?? defaultFollowUpAt(input.sentAt)) : null;
    const submissionId = new Types.ObjectId();
    const followUp = followUpDueAt ? { dueAt: followUpDueAt, afterSubmissionId: String(submissionId) } : null;
    const remember = delayReasons && !current.delayReasons ? { delayReasons } : {};
    let incident: Incident;
    const clockStopped = current.clock.state === 'running' || (current.clock.state === 'stopped' && current.clock.stopReason === 'not-notifiable');
    try {
      if (clockStopped) {
        // The stop's note is the filing's reference (what the clock view shows beside "notified"); the timeline words the rest.
        incident = await this.stopClock(ctx, actor, current, 'notified', input.reference, input.sentAt, { followUp, ...remember }, {
          code: 'timeline.notified', params: { phase: input.phase, channel: input.channel, reference: input.reference },
        });
      } else {
        incident = await this.write(current, {
          set: { followUp, ...remember },
          kind: 'submission',
          message: { code: 'timeline.submission', params: { phase: input.phase, channel: input.channel, reference: input.reference } },
        }, actor, ctx);
      }
    } catch (err) {
      if (claimed) await this.citedNotices.release(input.noticeId!);
      throw err;
    }
    const created = await this.deps.submissions.create({
      _id: submissionId,
      incidentId: id,
      sentAt: input.sentAt,
      channel: input.channel,
      reference: input.reference,
      phase: input.phase,
      noticeText,
      noticeId: input.noticeId ?? null,
      late,
      delayReasons: late ? delayReasons || null : input.delayReasons ?? null,
      followUpDueAt,
      recordedBy,
      recordedAt: now,
    });
    const submission = created.toObject() as Submission;
    await this.deps.audit.record(ctx, {
      action: 'incident.submission-recorded',
      target: { type: 'incident', id },
      after: { submissionId: String(submission._id), phase: input.phase, channel: input.channel, reference: input.reference, sentAt: input.sentAt, late, noticeId: input.noticeId ?? null },
    });
    await this.deps.events.emit('incident.submission-recorded', { incident, submission, clockStopped });
    if (claimed) incident = await this.refreshObligations(id) ?? incident;
    return { submission, incident };
  }

  /** The people (a subject notice) or the public (a public communication) were told: on the timeline, and no longer owed. */
  async recordPeopleTold(ctx: AuditContext, actor: Actor, id: string, told: { kind: 'subject' | 'public'; at: Date; channel: string; audience: string }): Promise<Incident> {
    const current = await this.get(actor, id);
    return this.write(current, {
      set: {},
      kind: told.kind === 'subject' ? 'people-told' : 'public-informed',
      message: { code: told.kind === 'subject' ? 'timeline.people-told' : 'timeline.public-informed', params: { channel: told.channel, audience: told.audience } },
      changes: [],
    }, actor, ctx);
  }

  /** Keeps the delay reasons given in a notice, once: later phases reuse them. */
  async rememberDelayReasons(id: string, reasons: string): Promise<void> {
    if (!reasons.trim()) return;
    await this.deps.incidents.updateOne({ _id: id, delayReasons: '' }, { $set: { delayReasons: reasons.trim() } });
  }

  /**
   * Recomputes what the incident owes after a change recorded elsewhere (an assessment, a decision, a
   * notice sent). Written under the version read, and read again if someone wrote in between, so the
   * stored obligations are those of the latest state.
   */
  async refreshObligations(id: string): Promise<Incident | undefined> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.deps.incidents.findById(id).lean<Incident>();
      if (!current) return undefined;
      const board = boardFields(await this.obligationsOf(current));
      if (same(board, { obligations: current.obligations, owes: current.owes, nextDueAt: current.nextDueAt, boardOrder: current.boardOrder })) return current;
      const res = await this.deps.incidents.updateOne({ _id: current._id, version: current.version }, { $set: board, $inc: { version: 1 } });
      if (res.matchedCount) {
        const incident = (await this.deps.incidents.findById(id).lean<Incident>())!;
        await this.deps.events.emit('incident.changed', { before: current, incident, accessChanged: false });
        return incident;
      }
    }
    throw refused(409, 'conflict', words('refused.incident-changed'));
  }

  /** Stores the obligations of incidents written before they were kept on the document. */
  async backfillObligations(): Promise<number> {
    // Matches a missing field (owes is never stored as null) through the board's index, so a start-up does not read every incident.
    const ids = await this.deps.incidents.find({ owes: null }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    for (const { _id } of ids) await this.refreshObligations(String(_id));
    return ids.length;
  }

  async listSubmissions(actor: Actor, id: string): Promise<Submission[]> {
    const [, submissions] = await Promise.all([this.assertVisible(actor, id), this.submissionsOfVisible(id)]);
    return submissions;
  }

  /** The submissions ledger of an incident the caller has found the actor may see (`get`, `assertVisible`), oldest first. */
  async submissionsOfVisible(incidentId: string): Promise<Submission[]> {
    return this.deps.submissions.find({ incidentId }).sort({ sentAt: 1, _id: 1 }).lean<Submission[]>();
  }

  /** A processor informed its controller (Art. 33(2)): the controller-notice clock stops. */
  async recordControllerInformed(ctx: AuditContext, actor: Actor, id: string, input: { at: Date; channel: string; note: string }): Promise<Incident> {
    const current = await this.get(actor, id);
    if (current.role !== 'processor') throw refused(422, 'not_processor');
    if (input.at > this.deps.clock.now()) throw invalidInput([fieldProblem('at', words('field.in-future'))]);
    const incident = await this.write(current, {
      set: { 'controller.informedAt': input.at, 'controller.informedChannel': input.channel },
      kind: 'controller-informed',
      message: { code: 'timeline.controller-informed', params: { channel: input.channel, note: input.note } },
      changes: [{ field: 'controller.informedAt', from: null, to: input.at }],
    }, actor, ctx);
    await this.deps.events.emit('incident.controller-informed', { incident });
    return incident;
  }

  /** Closes an incident with a reason; nothing is deleted, and it stays in the register. */
  async close(ctx: AuditContext, actor: Actor, id: string, input: { reason: string; notABreach: boolean }): Promise<Incident> {
    const current = await this.get(actor, id);
    if (current.status === 'closed') throw refused(422, 'closed', words('refused.already-closed'));
    if (current.clock.state === 'running' && !input.notABreach) {
      throw refused(422, 'clock_running');
    }
    const set: Record<string, unknown> = { status: 'closed', closure: { reason: input.reason, notABreach: input.notABreach, at: this.deps.clock.now(), by: personOf(actor) } };
    if (current.clock.state === 'running') {
      Object.assign(set, { 'clock.state': 'stopped', 'clock.stoppedAt': this.deps.clock.now(), 'clock.stopReason': 'not-a-breach', 'clock.stopNote': input.reason });
    }
    const incident = await this.write(current, { set, kind: 'closed', message: { code: 'timeline.closed', params: { reason: input.reason, notABreach: input.notABreach } } }, actor, ctx);
    await this.deps.events.emit('incident.closed', { incident });
    return incident;
  }

  async reopen(ctx: AuditContext, actor: Actor, id: string, reason: string): Promise<Incident> {
    const current = await this.get(actor, id);
    if (current.status !== 'closed') throw refused(422, 'not_closed');
    const set: Record<string, unknown> = { status: current.awareness ? 'open' : 'triage', closure: null };
    if (current.clock.stopReason === 'not-a-breach') Object.assign(set, { 'clock.state': 'running', 'clock.stoppedAt': null, 'clock.stopReason': null, 'clock.stopNote': null });
    const incident = await this.write(current, { set, kind: 'reopened', message: { code: 'timeline.reopened', params: { reason } } }, actor, ctx);
    await this.deps.events.emit('incident.reopened', { incident });
    return incident;
  }

  /** Filters, text search and stable cursor pagination, within what the actor may see. */
  async list(actor: Actor, query: ListIncidents): Promise<{ items: ListedIncident[]; nextCursor: string | null }> {
    const now = this.deps.clock.now();
    const and: Record<string, unknown>[] = [trustedVisibility(actor)];
    if (query.status) and.push({ status: query.status });
    if (query.clock) and.push({ 'clock.state': query.clock });
    if (query.role) and.push({ role: query.role });
    if (query.dueWithinHours !== undefined) {
      and.push({ 'clock.state': 'running', 'clock.deadline': op({ $gte: now, $lte: addHours(now, query.dueWithinHours) }) });
    }
    if (query.overdue !== undefined) {
      and.push(query.overdue ? { 'clock.state': 'running', 'clock.deadline': op({ $lt: now }) } : op({ $or: [{ 'clock.state': op({ $ne: 'running' }) }, { 'clock.deadline': op({ $gte: now }) }] }));
    }
    const filtered = query.status || query.clock || query.role || query.dueWithinHours !== undefined || query.overdue !== undefined || query.q || query.sort;
    const board = query.view === 'board' || (query.view === undefined && !filtered);
    if (board) and.push({ owes: true });
    if (query.q) {
      const pattern = query.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      and.push(op({ $or: [{ title: op({ $regex: pattern, $options: 'i' }) }, { description: op({ $regex: pattern, $options: 'i' }) }, { ref: op({ $regex: pattern, $options: 'i' }) }] }));
    }
    // The board: nearest due first (boardOrder puts incidents whose obligations have no due time last).
    const field = board ? 'boardOrder' : query.sort === 'deadline' ? 'clock.deadline' : 'createdAt';
    const direction = board || query.sort === 'deadline' ? 1 : -1;
    if (query.sort === 'deadline' && !board) and.push({ 'clock.deadline': op({ $ne: null }) });
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      const cmp = direction === 1 ? '$gt' : '$lt';
      and.push(op({ $or: [{ [field]: op({ [cmp]: cursor.at }) }, { [field]: cursor.at, _id: op({ [cmp]: cursor.id }) }] }));
    }
    const items = await this.deps.incidents
      .find(op({ $and: and }), Object.fromEntries(LIST_FIELDS.map((f) => [f, 1])))
      .sort({ [field]: direction, _id: direction })
      .limit(query.limit + 1)
      .lean<ListedIncident[]>();
    const more = items.length > query.limit;
    const page = more ? items.slice(0, query.limit) : items;
    const last = page.at(-1);
    const at = last ? (read(last, field) as Date) : undefined;
    return { items: page, nextCursor: more && last && at ? encodeCursor(at, String(last._id)) : null };
  }

  async timelineOf(actor: Actor, id: string): Promise<TimelineEvent[]> {
    const [, events] = await Promise.all([this.assertVisible(actor, id), this.timelineOfVisible(id)]);
    return events;
  }

  /** The timeline of an incident the caller has found the actor may see (`get`, `assertVisible`), oldest first. */
  async timelineOfVisible(incidentId: string): Promise<TimelineEvent[]> {
    return this.deps.timeline.find({ incidentId }).sort({ at: 1, _id: 1 }).lean<TimelineEvent[]>();
  }

  /**
   * Every incident the actor may see, notified or not, oldest first: the Art. 33(5) register. The
   * incidents come from a cursor with the fields the register reports, so an export of any length
   * is written as it is read; the submissions (a few per notified incident) are read whole, by incident.
   */
  async register(actor: Actor): Promise<{ incidents: AsyncIterable<RegisterIncident>; submissions: Map<string, Submission[]> }> {
    const submissions = new Map<string, Submission[]>();
    for (const s of await this.deps.submissions.find({}).sort({ sentAt: 1, _id: 1 }).lean<Submission[]>()) {
      const list = submissions.get(s.incidentId) ?? [];
      list.push(s);
      submissions.set(s.incidentId, list);
    }
    const incidents = this.deps.incidents
      .find(trustedVisibility(actor), Object.fromEntries(REGISTER_FIELDS.map((f) => [f, 1])))
      .sort({ createdAt: 1, _id: 1 })
      .lean<RegisterIncident[]>()
      .cursor({ batchSize: 500 }) as AsyncIterable<RegisterIncident>;
    return { incidents, submissions };
  }

  /**
   * One guarded write: the update applies only if nobody wrote since `current` was read (its version),
   * then the timeline and the audit log record it and `incident.changed` announces it.
   */
  private async write(current: Incident, mutation: Mutation, actor: Actor, ctx: AuditContext): Promise<Incident> {
    const id = String(current._id);
    const board = boardFields(await this.obligationsOf(applySet(current, mutation.set)));
    const incident = await this.deps.incidents
      .findOneAndUpdate({ _id: current._id, version: current.version }, { $set: { ...mutation.set, ...board }, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean<Incident>();
    if (!incident) throw refused(409, 'conflict', words('refused.incident-changed'));
    // The timeline and the audit log keep no full national identity number, whatever the case text holds.
    const changes = (mutation.changes ?? Object.keys(mutation.set).map((field) => ({ field, from: read(current, field) ?? null, to: read(incident, field) ?? null }))).map(
      (c) => ({ field: c.field, from: maskedValue(c.from), to: maskedValue(c.to) }),
    );
    await this.appendTimeline(id, actor, mutation.kind, mutation.message, changes);
    await this.deps.audit.record(ctx, {
      action: `incident.${mutation.kind}`,
      target: { type: 'incident', id },
      before: Object.fromEntries(changes.map((c) => [c.field, c.from])),
      after: Object.fromEntries(changes.map((c) => [c.field, c.to])),
    });
    const accessChanged = ['restricted', 'assignees', 'owner'].some((field) => field in mutation.set);
    await this.deps.events.emit('incident.changed', { before: current, incident, accessChanged });
    return incident;
  }

  /**
   * An entry for what another domain recorded about the incident (an assessment, a decision, a notice);
   * subscribed to their events in the wiring. The incident itself is not written.
   */
  async recordOnTimeline(incidentId: string, by: PersonRef, kind: string, message: TimelineMessage, changes: Change[] = []): Promise<void> {
    await insertStored(this.deps.timeline, { incidentId, at: this.deps.clock.now(), actor: { id: by.id, name: by.name }, kind, message, summary: say(message, 'en'), changes });
  }

  private async appendTimeline(incidentId: string, actor: Actor | null, kind: string, message: TimelineMessage, changes: Change[] = []): Promise<void> {
    await insertStored(this.deps.timeline, { incidentId, at: this.deps.clock.now(), actor: actor ? personOf(actor) : null, kind, message, summary: say(message, 'en'), changes });
  }
}

/** A stored value with every national identity number in its text masked to the birth date ("150385*****"). */
function maskedValue(value: unknown): unknown {
  if (typeof value === 'string') return maskNationalIdNumbers(value);
  if (Array.isArray(value)) return value.map(maskedValue);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Types.ObjectId)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskedValue(v)]));
  }
  return value;
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at !== 'string' || typeof parsed.id !== 'string' || !isObjectId(parsed.id)) throw new Error('bad');
    const at = new Date(parsed.at);
    if (Number.isNaN(at.getTime())) throw new Error('bad');
    return { at, id: parsed.id };
  } catch {
    throw invalidInput([fieldProblem('query.cursor', words('field.not-a-cursor'))]);
  }
}
