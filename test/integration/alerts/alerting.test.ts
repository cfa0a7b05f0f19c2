import assert from 'node:assert/strict';
import { webhookSignature } from '../../../server/domains/alerts/senders.js';
import type { AlertMessage } from '../../../server/realtime/events.js';
import { ManualClock } from '../../support/clock.js';
import { drainDueJobs } from '../../support/jobs.js';
import { startSmtpServer, startWebhookReceiver } from '../../support/receivers.js';
import { api, flushSocket, nextEvent, startTestService, type TestService, type TestUser } from '../../support/service.js';

const WEBHOOK_SECRET = 'webhook-secret-webhook-secret-webhook-secret';

describe('alerting: channels, deliveries, escalation, acknowledgement', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let svc: TestService;
  let analyst: TestUser;
  let oncall: TestUser;
  let secondLine: TestUser;
  let manager: TestUser;
  let admin: TestUser;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    hook = await startWebhookReceiver(2);
    svc = await startTestService({
      clock: new ManualClock('2026-01-05T08:00:00Z'),
      env: { SMTP_URL: smtp.url, WEBHOOK_SECRET, PUBLIC_URL: 'https://breachclock.example.no', ESCALATION_MINUTES: '15,30' },
    });
    analyst = await svc.user(['analyst']);
    oncall = await svc.user(['oncall'], 'Ola');
    secondLine = await svc.user(['oncall'], 'Siri');
    manager = await svc.user(['manager'], 'Mona');
    admin = await svc.user(['admin']);
    await api(svc).patch(`/api/users/${oncall.id}`).set(admin.auth).send({ alertChannels: { email: true, webhookUrl: hook.url } }).expect(200);
    await api(svc).post('/api/rotas').set(admin.auth)
      .send({ name: 'Primary', members: [oncall.id], secondLine: [secondLine.id], startsAt: '2026-01-05T07:00:00Z' }).expect(201);
  });
  afterEach(async () => {
    await svc.close();
    await smtp.close();
    await hook.close();
  });

  it('names who is on call now, and lists active users by name for choosing rota members', async () => {
    const now = (await api(svc).get('/api/oncall/now').set(oncall.auth).expect(200)).body;
    assert.deepEqual(now.map((r: { rota: { name: string }; onCall: string; onCallName: string }) => [r.rota.name, r.onCall, r.onCallName]), [['Primary', oncall.id, 'Ola']]);
    const directory = (await api(svc).get('/api/users/directory').set(analyst.auth).expect(200)).body as { id: string; name: string; roles: string[] }[];
    assert.deepEqual(directory.find((u) => u.id === secondLine.id), { id: secondLine.id, name: 'Siri', roles: ['oncall'] });
    assert.ok(directory.every((u) => Object.keys(u).sort().join() === 'id,name,roles'), 'no e-mail or channel leaves through the directory');
    await api(svc).get('/api/users/directory').expect(401);
  });

  const fireH24 = async () => {
    const incident = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Leaked export', description: '', awareAt: svc.clock.now().toISOString() }).expect(201)).body;
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    const alerts = (await api(svc).get(`/api/incidents/${incident.id}/alerts`).set(analyst.auth).expect(200)).body;
    return { incident, alert: alerts[0] as { id: string } };
  };

  it('e-mails the person on call and posts a signed webhook, retrying a failing receiver with backoff', async () => {
    const { alert } = await fireH24();
    const mailsToOncall = smtp.mails.filter((m) => m.to.includes(oncall.email));
    assert.equal(mailsToOncall.length, 1);
    assert.match(mailsToOncall[0]!.raw, /X-BreachClock-Alert-Id: [0-9a-f]{24}/i);
    assert.match(mailsToOncall[0]!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='), /https:\/\/breachclock\.example\.no\/api\/alerts\/[0-9a-f]{24}\/ack-link\?token=/);
    assert.equal(hook.received.length, 1, 'first attempt');
    assert.equal(hook.received[0]!.status, 500);

    svc.clock.advanceMs(2_000);
    const retried = (await drainDueJobs(svc)).filter((j) => j.name === 'alerts.deliver');
    assert.deepEqual(retried.map((j) => j.outcome.status), ['failed'], 'a refused attempt is reported as failed, not skipped');
    svc.clock.advanceMs(4_000);
    await drainDueJobs(svc);
    assert.deepEqual(hook.received.map((r) => r.status), [500, 500, 200]);
    const last = hook.received[2]!;
    assert.equal(last.headers['x-breachclock-alert-id'], alert.id, 'the receiver can deduplicate by alert id');
    assert.equal(last.headers['x-breachclock-signature'], webhookSignature(WEBHOOK_SECRET, String(last.headers['x-breachclock-timestamp']), last.body));
    const payload = JSON.parse(last.body);
    assert.match(payload.text, /24 hours since awareness|24 timer siden/);
    assert.equal(payload.alertId, alert.id);

    const deliveries = (await api(svc).get(`/api/alerts/${alert.id}/deliveries`).set(analyst.auth).expect(200)).body;
    const webhook = deliveries.find((d: { channel: string }) => d.channel === 'webhook');
    assert.deepEqual([webhook.status, webhook.attempts, webhook.lastError], ['sent', 3, null]);
    assert.ok(deliveries.some((d: { channel: string; status: string }) => d.channel === 'email' && d.status === 'sent'));
  });

  it('sends a delivery that a dispatch recorded but died before queueing, when the dispatch is run again', async () => {
    const { alert } = await fireH24();
    const mails = () => smtp.mails.filter((m) => m.to.includes(oncall.email)).length;
    assert.equal(mails(), 1);
    // As a dispatch that crashed between recording its deliveries and queueing them leaves one.
    const Deliveries = svc.connection.db!.collection('deliveries');
    await Deliveries.updateOne({ alertId: alert.id, channel: 'email' }, { $set: { status: 'pending', attempts: 0, sentAt: null } });
    const again = await svc.container.scheduler.run('alerts.dispatch', { alertIds: [alert.id], level: 0 });
    assert.equal(again.status, 'done');
    const ran = await drainDueJobs(svc);
    assert.ok(ran.some((j) => j.name === 'alerts.deliver' && j.outcome.status === 'done'), JSON.stringify(ran.map((j) => j.name)));
    assert.equal(mails(), 2, 'sent again rather than lost');
    assert.equal((await Deliveries.findOne({ alertId: alert.id, channel: 'email' }))?.status, 'sent');
  });

  it('escalates an unacknowledged alert to the second line after 15 minutes and to managers after 30', async () => {
    const { alert } = await fireH24();
    const to = (u: TestUser) => smtp.mails.filter((m) => m.to.includes(u.email)).length;
    assert.deepEqual([to(oncall), to(secondLine), to(manager)], [1, 0, 0]);
    svc.clock.advanceMs(15 * 60_000);
    await drainDueJobs(svc);
    assert.deepEqual([to(oncall), to(secondLine), to(manager)], [1, 1, 0]);
    svc.clock.advanceMs(15 * 60_000);
    await drainDueJobs(svc);
    assert.deepEqual([to(oncall), to(secondLine), to(manager)], [1, 1, 1]);
    const deliveries = (await api(svc).get(`/api/alerts/${alert.id}/deliveries`).set(manager.auth).expect(200)).body;
    assert.deepEqual(deliveries.filter((d: { channel: string }) => d.channel === 'email').map((d: { level: number }) => d.level), [0, 1, 2]);
  });

  it('never escalates an acknowledged alert; the signed e-mail link asks before it acknowledges', async () => {
    const { alert } = await fireH24();
    const mail = smtp.mails.find((m) => m.to.includes(oncall.email))!;
    const token = /ack-link\?token=([A-Za-z0-9_.=-]+)/.exec(mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]!;
    const pageRes = await api(svc).get(`/api/alerts/${alert.id}/ack-link`).query({ token }).expect(200);
    assert.match(pageRes.text, /<form method="post">/);
    let state = (await api(svc).get(`/api/incidents/${(await api(svc).get('/api/alerts').set(analyst.auth)).body[0].incidentId}/alerts`).set(analyst.auth)).body[0];
    assert.equal(state.acknowledgedAt, null, 'opening the link does not acknowledge');
    await api(svc).post(`/api/alerts/${alert.id}/ack-link`).type('form').send({ token: 'x'.repeat(40) }).expect(404);
    await api(svc).post(`/api/alerts/${alert.id}/ack-link`).type('form').send({ token }).expect(200);
    state = (await api(svc).get('/api/alerts').set(analyst.auth)).body[0];
    assert.equal(state.acknowledgedBy.id, oncall.id);

    svc.clock.advanceMs(60 * 60_000);
    await drainDueJobs(svc);
    assert.equal(smtp.mails.filter((m) => m.to.includes(secondLine.email) || m.to.includes(manager.email)).length, 0);
  });

  it('replays missed alerts to a dashboard that reconnects, saying who was told on which channel', async () => {
    const since = svc.clock.now().toISOString();
    const before = await svc.socket(oncall.token);
    const fired = nextEvent<AlertMessage>(before, 'alert:fired');
    await fireH24();
    // When it first fires nobody beyond the dashboards has been told yet: the message does not claim "nobody".
    assert.equal('told' in (await fired), false);
    const socket = await svc.socket(oncall.token);
    assert.equal(socket.connected, true);
    const reply = await new Promise<{ ok: boolean; alerts?: AlertMessage[] }>((resolve) => socket.emit('alerts:replay', { since }, resolve));
    assert.equal(reply.ok, true);
    assert.deepEqual(reply.alerts!.map((a) => a.milestone), ['h24']);
    // The webhook has not gone through yet (its receiver refuses twice); the e-mail has.
    assert.deepEqual(reply.alerts![0]!.told, [{ userId: oncall.id, name: 'Ola', channels: ['email'] }]);
    const none = await new Promise<{ ok: boolean; alerts?: AlertMessage[] }>((resolve) => socket.emit('alerts:replay', { since: svc.clock.now().toISOString() }, resolve));
    assert.deepEqual(none.alerts, []);
  });
});

