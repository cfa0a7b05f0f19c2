import type { Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { Emits } from '../../lib/events.js';
import type { AssessmentEvents } from './assessment.events.js';
import { notFound } from '../../lib/errors.js';
import { fieldProblem, refusal, refused, words } from '../../http/refusal.js';
import type { Lang } from '../../../notifications/labels.js';
import type { DecisionMessage } from '../../../notifications/messages/decisions.messages.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../access/actor.js';
import type { Incident } from '../incidents/incident.model.js';
import type { IncidentService } from '../incidents/incident.service.js';
import type { AssessmentRecord, DecisionRecord } from './assessment.model.js';
import type { RecordDecision } from './assessment.schemas.js';
import { notifiesAuthority } from '../obligations/obligation.rules.js';
import { changedFacts, factsFromIncident, factsHash } from './incident-facts.js';
import { assess, METHOD_VERSION } from './risk-engine.js';

export interface AssessmentServiceDeps {
  assessments: Model<AssessmentRecord>;
  decisions: Model<DecisionRecord>;
  incidents: IncidentService;
  audit: AuditService;
  events: Emits<AssessmentEvents>;
  clock: Clock;
}

/** Runs the engine on an incident's current facts, records a person's decision, and flags decisions whose facts changed. */
export class AssessmentService {
  constructor(private readonly deps: AssessmentServiceDeps) {}

  async run(ctx: AuditContext, actor: Actor, incidentId: string): Promise<AssessmentRecord> {
    const incident = await this.deps.incidents.get(actor, incidentId);
    const facts = factsFromIncident(incident);
    const now = this.deps.clock.now();
    // Only a clock still running can have run out unfiled; a stopped one was notified or judged not notifiable.
    const deadlinePassed = incident.clock.state === 'running' && !!incident.clock.deadline && now > incident.clock.deadline;
    const created = await this.deps.assessments.create({
      incidentId,
      method: METHOD_VERSION,
      facts,
      factsHash: factsHash(facts),
      result: assess(facts, { deadlinePassed }),
      createdBy: { id: actor.id, name: actor.name },
      createdAt: now,
    });
    const record = created.toObject() as AssessmentRecord;
    await this.deps.audit.record(ctx, {
      action: 'incident.assessed',
      target: { type: 'incident', id: incidentId },
      after: { assessmentId: String(record._id), risk: record.result.risk, method: METHOD_VERSION, ...record.result.recommendation },
    });
    await this.deps.events.emit('assessment.run', { incidentId, by: record.createdBy, assessment: record });
    await this.deps.incidents.refreshObligations(incidentId);
    return record;
  }

  async list(actor: Actor, incidentId: string): Promise<AssessmentRecord[]> {
    const [, assessments] = await Promise.all([this.deps.incidents.assertVisible(actor, incidentId), this.assessmentsOfVisible(incidentId)]);
    return assessments;
  }

  /** Every assessment of an incident the caller has found the actor may see (`get`, `assertVisible`), oldest first. */
  async assessmentsOfVisible(incidentId: string): Promise<AssessmentRecord[]> {
    return this.deps.assessments.find({ incidentId }).sort({ createdAt: 1, _id: 1 }).lean<AssessmentRecord[]>();
  }

  async decisionsOf(actor: Actor, incidentId: string): Promise<DecisionRecord[]> {
    const [, decisions] = await Promise.all([this.deps.incidents.assertVisible(actor, incidentId), this.decisionsOfVisible(incidentId)]);
    return decisions;
  }

  /** Every decision on an incident the caller has found the actor may see (`get`, `assertVisible`), latest last. */
  async decisionsOfVisible(incidentId: string): Promise<DecisionRecord[]> {
    return this.deps.decisions.find({ incidentId }).sort({ decidedAt: 1, _id: 1 }).lean<DecisionRecord[]>();
  }

  /**
   * A DPO or manager decides. Departing from the recommendation, or deciding not to notify, needs a
   * written reason; an exemption needs its evidence. "Do not notify" stops the clock; "notify" after a
   * stop resumes it.
   */
  async decide(ctx: AuditContext, actor: Actor, incidentId: string, input: RecordDecision, lang: Lang = 'nb'): Promise<DecisionRecord> {
    const incident = await this.deps.incidents.get(actor, incidentId);
    // Art. 33(2): a processor's decision is the controller's to make, unless we were told to notify for it.
    if (!notifiesAuthority(incident)) throw refusal(422, 'processor_notifies_controller', { code: 'decision.processor', params: {} }, lang);
    const assessment = await this.deps.assessments.findById(input.assessmentId).lean<AssessmentRecord>();
    if (!assessment || assessment.incidentId !== incidentId) throw notFound('Assessment');
    const latest = await this.deps.assessments.findOne({ incidentId }).sort({ createdAt: -1, _id: -1 }).lean<AssessmentRecord>();
    if (latest && String(latest._id) !== input.assessmentId) {
      throw refused(422, 'assessment_superseded', undefined, [fieldProblem('assessmentId', words('field.not-latest-assessment'))]);
    }
    const currentHash = factsHash(factsFromIncident(incident));
    if (currentHash !== assessment.factsHash) {
      throw refused(422, 'facts_changed', undefined, [fieldProblem('assessmentId', words('field.older-facts'))]);
    }
    const rec = assessment.result.recommendation;
    const follows = rec.notifySA === input.notifySA && rec.notifySubjects === input.notifySubjects && rec.exemption === input.exemption;
    const details: { path: string; message: DecisionMessage }[] = [];
    const need = (path: string, code: DecisionMessage['code']) => details.push({ path, message: { code, params: {} } as DecisionMessage });
    if ((!follows || !input.notifySA) && input.reason.length < 10) need('reason', follows ? 'decision.reason.not-notifying' : 'decision.reason.departing');
    const ev = input.evidence;
    if (input.exemption === 'encrypted' && !ev.keyCustody) need('evidence.keyCustody', 'decision.evidence.keyCustody');
    if (input.exemption === 'mitigated' && !ev.measuresTaken) need('evidence.measuresTaken', 'decision.evidence.measuresTaken');
    if (input.exemption === 'mitigated' && !ev.measuresAt) need('evidence.measuresAt', 'decision.evidence.measuresAt');
    if (input.exemption === 'disproportionate' && !ev.whyDisproportionate) need('evidence.whyDisproportionate', 'decision.evidence.whyDisproportionate');
    if (details.length) throw refusal(400, 'invalid_input', { code: 'decision.incomplete', params: {} }, lang, details);

    const decided = await this.deps.decisions.create({
      incidentId,
      assessmentId: input.assessmentId,
      notifySA: input.notifySA,
      notifySubjects: input.notifySubjects,
      exemption: input.exemption,
      publicCommunication: input.exemption === 'disproportionate',
      followsRecommendation: follows,
      reason: input.reason,
      evidence: { keyCustody: ev.keyCustody ?? '', measuresTaken: ev.measuresTaken ?? '', measuresAt: ev.measuresAt ?? null, whyDisproportionate: ev.whyDisproportionate ?? '' },
      decidedBy: { id: actor.id, name: actor.name },
      decidedAt: this.deps.clock.now(),
      review: { needed: false, since: null, changed: [] },
    });
    const decision = decided.toObject() as DecisionRecord;
    await this.deps.audit.record(ctx, {
      action: 'incident.decided',
      target: { type: 'incident', id: incidentId },
      after: { decisionId: String(decision._id), assessmentId: input.assessmentId, notifySA: input.notifySA, notifySubjects: input.notifySubjects, exemption: input.exemption, followsRecommendation: follows, reason: input.reason },
    });
    await this.deps.events.emit('decision.recorded', { incidentId, by: decision.decidedBy, decision });
    await this.applyToClock(ctx, actor, incident, decision);
    await this.deps.incidents.refreshObligations(incidentId);
    return decision;
  }

  private async applyToClock(ctx: AuditContext, actor: Actor, incident: Incident, decision: DecisionRecord): Promise<void> {
    const id = String(incident._id);
    if (!decision.notifySA && incident.clock.state === 'running') {
      await this.deps.incidents.markNotNotifiable(ctx, actor, id, decision.reason, { code: 'timeline.decided-not-notifiable', params: { reason: decision.reason } });
    } else if (decision.notifySA && incident.clock.state === 'stopped' && incident.clock.stopReason === 'not-notifiable') {
      await this.deps.incidents.resume(ctx, actor, id, '', { code: 'timeline.decided-notify', params: {} });
    }
  }

  /** The decision in force (the latest), or null; the caller has checked that the actor may see the incident. */
  async inForce(incidentId: string): Promise<DecisionRecord | null> {
    return this.deps.decisions.findOne({ incidentId }).sort({ decidedAt: -1, _id: -1 }).lean<DecisionRecord>();
  }

  /** A change of the facts the engine reads puts the decision in force up for review (subscribed to `incident.updated`). */
  async flagForReview(before: Incident, after: Incident): Promise<void> {
    const changed = changedFacts(factsFromIncident(before), factsFromIncident(after));
    if (!changed.length) return;
    const latest = await this.deps.decisions.findOne({ incidentId: String(after._id) }).sort({ decidedAt: -1, _id: -1 }).lean<DecisionRecord>();
    if (!latest) return;
    const all = [...new Set([...latest.review.changed, ...changed])];
    await this.deps.decisions.updateOne({ _id: latest._id }, { $set: { review: { needed: true, since: latest.review.since ?? this.deps.clock.now(), changed: all } } });
    await this.deps.incidents.refreshObligations(String(after._id));
  }
}
