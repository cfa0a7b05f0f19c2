/**
 * API latency as history grows: seeds incidents through the service's own HTTP API (intake, facts,
 * assessments, notices) with their alerts and deliveries, then measures every call the dashboard makes,
 * at each size in SIZES, on the embedded FerretDB (or MONGODB_URI). Prints one JSON object per size.
 *
 *   npm run bench:api                      # SIZES=2000,20000
 *   SIZES=500,2000 REPEAT=100 npm run bench:api
 *
 * Targets (2-core machine, embedded database, 20,000 incidents): board p99 ≤ 30 ms; opening an incident
 * (all its calls) p99 ≤ 60 ms; intake ≥ 100/s at p99 ≤ 150 ms; register CSV ≤ 3 s; a paged or by-id
 * call at 20,000 costs at most 1.5× what it costs at 2,000.
 */
import { loadConfig } from '../server/config.js';
import { systemContext } from '../server/domains/audit/audit.service.js';
import { deliveryModel } from '../server/domains/alerts/delivery.model.js';
import { createLogger } from '../server/lib/logger.js';
import { startService } from '../server/service.js';
import { benchDatabase } from './database.js';

const SIZES = (process.env.SIZES ?? '2000,20000').split(',').map(Number);
const REPEAT = Number(process.env.REPEAT ?? 200);
const CONCURRENCY = 8;
const H = 3_600_000;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

interface Figures { p50: number; p99: number; rps: number; n: number }

