import assert from 'node:assert/strict';
import type { AlertMessage } from '../../../server/realtime/events.js';
import { ManualClock } from '../../support/clock.js';
import { drainDueJobs, pendingJobs } from '../../support/jobs.js';
import type { Socket } from 'socket.io-client';
import { testService } from '../../support/factories.js';
import { api, flushSocket, type TestService } from '../../support/service.js';

const H = 3_600_000;

/** Collects every alert a socket receives. */
function collect(socket: { on(event: string, fn: (m: AlertMessage) => void): void }): AlertMessage[] {
  const seen: AlertMessage[] = [];
  socket.on('alert:fired', (m) => seen.push(m));
  return seen;
}

describe('the clock: milestones, stops and submissions', () => {
  // Friday 27 March 2026, 10:30 Oslo: the spring DST change falls inside the 72 hours.
  const { svc, signedInAs } = testService(() => ({ clock: new ManualClock('2026-03-27T09:30:00Z') }), { perTest: true });
  const analyst = signedInAs('analyst');
  const dpo = signedInAs('dpo');
  const oncall = signedInAs('oncall');

  // Awareness set in the past needs its reason, as everywhere.
  const create = async (body: Record<string, unknown>) =>
    (await api(svc).post('/api/incidents').set(analyst.auth).send({ description: '', awarenessReason: 'Kjent fra da varselet kom', ...body }).expect(201)).body;

  it('schedules every milestone at elapsed hours across the spring DST change and delivers each once over socket.io', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    const incident = await create({ title: 'DST spring', awareAt: '2026-03-27T09:30:00Z' });
    assert.equal(incident.deadline, '2026-03-30T09:30:00.000Z');
    assert.equal(incident.clock.deadline.oslo, '2026-03-30T11:30:00.000+02:00');
    assert.deepEqual(incident.clock.milestones.map((m: { key: string; dueAt: string }) => `${m.key}@${m.dueAt}`), [
      'h24@2026-03-28T09:30:00.000Z', 'h48@2026-03-29T09:30:00.000Z', 'h60@2026-03-29T21:30:00.000Z', 'h66@2026-03-30T03:30:00.000Z',
      'h70@2026-03-30T07:30:00.000Z', 'h71@2026-03-30T08:30:00.000Z', 'deadline@2026-03-30T09:30:00.000Z',
    ]);
    assert.deepEqual(await pendingJobs(svc, incident.id), [], 'milestones wait in the plan until they are within the horizon');

    for (const step of [24, 24, 12, 6, 4, 1, 1]) {
      svc.clock.advanceHours(step);
      await drainDueJobs(svc);
      // A retried job or a second run of the same milestone must not alert again.
      await svc.container.scheduler.run('clock.milestone', { incidentId: incident.id, milestone: 'h24', dueAt: '2026-03-28T09:30:00.000Z' });
    }
    await settle(svc, socket, seen, 7);
    assert.deepEqual(seen.map((m) => m.milestone), ['h24', 'h48', 'h60', 'h66', 'h70', 'h71', 'deadline']);
    assert.equal(new Set(seen.map((m) => m.alertId)).size, 7);
    const first = seen[0]!;
    assert.equal(first.incidentId, incident.id);
    assert.equal(first.hoursElapsed, 24);
    assert.equal(first.deadline, '2026-03-30T09:30:00.000Z');
    assert.equal(first.dueAt, '2026-03-28T09:30:00.000Z');
    assert.equal(first.late, false);
    assert.ok(first.sentAt);
  });

  it('fires milestones due in the same second from one planner job, each once, and dispatches them together', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    // Three clocks whose 24-hour milestones fall 0, 300 and 600 ms into the same second, an hour from now.
    const dueAt = ['2026-03-27T10:30:00.000Z', '2026-03-27T10:30:00.300Z', '2026-03-27T10:30:00.600Z'];
    const incidents = [];
    for (const [i, due] of dueAt.entries()) {
      incidents.push(await create({ title: `Same second ${i}`, awareAt: new Date(Date.parse(due) - 24 * H).toISOString() }));
    }
    svc.clock.set('2026-03-27T10:29:45Z');
    await svc.container.planner.run();
    const pending = await pendingJobs(svc, incidents[1].id);
    // Due a scan interval (200 ms in tests) and a second early, so that it is running when its first milestone falls due.
    assert.deepEqual(pending, [{ name: 'clock.milestones', milestone: 'h24', runAt: '2026-03-27T10:29:58.800Z' }], 'one job for the second');

    svc.clock.set('2026-03-27T10:30:00.600Z');
    const ran = await drainDueJobs(svc);
    assert.deepEqual(ran.map((j) => `${j.name}:${j.outcome.status}`), ['clock.milestones:done', 'alerts.dispatch:done']);
    assert.equal((ran[1]!.data.alertIds as string[]).length, 3, 'one dispatch for the batch');
    await settle(svc, socket, seen, 3);
    // Due together by the manual clock, they fire together, in any order.
    assert.deepEqual(seen.map((m) => [m.incidentId, m.dueAt]).sort((a, b) => a[1]!.localeCompare(b[1]!)), incidents.map((incident, i) => [incident.id, dueAt[i]]));

    // Agenda runs the job again (its lock expired after a crash): the batch is done and gone.
    assert.equal((await svc.container.scheduler.run('clock.milestones', ran[0]!.data)).status, 'skipped');
    // Had it died midway, its milestones would run again: nothing is recorded or dispatched twice.
    const items = incidents.map((incident, i) => ({ incidentId: incident.id as string, milestone: 'h24', dueAt: dueAt[i]! }));
    assert.equal((await svc.container.clockService.onMilestones(items)).status, 'skipped');
    assert.deepEqual(await drainDueJobs(svc), []);
    await settle(svc, socket, seen, 3);
  });

  it('keeps the deadline at 72 elapsed hours across the autumn DST change', async () => {
    svc.clock.set('2026-10-23T08:30:00Z');
    const incident = await create({ title: 'DST autumn', awareAt: '2026-10-23T08:30:00Z' });
    assert.equal(incident.deadline, '2026-10-26T08:30:00.000Z');
    assert.equal(incident.clock.deadline.oslo, '2026-10-26T09:30:00.000+01:00');
    const h48 = incident.clock.milestones.find((m: { key: string }) => m.key === 'h48');
    assert.equal(h48.dueAt, '2026-10-25T08:30:00.000Z');
  });

  it('collapses the milestones a backdated incident missed into one late alert, and fires the rest on time', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    const awareAt = new Date(svc.clock.now().getTime() - 50 * H).toISOString();
    const incident = await create({ title: 'Found late', awareAt, awarenessReason: 'Log review found the breach two days after the fact' });
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 1);
    assert.deepEqual(seen.map((m) => [m.milestone, m.late]), [['h48', true]]);

    svc.clock.advanceHours(10); // 60 h
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 2);
    assert.deepEqual(seen.map((m) => [m.milestone, m.late]), [['h48', true], ['h60', false]]);
    const view = (await api(svc).get(`/api/incidents/${incident.id}`).set(analyst.auth).expect(200)).body;
    assert.equal(view.clock.milestones.find((m: { key: string }) => m.key === 'h24').alert, null);
    assert.equal(view.clock.milestones.find((m: { key: string }) => m.key === 'h48').alert.late, true);
  });

  it('moves the deadline and every pending milestone when awareness is corrected, and needs a reason', async () => {
    const incident = await create({ title: 'Correct me', awareAt: svc.clock.now().toISOString() });
    const noReason = await api(svc).put(`/api/incidents/${incident.id}/awareness`).set(analyst.auth)
      .send({ at: new Date(svc.clock.now().getTime() - 6 * H).toISOString(), evidence: 'SIEM alert' }).expect(400);
    assert.deepEqual(noReason.body.error.details, [{ path: 'reason', message: 'må fylles ut for å rette tidspunktet for kjennskap', label: 'Begrunnelse' }]);

    const earlier = new Date(svc.clock.now().getTime() - 6 * H);
    const corrected = await api(svc).put(`/api/incidents/${incident.id}/awareness`).set(analyst.auth)
      .send({ at: earlier.toISOString(), evidence: 'SIEM alert at 03:30', reason: 'The on-call analyst confirmed the breach at 03:30' }).expect(200);
    assert.equal(corrected.body.deadline, new Date(earlier.getTime() + 72 * H).toISOString());
    const h24 = new Date(earlier.getTime() + 24 * H).toISOString();
    assert.equal(corrected.body.clock.milestones.find((m: { key: string }) => m.key === 'h24').dueAt, h24);
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    svc.clock.advanceHours(18);
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 1);
    assert.deepEqual(seen.map((m) => [m.milestone, m.dueAt, m.late]), [['h24', h24, false]]);
    svc.clock.advanceHours(6); // the 24-hour mark of the first declaration: nothing fires
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 1);
    const timeline = (await api(svc).get(`/api/incidents/${incident.id}/timeline`).set(analyst.auth).expect(200)).body;
    assert.ok(timeline.some((e: { kind: string; summary: string }) => e.kind === 'awareness-corrected' && /03:30/.test(e.summary)));

    await api(svc).put(`/api/incidents/${incident.id}/awareness`).set(analyst.auth)
      .send({ at: new Date(svc.clock.now().getTime() + H).toISOString(), evidence: 'x', reason: 'x' }).expect(400);
  });

  it('starts the clock when awareness is declared after triage', async () => {
    const incident = await create({ title: 'Triage first' });
    assert.equal((await pendingJobs(svc, incident.id))[0]?.name, 'clock.triage-overrun');
    const declared = await api(svc).put(`/api/incidents/${incident.id}/awareness`).set(analyst.auth)
      .send({ at: svc.clock.now().toISOString(), evidence: 'Forensics confirmed customer table was read' }).expect(200);
    assert.equal(declared.body.status, 'open');
    assert.equal(declared.body.clock.state, 'running');
    const names = (await pendingJobs(svc, incident.id)).map((j) => j.name);
    assert.ok(!names.includes('clock.triage-overrun'));
  });

  it('alerts once when triage runs past its time box', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    await create({ title: 'Endless triage' });
    svc.clock.advanceHours(23);
    await drainDueJobs(svc);
    svc.clock.advanceHours(2);
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 1);
    assert.deepEqual(seen.map((m) => m.kind), ['triage-overrun']);
  });

  it('stops on "not notifiable" and resumes against the same deadline', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    const incident = await create({ title: 'Stop and go', awareAt: svc.clock.now().toISOString() });
    await api(svc).post(`/api/incidents/${incident.id}/not-notifiable`).set(analyst.auth).send({ reason: 'Encrypted, key safe' }).expect(403);
    const stopped = await api(svc).post(`/api/incidents/${incident.id}/not-notifiable`).set(dpo.auth)
      .send({ reason: 'Backup tape was encrypted (AES-256) and the key is held separately' }).expect(200);
    assert.equal(stopped.body.clock.state, 'stopped');
    assert.equal(stopped.body.clock.stopReason, 'not-notifiable');
    svc.clock.advanceHours(30);
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 0);

    const resumed = await api(svc).post(`/api/incidents/${incident.id}/resume`).set(dpo.auth).send({ reason: 'The key was on the same tape after all' }).expect(200);
    assert.equal(resumed.body.deadline, incident.deadline, 'the same deadline');
    assert.equal(resumed.body.clock.state, 'running');
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 1);
    assert.deepEqual(seen.map((m) => [m.milestone, m.late]), [['h24', true]]);
  });

  it('repeats overdue alerts every 6 hours until the notification is recorded', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    const incident = await create({ title: 'Overdue', awareAt: svc.clock.now().toISOString() });
    for (let h = 0; h < 84; h += 1) {
      svc.clock.advanceHours(1);
      await drainDueJobs(svc);
    }
    await settle(svc, socket, seen, 9);
    assert.deepEqual(seen.map((m) => m.milestone), ['h24', 'h48', 'h60', 'h66', 'h70', 'h71', 'deadline', 'overdue-1', 'overdue-2']);
    assert.equal(seen.at(-1)!.kind, 'overdue');
    assert.equal(seen.at(-1)!.hoursElapsed, 84);

    const sentAt = svc.clock.now().toISOString();
    const refused = await api(svc).post(`/api/incidents/${incident.id}/submissions`).set(dpo.auth)
      .send({ sentAt, channel: 'altinn', reference: 'AR123', phase: 'complete' }).expect(422);
    assert.equal(refused.body.error.code, 'delay_reasons_required');
    assert.deepEqual(refused.body.error.details.map((d: { path: string }) => d.path), ['delayReasons']);
    assert.equal((await api(svc).get(`/api/incidents/${incident.id}/submissions`).set(dpo.auth).expect(200)).body.length, 0, 'nothing half-written');

    const filed = await api(svc).post(`/api/incidents/${incident.id}/submissions`).set(dpo.auth)
      .send({ sentAt, channel: 'altinn', reference: 'AR123', phase: 'complete', delayReasons: 'The processor told us only after three days' }).expect(201);
    assert.equal(filed.body.submission.late, true);
    assert.equal(filed.body.incident.clock.state, 'stopped');
    assert.equal(filed.body.incident.clock.stopReason, 'notified');
    svc.clock.advanceHours(12);
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 9);
  });

  it('makes a phased submission an open follow-up with its own reminder', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    const incident = await create({ title: 'Phased', awareAt: svc.clock.now().toISOString() });
    svc.clock.advanceHours(20);
    const initial = await api(svc).post(`/api/incidents/${incident.id}/submissions`).set(analyst.auth)
      .send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-1', phase: 'initial', followUpDueAt: new Date(svc.clock.now().getTime() + 48 * H).toISOString() })
      .expect(201);
    assert.equal(initial.body.submission.late, false);
    assert.ok(initial.body.incident.followUp);
    svc.clock.advanceHours(49);
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 1);
    assert.deepEqual(seen.map((m) => m.kind), ['follow-up-due']);

    const final = await api(svc).post(`/api/incidents/${incident.id}/submissions`).set(analyst.auth)
      .send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-2', phase: 'final' }).expect(201);
    assert.equal(final.body.incident.followUp, null);
    const ledger = (await api(svc).get(`/api/incidents/${incident.id}/submissions`).set(analyst.auth).expect(200)).body;
    assert.deepEqual(ledger.map((s: { phase: string }) => s.phase), ['initial', 'final']);
  });

  it("marks a later phase late only if the first filing was: Art. 33(1)'s 72 hours are for the first notification", async () => {
    const file = async (id: string, body: Record<string, unknown>) =>
      (await api(svc).post(`/api/incidents/${id}/submissions`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', ...body }).expect(201)).body.submission;
    const onTime = await create({ title: 'First in time', awareAt: svc.clock.now().toISOString() });
    svc.clock.advanceHours(20);
    assert.equal((await file(onTime.id, { reference: 'AR-1', phase: 'initial' })).late, false);
    svc.clock.advanceHours(80); // 100 h after awareness
    assert.equal((await file(onTime.id, { reference: 'AR-2', phase: 'supplementary' })).late, false);
    assert.equal((await file(onTime.id, { reference: 'AR-3', phase: 'final' })).late, false);
    const ledger = (await api(svc).get(`/api/incidents/${onTime.id}/submissions`).set(dpo.auth).expect(200)).body;
    assert.deepEqual(ledger.map((s: { phase: string; late: boolean }) => [s.phase, s.late]), [['initial', false], ['supplementary', false], ['final', false]]);
    // The draft of a further phase says the same: no delay paragraph.
    const preview = await api(svc).post(`/api/incidents/${onTime.id}/notices/preview`).set(dpo.auth).send({ kind: 'authority', lang: 'nb', phase: 'final' }).expect(200);
    assert.equal(preview.body.missing.some((m: { element: string }) => m.element === 'delayReasons'), false);

    const lateFirst = await create({ title: 'First too late', awareAt: svc.clock.now().toISOString() });
    svc.clock.advanceHours(80);
    assert.equal((await file(lateFirst.id, { reference: 'AR-9', phase: 'initial', delayReasons: 'Found by the processor three days on' })).late, true);
    svc.clock.advanceHours(2);
    assert.equal((await file(lateFirst.id, { reference: 'AR-10', phase: 'final' })).late, true);
  });

  it('refuses a supplementary notification before an initial one', async () => {
    const incident = await create({ title: 'Order', awareAt: svc.clock.now().toISOString() });
    const res = await api(svc).post(`/api/incidents/${incident.id}/submissions`).set(analyst.auth)
      .send({ sentAt: svc.clock.now().toISOString(), channel: 'email', phase: 'supplementary' }).expect(422);
    assert.equal(res.body.error.code, 'no_initial_submission');
  });

  it('runs a processor clock to the controller and none to Datatilsynet: alert at the target, stopped when the controller is informed', async () => {
    const socket = await svc.socket(oncall.token);
    const seen = collect(socket);
    const incident = await create({ title: 'As processor', awareAt: svc.clock.now().toISOString(), role: 'processor', controller: { name: 'Kunde AS', contact: 'dpo@kunde.example' } });
    assert.equal(incident.controller.targetAt, new Date(svc.clock.now().getTime() + 24 * H).toISOString());
    assert.equal(incident.deadline, null, 'the controller notifies Datatilsynet; we run no clock to it');
    assert.equal(incident.clock.state, 'not-started');
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    await settle(svc, socket, seen, 1);
    assert.deepEqual(seen.map((m) => m.kind), ['controller-notice-due']);
    const informed = await api(svc).post(`/api/incidents/${incident.id}/controller-informed`).set(analyst.auth)
      .send({ at: svc.clock.now().toISOString(), channel: 'email', note: 'Sent to their DPO' }).expect(200);
    assert.equal(informed.body.controller.informedAt, svc.clock.now().toISOString());
    const names = (await pendingJobs(svc, incident.id)).map((j) => j.name);
    assert.ok(!names.includes('clock.controller-notice'));
  });

  it('sends alerts of a restricted incident only to its people, managers and the DPO', async () => {
    const manager = await svc.user(['manager']);
    const oncallSocket = await svc.socket(oncall.token);
    const dpoSocket = await svc.socket(dpo.token);
    const oncallSeen = collect(oncallSocket);
    const dpoSeen = collect(dpoSocket);
    await api(svc).post('/api/incidents').set(manager.auth).send({ title: 'Insider', description: '', restricted: true, awareAt: svc.clock.now().toISOString() }).expect(201);
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    await settle(svc, dpoSocket, dpoSeen, 1);
    await settle(svc, oncallSocket, oncallSeen, 0);
  });
});

/** Waits for everything pushed so far to arrive, then checks the count: a duplicate would be counted too. */
async function settle(svc: TestService, socket: Socket, seen: AlertMessage[], count: number): Promise<void> {
  await flushSocket(svc, socket);
  assert.equal(seen.length, count, `alerts received: ${JSON.stringify(seen.map((m) => m.milestone))}`);
}
