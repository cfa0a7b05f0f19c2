import assert from 'node:assert/strict';
import { ManualClock } from '../../support/clock.js';
import { uniqueDbName } from '../../support/database.js';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';

describe('incidents under concurrent requests', () => {
  const clock = new ManualClock(new Date());
  const dbName = uniqueDbName('concurrency');
  let one: TestService;
  let two: TestService;
  let analyst: TestUser;

  before(async () => {
    // Two service instances on one database, as two web processes behind a load balancer.
    one = await startTestService({ dbName, clock, instanceName: 'one' });
    two = await startTestService({ dbName, clock, instanceName: 'two' });
    analyst = await one.user(['analyst']);
  });
  after(async () => {
    await two.close();
    await one.close();
  });

  it('accepts exactly one of 20 PATCHes sent at once with the same version; the rest get 409', async () => {
    const created = await api(one).post('/api/incidents').set(analyst.auth).send({ title: 'Shared drive', description: 'Folder shared with everyone' }).expect(201);
    const id = created.body.id as string;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(i % 2 ? two : one).patch(`/api/incidents/${id}`).set(analyst.auth).send({ version: 0, title: `Writer ${i}` }),
      ),
    );
    const statuses = answers.map((res) => res.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 409).length, 19, statuses.join(','));
    const winner = answers.find((res) => res.status === 200)!;
    assert.equal(winner.body.version, 1);

    const stored = await api(two).get(`/api/incidents/${id}`).set(analyst.auth).expect(200);
    assert.equal(stored.body.title, winner.body.title);
    assert.equal(stored.body.version, 1);
    const timeline = await api(one).get(`/api/incidents/${id}/timeline`).set(analyst.auth).expect(200);
    const changes = timeline.body.filter((e: { kind: string }) => e.kind === 'updated');
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0].changes.find((c: { field: string }) => c.field === 'title'), {
      field: 'title', from: 'Shared drive', to: winner.body.title, label: 'Hva har skjedd?', fromText: 'Shared drive', toText: winner.body.title, text: `Hva har skjedd? Shared drive → ${winner.body.title}`,
    });
  });

  it('takes 32 intakes sent at once through two instances, each with its own reference and no gap', async () => {
    const answers = await Promise.all(
      Array.from({ length: 32 }, (_, i) => api(i % 2 ? two : one).post('/api/incidents').set(analyst.auth).send({ title: `Report ${i}`, description: '' })),
    );
    assert.deepEqual(answers.map((res) => res.status), Array(32).fill(201));
    const refs = answers.map((res) => res.body.ref as string);
    assert.equal(new Set(refs).size, 32);
    const numbers = refs.map((ref) => Number(ref.split('-')[2])).sort((a, b) => a - b);
    assert.equal(numbers[31]! - numbers[0]!, 31, `refs are consecutive: ${numbers.join(',')}`);
  });
});
