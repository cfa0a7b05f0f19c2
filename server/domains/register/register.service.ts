import type { Model } from 'mongoose';
import { op } from '../../db/trusted.js';
import type { AssessmentRecord, DecisionRecord } from '../assessment/assessment.model.js';
import type { Actor } from '../auth/auth.service.js';
import type { IncidentService, RegisterIncident } from '../incidents/incident.service.js';
import type { Submission } from '../incidents/submission.model.js';
import type { Notice } from '../notices/notice.model.js';

/** One incident in the Art. 33(5) register with what the register reports of it. */
export interface RegisterEntry {
  incident: RegisterIncident;
  submissions: Submission[];
  /** The decision in force (the latest), with the DPO's or manager's reasoning. */
  decision: RegisterDecision | null;
  /** When the people, or the public, were told (the first subject or public notice sent). */
  told: { kind: 'subject' | 'public'; at: Date } | null;
  /**
   * When the decision in force follows the recommendation and no reasoning was written: the assessment's
   * reasons for its recommendation (its outcome and any exemption), as stored.
   */
  recommendedBecause: StoredReason[] | null;
}

/** A reason as an assessment stores it: a catalogue code, or (assessments of method 1) its sentences. */
export type StoredReason = AssessmentRecord['result']['reasons'][number] | { code: string; nb: string; en: string };


/** What the register reports of a decision. */
export type RegisterDecision = Pick<DecisionRecord, 'incidentId' | 'assessmentId' | 'followsRecommendation' | 'notifySA' | 'notifySubjects' | 'exemption' | 'evidence' | 'reason' | 'decidedBy'>;

/** The reasons an assessment gives for what it recommends, rather than for the risk it finds. */
const FOR_THE_RECOMMENDATION = /^(outcome|exemption)\./;

export interface RegisterServiceDeps {
  incidents: IncidentService;
  decisions: Model<DecisionRecord>;
  assessments: Model<AssessmentRecord>;
  notices: Model<Notice>;
}

/** Gathers the register: every incident the actor may see, notified or not, with its decision and what the people were told. */
export class RegisterService {
  constructor(private readonly deps: RegisterServiceDeps) {}

  /**
   * The register's entries, oldest incident first, as they are read: the decisions and notices (fewer
   * than the incidents) are read first, by incident, and each incident joins them as the cursor gives it.
   */
  async *entries(actor: Actor): AsyncGenerator<RegisterEntry> {
    const [{ incidents, submissions }, decisions, told] = await Promise.all([
      this.deps.incidents.register(actor),
      this.deps.decisions.find({}, { incidentId: 1, assessmentId: 1, followsRecommendation: 1, notifySA: 1, notifySubjects: 1, exemption: 1, evidence: 1, reason: 1, decidedBy: 1 })
        .sort({ decidedAt: 1, _id: 1 }).lean<RegisterDecision[]>(),
      this.deps.notices.find({ kind: op({ $in: ['subject', 'public'] as Notice['kind'][] }), status: 'sent' }, { incidentId: 1, kind: 1, sent: 1 })
        .lean<Pick<Notice, 'incidentId' | 'kind' | 'sent'>[]>(),
    ]);
    const latest = new Map<string, RegisterDecision>();
    for (const d of decisions) latest.set(d.incidentId, d);
    const unreasoned = [...latest.values()].filter((d) => d.followsRecommendation && !d.reason.trim());
    const because = new Map<string, StoredReason[]>();
    if (unreasoned.length) {
      const assessments = await this.deps.assessments.find({ _id: op({ $in: unreasoned.map((d) => d.assessmentId) }) }, { 'result.reasons': 1 })
        .lean<Pick<AssessmentRecord, '_id' | 'result'>[]>();
      for (const a of assessments) because.set(String(a._id), (a.result.reasons as StoredReason[]).filter((r) => FOR_THE_RECOMMENDATION.test(r.code)));
    }
    const firstTold = new Map<string, { kind: 'subject' | 'public'; at: Date }>();
    for (const n of told) {
      const at = n.sent?.at;
      const known = firstTold.get(n.incidentId);
      if (at && (!known || at < known.at)) firstTold.set(n.incidentId, { kind: n.kind as 'subject' | 'public', at });
    }
    for await (const incident of incidents) {
      const id = String(incident._id);
      const decision = latest.get(id) ?? null;
      const recommendedBecause = decision && decision.followsRecommendation && !decision.reason.trim() ? (because.get(decision.assessmentId) ?? null) : null;
      yield { incident, submissions: submissions.get(id) ?? [], decision, told: firstTold.get(id) ?? null, recommendedBecause };
    }
  }
}
