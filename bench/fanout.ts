/**
 * Socket fan-out: the time from one push to its arrival at each of CLIENTS connected dashboards
 * (on-call room), over real socket.io websocket connections on loopback. Target: p99 <= 50 ms.
 *
 *   npm run bench:fanout
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
const ROUNDS = Number(process.env.ROUNDS ?? 20);

async function main(): Promise<void> {
  const logger = createLogger('silent');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-fanout-'));
  const ferretdb = new EmbeddedFerretdb({ dataDir, port: 0, logger });
  const uri = await ferretdb.start();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', ADMIN_EMAIL: 'a@bench.test', ADMIN_PASSWORD: 'bench password 123', PROCESS_ROLES: 'web' });
  const service = await startService({ config, logger, mongoUri: uri, dbName: 'bench_fanout' });
  const user = await service.container.users.create(systemContext('bench'), { name: 'On call', email: 'oncall@bench.test', roles: ['oncall'], password: 'bench password 123' });
  const token = service.container.tokens.sign(String(user._id)).token;

  // The dashboards run in a process of their own, as browsers would, so the server has its own core.
  const heapBefore = process.memoryUsage().heapUsed;
  // The dashboards run in processes of their own (CLIENT_PROCESSES, default 1), as browsers would.
  const processes = Number(process.env.CLIENT_PROCESSES ?? 1);
  const children = Array.from({ length: processes }, (_, p) => {
    const share = Math.floor(CLIENTS / processes) + (p < CLIENTS % processes ? 1 : 0);
    return fork(join(dirname(fileURLToPath(import.meta.url)), 'fanout-clients.ts'), [service.url, token, String(share)], { execArgv: ['--import', 'tsx'] });
  });
  const arrivals = new Map<string, number[]>();
  let onArrival: (() => void) | undefined;
  await Promise.all(children.map((child) => new Promise<void>((resolve, reject) => {
    child.on('message', (m: { type: string; alertId?: string; times?: number[] }) => {
      if (m.type === 'ready') resolve();
      if (m.type === 'round') {
        arrivals.set(m.alertId!, [...(arrivals.get(m.alertId!) ?? []), ...m.times!]);
        onArrival?.();
      }
    });
    child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
  })));
  const heapPerClient = Math.round((process.memoryUsage().heapUsed - heapBefore) / CLIENTS);

  const lags: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const alertId = `bench-${round}`;
    const all = new Promise<void>((resolve) => {
      onArrival = () => {
        if ((arrivals.get(alertId)?.length ?? 0) >= CLIENTS) resolve();
      };
    });
    const sentAt = performance.timeOrigin + performance.now();
    const message: AlertMessage = { alertId, incidentId: 'bench', kind: 'milestone', milestone: 'h24', hoursElapsed: 24, deadline: '', dueAt: '', sentAt: '', late: false, title: 'Bench' };
    service.container.broadcaster.alertFired(message, { incidentId: 'bench', roles: ['oncall'], userIds: [] });
    await all;
    for (const at of arrivals.get(alertId)!) lags.push(at - sentAt);
  }
  for (const child of children) child.send({ type: 'stop' });
  lags.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(lags[Math.ceil((p / 100) * lags.length) - 1]! * 10) / 10;
  console.log(JSON.stringify({
    clients: CLIENTS, clientProcesses: processes, rounds: ROUNDS, deliveries: lags.length,
    lagMs: { p50: pct(50), p99: pct(99), max: Math.round(lags.at(-1)! * 10) / 10 },
    serverHeapPerClientBytes: heapPerClient,
    target: 'p99 <= 50 ms',
  }, null, 2));
  console.log(pct(99) <= 50 ? 'target met' : 'target NOT met');
  await service.stop();
  await ferretdb.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
