/**
 * API latency as history grows: seeds incidents through the service's own HTTP API (intake, facts,
 * assessments, notices) with their alerts and deliveries, then measures every call the dashboard makes,
 * at each size in SIZES, on the embedded FerretDB (or MONGODB_URI). Prints one JSON object per size.
 *
 *   npm run bench:api                      # SIZES=2000,20000
 *   SIZES=500,2000 REPEAT=100 npm run bench:api
 *   BENCH_DATA_DIR=.cache/bench-api npm run bench:api   # keeps one seeded database per size
 *
 * With BENCH_DATA_DIR the embedded database's files stay, each size in a database of its own, and a later
 * run seeds only what is missing, so a size is seeded once and measured as often as wanted (the measured
 * intakes stay in it: a few hundred per run). Without it, the sizes grow one temporary database.
 *
 * Targets (2-core machine, embedded database, 20,000 incidents): board p99 ≤ 30 ms; opening an incident
 * (its case file, the one call the dashboard makes; `openIncidentParts` is the seven calls it made before)
 * p99 ≤ 60 ms; intake ≥ 100/s at p99 ≤ 150 ms; register CSV ≤ 3 s; a paged or by-id call at 20,000 costs
 * at most 1.5× what it costs at 2,000.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { loadConfig } from '../server/config.js';
import { systemContext } from '../server/domains/audit/audit.service.js';
import { alertModel } from '../server/domains/alerts/alert.model.js';
import { deliveryModel } from '../server/domains/alerts/delivery.model.js';
import { createLogger } from '../server/lib/logger.js';
import { startService } from '../server/service.js';
import { benchDatabase } from './database.js';

const SIZES = (process.env.SIZES ?? '2000,20000').split(',').map(Number);
const REPEAT = Number(process.env.REPEAT ?? 200);
const CONCURRENCY = 8;
const WARM_UP = 20;
const MINUTE = 60_000;
const SEEDED_TITLE = 'Innsyn i kundedata';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Latency percentiles and throughput, and the CPU time one call cost the service (with this bench's
 * client, which runs in the same process) and the embedded database: on a shared machine the CPU
 * times compare two builds better than the latencies do.
 */
interface Figures { p50: number; p99: number; rps: number; n: number; cpuMs: number; dbCpuMs?: number }

/** The CPU time (user + system) a process has used, in ms, from /proc (Linux). */
function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;
let databasePid: number | undefined;

/** With CPU_PROFILE_DIR, each figure's calls are profiled (the service and this bench's client) into <dir>/<size>-<figure>.cpuprofile. */
const PROFILE_DIR = process.env.CPU_PROFILE_DIR;

async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** Which figures to take (ONLY=board,intake), all by default. */
const ONLY = process.env.ONLY ? new Set(process.env.ONLY.split(',')) : undefined;
const wanted = (figure: string) => !ONLY || ONLY.has(figure);

const benchStarted = performance.now();
/** Where a long run is, on standard error (the figures go to standard output). */
const progress = (what: string) => process.stderr.write(`[${round((performance.now() - benchStarted) / 1000)} s] ${what}\n`);

/**
 * Runs `op` `count` times, `concurrency` at a time, and returns its latency percentiles and throughput.
 * A read is first run `warmUp` times untimed: the first calls of a route compile its code, and at 200
 * calls a p99 is the second slowest, so without this it measured the compiler rather than the route.
 */
