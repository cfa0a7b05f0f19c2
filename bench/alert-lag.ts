/**
 * Alert lag: the time from each milestone's due time to its arrival at a connected socket.io client.
 *
 * Sets up INCIDENTS open incidents with running clocks (7 milestones each, so 70,000 planned for the
 * default 10,000), arranged so that FIRING of them reach a milestone during a WINDOW_S-second window
 * and the rest later. One service instance (HTTP, sockets, Agenda worker, planner) runs on the
 * embedded FerretDB (or MONGODB_URI). Prints p50, p99 and max lag, and missed and duplicate counts.
 *
 * With EMAIL=1 the on-call user is also e-mailed every alert through a loopback SMTP server, and the
 * e-mail lag (due time to message received) is reported too.
 *
 * With PUSH=1 the on-call user has one device subscribed to Web Push at a loopback push service, and
 * the push lag (due time to the encrypted push received by that service) is reported too.
 *
 *   npm run bench:alert-lag                       # defaults
 *   INCIDENTS=2000 FIRING=500 npm run bench:alert-lag
 *   EMAIL=1 npm run bench:alert-lag
 *   PUSH=1 INCIDENTS=2000 npm run bench:alert-lag
 */
import { Types } from 'mongoose';
import { io as connectSocket } from 'socket.io-client';
import { loadConfig } from '../server/config.js';
import { clockPlanModel } from '../server/domains/clock/clock-plan.model.js';
import { deadlineOf } from '../server/domains/clock/clock.rules.js';
import { incidentModels } from '../server/domains/incidents/incident.model.js';
import { DueIndex } from '../server/jobs/due-index.js';
import { JOBS_COLLECTION } from '../server/jobs/scheduler.js';
import { createLogger } from '../server/lib/logger.js';
import type { AlertMessage } from '../server/realtime/events.js';
import { startService } from '../server/service.js';
import { startPushService } from '../test/support/push-service.js';
import { startSmtpServer } from '../test/support/receivers.js';
import { benchDatabase } from './database.js';