describe("alerting: the dead-man's switch", () => {
  it('tells every dashboard and /readyz when the scheduler stops firing, and when it is back', async () => {
    const svc = await startTestService({ clock: new ManualClock('2026-01-05T08:00:00Z'), env: { HEARTBEAT_SECONDS: '30', STALL_AFTER_SECONDS: '90' } });
    try {
      const user = await svc.user(['oncall']);
      const socket = await svc.socket(user.token);
      const events: string[] = [];
      socket.on('scheduler:stalled', () => events.push('stalled'));
      socket.on('scheduler:recovered', () => events.push('recovered'));
      await svc.container.watchdog.beat();
      assert.equal(await svc.container.watchdog.check(), false);
      svc.clock.advanceMs(91_000);
      assert.equal(await svc.container.watchdog.check(), true);
      await flushSocket(svc, socket);
      assert.deepEqual(events, ['stalled']);
      const ready = await api(svc).get('/readyz').expect(503);
      assert.equal(ready.body.checks.schedulerHeartbeat, false);
      await svc.container.watchdog.beat();
      assert.equal(await svc.container.watchdog.check(), false);
      await flushSocket(svc, socket);
      assert.deepEqual(events, ['stalled', 'recovered']);
      await api(svc).get('/readyz').expect(200);
    } finally {
      await svc.close();
    }
  });
});
