import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import type { PushPayload } from '../../../server/domains/push/push.payload.js';
import type { AlertMessage } from '../../../server/realtime/events.js';
import { ManualClock } from '../../support/clock.js';
import { drainDueJobs } from '../../support/jobs.js';
import { pushesTo, startPushService, verifyVapid, type TestDevice, type TestPushService } from '../../support/push-service.js';
import { startSmtpServer } from '../../support/receivers.js';
import { api, flushSocket, startTestService, type TestService, type TestUser } from '../../support/service.js';

interface DeliveryView { channel: string; recipient: string; recipientName: string; status: string; attempts: number; lastError: string | null; level: number }

describe('web push: an alert channel to devices', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let pushService: TestPushService;
  let svc: TestService;
  let analyst: TestUser;
  let oncall: TestUser;
  let secondLine: TestUser;
  let manager: TestUser;
  let admin: TestUser;
  let phone: TestDevice;
  let laptop: TestDevice;

  const start = async (env: Record<string, string> = {}) => {
    smtp = await startSmtpServer();
    pushService = await startPushService();
    svc = await startTestService({ clock: new ManualClock('2026-01-05T08:00:00Z'), env: { SMTP_URL: smtp.url, ESCALATION_MINUTES: '15,30', ...env } });
    analyst = await svc.user(['analyst'], 'Anna');
    oncall = await svc.user(['oncall'], 'Ola');
    secondLine = await svc.user(['oncall'], 'Siri');
    manager = await svc.user(['manager'], 'Mona');
    admin = await svc.user(['admin']);
    await api(svc).post('/api/rotas').set(admin.auth)
      .send({ name: 'Primary', members: [oncall.id], secondLine: [secondLine.id], startsAt: '2026-01-05T07:00:00Z' }).expect(201);
    phone = pushService.device('phone');
    laptop = pushService.device('laptop');
    for (const device of [phone, laptop]) {
      const res = await api(svc).post('/api/push/subscriptions').set(oncall.auth).send({ endpoint: device.endpoint, keys: device.keys, deviceName: `Ola's ${device.name}` }).expect(201);
      assert.deepEqual(Object.keys(res.body).sort(), ['createdAt', 'deviceName', 'id']);
    }
  };
  afterEach(async () => {
    await svc?.close();
    await smtp?.close();
    await pushService?.close();
  });

  const fireH24 = async () => {
    const incident = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Leaked export', description: '', awareAt: svc.clock.now().toISOString() }).expect(201)).body as { id: string; ref: string };
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    const alerts = (await api(svc).get(`/api/incidents/${incident.id}/alerts`).set(analyst.auth).expect(200)).body as { id: string }[];
    return { incident, alert: alerts[0]! };
  };
  const deliveries = async (alertId: string) => (await api(svc).get(`/api/alerts/${alertId}/deliveries`).set(manager.auth).expect(200)).body as DeliveryView[];

  it('sends exactly one encrypted push per device, which decrypts to the reference, what is due, the time left and the deadline in Oslo time', async () => {
    await start();
    const { publicKey } = (await api(svc).get('/api/push/key').set(oncall.auth).expect(200)).body as { publicKey: string };
    const { incident, alert } = await fireH24();
    assert.equal(pushService.received.length, 2, 'one push per subscribed device');
    for (const device of [phone, laptop]) {
      const [push] = pushesTo(pushService, device);
      assert.ok(push, `a push reached ${device.name}`);
      assert.equal(push.headers['content-encoding'], 'aes128gcm');
      assert.equal(push.headers.urgency, 'high');
      assert.equal(push.headers.topic, alert.id, 'a repeated push of the same alert replaces the one still waiting');
      assert.equal(verifyVapid(push.headers.authorization, pushService.origin, Math.floor(Date.now() / 1000)), publicKey);
      assert.doesNotMatch(push.body.toString('latin1'), /Leaked export|BC-/, 'the body is encrypted');
      assert.ok(push.body.length <= 4096, `within what push services take (${push.body.length} bytes)`);
      const payload = device.read<PushPayload>(push.body);
      assert.equal(payload.alertId, alert.id);
      assert.equal(payload.ref, incident.ref);
      assert.equal(payload.title, `${incident.ref}: Leaked export`);
      assert.equal(payload.due, 'Melding til Datatilsynet – 24 timer har gått');
      assert.equal(payload.timeLeft, '48 t 00 min igjen');
      // Aware Monday 5 January 09:00 in Oslo (08:00 UTC): the deadline is Thursday 8 January at the same time.
      assert.equal(payload.deadline, 'Frist tor. 8. jan kl. 09:00 (08:00 UTC)');
      assert.equal(payload.body, [payload.due, payload.timeLeft, payload.deadline].join('\n'));
      assert.doesNotMatch(payload.body, /h24|milestone/, 'no internal keys');
      assert.equal(payload.url, `/#/incidents/${incident.id}`);
      assert.equal(payload.ackUrl, `/api/alerts/${alert.id}/push-ack`);
      assert.deepEqual(payload.actions, { ack: 'Kvitter', open: 'Åpne saken' });
    }
    const pushes = (await deliveries(alert.id)).filter((d) => d.channel === 'push');
    assert.deepEqual(pushes.map((d) => [d.status, d.attempts, d.recipientName]).sort(), [['sent', 1, "Ola's laptop"], ['sent', 1, "Ola's phone"]]);
    const devices = (await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body as { lastSuccessAt: string | null }[];
    assert.deepEqual(devices.map((d) => d.lastSuccessAt), [svc.clock.now().toISOString(), svc.clock.now().toISOString()]);
    // The on-call view: who was told on which channels, the step reached and when the next goes out.
    const [view] = (await api(svc).get('/api/alerts').set(oncall.auth).expect(200)).body as { told: { userId: string; name: string; channels: string[] }[]; escalationStep: number; nextEscalationAt: string; milestone: string }[];
    assert.deepEqual(view!.told, [{ userId: oncall.id, name: 'Ola', channels: ['email', 'push'] }]);
    assert.equal(view!.escalationStep, 0);
    assert.equal(view!.nextEscalationAt, new Date(svc.clock.now().getTime() + 15 * 60_000).toISOString());
  });

  it('words the push in the recipient’s language', async () => {
    await start();
    await api(svc).patch(`/api/users/${oncall.id}`).set(admin.auth).send({ locale: 'en' }).expect(200);
    await fireH24();
    const payload = phone.read<PushPayload>(pushesTo(pushService, phone)[0]!.body);
    assert.deepEqual([payload.due, payload.timeLeft, payload.deadline, payload.actions.ack], [
      'Notify Datatilsynet – 24 hours have passed', '48 h 00 min left', 'Deadline Thu 8 Jan, 09:00 Oslo time (08:00 UTC)', 'Acknowledge',
    ]);
  });

  it('acknowledges from the notification’s button once, however many taps arrive at the same time', async () => {
    await start();
    const { alert } = await fireH24();
    const payload = phone.read<PushPayload>(pushesTo(pushService, phone)[0]!.body);
    const forged = `${payload.ackToken.slice(0, -4)}AAAA`;
    await api(svc).post(payload.ackUrl).send({ token: forged }).expect(404);
    const other = laptop.read<PushPayload>(pushesTo(pushService, laptop)[0]!.body);
    assert.notEqual(other.ackToken, '', 'each device has its own copy');
    await api(svc).post('/api/alerts/0123456789abcdef01234567/push-ack').send({ token: payload.ackToken }).expect(404);

    const taps = await Promise.all(Array.from({ length: 6 }, () => api(svc).post(payload.ackUrl).send({ token: payload.ackToken })));
    assert.deepEqual(taps.map((t) => t.status), [200, 200, 200, 200, 200, 200]);
    assert.equal(new Set(taps.map((t) => t.body.acknowledgedAt)).size, 1, 'every tap reports the one acknowledgement');
    assert.deepEqual(taps[0]!.body.acknowledgedBy, { id: oncall.id, name: 'Ola' });
    const audit = await svc.connection.db!.collection('audit_log').countDocuments({ action: 'alert.acknowledged', 'target.id': alert.id });
    assert.equal(audit, 1, 'acknowledged once');
    const [view] = (await api(svc).get('/api/alerts').set(oncall.auth).expect(200)).body as { nextEscalationAt: string | null; acknowledgedAt: string }[];
    assert.equal(view!.nextEscalationAt, null);

    // Every device the alert reached hears once that it was acknowledged, in place of the alert.
    await drainDueJobs(svc);
    for (const device of [phone, laptop]) {
      const [, update, extra] = pushesTo(pushService, device);
      assert.equal(extra, undefined, `one update to ${device.name}`);
      assert.equal(update!.headers.topic, alert.id);
      const told = device.read<{ type: string; alertId: string; body: string }>(update!.body);
      assert.deepEqual([told.type, told.alertId, told.body], ['acknowledged', alert.id, 'Kvittert av Ola. Varselet eskaleres ikke videre.']);
    }

    svc.clock.advanceMs(60 * 60_000);
    await drainDueJobs(svc);
    assert.equal(smtp.mails.filter((m) => m.to.includes(secondLine.email) || m.to.includes(manager.email)).length, 0, 'no escalation after the acknowledgement');
    assert.equal(pushService.received.length, 4);
    svc.clock.advanceHours(12);
    await api(svc).post(payload.ackUrl).send({ token: payload.ackToken }).expect(404);
  });

  it('marks a subscription the push service says is gone (410): never tried again, worded, and the device asked to turn push on again', async () => {
    await start();
    pushService.answer(phone, 410);
    const { alert } = await fireH24();
    const toPhone = (await deliveries(alert.id)).find((d) => d.channel === 'push' && d.status === 'failed');
    assert.ok(toPhone, 'the delivery to the phone is recorded as failed');
    assert.equal(toPhone.attempts, 1);
    assert.equal(toPhone.lastError, 'Push på denne enheten er ikke lenger gyldig (varslingstjenesten kjenner den ikke). Slå varsling på igjen på enheten.');
    const devices = (await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body as { deviceName: string; gone: boolean }[];
    assert.deepEqual(devices.map((d) => [d.deviceName, d.gone]).sort(), [["Ola's laptop", false], ["Ola's phone", true]]);
    const reach = (await api(svc).get('/api/me/reachability').set(oncall.auth).expect(200)).body as { channels: { label: string }[] };
    assert.ok(!reach.channels.some((c) => c.label.includes("Ola's phone")), 'a gone device reaches nobody');
    svc.clock.advanceMs(10 * 60_000);
    await drainDueJobs(svc);
    assert.equal(pushesTo(pushService, phone).length, 1, 'never retried');
    assert.equal(pushesTo(pushService, laptop).length, 1);

    // Turned on again on the phone (the browser's new subscription): it is sent to again.
    pushService.answer(phone, 201);
    const again = await api(svc).post('/api/push/subscriptions').set(oncall.auth).send({ endpoint: phone.endpoint, keys: phone.keys, deviceName: "Ola's phone" }).expect(201);
    const after = (await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body as { id: string; gone: boolean }[];
    assert.equal(after.find((d) => d.id === again.body.id)?.gone, false);
  });

  it("replaces a device's gone record when push is turned on there again, and only the person's own", async () => {
    await start();
    pushService.answer(phone, 410);
    await fireH24();
    type Listed = { id: string; deviceName: string; gone: boolean; goneAt: string | null };
    const list = async (user: TestUser) => (await api(svc).get('/api/push/subscriptions').set(user.auth).expect(200)).body as Listed[];
    const gone = (await list(oncall)).find((d) => d.gone)!;
    assert.equal(gone.deviceName, "Ola's phone");
    assert.equal(gone.goneAt, svc.clock.now().toISOString());

    // Someone else naming it changes nothing: it is not theirs.
    const other = pushService.device('other');
    await api(svc).post('/api/push/subscriptions').set(secondLine.auth).send({ endpoint: other.endpoint, keys: other.keys, deviceName: 'Siri', replaces: gone.id }).expect(201);
    assert.ok((await list(oncall)).some((d) => d.id === gone.id), 'still listed for its owner');

    // The phone's browser subscribes afresh (a new endpoint) and names the record it replaces.
    const renewed = pushService.device('phone-renewed');
    const again = await api(svc).post('/api/push/subscriptions').set(oncall.auth)
      .send({ endpoint: renewed.endpoint, keys: renewed.keys, deviceName: "Ola's phone", replaces: gone.id }).expect(201);
    assert.deepEqual((await list(oncall)).map((d) => [d.id === again.body.id ? 'new' : d.deviceName, d.gone]).sort(), [["Ola's laptop", false], ['new', false]]);
  });

  it('removes a gone device 30 days after the push service said it was gone, and keeps the rest', async () => {
    await start();
    pushService.answer(laptop, 404);
    await api(svc).post('/api/me/test-alert').set(oncall.auth).expect(202);
    await drainDueJobs(svc);
    const names = async () => ((await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body as { deviceName: string; gone: boolean }[]).map((d) => [d.deviceName, d.gone]).sort();
    assert.deepEqual(await names(), [["Ola's laptop", true], ["Ola's phone", false]]);
    svc.clock.advanceMs(30 * 24 * 3_600_000 - 60_000);
    await drainDueJobs(svc);
    assert.deepEqual(await names(), [["Ola's laptop", true], ["Ola's phone", false]], 'listed for 30 days');
    svc.clock.advanceMs(2 * 60_000);
    await drainDueJobs(svc);
    assert.deepEqual(await names(), [["Ola's phone", false]]);
  });

  it('says how a test alert went on each channel, the gone device by name and in the reader’s language', async () => {
    await start();
    pushService.answer(phone, 404);
    const sent = await api(svc).post('/api/me/test-alert').set(oncall.auth).set('Accept-Language', 'en').expect(202);
    await drainDueJobs(svc);
    const result = (await api(svc).get(`/api/me/test-alert/${sent.body.alertId}`).set(oncall.auth).set('Accept-Language', 'en').expect(200)).body as {
      deliveries: { kind: string; label: string; status: string; lastError: string | null }[];
    };
    assert.deepEqual(result.deliveries.map((d) => [d.kind, d.label, d.status, d.lastError]).sort(), [
      ['email', `E-mail to ${oncall.email}`, 'sent', null],
      ['push', "Push notification to Ola's laptop", 'sent', null],
      ['push', "Push notification to Ola's phone", 'failed', "This device's push is no longer valid (the push service no longer knows it). Turn notifications on again on the device."],
    ]);
  });

  it('retries a failing push service with backoff and then records the delivery failed, while e-mail has gone out', async () => {
    await start({ DELIVERY_MAX_ATTEMPTS: '3' });
    pushService.answer(phone, 503);
    const { alert } = await fireH24();
    assert.equal(smtp.mails.filter((m) => m.to.includes(oncall.email)).length, 1, 'the e-mail went out at once');
    assert.equal(pushesTo(pushService, laptop).length, 1, 'the other device too');
    let phoneDelivery = (await deliveries(alert.id)).find((d) => d.channel === 'push' && d.status !== 'sent')!;
    assert.deepEqual([phoneDelivery.status, phoneDelivery.attempts], ['pending', 1]);
    svc.clock.advanceMs(2_000);
    await drainDueJobs(svc);
    svc.clock.advanceMs(4_000);
    await drainDueJobs(svc);
    assert.deepEqual(pushesTo(pushService, phone).map((p) => p.status), [503, 503, 503]);
    phoneDelivery = (await deliveries(alert.id)).find((d) => d.channel === 'push' && d.status !== 'sent')!;
    assert.deepEqual([phoneDelivery.status, phoneDelivery.attempts, phoneDelivery.lastError], ['failed', 3, 'Mottakeren svarte med feilkode 503']);
    const inEnglish = (await api(svc).get(`/api/alerts/${alert.id}/deliveries`).set(manager.auth).set('Accept-Language', 'en').expect(200)).body as DeliveryView[];
    assert.equal(inEnglish.find((d) => d.channel === 'push' && d.status !== 'sent')!.lastError, 'The receiver answered with error code 503');
    assert.equal((await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body.length, 2, 'a failing service does not remove the subscription');
  });

  it('escalation pushes to the second line’s devices too', async () => {
    await start();
    const siriPhone = pushService.device('siri');
    await api(svc).post('/api/push/subscriptions').set(secondLine.auth).send({ endpoint: siriPhone.endpoint, keys: siriPhone.keys, deviceName: 'Siri' }).expect(201);
    await fireH24();
    assert.equal(pushesTo(pushService, siriPhone).length, 0);
    svc.clock.advanceMs(15 * 60_000);
    await drainDueJobs(svc);
    const [push] = pushesTo(pushService, siriPhone);
    assert.equal(siriPhone.read<PushPayload>(push!.body).due, 'Melding til Datatilsynet – 24 timer har gått');
    const [view] = (await api(svc).get('/api/alerts').set(manager.auth).expect(200)).body as { escalationStep: number; nextEscalationAt: string; told: { name: string }[] }[];
    assert.equal(view!.escalationStep, 1);
    // Each step's delay counts from the alert: managers and the DPO 30 minutes after it fired, 15 from now.
    assert.equal(view!.nextEscalationAt, new Date(svc.clock.now().getTime() + 15 * 60_000).toISOString());
    assert.deepEqual(view!.told.map((t) => t.name).sort(), ['Ola', 'Siri']);
  });

  it('pushes a restricted incident only to devices of people who may see it', async () => {
    await start();
    const monaPhone = pushService.device('mona');
    await api(svc).post('/api/push/subscriptions').set(manager.auth).send({ endpoint: monaPhone.endpoint, keys: monaPhone.keys, deviceName: 'Mona' }).expect(201);
    await api(svc).post('/api/incidents').set(manager.auth).send({ title: 'Board minutes leaked', description: '', awareAt: svc.clock.now().toISOString(), restricted: true }).expect(201);
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    assert.equal(pushesTo(pushService, phone).length + pushesTo(pushService, laptop).length, 0, 'the on-call person may not see it');
    const [push] = pushesTo(pushService, monaPhone);
    assert.match(monaPhone.read<PushPayload>(push!.body).title, /: Board minutes leaked$/);
  });

  it('moves a subscription the browser renewed to its new endpoint, given the old one’s auth secret', async () => {
    await start();
    const renewed = pushService.device('phone-renewed');
    const body = { oldEndpoint: phone.endpoint, oldAuth: phone.keys.auth, endpoint: renewed.endpoint, keys: renewed.keys };
    await api(svc).post('/api/push/subscriptions/renew').send({ ...body, oldAuth: laptop.keys.auth }).expect(404);
    await api(svc).post('/api/push/subscriptions/renew').send({ ...body, oldEndpoint: `${pushService.url}/unknown` }).expect(404);
    const res = await api(svc).post('/api/push/subscriptions/renew').send(body).expect(200);
    assert.equal(res.body.deviceName, "Ola's phone", 'the same device record, moved');
    await api(svc).post('/api/push/subscriptions/renew').send(body).expect(404);
    await fireH24();
    assert.deepEqual([pushesTo(pushService, phone).length, pushesTo(pushService, renewed).length, pushesTo(pushService, laptop).length], [0, 1, 1]);
    assert.equal(renewed.read<PushPayload>(pushesTo(pushService, renewed)[0]!.body).due, 'Melding til Datatilsynet – 24 timer har gått');
  });

  it('validates subscriptions: the field named, loopback and private push services refused unless allowed, only your own removed', async () => {
    await start();
    const device = pushService.device('tablet');
    const bad = await api(svc).post('/api/push/subscriptions').set(oncall.auth).send({ endpoint: device.endpoint, keys: { p256dh: 'abc', auth: device.keys.auth }, deviceName: ' ' }).expect(400);
    assert.deepEqual(bad.body.error.details.map((d: { path: string }) => d.path).sort(), ['deviceName', 'keys.p256dh']);
    const internal = await api(svc).post('/api/push/subscriptions').set(oncall.auth).send({ endpoint: 'http://10.1.2.3/push/x', keys: device.keys, deviceName: 'Tablet' }).expect(400);
    assert.equal(internal.body.error.details[0].path, 'endpoint');
    await api(svc).post('/api/push/subscriptions').send({ endpoint: device.endpoint, keys: device.keys, deviceName: 'Tablet' }).expect(401);
    assert.equal((await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body.length, 2, 'nothing stored for refused requests');

    const [mine] = (await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body as { id: string }[];
    await api(svc).delete(`/api/push/subscriptions/${mine!.id}`).set(secondLine.auth).expect(404);
    await api(svc).delete(`/api/push/subscriptions/${mine!.id}`).set(oncall.auth).expect(204);
    assert.equal((await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body.length, 1);

    // The same browser subscribed by someone else signing in on it: the endpoint now reaches them, not Ola.
    await api(svc).post('/api/push/subscriptions').set(secondLine.auth).send({ endpoint: laptop.endpoint, keys: laptop.keys, deviceName: 'Shared laptop' }).expect(201);
    assert.equal((await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body.length, 0);
    assert.equal((await api(svc).get('/api/push/subscriptions').set(secondLine.auth).expect(200)).body.length, 1);

    const openapi = (await api(svc).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, { content?: unknown }> }>> };
    const subscribe = Object.entries(openapi.paths).find(([path]) => path.endsWith('/push/subscriptions'))?.[1].post;
    assert.ok(subscribe?.requestBody && subscribe.responses['201']?.content, 'the OpenAPI document describes subscribing');
  });

  it('shows each person the channels that reach them, and managers whether the person on call now can be reached with no tab open', async () => {
    await start();
    const mine = (await api(svc).get('/api/me/reachability').set(oncall.auth).expect(200)).body as { channels: { kind: string; label: string; reachesClosedTab: boolean }[] };
    assert.deepEqual(mine.channels.map((c) => [c.kind, c.label, c.reachesClosedTab]), [
      ['push', "Push-varsel til Ola's phone", true], ['push', "Push-varsel til Ola's laptop", true],
      ['email', `E-post til ${oncall.email}`, true], ['dashboard', 'Dashbordet, bare mens det er åpent', false],
    ]);
    const english = (await api(svc).get('/api/me/reachability').set(oncall.auth).set('Accept-Language', 'en').expect(200)).body as typeof mine;
    assert.equal(english.channels.at(-1)!.label, 'The dashboard, only while it is open', 'in the language the dashboard shows');
    await api(svc).patch(`/api/users/${analyst.id}`).set(admin.auth).send({ alertChannels: { email: false, webhookUrl: null } }).expect(200);
    const analystChannels = (await api(svc).get('/api/me/reachability').set(analyst.auth).expect(200)).body.channels as { kind: string }[];
    assert.deepEqual(analystChannels.map((c) => c.kind), ['dashboard']);

    await api(svc).post('/api/rotas').set(admin.auth).send({ name: 'Weekend', members: [analyst.id], startsAt: '2026-01-05T07:00:00Z' }).expect(201);
    const rotas = (await api(svc).get('/api/oncall/reachability').set(manager.auth).expect(200)).body as { rotaName: string; onCallNow: { id: string; name: string } | null; reachesClosedTab: boolean; channels: unknown[] }[];
    assert.deepEqual(rotas.map((r) => [r.rotaName, r.onCallNow?.name, r.reachesClosedTab]), [['Primary', 'Ola', true], ['Weekend', 'Anna', false]]);
    await api(svc).get('/api/oncall/reachability').set(oncall.auth).expect(403);
    await api(svc).get('/api/oncall/reachability').set(admin.auth).expect(200);
  });

  it('sends a test alert to your own channels only, recorded, never escalated, at most one a minute', async () => {
    await start();
    const first = await api(svc).post('/api/me/test-alert').set(oncall.auth).expect(202);
    await drainDueJobs(svc);
    assert.equal(pushService.received.length, 2);
    const payload = phone.read<PushPayload>(pushesTo(pushService, phone)[0]!.body);
    assert.deepEqual([payload.test, payload.title, payload.due, payload.url], [true, 'TEST: Testvarsel fra Breach Clock', 'Testvarsel: varslene når fram til denne enheten', '/#/oncall']);
    assert.equal(smtp.mails.filter((m) => m.to.includes(oncall.email)).length, 1);
    assert.equal(smtp.mails.length, 1, 'nobody else');
    const tooSoon = await api(svc).post('/api/me/test-alert').set(oncall.auth).expect(429);
    assert.equal(tooSoon.body.error.message, 'Du sendte et testvarsel for under ett minutt siden; prøv igjen straks');
    // How long to wait: until the minute in which the first was sent has turned, by the injected clock.
    const left = Math.ceil((60_000 - (svc.clock.now().getTime() % 60_000)) / 1000);
    assert.equal(tooSoon.headers['retry-after'], String(left));
    const acked = await api(svc).post(payload.ackUrl).send({ token: payload.ackToken }).expect(200);
    assert.equal(acked.body.acknowledgedBy.id, oncall.id, 'the button works on a test alert too');
    assert.equal(((await api(svc).get('/api/alerts').set(oncall.auth).expect(200)).body as unknown[]).length, 0, 'test alerts stay out of the on-call list');
    svc.clock.advanceMs(61_000);
    await api(svc).post('/api/me/test-alert').set(oncall.auth).expect(202);
    svc.clock.advanceMs(60 * 60_000);
    await drainDueJobs(svc);
    assert.equal(smtp.mails.filter((m) => !m.to.includes(oncall.email)).length, 0, 'never escalated');
    assert.equal(pushService.received.length, 6, 'two test alerts and the acknowledgement of the first, to two devices');
    const result = (await api(svc).get(`/api/me/test-alert/${first.body.alertId}`).set(oncall.auth).expect(200)).body as { acknowledgedAt: string | null; deliveries: { kind: string; label: string; status: string }[] };
    assert.deepEqual(result.deliveries.map((d) => [d.kind, d.label, d.status]).sort(), [
      ['email', `E-post til ${oncall.email}`, 'sent'], ['push', "Push-varsel til Ola's laptop", 'sent'], ['push', "Push-varsel til Ola's phone", 'sent'],
    ]);
    assert.ok(result.acknowledgedAt);
    await api(svc).get(`/api/me/test-alert/${first.body.alertId}`).set(secondLine.auth).expect(404);
  });

  it("delivers a test alert to the person's own open dashboards over socket.io, and no one else's, and says whether it reached one", async () => {
    await start();
    const none = await api(svc).post('/api/me/test-alert').set(oncall.auth).expect(202);
    assert.equal((await api(svc).get(`/api/me/test-alert/${none.body.alertId}`).set(oncall.auth).expect(200)).body.dashboard, 'none-open', 'no dashboard was connected');

    svc.clock.advanceMs(61_000);
    const own = [await svc.socket(oncall.token), await svc.socket(oncall.token)];
    const other = await svc.socket(secondLine.token);
    const seen = new Map<Socket, AlertMessage[]>([...own, other].map((s) => [s, []]));
    for (const [socket, list] of seen) socket.on('alert:fired', (m: AlertMessage) => list.push(m));
    const sent = await api(svc).post('/api/me/test-alert').set(oncall.auth).expect(202);
    for (const socket of seen.keys()) await flushSocket(svc, socket);
    for (const socket of own) {
      assert.deepEqual(seen.get(socket)!.map((m) => [m.alertId, m.kind, m.title, m.incidentRef]), [[sent.body.alertId, 'test', 'Testvarsel fra Breach Clock', 'TEST']], 'each open dashboard of the person');
    }
    assert.deepEqual(seen.get(other), [], 'another on-call person hears nothing of it');
    const result = (await api(svc).get(`/api/me/test-alert/${sent.body.alertId}`).set(oncall.auth).expect(200)).body;
    assert.equal(result.dashboard, 'sent');
  });
});

describe('web push in production', () => {
  it('takes only https push services', async () => {
    const svc = await startTestService({ env: { NODE_ENV: 'production', WEBHOOK_SECRET: 'production-webhook-secret-0123456789abcdef' } });
    try {
      const user = await svc.user(['oncall']);
      const pushService = await startPushService();
      const device = pushService.device('phone');
      await pushService.close();
      const res = await api(svc).post('/api/push/subscriptions').set(user.auth).send({ endpoint: device.endpoint, keys: device.keys, deviceName: 'Phone' }).expect(400);
      assert.deepEqual(res.body.error.details, [{ path: 'endpoint', label: 'Adressen til varslingstjenesten', message: 'Må være en https-adresse' }]);
      const english = await api(svc).post('/api/push/subscriptions').set(user.auth).set('Accept-Language', 'en').send({ endpoint: device.endpoint, keys: device.keys, deviceName: 'Phone' }).expect(400);
      assert.deepEqual([english.body.error.message, english.body.error.details[0].message], ['Push cannot be turned on for this device', 'Must be an https address']);
      assert.equal((await api(svc).get('/api/push/subscriptions').set(user.auth).expect(200)).body.length, 0);
    } finally {
      await svc.close();
    }
  });
});
