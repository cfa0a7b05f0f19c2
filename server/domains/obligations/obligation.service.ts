import type { Model } from 'mongoose';
import type { AssessmentRecord, DecisionRecord } from '../assessment/assessment.model.js';
import type { Role } from '../access/permissions.js';
import type { Incident } from '../incidents/incident.model.js';
import type { Notice } from '../notices/notice.model.js';
import type { UserService } from '../users/user.service.js';
import { openObligations, type Obligation } from './obligation.rules.js';

export interface ObligationSettings {
  triageLimitHours: number;
}

export interface ObligationServiceDeps {
  assessments: Model<AssessmentRecord>;
  decisions: Model<DecisionRecord>;
  notices: Model<Notice>;
  users: UserService;
  settings: ObligationSettings;
}

/** Reads what the obligation rules need besides the incident (its assessment, decision, notices, people) and applies them. */
export class ObligationService {
  constructor(private readonly deps: ObligationServiceDeps) {}

  /**
   * The incident's open obligations as it will be once written. A new incident has no assessment,
   * decision or notice yet, so nothing else is read for it.
   */
  async of(incident: Incident, options: { isNew?: boolean; owner?: { id: string; name: string; roles: readonly Role[] } } = {}): Promise<Obligation[]> {
    const id = String(incident._id);
    const [assessment, decision, notices, owner, dpo] = await Promise.all([
      options.isNew ? null : this.deps.assessments.findOne({ incidentId: id }, { result: 1 }).sort({ createdAt: -1, _id: -1 }).lean<AssessmentRecord>(),
      options.isNew ? null : this.deps.decisions.findOne({ incidentId: id }).sort({ decidedAt: -1, _id: -1 }).lean<DecisionRecord>(),
      options.isNew ? [] : this.deps.notices.find({ incidentId: id }, { kind: 1, status: 1 }).lean<Pick<Notice, 'kind' | 'status'>[]>(),
      options.owner ?? this.ownerOf(incident),
      this.dpo(),
    ]);
    return openObligations({
      incident,
      assessment: assessment ? { recommendation: assessment.result.recommendation } : null,
      decision,
      notices,
      people: { owner, dpo },
      triageLimitHours: this.deps.settings.triageLimitHours,
    });
  }

  private async ownerOf(incident: Incident): Promise<{ id: string; name: string; roles: readonly Role[] } | null> {
    const user = incident.owner ? await this.deps.users.findActive(incident.owner.id) : undefined;
    return user ? { id: String(user._id), name: user.name, roles: user.roles } : null;
  }

  /** The DPO on record: the first active user with the role, by name. */
  private async dpo(): Promise<{ id: string; name: string } | null> {
    const [first] = (await this.deps.users.withRole('dpo')).sort((a, b) => a.name.localeCompare(b.name) || String(a._id).localeCompare(String(b._id)));
    return first ? { id: String(first._id), name: first.name } : null;
  }
}
