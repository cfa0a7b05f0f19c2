import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildClient, clientDir } from '../../scripts/build-client.js';
import type { PushPayload } from '../../server/domains/push/push.payload.js';
import { launchBrowser, PHONE } from '../support/browser.js';
import { ManualClock } from '../support/clock.js';
import { drainDueJobs } from '../support/jobs.js';
import { pushesTo, startPushService, type TestPushService } from '../support/push-service.js';
import { api, PASSWORD, startTestService, type TestService, type TestUser } from '../support/service.js';
import { waitFor } from '../support/wait.js';

interface ShownNotification { title: string; body: string; tag: string; actions: { action: string; title: string }[]; data: Record<string, unknown> }

/**
 * Headless Chromium cannot reach a browser vendor's push service, so the test plays it: the server's
 * encrypted push goes to our loopback push service, the test decrypts it with the device's keys, and
 * delivers it to the service worker through the DevTools protocol (a real push event); the tap on a
 * notification, which no headless browser can make, calls the worker's click handler with the shown
 * notification and the action. (Opening a new window from a tap needs the browser's own click, so that
 * branch is not driven here; focusing the open dashboard is.)
 */
describe('the service worker: push notifications acknowledged from the notification', function () {
  this.timeout(90_000);
  let svc: TestService;
  let pushService: TestPushService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let analyst: TestUser;
  let oncall: TestUser;

  before(async () => {
    await buildClient();
    pushService = await startPushService();
    // A day before now, so the alert fires at about the browser's own time (the worker compares the two).
    svc = await startTestService({ clock: new ManualClock(new Date(Date.now() - 24 * 3_600_000)) });
    analyst = await svc.user(['analyst'], 'Anna');
    oncall = await svc.user(['oncall'], 'Ola');
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: PHONE });
    await context.grantPermissions(['notifications'], { origin: svc.url });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
    await pushService?.close();
  });

  // Browser-side code is passed as text: it runs in the page or the worker, not in Node.
  const shown = () => page.evaluate(`navigator.serviceWorker.ready
    .then((r) => r.getNotifications())
    .then((list) => list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, actions: n.actions, data: n.data })))`) as Promise<ShownNotification[]>;
  /** The worker's click handler, as the browser calls it for a tap (action '') or a button ('ack'), on the notification shown. */
  const tap = (worker: Worker, action: string) =>
    worker.evaluate(`self.registration.getNotifications().then(([n]) => self.breachClock.onNotificationClick(n, ${JSON.stringify(action)}))`);

  it('serves the manifest with its icons and the worker under a policy that allows them', async () => {
    const home = await fetch(`${svc.url}/`);
    const policy = home.headers.get('content-security-policy') ?? '';
    assert.match(policy, /worker-src 'self'/);
    assert.match(policy, /manifest-src 'self'/);
    const manifestRes = await fetch(`${svc.url}/manifest.webmanifest`);
    assert.match(manifestRes.headers.get('content-type') ?? '', /^application\/manifest\+json/);
    const manifest = (await manifestRes.json()) as { name: string; theme_color: string; icons: { src: string; sizes: string; purpose: string }[] };
    assert.equal(manifest.name, 'Breach Clock');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
    for (const icon of manifest.icons) {
      const png = Buffer.from(await (await fetch(`${svc.url}${icon.src}`)).arrayBuffer());
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', icon.src);
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
    assert.deepEqual([...new Set(manifest.icons.map((i) => i.purpose))].sort(), ['any', 'maskable']);
    const worker = await fetch(`${svc.url}/sw.js`);
    assert.match(worker.headers.get('content-type') ?? '', /javascript/);
    assert.equal(worker.headers.get('cache-control'), 'no-cache');
    await page.goto(svc.url);
    assert.equal(await page.locator('link[rel="manifest"]').getAttribute('href'), '/manifest.webmanifest');
  });

  it('shows a pushed alert with its actions, acknowledges it from the action without the app, and opens the incident on a tap', async () => {
    // The device's subscription as a browser would send it (its keys made by the test).
    const device = pushService.device('phone');
    await api(svc).post('/api/push/subscriptions').set(oncall.auth).send({ endpoint: device.endpoint, keys: device.keys, deviceName: 'Ola phone' }).expect(201);
    const incident = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Leaked export', description: '', awareAt: svc.clock.now().toISOString() }).expect(201)).body as { id: string; ref: string };
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    const [push] = pushesTo(pushService, device);
    assert.ok(push, 'the server pushed the alert');
    const payload = device.read<PushPayload>(push.body);

    await page.goto(svc.url);
    await page.evaluate(`navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready).then(() => true)`);
    const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    assert.equal(new URL(worker.url()).pathname, '/sw.js');

    const cdp = await context.newCDPSession(page);
    const registered = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        const found = e.registrations.find((r) => r.scopeURL === `${svc.url}/` && !r.isDeleted);
        if (found) resolve(found.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registered;
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: svc.url, registrationId, data: JSON.stringify(payload) });

    const [notification] = await waitFor(shown, (list) => list.length === 1, 10_000, 'the notification');
    assert.equal(notification!.title, `${incident.ref}: Leaked export`);
    assert.equal(notification!.body, `Melding til Datatilsynet – 24 timer har gått\n48 t 00 min igjen\n${payload.deadline}`);
    assert.match(payload.deadline ?? '', /^Frist \S+ \d+\. \S+ kl\. \d\d:\d\d \(\d\d:\d\d UTC\)$/);
    assert.equal(notification!.tag, payload.alertId);
    assert.deepEqual(notification!.actions.map((a) => [a.action, a.title]), [['ack', 'Kvitter'], ['open', 'Åpne saken']]);

    // A push the phone receives hours late (it was off) does not claim a time left that has passed.
    await worker.evaluate(`self.breachClock.showAlert(${JSON.stringify({ ...payload, alertId: 'late', sentAt: new Date(Date.now() - 3 * 3_600_000).toISOString() })})`);
    const late = (await shown()).find((n) => n.tag === 'late');
    assert.equal(late?.body, `Melding til Datatilsynet – 24 timer har gått\n${payload.deadline}`);
    await worker.evaluate(`self.registration.getNotifications({ tag: 'late' }).then((list) => list.forEach((n) => n.close()))`);

    // "Kvitter" on the notification: the worker posts the token; no window is opened or needed.
    const pagesBefore = context.pages().length;
    const acknowledged = await tap(worker, 'ack');
    assert.equal(acknowledged, true);
    assert.equal(context.pages().length, pagesBefore, 'no window opened');
    const [alert] = (await api(svc).get('/api/alerts').set(oncall.auth).expect(200)).body as { id: string; acknowledgedBy: { id: string; name: string } | null }[];
    assert.deepEqual([alert!.id, alert!.acknowledgedBy], [payload.alertId, { id: oncall.id, name: 'Ola' }]);
    const [confirmation] = await waitFor(shown, (list) => list.length === 1 && list[0]!.body !== notification!.body, 10_000, 'the confirmation');
    assert.equal(confirmation!.body, `${incident.ref} er kvittert. Varselet eskaleres ikke videre.`);
    assert.equal(confirmation!.tag, payload.alertId, 'in place of the alert');

    // The server then tells every device the alert reached who acknowledged it; the worker shows that in its place.
    await drainDueJobs(svc);
    const update = pushesTo(pushService, device)[1];
    assert.ok(update, 'the acknowledgement was pushed');
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: svc.url, registrationId, data: JSON.stringify(device.read(update.body)) });
    const [replaced] = await waitFor(shown, (list) => list[0]?.body.startsWith('Kvittert av') ?? false, 10_000, 'the acknowledged notice');
    assert.deepEqual([replaced!.body, replaced!.tag, replaced!.actions.length], ['Kvittert av Ola. Varselet eskaleres ikke videre.', payload.alertId, 0]);

    // A second tap on an old notification changes nothing: acknowledged once.
    const again = await worker.evaluate(`self.breachClock.onNotificationClick({ data: ${JSON.stringify(notification!.data)}, close() {} }, 'ack')`);
    assert.equal(again, true, 'the server answers the repeat as done');
    const audit = await svc.connection.db!.collection('audit_log').countDocuments({ action: 'alert.acknowledged', 'target.id': payload.alertId });
    assert.equal(audit, 1);

    // A token the server refuses (here: tampered) leaves a notification that says to open the incident instead.
    const refused = await worker.evaluate(`self.breachClock.onNotificationClick({ data: ${JSON.stringify({ ...notification!.data, ackToken: 'x'.repeat(40) })}, close() {} }, 'ack')`);
    assert.equal(refused, false);
    const [failure] = await waitFor(shown, (list) => list[0]?.body === payload.ackFailed, 10_000, 'the failure notice');
    assert.equal(failure!.body, 'Kunne ikke kvittere herfra. Trykk for å åpne saken.');

    // A tap on the notification itself: the open dashboard is focused and shows the incident.
    await tap(worker, '');
    await page.waitForURL(`${svc.url}/#/incidents/${incident.id}`, { timeout: 10_000 });
    assert.equal(await shown().then((l) => l.length), 0, 'the tap closed the notification');
  });
  it('turns push on and off from the dashboard code (client/src/push.ts), with the browser’s push client played by the test', async () => {
    // push.ts and the sign-in, bundled as the dashboard bundles them, loaded into a page of the dashboard's origin.
    const bundle = await build({
      stdin: { contents: "export { login } from './api.ts'; export * from './push.ts';", resolveDir: join(clientDir, 'src'), loader: 'ts' },
      bundle: true, format: 'iife', globalName: 'dashboardPush', target: 'es2022', write: false,
    });
    const device = pushService.device('laptop');
    const own = await browser.newContext({ bypassCSP: true });
    await own.grantPermissions(['notifications'], { origin: svc.url });
    const tab = await own.newPage();
    await tab.goto(svc.url);
    await tab.addScriptTag({ content: bundle.outputFiles[0]!.text });
    // What a browser's push client hands out, with the keys of the test's device; it records the key it was given.
    await tab.evaluate(`(() => {
      let current = null;
      const device = ${JSON.stringify({ endpoint: device.endpoint, keys: device.keys })};
      PushManager.prototype.getSubscription = async () => current;
      PushManager.prototype.subscribe = async (options) => {
        const key = new Uint8Array(options.applicationServerKey);
        window.subscribedWithKey = btoa(String.fromCharCode(...key)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
        current = { endpoint: device.endpoint, options: { applicationServerKey: key.buffer }, toJSON: () => device, unsubscribe: async () => { current = null; return true; } };
        return current;
      };
    })()`);
    const { publicKey } = (await api(svc).get('/api/push/key').set(oncall.auth).expect(200)).body as { publicKey: string };
    assert.equal(await tab.evaluate('dashboardPush.pushSupported()'), true);
    await tab.evaluate(`dashboardPush.login(${JSON.stringify(oncall.email)}, ${JSON.stringify(PASSWORD)}).then(() => true)`);
    assert.equal(await tab.evaluate('dashboardPush.pushEnabledHere()'), false);

    await tab.evaluate(`dashboardPush.enablePush('Kontor-PC').then(() => true)`);
    assert.equal(await tab.evaluate('window.subscribedWithKey'), publicKey, 'subscribed with the server’s VAPID key');
    assert.equal(await tab.evaluate('dashboardPush.pushEnabledHere()'), true);
    const devices = (await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body as { deviceName: string }[];
    assert.ok(devices.some((d) => d.deviceName === 'Kontor-PC'));

    // What the browser handed over reaches the device: the next alert is pushed to it and decrypts.
    await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Second leak', description: '', awareAt: svc.clock.now().toISOString() }).expect(201);
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    const titles = pushesTo(pushService, device).map((p) => device.read<PushPayload>(p.body).title);
    assert.ok(titles.some((t) => t.endsWith(': Second leak')), JSON.stringify(titles));

    // A day later: signed in again (the test's clock moved past the session), push is turned off here.
    await tab.evaluate(`dashboardPush.login(${JSON.stringify(oncall.email)}, ${JSON.stringify(PASSWORD)}).then(() => true)`);
    // The browser renews the subscription (pushsubscriptionchange): the worker hands the new one over by itself.
    const renewed = pushService.device('laptop-renewed');
    const handed = await own.serviceWorkers()[0]!.evaluate(`self.breachClock.renew(
      { toJSON: () => (${JSON.stringify({ endpoint: device.endpoint, keys: device.keys })}) },
      { toJSON: () => (${JSON.stringify({ endpoint: renewed.endpoint, keys: renewed.keys })}) })`);
    assert.equal(handed, true);
    const sentBefore = pushesTo(pushService, renewed).length;
    await api(svc).post('/api/me/test-alert').set(oncall.auth).expect(202);
    await drainDueJobs(svc);
    assert.equal(pushesTo(pushService, renewed).length, sentBefore + 1, 'alerts now reach the renewed subscription');

    await tab.evaluate('dashboardPush.disablePush().then(() => true)');
    assert.equal(await tab.evaluate('dashboardPush.pushEnabledHere()'), false);
    const after = (await api(svc).get('/api/push/subscriptions').set(oncall.auth).expect(200)).body as { deviceName: string }[];
    assert.ok(!after.some((d) => d.deviceName === 'Kontor-PC'), 'removed from the server');
    await own.close();
  });
});
