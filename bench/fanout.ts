/**
 * Socket fan-out: the time from one push to its arrival at each of CLIENTS connected dashboards
 * (on-call room), over real socket.io websocket connections on loopback, after WARMUP broadcasts
 * (reported apart). Targets: p99 <= 50 ms at 1,000 clients, <= 250 ms at 5,000; server heap <= 12 KB
 * per connected client.
 *
 *   npm run bench:fanout
 *   CLIENTS=5000 npm run bench:fanout
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config.js';
import { EmbeddedFerretdb } from '../server/db/embedded-ferretdb.js';
import { systemContext } from '../server/domains/audit/audit.service.js';
import { createLogger } from '../server/lib/logger.js';
import type { AlertMessage } from '../server/realtime/events.js';
import { startService } from '../server/service.js';

const CLIENTS = Number(process.env.CLIENTS ?? 1_000);
const ROUNDS = Number(process.env.ROUNDS ?? 50);
/** Broadcasts sent first and reported apart: the first few run before V8 has compiled the send path. */
const WARMUP = Number(process.env.WARMUP ?? 5);
/** 50 ms at 1,000 clients, 250 ms at 5,000. */
const targetMs = CLIENTS <= 1_000 ? 50 : 250;

async function main(): Promise<void> {
  const logger = createLogger('silent');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-fanout-'));
  const ferretdb = new EmbeddedFerretdb({ dataDir, port: 0, logger });
  const uri = await ferretdb.start();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', ADMIN_EMAIL: 'a@bench.test', ADMIN_PASSWORD: 'bench password 123', PROCESS_ROLES: 'web' });
  const service = await startService({ config, logger, mongoUri: uri, dbName: 'bench_fanout' });
  const user = await service.container.users.create(systemContext('bench'), { name: 'On call', email: 'oncall@bench.test', roles: ['oncall'], password: 'bench password 123' });
  const token = service.container.tokens.sign(String(user._id), await service.container.auth.startSession(String(user._id))).token;

  // Live heap only: garbage from the handshakes would otherwise count as memory kept per client.
  const liveHeap = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };
  const heapBefore = liveHeap();
  // The dashboards run in processes of their own (CLIENT_PROCESSES, default 2), as browsers would.
  const processes = Number(process.env.CLIENT_PROCESSES ?? 2);
  const children = Array.from({ length: processes }, (_, p) => {
    const share = Math.floor(CLIENTS / processes) + (p < CLIENTS % processes ? 1 : 0);
    return fork(join(dirname(fileURLToPath(import.meta.url)), 'fanout-clients.ts'), [service.url, token, String(share)], { execArgv: ['--import', 'tsx'] });
  });
  const arrivals = new Map<string, number[]>();
  let onArrival: (() => void) | undefined;
  const reached = (type: 'half' | 'ready') => Promise.all(children.map((child) => new Promise<void>((resolve, reject) => {
    const listen = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', listen);
      resolve();
    };
    child.on('message', listen);
    child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
  })));
  for (const child of children) {
    child.on('message', (m: { type: string; alertId?: string; times?: number[] }) => {
      if (m.type === 'round') {
        arrivals.set(m.alertId!, [...(arrivals.get(m.alertId!) ?? []), ...m.times!]);
        onArrival?.();
      }
    });
  }
  await reached('half');
  const heapAtHalf = liveHeap();
  const connectedAtHalf = service.io.of('/').sockets.size;
  const ready = reached('ready');
  for (const child of children) child.send({ type: 'rest' });
  await ready;
  const heapAtAll = liveHeap();
  const connected = service.io.of('/').sockets.size;
  // What each further dashboard costs, and the whole heap growth per dashboard (one-off costs such as the
  // database pool grown by the burst of sign-ins included).
  const heapPerClient = Math.round((heapAtAll - heapAtHalf) / (connected - connectedAtHalf));
  const heapGrowthPerClient = Math.round((heapAtAll - heapBefore) / connected);

  const lags: number[] = [];
  const warmupLags: number[] = [];
  // How long the server's own (synchronous) write to every socket takes, apart from the clients' side.
  const emitMs: number[] = [];
  for (let round = -WARMUP; round < ROUNDS; round++) {
    const alertId = `bench-${round}`;
    const all = new Promise<void>((resolve) => {
      onArrival = () => {
        if ((arrivals.get(alertId)?.length ?? 0) >= CLIENTS) resolve();
      };
    });
    const sentAt = performance.timeOrigin + performance.now();
    const message: AlertMessage = { alertId, incidentId: 'bench', kind: 'milestone', milestone: 'h24', hoursElapsed: 24, deadline: '', dueAt: '', sentAt: '', late: false, title: 'Bench' };
    void service.container.broadcaster.alertFired(message, { incidentId: 'bench', roles: ['oncall'], userIds: [], incident: { restricted: false, assignees: [], owner: null } });
    const emitted = performance.timeOrigin + performance.now() - sentAt;
    await all;
    if (round < 0) {
      for (const at of arrivals.get(alertId)!) warmupLags.push(at - sentAt);
      continue;
    }
    emitMs.push(emitted);
    for (const at of arrivals.get(alertId)!) lags.push(at - sentAt);
  }
  for (const child of children) child.send({ type: 'stop' });
  lags.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(lags[Math.ceil((p / 100) * lags.length) - 1]! * 10) / 10;
  console.log(JSON.stringify({
    clients: CLIENTS, clientProcesses: processes, rounds: ROUNDS, deliveries: lags.length,
    warmup: { rounds: WARMUP, maxLagMs: Math.round(Math.max(...warmupLags, 0) * 10) / 10 },
    lagMs: { p50: pct(50), p99: pct(99), max: Math.round(lags.at(-1)! * 10) / 10 },
    serverEmitMs: { p50: Math.round(emitMs.sort((a, b) => a - b)[Math.floor(emitMs.length / 2)]! * 10) / 10, max: Math.round(emitMs.at(-1)! * 10) / 10 },
    serverHeapPerClientBytes: heapPerClient,
    serverHeapGrowthPerClientBytes: heapGrowthPerClient,
    target: `p99 <= ${targetMs} ms, heap <= 12 KB per client`,
  }, null, 2));
  console.log(pct(99) <= targetMs && heapPerClient <= 12 * 1024 ? 'target met' : 'target NOT met');
  await service.stop();
  await ferretdb.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