/** Runs `op` `count` times, `concurrency` at a time, and returns its latency percentiles and throughput. */
async function measure(count: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Figures> {
  const times: number[] = [];
  let next = 0;
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
  times.sort((a, b) => a - b);
  return { p50: round(pct(times, 50)), p99: round(pct(times, 99)), rps: round((count / elapsed) * 1000), n: count };
}

async function main(): Promise<void> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await benchDatabase('api', logger);
  const uri = database.uri;
  const config = loadConfig({
    NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'warn', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ADMIN_EMAIL: 'admin@bench.test', ADMIN_PASSWORD: 'bench password 123', ORGANISATION_NAME: 'Benk AS',
  });
  const service = await startService({ config, logger, mongoUri: uri, dbName: `bench_api_${Date.now()}`, instanceName: 'bench' });
  const { container } = service;
  const Deliveries = deliveryModel(service.connection);
  const newUser = async (name: string, roles: ('analyst' | 'dpo' | 'manager')[]) => {
    const user = await container.users.create(systemContext('bench'), { name, email: `${name}@bench.test`, roles, password: 'bench password 123' });
    return String(user._id);
  };
  const analystId = await newUser('analyst', ['analyst']);
  const dpoId = await newUser('dpo', ['dpo', 'manager']);
  const sessions = new Map([[analystId, await container.auth.startSession(analystId)], [dpoId, await container.auth.startSession(dpoId)]]);
  const auth = (id: string) => `Bearer ${container.tokens.sign(id, sessions.get(id)!).token}`;

  async function call(method: string, path: string, userId: string, body?: unknown): Promise<{ status: number; json: unknown; bytes: number }> {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { Authorization: auth(userId), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    const json: unknown = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
    return { status: res.status, json, bytes: text.length };
  }

  const ids: string[] = [];
  const versions = new Map<string, number>();
  let seeded = 0;

  /** One incident as a team records it: intake, facts, and for some an assessment, a notice and alerts. */
  async function seedOne(i: number): Promise<void> {
    const awareAt = new Date(Date.now() - ((i % 1440) + 1) * H / 20).toISOString();
    const created = await call('POST', '/api/incidents', analystId, { title: `Innsyn i kundedata ${i}`, description: `Kunderegister eksportert ved en feil (${i})`, awareAt });
    const id = (created.json as { id: string }).id;
    const patched = await call('PATCH', `/api/incidents/${id}`, analystId, {
      version: 0, breachTypes: ['confidentiality'], subjects: { count: { kind: 'estimate', value: 100 + (i % 900) } },
    });
    versions.set(id, (patched.json as { version: number }).version);
    ids.push(id);
    if (i % 4 === 0) await call('POST', `/api/incidents/${id}/assessments`, dpoId);
    if (i % 10 === 0) await call('POST', `/api/incidents/${id}/notices`, dpoId, { kind: 'authority', lang: 'nb' });
    if (i % 2 === 0) {
      const incident = await container.incidents.get({ id: dpoId, email: 'dpo@bench.test', name: 'dpo', roles: ['dpo', 'manager'] }, id);
      const alert = await container.alerts.record({ incident, kind: 'milestone', milestone: 'h24', hoursElapsed: 24, dueAt: new Date(), late: false });
      if (alert) {
        await Deliveries.create({ key: `${alert._id}:email:${i}`, alertId: String(alert._id), channel: 'email', recipient: 'oncall@bench.test', userId: null, level: 0, status: 'sent', attempts: 1, lastError: null, createdAt: new Date(), sentAt: new Date() });
      }
    }
  }

  const results: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const seedStarted = Date.now();
    const from = seeded;
    await measure(size - from, CONCURRENCY, (i) => seedOne(from + i));
    seeded = size;
    const seedSeconds = round((Date.now() - seedStarted) / 1000);

    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    const figures: Record<string, Figures | number> = { incidents: size, seedSeconds };
    figures.healthz = await measure(REPEAT, 1, async () => void (await fetch(`${service.url}/healthz`)).text());
    figures.board = await measure(REPEAT, 1, async () => void (await call('GET', '/api/incidents?limit=50', dpoId)));
    figures.boardByStatus = await measure(REPEAT, 1, async () => void (await call('GET', '/api/incidents?status=open&limit=50', dpoId)));
    figures.boardByDeadline = await measure(REPEAT, 1, async () => void (await call('GET', '/api/incidents?clock=running&sort=deadline&limit=50', dpoId)));
    figures.openIncident = await measure(REPEAT, 1, async (i) => {
      const id = pick(i);
      await Promise.all(
        [`/api/incidents/${id}`, `/api/incidents/${id}/timeline`, `/api/incidents/${id}/assessments`, `/api/incidents/${id}/decisions`,
          `/api/incidents/${id}/notices`, `/api/incidents/${id}/submissions`, `/api/incidents/${id}/alerts`].map((path) => call('GET', path, dpoId)),
      );
    });
    figures.oneIncident = await measure(REPEAT, 1, async (i) => void (await call('GET', `/api/incidents/${pick(i)}`, dpoId)));
    figures.timeline = await measure(REPEAT, 1, async (i) => void (await call('GET', `/api/incidents/${pick(i)}/timeline`, dpoId)));
    figures.search = await measure(Math.min(REPEAT, 50), 1, async (i) => void (await call('GET', `/api/incidents?q=${encodeURIComponent(`kundedata ${i}`)}&limit=50`, dpoId)));
    figures.registerJson = await measure(5, 1, async () => void (await call('GET', '/api/register', dpoId)));
    figures.registerCsv = await measure(5, 1, async () => void (await call('GET', '/api/register?format=csv', dpoId)));
    figures.intake = await measure(REPEAT * 2, CONCURRENCY, async (i) => {
      const res = await call('POST', '/api/incidents', analystId, { title: `Målt innmelding ${i}`, description: '' });
      if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
    });
    const patchIds = ids.slice(0, REPEAT * 2);
    figures.patch = await measure(patchIds.length, CONCURRENCY, async (i) => {
      const id = patchIds[i]!;
      const res = await call('PATCH', `/api/incidents/${id}`, analystId, { version: versions.get(id), measuresTaken: `Målt endring ${i}` });
      if (res.status !== 200) throw new Error(`PATCH answered ${res.status}`);
      versions.set(id, (res.json as { version: number }).version);
    });
    results.push(figures);
    console.log(JSON.stringify(figures));
  }

  if (results.length >= 2) {
    const [small, large] = [results[0]!, results[results.length - 1]!];
    const ratio: Record<string, number> = {};
    for (const key of ['board', 'boardByStatus', 'boardByDeadline', 'openIncident', 'oneIncident', 'timeline', 'intake', 'patch']) {
      ratio[key] = round(((large[key] as Figures).p50 / (small[key] as Figures).p50) * 100) / 100;
    }
    console.log(JSON.stringify({ p50Growth: ratio, from: small.incidents, to: large.incidents }));
  }

  await service.stop();
  await database.stop();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
