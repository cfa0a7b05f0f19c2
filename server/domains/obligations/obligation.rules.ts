import { addHours } from '../../lib/clock.js';
import { PERMISSIONS, type Permission, type Role } from '../access/permissions.js';
import { OBLIGATION_KINDS, type ObligationKind, type ObligationView } from './obligation.view.js';

type NoticeKind = 'authority' | 'subject' | 'public' | 'controller';
type Exemption = 'encrypted' | 'mitigated' | 'disproportionate' | null;

/** Everything the rules read: the incident, its latest assessment and decision, its notices, and who may act. */
export interface ObligationInputs {
  incident: {
    status: 'triage' | 'open' | 'closed';
    role: 'controller' | 'processor';
    triageStartedAt: Date;
    awareness: { at: Date } | null;
    clock: { state: 'not-started' | 'running' | 'stopped'; deadline: Date | null };
    followUp: { dueAt: Date } | null;
    controller: { informedAt: Date | null; targetAt: Date | null; notifyOnBehalf?: boolean };
  };
  assessment: { recommendation: { notifySubjects: boolean; exemption: Exemption } } | null;
  decision: { notifySA: boolean; notifySubjects: boolean; exemption: Exemption; review: { needed: boolean } } | null;
  notices: { kind: NoticeKind; status: 'draft' | 'approved' | 'sent' }[];
  people: { owner: { id: string; name: string; roles: readonly Role[] } | null; dpo: { id: string; name: string } | null };
  triageLimitHours: number;
}

/** One open obligation as stored on the incident (the board sorts on it); `overdue` is added when presented. */
export interface Obligation {
  kind: ObligationKind;
  dueAt: Date | null;
  actorRoles: Role[];
  actors: { id: string; name: string }[];
}

/** Where we notify Datatilsynet: as controller, or as a processor the controller told (in writing) to do it for it. */
export function notifiesAuthority(incident: Pick<ObligationInputs['incident'], 'role' | 'controller'>): boolean {
  return incident.role === 'controller' || incident.controller.notifyOnBehalf === true;
}

/** A high risk to the people was found: they are told, unless an Art. 34(3) ground is recorded. */
const highRiskFound = (assessment: ObligationInputs['assessment']) =>
  !!assessment && (assessment.recommendation.notifySubjects || assessment.recommendation.exemption !== null);

const sent = (notices: ObligationInputs['notices'], kind: NoticeKind) => notices.some((n) => n.kind === kind && n.status === 'sent');
const awaitingFiling = (notices: ObligationInputs['notices'], kind: NoticeKind) => notices.some((n) => n.kind === kind && n.status === 'approved');

/**
 * What an incident owes now, most urgent first (nearest due time; no due time last; the law's order
 * between equals). A closed incident owes nothing; an open one owes at least its closing.
 */
export function openObligations(input: ObligationInputs): Obligation[] {
  const { incident, assessment, decision, notices } = input;
  if (incident.status === 'closed') return [];
  const owed: { kind: ObligationKind; dueAt: Date | null; permission: Permission }[] = [];
  const owe = (kind: ObligationKind, dueAt: Date | null, permission: Permission) => owed.push({ kind, dueAt, permission });

  if (!incident.awareness) {
    owe('declare-awareness', addHours(incident.triageStartedAt, input.triageLimitHours), 'incident:update');
    return finish(owed, input);
  }
  if (incident.role === 'processor' && !incident.controller.informedAt) {
    owe('inform-controller', incident.controller.targetAt, 'incident:update');
  }
  if (notifiesAuthority(incident)) {
    const running = incident.clock.state === 'running';
    const clockDue = running ? incident.clock.deadline : null;
    if (!assessment) owe('assess', clockDue, 'assessment:run');
    if (!decision) owe('decide', clockDue, 'incident:decide');
    // The facts changed after the decision: the same act, named for what it is (the decision card says so too).
    else if (decision.review.needed) owe('review-decision', clockDue, 'incident:decide');
    // Filing takes an approved notice: while none awaits filing, the next act is a manager's or the DPO's approval.
    const filing: Permission = awaitingFiling(notices, 'authority') ? 'submission:record' : 'notice:approve';
    if (running) owe('notify-authority', incident.clock.deadline, filing);
    if (incident.followUp) owe('follow-up-phased', incident.followUp.dueAt, filing);
    if (decision) {
      // Art. 34(1): "without undue delay", no fixed time.
      if (decision.notifySubjects && !sent(notices, 'subject')) owe('notify-subjects', null, awaitingFiling(notices, 'subject') ? 'submission:record' : 'notice:approve');
      if (decision.exemption === 'disproportionate' && !sent(notices, 'public')) owe('publish-public', null, awaitingFiling(notices, 'public') ? 'submission:record' : 'notice:approve');
      if (!decision.notifySubjects && decision.exemption === null && highRiskFound(assessment)) owe('record-exemption', null, 'incident:decide');
    }
  }
  if (!owed.length) owe('close', null, 'incident:decide');
  return finish(owed, input);
}

const order = (kind: ObligationKind) => OBLIGATION_KINDS.indexOf(kind);

function finish(owed: { kind: ObligationKind; dueAt: Date | null; permission: Permission }[], input: ObligationInputs): Obligation[] {
  const { owner, dpo } = input.people;
  return owed
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || order(a.kind) - order(b.kind))
    .map(({ kind, dueAt, permission }) => {
      const actorRoles = [...PERMISSIONS[permission]] as Role[];
      const actors: { id: string; name: string }[] = [];
      if (owner && owner.roles.some((r) => actorRoles.includes(r))) actors.push({ id: owner.id, name: owner.name });
      if (dpo && actorRoles.includes('dpo') && !actors.some((a) => a.id === dpo.id)) actors.push({ id: dpo.id, name: dpo.name });
      return { kind, dueAt, actorRoles, actors };
    });
}

/** Far in the future: where an incident whose obligations have no due time sorts on the board (after every dated one). */
export const UNDATED = new Date('9999-12-31T00:00:00Z');

/** What the incident document keeps so the board is one indexed query: the list, whether anything is owed, and the nearest due time. */
export function boardFields(obligations: Obligation[]): { obligations: Obligation[]; owes: boolean; nextDueAt: Date | null; boardOrder: Date | null } {
  const dated = obligations.map((o) => o.dueAt).filter((d): d is Date => d !== null);
  const nextDueAt = dated.length ? new Date(Math.min(...dated.map((d) => d.getTime()))) : null;
  const owes = obligations.length > 0;
  return { obligations, owes, nextDueAt, boardOrder: owes ? (nextDueAt ?? UNDATED) : null };
}

/** The stored obligations as they leave the server, judged against now. */
export function presentObligations(obligations: readonly Obligation[] | undefined, now: Date): { obligations: ObligationView[]; nextStep: ObligationView | null } {
  const views = (obligations ?? []).map((o) => ({
    kind: o.kind,
    dueAt: o.dueAt ? new Date(o.dueAt).toISOString() : null,
    overdue: !!o.dueAt && now > new Date(o.dueAt),
    actorRoles: [...o.actorRoles],
    actors: o.actors.map((a) => ({ id: a.id, name: a.name })),
  }));
  return { obligations: views, nextStep: views[0] ?? null };
}
