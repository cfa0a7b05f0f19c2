import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import { op } from '../../../server/db/trusted.js';
import { alertModel } from '../../../server/domains/alerts/alert.model.js';
import { incidentModels, type Incident } from '../../../server/domains/incidents/incident.model.js';
import type { AlertMessage } from '../../../server/realtime/events.js';
import { LiveClock, ManualClock } from '../../support/clock.js';
import { dropDatabase, uniqueDbName } from '../../support/database.js';
import { drainDueJobs } from '../../support/jobs.js';
import { api, flushSocket, startTestService, type TestService } from '../../support/service.js';
import { waitFor } from '../../support/wait.js';

const H = 3_600_000;

function collect(socket: Socket): AlertMessage[] {
  const seen: AlertMessage[] = [];
  socket.on('alert:fired', (m: AlertMessage) => seen.push(m));
  return seen;
}

describe('the clock across instances and restarts', function () {
  this.timeout(60_000);

  it('fires each milestone of a batch at its own due time, not before, by the wall clock', async () => {
    const svc = await startTestService({ clock: new LiveClock(), env: { PROCESS_ROLES: 'web' } });
    try {
      const analyst = await svc.user(['analyst']);
      const now = Date.now();
      const items = [];
      for (const offset of [600, 200, 400]) {
        const due = new Date(now + offset);
        const incident = (await api(svc).post('/api/incidents').set(analyst.auth)
          .send({ title: `Batch ${offset}`, description: '', awareAt: new Date(due.getTime() - 24 * H).toISOString(), awarenessReason: 'test' }).expect(201)).body;
        items.push({ incidentId: incident.id as string, milestone: 'h24', dueAt: due.toISOString() });
      }
      const outcome = await svc.container.clockService.onMilestones(items);
      assert.equal(outcome.status, 'done');
      const alerts = await alertModel(svc.connection).find({ milestone: 'h24' }).lean();
      assert.equal(alerts.length, 3);
      for (const alert of alerts) {
        assert.ok(alert.firedAt >= alert.dueAt, `fired ${alert.firedAt.toISOString()}, due ${alert.dueAt.toISOString()}`);
        assert.ok(alert.firedAt.getTime() - alert.dueAt.getTime() < 250, 'and promptly');
      }
    } finally {
      await svc.close();
    }
  });

  it('records and emits each milestone once with two scheduler instances on one database', async () => {
    const dbName = uniqueDbName('twoinst');
    const env = { PROCESS_ROLES: 'web,worker', AGENDA_PROCESS_EVERY_MS: '200', AGENDA_LOCK_LIFETIME_MS: '5000' };
    const a = await startTestService({ dbName, env, clock: new LiveClock(), instanceName: 'instance-a' });
    const b = await startTestService({ dbName, env, clock: new LiveClock(), instanceName: 'instance-b' });
    try {
      const analyst = await a.user(['analyst']);
      const oncall = await a.user(['oncall']);
      const socketA = await a.socket(oncall.token);
      const socketB = await b.socket(oncall.token);
      const seenA = collect(socketA);
      const seenB = collect(socketB);

      const count = 20;
      const now = Date.now();
      for (let i = 0; i < count; i++) {
        // The 24-hour milestone of each falls due 1.5 to 3.5 seconds from now.
        const awareAt = new Date(now - 24 * H + 1_500 + i * 100).toISOString();
        await api(a).post('/api/incidents').set(analyst.auth).send({ title: `Race ${i}`, description: '', awareAt, awarenessReason: 'test' }).expect(201);
      }
      const Alerts = alertModel(a.connection);
      await waitFor(() => Alerts.countDocuments({ milestone: 'h24', pushedAt: op({ $ne: null }) }), (n) => n >= count, 20_000, 'every h24 alert to be pushed');
      await flushSocket(a, socketA);
      await flushSocket(b, socketB);

      assert.equal(await Alerts.countDocuments({}), count, 'one alert record per milestone');
      const all = [...seenA, ...seenB];
      assert.equal(all.length, count, `emitted once each (a: ${seenA.length}, b: ${seenB.length})`);
      assert.equal(new Set(all.map((m) => m.alertId)).size, count);
      assert.ok(all.every((m) => m.milestone === 'h24' && !m.late));
    } finally {
      await a.stop();
      await b.stop();
      await dropDatabase(dbName);
    }
  });

  it('after a restart with milestones missed, delivers exactly one late alert and the rest on time', async () => {
    const dbName = uniqueDbName('restart');
    const clock = new ManualClock('2026-01-05T08:00:00Z');
    const first = await startTestService({ dbName, clock });
    const analyst = await first.user(['analyst']);
    const oncall = await first.user(['oncall']);
    const incident = (await api(first).post('/api/incidents').set(analyst.auth).send({ title: 'Across a restart', description: '', awareAt: clock.now().toISOString() }).expect(201)).body;
    await first.stop();

    clock.advanceHours(50); // h24 and h48 passed while the service was down
    const second = await startTestService({ dbName, clock });
    try {
      const socket = await second.socket(oncall.token);
      const seen = collect(socket);
      await drainDueJobs(second);
      await flushSocket(second, socket);
      assert.deepEqual(seen.map((m) => [m.incidentId, m.milestone, m.late]), [[incident.id, 'h48', true]]);

      for (const hours of [10, 6, 4, 1, 1]) {
        clock.advanceHours(hours);
        await drainDueJobs(second);
      }
      await flushSocket(second, socket);
      assert.deepEqual(seen.map((m) => [m.milestone, m.late]), [['h48', true], ['h60', false], ['h66', false], ['h70', false], ['h71', false], ['deadline', false]]);
    } finally {
      await second.close();
    }
  });

  it('at start-up plans a running clock whose plan was lost (a crash between the write and the planning)', async () => {
    const dbName = uniqueDbName('lostplan');
    const clock = new ManualClock('2026-01-05T08:00:00Z');
    const first = await startTestService({ dbName, clock });
    const analyst = await first.user(['analyst']);
    const oncall = await first.user(['oncall']);
    const lost = (await api(first).post('/api/incidents').set(analyst.auth).send({ title: 'Plan lost', description: '', awareAt: clock.now().toISOString() }).expect(201)).body;
    const kept = (await api(first).post('/api/incidents').set(analyst.auth).send({ title: 'Plan kept', description: '', awareAt: clock.now().toISOString() }).expect(201)).body;
    const db = first.connection.db!;
    await db.collection('clock_plans').deleteOne({ _id: lost.id });
    await db.collection('clock_plans_due').deleteMany({ id: lost.id });
    await first.stop();

    clock.advanceHours(1);
    const second = await startTestService({ dbName, clock });
    try {
      // Both clocks are filed under their next milestone (h24): nothing for the planner yet.
      const due = await second.connection.db!.collection('clock_plans_due').find({ dueAt: { $lte: new Date(clock.now().getTime() + H) } }).toArray();
      assert.deepEqual(due, []);
      const socket = await second.socket(oncall.token);
      const seen = collect(socket);
      clock.advanceHours(23);
      await drainDueJobs(second);
      await flushSocket(second, socket);
      assert.deepEqual(seen.map((m) => [m.incidentId, m.milestone]).sort(), [[kept.id, 'h24'], [lost.id, 'h24']].sort());
    } finally {
      await second.close();
    }
  });

  it('re-sends an alert recorded but never pushed (a crash between the two), keeping its id', async () => {
    const clock = new ManualClock('2026-01-05T08:00:00Z');
    const svc: TestService = await startTestService({ clock });
    try {
      const analyst = await svc.user(['analyst']);
      const oncall = await svc.user(['oncall']);
      const incident = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Crash', description: '', awareAt: clock.now().toISOString() }).expect(201)).body;
      const Alerts = alertModel(svc.connection);
      const stored = await incidentModels(svc.connection).Incidents.findById(incident.id).lean<Incident>();
      assert.ok(stored);
      const stranded = await svc.container.alerts.record({
        incident: stored, kind: 'milestone', milestone: 'h24', hoursElapsed: 24, dueAt: new Date(clock.now().getTime() + 24 * H), late: false,
      });
      assert.ok(stranded);
      clock.advanceMs(30_000);
      const socket = await svc.socket(oncall.token);
      const seen = collect(socket);
      const result = await svc.container.clockService.recover();
      await flushSocket(svc, socket);
      assert.equal(result.repushed, 1);
      assert.deepEqual(seen.map((m) => m.alertId), [String(stranded._id)]);
      const after = await Alerts.findById(stranded._id).lean();
      assert.ok(after?.pushedAt && after.handedOnAt, 'pushed and handed on');
      // It was never handed on either, so its e-mail and webhook dispatch is queued now, once.
      const ran = await drainDueJobs(svc);
      assert.deepEqual(ran.filter((j) => j.name === 'alerts.dispatch').map((j) => j.data.alertIds), [[String(stranded._id)]]);
      assert.equal(await svc.container.clockService.repushStranded(), 0);
    } finally {
      await svc.close();
    }
  });
});
