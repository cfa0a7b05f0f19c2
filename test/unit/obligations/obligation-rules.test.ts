import assert from 'node:assert/strict';
import { boardFields, openObligations, presentObligations, UNDATED, type ObligationInputs } from '../../../server/domains/obligations/obligation.rules.js';

const H = 3_600_000;
const AWARE = new Date('2026-03-02T09:00:00Z');
const DEADLINE = new Date(AWARE.getTime() + 72 * H);
const owner = { id: 'u-analyst', name: 'Ane Analytiker', roles: ['analyst'] as const };
const dpo = { id: 'u-dpo', name: 'Kari Nordmann' };

function inputs(change: { incident?: Partial<ObligationInputs['incident']> } & Partial<Omit<ObligationInputs, 'incident'>> = {}): ObligationInputs {
  const { incident, ...rest } = change;
  return {
    incident: {
      status: 'open', role: 'controller', triageStartedAt: AWARE, awareness: { at: AWARE }, clock: { state: 'running', deadline: DEADLINE },
      followUp: null, controller: { informedAt: null, targetAt: null, notifyOnBehalf: false }, ...incident,
    },
    assessment: null, decision: null, notices: [], people: { owner, dpo }, triageLimitHours: 24, ...rest,
  };
}
const kinds = (input: ObligationInputs) => openObligations(input).map((o) => o.kind);
const high = { recommendation: { notifySubjects: true, exemption: null } };
const tell = { notifySA: true, notifySubjects: true, exemption: null, review: { needed: false } };

describe('obligation rules: what an incident owes', () => {
  it('in triage owes only the awareness declaration, due at the triage limit, which the owner may declare', () => {
    const [only, ...rest] = openObligations(inputs({ incident: { status: 'triage', awareness: null, clock: { state: 'not-started', deadline: null } } }));
    assert.deepEqual(rest, []);
    assert.equal(only!.kind, 'declare-awareness');
    assert.equal(only!.dueAt!.toISOString(), '2026-03-03T09:00:00.000Z');
    assert.deepEqual(only!.actors, [owner].map(({ id, name }) => ({ id, name })).concat([dpo]));
  });

  it('once aware, owes assessing, deciding and notifying by the deadline; deciding names the roles and the DPO, not the analyst', () => {
    const list = openObligations(inputs());
    assert.deepEqual(list.map((o) => o.kind), ['assess', 'decide', 'notify-authority']);
    assert.ok(list.every((o) => o.dueAt?.getTime() === DEADLINE.getTime()));
    const decide = list[1]!;
    assert.deepEqual(decide.actorRoles, ['manager', 'dpo']);
    assert.deepEqual(decide.actors, [dpo], 'the analyst who owns it cannot decide');
    assert.deepEqual(list[0]!.actors.map((a) => a.id), ['u-analyst', 'u-dpo']);
  });

  it('after filing with Datatilsynet still owes telling the people, with no fixed time, and only then closing', () => {
    const filed = { incident: { clock: { state: 'stopped' as const, deadline: DEADLINE } }, assessment: high, decision: tell };
    assert.deepEqual(kinds(inputs({ ...filed, notices: [{ kind: 'authority', status: 'sent' }] })), ['notify-subjects']);
    assert.equal(openObligations(inputs(filed))[0]!.dueAt, null);
    assert.deepEqual(kinds(inputs({ ...filed, notices: [{ kind: 'authority', status: 'sent' }, { kind: 'subject', status: 'sent' }] })), ['close']);
  });

  it('owes the follow-up of a phased notice at its date, and the filing of an approved notice is anyone’s who records submissions', () => {
    const followUp = new Date(AWARE.getTime() + 200 * H);
    const list = openObligations(inputs({
      incident: { clock: { state: 'stopped', deadline: DEADLINE }, followUp: { dueAt: followUp } },
      assessment: high, decision: { ...tell, notifySubjects: false, exemption: 'encrypted' }, notices: [{ kind: 'authority', status: 'approved' }],
    }));
    assert.deepEqual(list.map((o) => o.kind), ['follow-up-phased']);
    assert.equal(list[0]!.dueAt!.getTime(), followUp.getTime());
    assert.deepEqual(list[0]!.actorRoles, ['analyst', 'manager', 'dpo']);
  });

  it('a disproportionate-effort exemption owes the public communication; a high risk decided without telling or a ground owes the ground', () => {
    const stopped = { clock: { state: 'stopped' as const, deadline: DEADLINE } };
    assert.deepEqual(kinds(inputs({ incident: stopped, assessment: high, decision: { ...tell, notifySubjects: false, exemption: 'disproportionate' } })), ['publish-public']);
    assert.deepEqual(kinds(inputs({ incident: stopped, assessment: high, decision: { ...tell, notifySubjects: false } })), ['record-exemption']);
    assert.deepEqual(kinds(inputs({ incident: stopped, assessment: { recommendation: { notifySubjects: false, exemption: null } }, decision: { ...tell, notifySubjects: false } })), ['close']);
  });

  it('a decision whose facts changed is owed again', () => {
    assert.deepEqual(kinds(inputs({ assessment: high, decision: { ...tell, review: { needed: true } } })), ['review-decision', 'notify-authority', 'notify-subjects']);
  });

  it('a processor owes its controller, by the target, and nothing to Datatilsynet unless told to notify on its behalf', () => {
    const target = new Date(AWARE.getTime() + 12 * H);
    const processor = { role: 'processor' as const, clock: { state: 'not-started' as const, deadline: null }, controller: { informedAt: null, targetAt: target, notifyOnBehalf: false } };
    const list = openObligations(inputs({ incident: processor }));
    assert.deepEqual(list.map((o) => o.kind), ['inform-controller']);
    assert.equal(list[0]!.dueAt!.getTime(), target.getTime());
    assert.deepEqual(kinds(inputs({ incident: { ...processor, controller: { ...processor.controller, informedAt: target } } })), ['close']);
    const onBehalf = { ...processor, clock: { state: 'running' as const, deadline: DEADLINE }, controller: { ...processor.controller, notifyOnBehalf: true } };
    assert.deepEqual(kinds(inputs({ incident: onBehalf })), ['inform-controller', 'assess', 'decide', 'notify-authority']);
  });

  it('a closed incident owes nothing and leaves the board; undated obligations sort after every dated one', () => {
    assert.deepEqual(boardFields(openObligations(inputs({ incident: { status: 'closed' } }))), { obligations: [], owes: false, nextDueAt: null, boardOrder: null });
    const undated = boardFields(openObligations(inputs({ incident: { clock: { state: 'stopped', deadline: DEADLINE } }, assessment: high, decision: tell })));
    assert.equal(undated.owes, true);
    assert.equal(undated.nextDueAt, null);
    assert.equal(undated.boardOrder, UNDATED);
  });

  it('presents due times in UTC and whether each is overdue now', () => {
    const { obligations, nextStep } = presentObligations(openObligations(inputs()), new Date(DEADLINE.getTime() + 1));
    assert.equal(nextStep!.kind, 'assess');
    assert.equal(nextStep!.dueAt, DEADLINE.toISOString());
    assert.ok(obligations.every((o) => o.overdue));
    assert.deepEqual(presentObligations([], AWARE), { obligations: [], nextStep: null });
  });
});
