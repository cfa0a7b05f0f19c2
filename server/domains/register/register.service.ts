import type { Model } from 'mongoose';
import { op } from '../../db/trusted.js';
import type { DecisionRecord } from '../assessment/assessment.model.js';
import type { Actor } from '../auth/auth.service.js';
import type { Incident } from '../incidents/incident.model.js';
import type { IncidentService } from '../incidents/incident.service.js';
import type { Submission } from '../incidents/submission.model.js';
import type { Notice } from '../notices/notice.model.js';

/** One incident in the Art. 33(5) register with what the register reports of it. */
export interface RegisterEntry {
  incident: Incident;
  submissions: Submission[];
  /** The decision in force (the latest), with the DPO's or manager's reasoning. */
  decision: DecisionRecord | null;
  /** When the people, or the public, were told (the first subject or public notice sent). */
  told: { kind: 'subject' | 'public'; at: Date } | null;
}

export interface RegisterServiceDeps {
  incidents: IncidentService;
  decisions: Model<DecisionRecord>;
  notices: Model<Notice>;
}

/** Gathers the register: every incident the actor may see, notified or not, with its decision and what the people were told. */
export class RegisterService {
  constructor(private readonly deps: RegisterServiceDeps) {}

  async entries(actor: Actor): Promise<RegisterEntry[]> {
    const base = await this.deps.incidents.register(actor);
    const ids = base.map((e) => String(e.incident._id));
    if (!ids.length) return [];
    const [decisions, told] = await Promise.all([
      this.deps.decisions.find({ incidentId: op({ $in: ids }) }).sort({ decidedAt: 1, _id: 1 }).lean<DecisionRecord[]>(),
      this.deps.notices.find({ incidentId: op({ $in: ids }), kind: op({ $in: ['subject', 'public'] as Notice['kind'][] }), status: 'sent' }, { incidentId: 1, kind: 1, sent: 1 }).lean<Pick<Notice, 'incidentId' | 'kind' | 'sent'>[]>(),
    ]);
    const latest = new Map<string, DecisionRecord>();
    for (const d of decisions) latest.set(d.incidentId, d);
    const firstTold = new Map<string, { kind: 'subject' | 'public'; at: Date }>();
    for (const n of told) {
      const at = n.sent?.at;
      const known = firstTold.get(n.incidentId);
      if (at && (!known || at < known.at)) firstTold.set(n.incidentId, { kind: n.kind as 'subject' | 'public', at });
    }
    return base.map(({ incident, submissions }) => {
      const id = String(incident._id);
      return { incident, submissions, decision: latest.get(id) ?? null, told: firstTold.get(id) ?? null };
    });
  }
}