async function measure(count: number, concurrency: number, op: (i: number) => Promise<void>, warmUp = 0): Promise<Figures> {
  for (let i = 0; i < warmUp; i++) await op(count + i);
  const times: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const dbCpuBefore = processCpuMs(databasePid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await op(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const dbCpuAfter = processCpuMs(databasePid);
  times.sort((a, b) => a - b);
  return {
    p50: round(pct(times, 50)), p99: round(pct(times, 99)), rps: round((count / elapsed) * 1000), n: count,
    cpuMs: round((cpu.user + cpu.system) / 1000 / count),
    ...(dbCpuBefore !== undefined && dbCpuAfter !== undefined ? { dbCpuMs: round((dbCpuAfter - dbCpuBefore) / count) } : {}),
  };
}

async function main(): Promise<void> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await benchDatabase('api', logger);
  const uri = database.uri;
  databasePid = database.pid;
  const config = loadConfig({
    NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench password 123', ORGANISATION_NAME: 'Benk AS',
  });
  const runName = `bench_api_${Date.now()}`;

  /** The service on one database, with the bench's two users and what is already seeded in it. */
  async function open(dbName: string) {
    const startedAt = performance.now();
    const service = await startService({ config, logger, mongoUri: uri, dbName, instanceName: 'bench' });
    const startSeconds = round((performance.now() - startedAt) / 1000);
    const { container } = service;
    const Deliveries = deliveryModel(service.connection);
    const Alerts = alertModel(service.connection);
    const newUser = async (name: string, roles: ('analyst' | 'dpo' | 'manager')[]) => {
      const existing = await service.connection.collection('users').findOne({ email: `${name}@bench.test` });
      if (existing) return String(existing._id);
      const user = await container.users.create(systemContext('bench'), { name, email: `${name}@bench.test`, roles, password: 'bench password 123' });
      return String(user._id);
    };
    const analystId = await newUser('analyst', ['analyst']);
    const dpoId = await newUser('dpo', ['dpo', 'manager']);
    const sessions = new Map([[analystId, await container.auth.startSession(analystId)], [dpoId, await container.auth.startSession(dpoId)]]);
    const ids: string[] = [];
    const versions = new Map<string, number>();
    const seededBefore = service.connection.collection('incidents')
      .find({ title: { $regex: `^${SEEDED_TITLE}` } }, { projection: { _id: 1, version: 1 } }).sort({ createdAt: 1, _id: 1 });
    for await (const doc of seededBefore) {
      ids.push(String(doc._id));
      versions.set(String(doc._id), Number(doc.version));
    }
    return { service, container, Alerts, Deliveries, analystId, dpoId, sessions, ids, versions, startSeconds };
  }

  let db: Awaited<ReturnType<typeof open>> | undefined;

  /**
   * One request as the dashboard makes it, with a token the bench holds as a browser does (signed again
   * each minute, not at every call). The body is parsed only by the caller that reads it: the bench's
   * client runs on the same two cores as the service, and parsing every board page cost it 1.5 ms.
   */
  const tokens = new Map<string, { token: string; signedAt: number }>();
  function tokenOf(userId: string): string {
    const held = tokens.get(userId);
    if (held && performance.now() - held.signedAt < MINUTE) return held.token;
    const { container, sessions } = db!;
    const token = container.tokens.sign(userId, sessions.get(userId)!).token;
    tokens.set(userId, { token, signedAt: performance.now() });
    return token;
  }

  async function call(method: string, path: string, userId: string, body?: unknown): Promise<{ status: number; json: () => unknown; bytes: number }> {
    const res = await fetch(`${db!.service.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokenOf(userId)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return { status: res.status, json: () => JSON.parse(text) as unknown, bytes: text.length };
  }

  /** One incident as a team records it: intake, facts, and for some an assessment, a notice and alerts. */
  async function seedOne(i: number): Promise<void> {
    const { container, Alerts, Deliveries, analystId, dpoId, ids, versions } = db!;
    // Awareness within the last 23 hours: the clocks run, and no milestone has come due yet. Spread over
    // 72 hours, two in three intakes fired a caught-up alert at once, with two escalations after it: the
    // seeding became an alert storm (13,000 alerts and 26,000 escalation jobs within half an hour at
    // 20,000), which measures the alerting (bench/alert-lag's business), not the API.
    const awareAt = new Date(Date.now() - ((i % 1380) + 1) * MINUTE).toISOString();
    const created = await call('POST', '/api/incidents', analystId, { title: `${SEEDED_TITLE} ${i}`, description: `Kunderegister eksportert ved en feil (${i})`, awareAt, awarenessReason: 'Funnet i loggen' });
    const id = (created.json() as { id: string }).id;
    const patched = await call('PATCH', `/api/incidents/${id}`, analystId, {
      version: 0, breachTypes: ['confidentiality'], subjects: { count: { kind: 'estimate', value: 100 + (i % 900) } },
    });
    versions.set(id, (patched.json() as { version: number }).version);
    ids.push(id);
    if (i % 4 === 0) await call('POST', `/api/incidents/${id}/assessments`, dpoId);
    if (i % 10 === 0) await call('POST', `/api/incidents/${id}/notices`, dpoId, { kind: 'authority', lang: 'nb' });
    if (i % 2 === 0) {
      const incident = await container.incidents.get({ id: dpoId, email: 'dpo@bench.test', name: 'dpo', roles: ['dpo', 'manager'] }, id);
      const alert = await container.alerts.record({ incident, kind: 'milestone', milestone: 'h24', hoursElapsed: 24, dueAt: new Date(), late: false });
      if (alert) {
        // History: the alert went out and was handed on long ago (left as recorded, the worker would take
        // each for one whose instance died before pushing it, and push it again).
        await Alerts.updateOne({ _id: alert._id }, { $set: { pushedAt: alert.firedAt, handedOnAt: alert.firedAt } });
        await Deliveries.create({ key: `${alert._id}:email:${i}`, alertId: String(alert._id), channel: 'email', recipient: 'oncall@bench.test', userId: null, level: 0, status: 'sent', attempts: 1, lastError: null, createdAt: new Date(), sentAt: new Date() });
      }
    }
  }

  const results: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    // A kept database per size; otherwise one that grows from size to size.
    if (database.kept || !db) {
      await db?.service.stop();
      db = await open(database.kept ? `bench_api_${size}` : runName);
      tokens.clear();
    }
    const { service, analystId, dpoId, ids, versions } = db;
    const seedStarted = Date.now();
    const from = ids.length;
    if (size > from) {
      await measure(size - from, CONCURRENCY, async (i) => {
        await seedOne(from + i);
        if ((from + i + 1) % 1000 === 0) progress(`seeded ${from + i + 1} of ${size}`);
      });
    }
    const seedSeconds = round((Date.now() - seedStarted) / 1000);

    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    const figures: Record<string, Figures | number> = { incidents: size, seeded: size - Math.min(from, size), seedSeconds, startSeconds: db.startSeconds };
    const take = async (name: string, run: () => Promise<Figures>) => {
      if (!wanted(name)) return;
      progress(name);
      figures[name] = await profiled(`${size}-${name}`, run);
    };
    await take('healthz', () => measure(REPEAT, 1, async () => void (await fetch(`${service.url}/healthz`)).text(), WARM_UP));
    await take('board', () => measure(REPEAT, 1, async () => void (await call('GET', '/api/incidents?limit=50', dpoId)), WARM_UP));
    await take('boardByStatus', () => measure(REPEAT, 1, async () => void (await call('GET', '/api/incidents?status=open&limit=50', dpoId)), WARM_UP));
    await take('boardByDeadline', () => measure(REPEAT, 1, async () => void (await call('GET', '/api/incidents?clock=running&sort=deadline&limit=50', dpoId)), WARM_UP));
    // What the dashboard does on opening an incident: its case file, one call.
    await take('openIncident', () => measure(REPEAT, 1, async (i) => void (await call('GET', `/api/incidents/${pick(i)}/casefile`, dpoId)), WARM_UP));
    // The same page read as it was before the case file: its seven calls at once.
    await take('openIncidentParts', () => measure(REPEAT, 1, async (i) => {
      const id = pick(i);
      await Promise.all(
        [`/api/incidents/${id}`, `/api/incidents/${id}/timeline`, `/api/incidents/${id}/assessments`, `/api/incidents/${id}/decisions`,
          `/api/incidents/${id}/notices`, `/api/incidents/${id}/submissions`, `/api/incidents/${id}/alerts`].map((path) => call('GET', path, dpoId)),
      );
    }, WARM_UP));
    await take('oneIncident', () => measure(REPEAT, 1, async (i) => void (await call('GET', `/api/incidents/${pick(i)}`, dpoId)), WARM_UP));
    await take('timeline', () => measure(REPEAT, 1, async (i) => void (await call('GET', `/api/incidents/${pick(i)}/timeline`, dpoId)), WARM_UP));
    await take('search', () => measure(Math.min(REPEAT, 50), 1, async (i) => void (await call('GET', `/api/incidents?q=${encodeURIComponent(`kundedata ${i}`)}&limit=50`, dpoId)), 2));
    await take('registerJson', () => measure(5, 1, async () => void (await call('GET', '/api/register', dpoId))));
    await take('registerCsv', () => measure(5, 1, async () => void (await call('GET', '/api/register?format=csv', dpoId))));
    await take('intake', () => measure(REPEAT * 2, CONCURRENCY, async (i) => {
      const res = await call('POST', '/api/incidents', analystId, { title: `Målt innmelding ${i}`, description: '' });
      if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
    }));
    const patchIds = ids.slice(0, REPEAT * 2);
    // Recording an assessment or a notice moves an incident's version (what it owes is stored on it): read them as they are now.
    for await (const doc of service.connection.collection('incidents').find({ _id: { $in: patchIds.map((id) => new Types.ObjectId(id)) } }, { projection: { version: 1 } })) {
      versions.set(String(doc._id), Number(doc.version));
    }
    await take('patch', () => measure(patchIds.length, CONCURRENCY, async (i) => {
      const id = patchIds[i]!;
      const res = await call('PATCH', `/api/incidents/${id}`, analystId, { version: versions.get(id), measuresTaken: `Målt endring ${i}` });
      if (res.status !== 200) throw new Error(`PATCH answered ${res.status}`);
      versions.set(id, (res.json() as { version: number }).version);
    }));
    results.push(figures);
    console.log(JSON.stringify(figures));
  }

  if (results.length >= 2) {
    const [small, large] = [results[0]!, results[results.length - 1]!];
    const ratio: Record<string, number> = {};
    for (const key of ['board', 'boardByStatus', 'boardByDeadline', 'openIncident', 'oneIncident', 'timeline', 'intake', 'patch']) {
      if (!small[key] || !large[key]) continue;
      ratio[key] = round(((large[key] as Figures).p50 / (small[key] as Figures).p50) * 100) / 100;
    }
    console.log(JSON.stringify({ p50Growth: ratio, from: small.incidents, to: large.incidents }));
  }

  await db?.service.stop();
  await database.stop();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
