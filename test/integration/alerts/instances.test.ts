import assert from 'node:assert/strict';
import { createClient } from 'redis';
import type { Socket } from 'socket.io-client';
import type { AlertMessage } from '../../../server/realtime/events.js';
import { ManualClock } from '../../support/clock.js';
import { dropDatabase, uniqueDbName } from '../../support/database.js';
import { drainDueJobs } from '../../support/jobs.js';
import { api, flushSocket, startTestService } from '../../support/service.js';
import { waitFor } from '../../support/wait.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('several instances: pushes cross instances through Redis', function () {
  this.timeout(30_000);

  it('delivers an alert fired on one instance to dashboards on another, once per dashboard', async () => {
    const probe = createClient({ url: REDIS_URL });
    await probe.connect().catch((err: unknown) => {
      throw new Error(`Redis is expected at ${REDIS_URL} (the machine's service): ${(err as Error).message}`);
    });
    await probe.quit();

    const dbName = uniqueDbName('redis');
    const clock = new ManualClock('2026-01-05T08:00:00Z');
    const env = { REDIS_URL };
    const a = await startTestService({ dbName, clock, env, instanceName: 'a' });
    const b = await startTestService({ dbName, clock, env, instanceName: 'b' });
    try {
      const analyst = await a.user(['analyst']);
      const oncall = await a.user(['oncall']);
      clock.advanceHours(1);
      const token = oncall.token;
      const onA = await a.socket(token);
      const onB = await b.socket(token);
      const seen = (s: Socket) => {
        const list: AlertMessage[] = [];
        s.on('alert:fired', (m: AlertMessage) => list.push(m));
        return list;
      };
      const seenA = seen(onA);
      const seenB = seen(onB);
      await api(a).post('/api/incidents').set(analyst.auth).send({ title: 'Cross-instance', description: '', awareAt: clock.now().toISOString() }).expect(201);
      clock.advanceHours(24);
      await drainDueJobs(a);
      await waitFor(() => seenB.length, (n) => n >= 1, 5_000, 'the alert on instance b');
      await waitFor(() => seenA.length, (n) => n >= 1, 5_000, 'the alert on instance a');
      // A marker sent after the alert through the same Redis stream: anything sent twice would be here by now.
      await flushSocket(a, onB);
      await flushSocket(a, onA);
      assert.deepEqual(seenB.map((m) => m.milestone), ['h24']);
      assert.deepEqual(seenA.map((m) => m.alertId), seenB.map((m) => m.alertId));
    } finally {
      await a.stop();
      await b.stop();
      await dropDatabase(dbName);
    }
  });
});