const INCIDENTS = Number(process.env.INCIDENTS ?? 10_000);
const FIRING = Number(process.env.FIRING ?? 1_000);
const WINDOW_S = Number(process.env.WINDOW_S ?? 60);
const LEAD_S = Number(process.env.LEAD_S ?? 30);
const EMAIL = process.env.EMAIL === '1';
const PUSH = process.env.PUSH === '1';
const H = 3_600_000;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await benchDatabase('alert-lag', logger);
  const uri = database.uri;
  // The service's own defaults for the scheduler and the planner, unless the environment says otherwise.
  const tuning = Object.fromEntries(
    ['AGENDA_PROCESS_EVERY_MS', 'AGENDA_LOCK_LIFETIME_MS', 'AGENDA_LOCK_LIMIT', 'AGENDA_MAX_CONCURRENCY', 'CLOCK_HORIZON_SECONDS', 'CLOCK_PLANNER_EVERY_SECONDS']
      .flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
  const smtp = EMAIL ? await startSmtpServer() : undefined;
  const pushService = PUSH ? await startPushService() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench password 123', ...tuning,
    ...(smtp ? { SMTP_URL: smtp.url } : {}),
    ...(pushService ? { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } : {}),
  });
  const dbName = `bench_${Date.now()}`;
  const service = await startService({ config, logger, mongoUri: uri, dbName, instanceName: 'bench' });
  const { Incidents } = incidentModels(service.connection);
  const Plans = clockPlanModel(service.connection);
  const due = new DueIndex(DueIndex.model(service.connection, 'clock_plans_due'));

  // Incidents are written in bulk as the incident service writes them (timeline and audit left out: they
  // play no part in firing). The first FIRING reach their 24-hour milestone inside the window.
  const setupStarted = Date.now();
  const windowStart = Date.now() + LEAD_S * 1000;
  const creator = { id: new Types.ObjectId().toHexString(), name: 'bench' };
  const expected = new Map<string, number>();
  const dueEntries: { id: string; dueAt: Date }[] = [];
  for (let batch = 0; batch < INCIDENTS; batch += 1000) {
    const docs = [];
    const plans = [];
    for (let i = batch; i < Math.min(INCIDENTS, batch + 1000); i++) {
      const firing = i < FIRING;
      const dueH24 = firing ? windowStart + (i * WINDOW_S * 1000) / FIRING : windowStart + (WINDOW_S + 600) * 1000 + (i / INCIDENTS) * 20 * H;
      const awareAt = new Date(dueH24 - 24 * H);
      const _id = new Types.ObjectId();
      if (firing) expected.set(_id.toHexString(), dueH24);
      docs.push({
        _id, ref: `BENCH-${i}`, title: `Bench incident ${i}`, description: '', status: 'open', triageStartedAt: awareAt,
        awareness: { at: awareAt, evidence: 'bench', declaredBy: creator, declaredAt: awareAt, backdatedReason: null },
        clock: { state: 'running', deadline: deadlineOf(awareAt), stoppedAt: null, stopReason: null, stopNote: null },
        createdBy: creator, owner: creator, version: 0,
      });
      plans.push({ _id: _id.toHexString(), awareAt, plannedUntil: new Date(Date.now()), nextDueAt: new Date(dueH24) });
      dueEntries.push({ id: _id.toHexString(), dueAt: new Date(dueH24) });
    }
    await Incidents.insertMany(docs);
    await Plans.insertMany(plans);
  }
  await due.addMany(dueEntries);
  const setupMs = Date.now() - setupStarted;

  const oncall = await service.container.users.create(
    { actor: { id: null, email: 'system:bench' }, ip: null, requestId: null },
    { name: 'On call', email: 'oncall@bench.test', roles: ['oncall'], password: 'bench password 123' },
  );
  if (pushService) {
    const device = pushService.device('bench-phone');
    await service.container.push.subscribe(
      { actor: { id: String(oncall._id), email: oncall.email }, ip: null, requestId: null },
      { id: String(oncall._id), email: oncall.email, name: oncall.name, roles: oncall.roles },
      { endpoint: device.endpoint, keys: device.keys, deviceName: 'Bench phone' },
      'en',
    );
  }
  const token = service.container.tokens.sign(String(oncall._id), await service.container.auth.startSession(String(oncall._id))).token;
  const socket = connectSocket(service.url, { transports: ['websocket'], auth: { token }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const arrivals = new Map<string, number[]>();
  let duplicates = 0;
  const lags: number[] = [];
  const dueOfAlert = new Map<string, number>();
  socket.on('alert:fired', (m: AlertMessage) => {
    const now = Date.now();
    dueOfAlert.set(m.alertId, new Date(m.dueAt).getTime());
    const seen = arrivals.get(m.incidentId) ?? [];
    if (seen.length) duplicates++;
    seen.push(now);
    arrivals.set(m.incidentId, seen);
    if (seen.length === 1 && m.milestone === 'h24') lags.push(now - new Date(m.dueAt).getTime());
  });

  let peakJobs = 0;
  const sampler = setInterval(() => {
    void service.connection.db!.collection(JOBS_COLLECTION).estimatedDocumentCount().then((n) => {
      peakJobs = Math.max(peakJobs, n);
    });
  }, 1000);
  const waitUntil = windowStart + WINDOW_S * 1000 + 10_000;
  await new Promise((r) => setTimeout(r, waitUntil - Date.now()));
  clearInterval(sampler);

  // Not arrived by ten seconds after the window: far past the target, counted as missed for the run.
  const missed = [...expected.keys()].filter((id) => !arrivals.has(id)).length;
  const unexpected = [...arrivals.keys()].filter((id) => !expected.has(id)).length;
  lags.sort((a, b) => a - b);
  const emailLags = (smtp?.mails ?? []).flatMap((mail) => {
    const due = dueOfAlert.get(/X-BreachClock-Alert-Id: (\w+)/i.exec(mail.raw)?.[1] ?? '');
    return due === undefined ? [] : [mail.at - due];
  }).sort((a, b) => a - b);
  // The push service sees only ciphertext; the Topic header is the alert id.
  const pushLags = (pushService?.received ?? []).flatMap((push) => {
    const due = dueOfAlert.get(String(push.headers.topic ?? ''));
    return due === undefined ? [] : [push.at - due];
  }).sort((a, b) => a - b);
  const result = {
    database: database.embedded ? 'embedded FerretDB 1.24 (SQLite)' : 'MONGODB_URI',
    incidents: INCIDENTS,
    plannedMilestones: INCIDENTS * 7,
    firingInWindow: FIRING,
    windowSeconds: WINDOW_S,
    scheduler: { processEveryMs: config.scheduler.processEveryMs, horizonS: config.clock.horizonMs / 1000, plannerEveryS: config.clock.plannerEveryMs / 1000 },
    setupMs,
    peakAgendaJobs: peakJobs,
    received: lags.length,
    lagMs: { p50: pct(lags, 50), p99: pct(lags, 99), max: lags.at(-1) ?? NaN },
    missedWithin10sOfWindowEnd: missed,
    ...(smtp ? { email: { received: emailLags.length, lagMs: { p50: pct(emailLags, 50), p99: pct(emailLags, 99), max: emailLags.at(-1) ?? NaN } } } : {}),
    ...(pushService ? { push: { received: pushLags.length, lagMs: { p50: pct(pushLags, 50), p99: pct(pushLags, 99), max: pushLags.at(-1) ?? NaN } } } : {}),
    duplicates,
    unexpected,
    target: 'p99 <= 250 ms, max <= 1000 ms, 0 missed, 0 duplicates',
  };
  console.log(JSON.stringify(result, null, 2));
  const met = result.lagMs.p99 <= 250 && result.lagMs.max <= 1000 && missed === 0 && duplicates === 0;
  console.log(met ? 'target met' : 'target NOT met');

  socket.disconnect();
  if (!database.embedded) await service.connection.dropDatabase().catch(() => undefined);
  await service.stop();
  await database.stop();
  await smtp?.close();
  await pushService?.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
