import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { rotaModel } from '../../../server/domains/oncall/rota.model.js';
import { isInternalAddress } from '../../../server/lib/egress.js';
import { ManualClock } from '../../support/clock.js';
import { drainDueJobs } from '../../support/jobs.js';
import { startWebhookReceiver } from '../../support/receivers.js';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';

const INTERNAL_URLS = [
  'http://127.0.0.1:9/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]:8080/',
  'http://0x7f000001/',
  'http://2130706433/',
  'http://0177.0.0.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://localhost:3000/',
  'http://10.1.2.3/',
  'http://192.168.0.1/',
  'http://[fd00::1]/',
  'http://[fe80::1]/',
];

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('security: webhooks cannot reach internal addresses', () => {
  let svc: TestService;
  let admin: TestUser;
  let manager: TestUser;
  let oncall: TestUser;
  let analyst: TestUser;

  beforeEach(async () => {
    // No operator allow-list: loopback is refused like any internal address.
    svc = await startTestService({ clock: new ManualClock('2026-03-02T08:00:00Z'), env: { WEBHOOK_ALLOWED_HOSTS: '' } });
    admin = await svc.user(['admin']);
    manager = await svc.user(['manager']);
    oncall = await svc.user(['oncall']);
    analyst = await svc.user(['analyst']);
  });
  afterEach(() => svc.close());

  const fireAlert = async () => {
    const incident = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Webhook test', description: '', awareAt: svc.clock.now().toISOString() }).expect(201)).body;
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    const [alert] = (await api(svc).get(`/api/incidents/${incident.id}/alerts`).set(analyst.auth).expect(200)).body;
    return (await api(svc).get(`/api/alerts/${alert.id}/deliveries`).set(manager.auth).expect(200)).body as { channel: string; recipient: string; lastError: string | null; status: string }[];
  };

  it('refuses a rota webhook on loopback, link-local or private addresses, however the address is written', async () => {
    for (const webhookUrl of INTERNAL_URLS) {
      const res = await api(svc).post('/api/rotas').set(manager.auth).send({ name: 'Primary', members: [oncall.id], startsAt: '2026-03-02T07:00:00Z', webhookUrl });
      assert.equal(res.status, 400, webhookUrl);
      assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['webhookUrl'], webhookUrl);
    }
    const rota = (await api(svc).post('/api/rotas').set(manager.auth).send({ name: 'Primary', members: [oncall.id], startsAt: '2026-03-02T07:00:00Z' }).expect(201)).body;
    const patched = await api(svc).patch(`/api/rotas/${rota.id}`).set(manager.auth).send({ webhookUrl: 'http://0x7f000001:8080/' }).expect(400);
    assert.deepEqual(patched.body.error.details.map((d: { path: string }) => d.path), ['webhookUrl']);
    assert.deepEqual((await api(svc).get('/api/rotas').set(manager.auth).expect(200)).body.map((r: { webhookUrl: string | null }) => r.webhookUrl), [null]);
  });

  it("refuses a person's alert webhook on an internal address", async () => {
    const res = await api(svc).patch(`/api/users/${oncall.id}`).set(admin.auth).send({ alertChannels: { email: true, webhookUrl: 'http://169.254.169.254/' } }).expect(400);
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['alertChannels.webhookUrl']);
  });

  it('checks again when sending, so a stored internal address receives nothing, and says so without the network error', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await rotaModel(svc.connection).create({ name: 'Stored before', members: [oncall.id], startsAt: new Date('2026-03-02T07:00:00Z'), secondLine: [], overrides: [], webhookUrl: receiver.url });
      const deliveries = await fireAlert();
      const webhook = deliveries.find((d) => d.channel === 'webhook');
      assert.ok(webhook, 'a webhook delivery was attempted');
      assert.equal(receiver.received.length, 0, 'the internal receiver got nothing');
      assert.equal(webhook.lastError, 'Avvist: adressen er på et privat, lokalt eller reservert nett');
    } finally {
      await receiver.close();
    }
  });

  it('tells people a receiver could not be reached, never the raw network error', async () => {
    const allowing = await startTestService({ clock: new ManualClock('2026-03-02T08:00:00Z') });
    try {
      const [m, o, a] = [await allowing.user(['manager']), await allowing.user(['oncall']), await allowing.user(['analyst'])];
      const port = await closedPort();
      await api(allowing).post('/api/rotas').set(m.auth).send({ name: 'Primary', members: [o.id], startsAt: '2026-03-02T07:00:00Z', webhookUrl: `http://127.0.0.1:${port}/hook` }).expect(201);
      const incident = (await api(allowing).post('/api/incidents').set(a.auth).send({ title: 'Closed port', description: '', awareAt: allowing.clock.now().toISOString() }).expect(201)).body;
      allowing.clock.advanceHours(24);
      await drainDueJobs(allowing);
      const [alert] = (await api(allowing).get(`/api/incidents/${incident.id}/alerts`).set(a.auth).expect(200)).body;
      const deliveries = (await api(allowing).get(`/api/alerts/${alert.id}/deliveries`).set(m.auth).expect(200)).body as { channel: string; lastError: string | null }[];
      const webhook = deliveries.find((d) => d.channel === 'webhook')!;
      assert.equal(webhook.lastError, 'Fikk ikke kontakt med mottakeren');
      assert.doesNotMatch(JSON.stringify(deliveries), /ECONNREFUSED|connect /);
    } finally {
      await allowing.close();
    }
  });

  it('classifies addresses as internal in every notation the URL parser leaves', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', 'fd12::1', 'fe80::1%eth0', '0.0.0.0', '::']) {
      assert.equal(isInternalAddress(address), true, address);
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8']) assert.equal(isInternalAddress(address), false, address);
  });
});
