import assert from 'node:assert/strict';
import { buildIncident, testService } from '../../support/factories.js';
import type { Socket } from 'socket.io-client';
import type { AlertMessage } from '../../../server/realtime/events.js';
import { ManualClock } from '../../support/clock.js';
import { drainDueJobs } from '../../support/jobs.js';
import { startWebhookReceiver } from '../../support/receivers.js';
import { api, flushSocket } from '../../support/service.js';

const SECRET_TITLE = 'Styreleders helsejournal lekket';

/** Collects every alert:fired a socket receives. */
function firedOn(socket: Socket): AlertMessage[] {
  const seen: AlertMessage[] = [];
  socket.on('alert:fired', (m: AlertMessage) => seen.push(m));
  return seen;
}

const replay = (socket: Socket, since: string) =>
  new Promise<{ ok: boolean; alerts?: AlertMessage[] }>((resolve) => socket.emit('alerts:replay', { since }, resolve));

const watch = (socket: Socket, incidentId: string) =>
  new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit('incident:watch', { incidentId }, resolve));

describe('security: need-to-know is decided from the current state', () => {
  const { svc, signedInAs } = testService(() => ({ clock: new ManualClock('2026-02-02T08:00:00Z') }), { perTest: true });
  const analyst = signedInAs('analyst');
  const assignee = signedInAs('analyst');
  const oncall = signedInAs('oncall');
  const manager = signedInAs('manager');
  const dpo = signedInAs('dpo');
  const admin = signedInAs('admin');

  const open = (body: Record<string, unknown> = {}) => buildIncident(svc, manager, { title: SECRET_TITLE, ...body });
  const restrict = async (id: string) => {
    const current = (await api(svc).get(`/api/incidents/${id}`).set(manager.auth).expect(200)).body;
    await api(svc).patch(`/api/incidents/${id}`).set(manager.auth).send({ version: current.version, restricted: true, assignees: [assignee.id] }).expect(200);
  };
  const nextMilestone = async () => {
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
  };

  it('leaves what a restricted incident recorded out of the audit log for those who may not see it', async () => {
    const incident = await open({ restricted: true, consequences: 'Kan gi utpressing', measuresTaken: 'Tilgang sperret' });
    await api(svc).post(`/api/incidents/${incident.id}/submissions`).set(manager.auth)
      .send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-SECRET-1', phase: 'complete', noticeText: 'x' }).expect(201);
    const asAdmin = await api(svc).get(`/api/audit?targetId=${incident.id}`).set(admin.auth).expect(200);
    assert.ok(asAdmin.body.entries.length >= 2, 'the entries are listed');
    const text = JSON.stringify(asAdmin.body);
    for (const secret of [SECRET_TITLE, 'utpressing', 'Tilgang sperret', 'AR-SECRET-1']) assert.ok(!text.includes(secret), `the admin does not read "${secret}"`);
    assert.ok(asAdmin.body.entries.every((e: { concealed: boolean; changes: unknown[] }) => e.concealed && e.changes.length === 0));
    const asDpo = await api(svc).get(`/api/audit?targetId=${incident.id}`).set(dpo.auth).expect(200);
    assert.ok(JSON.stringify(asDpo.body).includes(SECRET_TITLE), 'the DPO, who may see it, reads it');
  });

  it('stops listing and replaying earlier alerts of an incident once it is restricted', async () => {
    const since = svc.clock.now().toISOString();
    const incident = await open();
    await nextMilestone();
    const before = (await api(svc).get('/api/alerts').set(analyst.auth).expect(200)).body;
    assert.deepEqual(before.map((a: { incidentId: string }) => a.incidentId), [incident.id], 'listed while the incident is open to all');
    await restrict(incident.id);

    assert.deepEqual((await api(svc).get('/api/alerts').set(analyst.auth).expect(200)).body, []);
    const socket = await svc.socket(analyst.token);
    assert.deepEqual((await replay(socket, since)).alerts, []);
    assert.equal((await api(svc).get('/api/alerts').set(assignee.auth).expect(200)).body.length, 1, 'the assignee still sees it');
    assert.equal((await replay(await svc.socket(assignee.token), since)).alerts!.length, 1);
  });

  it('does not push an alert to a socket that watched the incident before it was restricted', async () => {
    const incident = await open();
    const watcher = await svc.socket(analyst.token);
    assert.deepEqual(await watch(watcher, incident.id), { ok: true });
    const seenByWatcher = firedOn(watcher);
    const senior = await svc.socket(manager.token);
    const seenBySenior = firedOn(senior);
    await restrict(incident.id);

    await nextMilestone();
    await flushSocket(svc, senior);
    await flushSocket(svc, watcher);
    assert.deepEqual(seenBySenior.map((m) => m.title), [SECRET_TITLE], 'the alert was pushed');
    assert.deepEqual(seenByWatcher, [], 'but not to the earlier watcher');
    // The clock moved a day, past the first socket's token: a new socket asks again.
    assert.deepEqual(await watch(await svc.socket(analyst.token), incident.id), { ok: false, error: 'not_found' });
  });

  it('stops pushing restricted alerts to a manager demoted while their socket is open', async () => {
    const incident = await open({ restricted: true });
    const demoted = await svc.user(['manager']);
    const socket = await svc.socket(demoted.token);
    const seenByDemoted = firedOn(socket);
    const senior = await svc.socket(manager.token);
    const seenBySenior = firedOn(senior);
    await api(svc).patch(`/api/users/${demoted.id}`).set(admin.auth).send({ roles: ['analyst'] }).expect(200);
    await nextMilestone();
    await flushSocket(svc, senior);
    await flushSocket(svc, socket);
    assert.deepEqual(seenBySenior.map((m) => m.incidentId), [incident.id]);
    assert.deepEqual(seenByDemoted, []);
    assert.deepEqual((await replay(await svc.socket(demoted.token), '2026-01-01T00:00:00Z')).alerts, [], 'nor replays them');
  });

  it('escalates an alert of an incident restricted after it fired only to those who may see it', async () => {
    const secondLine = await svc.user(['oncall']);
    await api(svc).post('/api/rotas').set(admin.auth).send({ name: 'Primary', members: [oncall.id], secondLine: [secondLine.id], startsAt: '2026-02-02T07:00:00Z' }).expect(201);
    const incident = await open();
    await nextMilestone();
    await restrict(incident.id);
    const socket = await svc.socket(secondLine.token);
    const seenBySecondLine = firedOn(socket);
    const senior = await svc.socket(manager.token);
    const seenBySenior = firedOn(senior);
    svc.clock.advanceMs(16 * 60_000);
    await drainDueJobs(svc);
    await flushSocket(svc, senior);
    await flushSocket(svc, socket);
    assert.deepEqual(seenBySenior.map((m) => [m.incidentId, m.escalationLevel]), [[incident.id, 1]], 'the escalation went out');
    assert.deepEqual(seenBySecondLine, [], 'but not to the second line, who may no longer see the incident');
  });

  it('withholds a queued webhook delivery once its incident is restricted', async () => {
    const receiver = await startWebhookReceiver(1);
    try {
      await api(svc).post('/api/rotas').set(admin.auth).send({ name: 'Primary', members: [oncall.id], startsAt: '2026-02-02T07:00:00Z', webhookUrl: receiver.url }).expect(201);
      const incident = await open();
      await nextMilestone();
      assert.equal(receiver.received.length, 1, 'the first attempt failed and a retry is queued');
      await restrict(incident.id);
      svc.clock.advanceMs(60_000);
      await drainDueJobs(svc);
      assert.equal(receiver.received.length, 1, 'the retry did not send the restricted incident to the rota webhook');
      const [alert] = (await api(svc).get(`/api/incidents/${incident.id}/alerts`).set(manager.auth).expect(200)).body;
      const deliveries = (await api(svc).get(`/api/alerts/${alert.id}/deliveries`).set(manager.auth).expect(200)).body as { channel: string; status: string; lastError: string }[];
      assert.deepEqual(deliveries.filter((d) => d.channel === 'webhook').map((d) => [d.status, d.lastError]), [['failed', 'Holdt tilbake: saken har begrenset tilgang']]);
    } finally {
      await receiver.close();
    }
  });

  it('lets only a manager or the DPO widen who may see a restricted incident', async () => {
    const incident = await open({ restricted: true, assignees: [assignee.id] });
    const read = async () => (await api(svc).get(`/api/incidents/${incident.id}`).set(assignee.auth).expect(200)).body;
    const add = await api(svc).patch(`/api/incidents/${incident.id}`).set(assignee.auth).send({ version: (await read()).version, assignees: [assignee.id, analyst.id] }).expect(403);
    assert.deepEqual(add.body.error.details.map((d: { path: string }) => d.path), ['assignees']);
    const owner = await api(svc).patch(`/api/incidents/${incident.id}`).set(assignee.auth).send({ version: (await read()).version, ownerId: analyst.id }).expect(403);
    assert.deepEqual(owner.body.error.details.map((d: { path: string }) => d.path), ['ownerId']);
    await api(svc).get(`/api/incidents/${incident.id}`).set(analyst.auth).expect(404);
    await api(svc).patch(`/api/incidents/${incident.id}`).set(assignee.auth).send({ version: (await read()).version, description: 'Still works on facts' }).expect(200);
    await api(svc).patch(`/api/incidents/${incident.id}`).set(manager.auth).send({ version: (await read()).version, assignees: [assignee.id, analyst.id] }).expect(200);
    await api(svc).get(`/api/incidents/${incident.id}`).set(analyst.auth).expect(200);
  });

  it('answers an id the caller may not see exactly as an unknown one: notices, deliveries, acknowledgement', async () => {
    const incident = await open({
      restricted: true, breachTypes: ['confidentiality'], dataCategories: ['identity'], consequences: 'Alvorlig', measuresTaken: 'Sperret',
      subjects: { groups: ['styret'], count: { kind: 'exact', value: 1 } }, records: { kind: 'exact', value: 1 }, description: 'Journal sendt feil', outwardDescription: 'En journal ble sendt til feil mottaker.',
    });
    const notice = (await api(svc).post(`/api/incidents/${incident.id}/notices`).set(manager.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    await nextMilestone();
    const [alert] = (await api(svc).get(`/api/incidents/${incident.id}/alerts`).set(manager.auth).expect(200)).body;
    const unknown = '0123456789abcdef01234567';
    const pairs: [string, string, 'get' | 'post'][] = [
      [`/api/notices/${notice.id}`, `/api/notices/${unknown}`, 'get'],
      [`/api/notices/${notice.id}/pdf`, `/api/notices/${unknown}/pdf`, 'get'],
      [`/api/alerts/${alert.id}/deliveries`, `/api/alerts/${unknown}/deliveries`, 'get'],
      [`/api/alerts/${alert.id}/ack`, `/api/alerts/${unknown}/ack`, 'post'],
    ];
    for (const [hidden, missing, method] of pairs) {
      const a = await api(svc)[method](hidden).set(oncall.auth);
      const b = await api(svc)[method](missing).set(oncall.auth);
      assert.equal(a.status, 404, hidden);
      assert.deepEqual([a.status, a.body.error], [b.status, b.body.error], `${hidden} answers as ${missing}`);
    }
  });
});
