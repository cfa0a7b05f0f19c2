import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { EmbeddedFerretdb } from '../../../server/db/embedded-ferretdb.js';
import { createLogger } from '../../../server/lib/logger.js';
import type { AlertMessage } from '../../../server/realtime/events.js';
import { uniqueDbName, testMongoUri, dropDatabase } from '../../support/database.js';
import { freePort, startServiceProcess, type ServiceProcess } from '../../support/process.js';
import { waitFor } from '../../support/wait.js';

const H = 3_600_000;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'reliability-secret-reliability-secret-0123';

async function json(url: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Signs in as the bootstrap admin, creates an analyst and an on-call user, and returns their tokens. */
async function people(url: string) {
  const admin = (await json(`${url}/api/auth/login`, { method: 'POST', body: { email: 'admin@example.test', password: 'reliable password 1' } })).accessToken as string;
  const make = async (role: string) => {
    const email = `${role}-${Date.now()}@example.test`;
    await json(`${url}/api/users`, { method: 'POST', token: admin, body: { name: role, email, roles: [role], password: 'reliable password 1' } });
    return (await json(`${url}/api/auth/login`, { method: 'POST', body: { email, password: 'reliable password 1' } })).accessToken as string;
  };
  return { analyst: await make('analyst'), oncall: await make('oncall') };
}

function listen(url: string, token: string): Promise<{ socket: Socket; seen: { message: AlertMessage; at: number }[] }> {
  return new Promise((resolve, reject) => {
    const socket = connect(url, { transports: ['websocket'], auth: { token }, reconnection: true });
    const seen: { message: AlertMessage; at: number }[] = [];
    socket.on('alert:fired', (message: AlertMessage) => seen.push({ message, at: Date.now() }));
    socket.once('connect', () => resolve({ socket, seen }));
    socket.once('connect_error', reject);
  });
}

const env = (extra: Record<string, string>) => ({
  JWT_SECRET: SECRET, ADMIN_EMAIL: 'admin@example.test', ADMIN_PASSWORD: 'reliable password 1', REDIS_URL, LOG_LEVEL: 'info',
  AGENDA_PROCESS_EVERY_MS: '500', AGENDA_LOCK_LIFETIME_MS: '8000', CLOCK_HORIZON_SECONDS: '60', CLOCK_PLANNER_EVERY_SECONDS: '5', ...extra,
});

describe('reliability across processes', function () {
  this.timeout(120_000);

  it('loses and repeats nothing when one of three instances is killed mid-run; its stranded alerts arrive within 15 s', async () => {
    const dbName = uniqueDbName('kill3');
    const common = env({ MONGODB_URI: testMongoUri(), MONGODB_DB: dbName });
    const instances: ServiceProcess[] = [];
    try {
      for (let i = 0; i < 3; i++) instances.push(await startServiceProcess(common));
      const [first, , victim] = instances as [ServiceProcess, ServiceProcess, ServiceProcess];
      const tokens = await people(first.url);
      const client = await listen(first.url, tokens.oncall);

      const count = 24;
      const start = Date.now() + 4_000;
      const due = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const dueAt = start + i * 250;
        const created = await json(`${first.url}/api/incidents`, { method: 'POST', token: tokens.analyst, body: { title: `Kill test ${i}`, description: '', awareAt: new Date(dueAt - 24 * H).toISOString(), awarenessReason: 'test' } });
        due.set(created.id as string, dueAt);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, start + 1_500 - Date.now())));
      victim.child.kill('SIGKILL');
      await victim.exit;

      await waitFor(() => new Set(client.seen.map((s) => s.message.incidentId)).size, (n) => n >= count, 40_000, 'every alert at the client');
      const ids = client.seen.map((s) => s.message.alertId);
      assert.equal(ids.length, new Set(ids).size, 'no alert arrived twice');
      assert.equal(new Set(client.seen.map((s) => s.message.incidentId)).size, count, 'no alert missing');
      const worst = Math.max(...client.seen.map((s) => s.at - due.get(s.message.incidentId)!));
      assert.ok(worst <= 15_000, `the latest alert arrived ${worst} ms after its due time`);
      client.socket.disconnect();
    } finally {
      for (const p of instances) if (p.child.exitCode === null) p.child.kill('SIGTERM');
      await Promise.all(instances.map((p) => p.exit));
      await dropDatabase(dbName);
    }
  });

  it('loses nothing while the database is away for 10 s; alerts arrive within 5 s of its return; no process exits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'breach-clock-dbstop-'));
    const port = await freePort();
    let db = new EmbeddedFerretdb({ dataDir, port, logger: createLogger('silent') });
    const uri = await db.start();
    const common = env({ MONGODB_URI: uri, MONGODB_DB: 'dbstop' });
    const instances: ServiceProcess[] = [];
    try {
      for (let i = 0; i < 2; i++) instances.push(await startServiceProcess(common));
      const [first] = instances as [ServiceProcess];
      const tokens = await people(first.url);
      const client = await listen(first.url, tokens.oncall);
      const count = 10;
      const start = Date.now() + 5_000;
      for (let i = 0; i < count; i++) {
        await json(`${first.url}/api/incidents`, { method: 'POST', token: tokens.analyst, body: { title: `Outage ${i}`, description: '', awareAt: new Date(start + i * 500 - 24 * H).toISOString(), awarenessReason: 'test' } });
      }
      await new Promise((r) => setTimeout(r, Math.max(0, start - 2_000 - Date.now())));
      await db.stop();
      await new Promise((r) => setTimeout(r, 10_000));
      db = new EmbeddedFerretdb({ dataDir, port, logger: createLogger('silent') });
      await db.start();
      const back = Date.now();
      await waitFor(() => new Set(client.seen.map((s) => s.message.incidentId)).size, (n) => n >= count, 30_000, 'every alert after the outage');
      const lastArrival = Math.max(...client.seen.map((s) => s.at));
      assert.ok(lastArrival - back <= 5_000, `alerts arrived ${lastArrival - back} ms after the database returned`);
      const ids = client.seen.map((s) => s.message.alertId);
      assert.equal(ids.length, new Set(ids).size, 'no alert arrived twice');
      assert.ok(instances.every((p) => p.child.exitCode === null), 'no process exited');
      client.socket.disconnect();
    } finally {
      for (const p of instances) if (p.child.exitCode === null) p.child.kill('SIGTERM');
      await Promise.all(instances.map((p) => p.exit));
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
