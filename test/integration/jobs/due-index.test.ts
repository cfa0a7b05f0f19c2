import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { DueIndex, type SweepVerdict } from '../../../server/jobs/due-index.js';
import { openTestDatabase } from '../../support/database.js';

const MIN = 60_000;

describe('due index: what falls due, found through an index on the due time', () => {
  let db: { connection: Connection; close(): Promise<void> };
  let index: DueIndex;
  const now = new Date('2026-11-23T10:00:30Z');

  beforeEach(async () => {
    db = await openTestDatabase('dueindex');
    index = new DueIndex(DueIndex.model(db.connection, 'test_due'));
  });
  afterEach(() => db.close());

  const sweep = async (at: Date, until: Date, verdict: (id: string) => SweepVerdict = () => 'drop') => {
    const seen: string[] = [];
    await index.sweep(at, until, async (id) => {
      seen.push(id);
      return verdict(id);
    });
    return seen;
  };

  it('visits the ids due up to the given time, oldest minute first, and not those due later', async () => {
    await index.add('later', new Date(now.getTime() + 10 * MIN));
    await index.add('b', new Date(now.getTime() + 2 * MIN));
    await index.addMany([{ id: 'a1', dueAt: new Date(now.getTime() + MIN) }, { id: 'a2', dueAt: new Date(now.getTime() + MIN + 1) }]);
    assert.deepEqual(await sweep(now, new Date(now.getTime() + 3 * MIN)), ['a1', 'a2', 'b']);
    // Dropped ids are gone; the later one is still there when its time comes.
    assert.deepEqual(await sweep(new Date(now.getTime() + 5 * MIN), new Date(now.getTime() + 11 * MIN)), ['later']);
  });

  it('revisits a kept id at the next sweep, however much later', async () => {
    await index.add('not-yet', new Date(now.getTime() + MIN));
    assert.deepEqual(await sweep(now, new Date(now.getTime() + 2 * MIN), () => 'keep'), ['not-yet']);
    const later = new Date(now.getTime() + 30 * MIN);
    assert.deepEqual(await sweep(later, new Date(later.getTime() + MIN)), ['not-yet']);
    assert.deepEqual(await sweep(later, new Date(later.getTime() + MIN)), []);
  });

  it('finds ids filed long before a sweep (a stopped service)', async () => {
    await index.add('old', new Date(now.getTime() + MIN));
    await sweep(now, now);
    const dayLater = new Date(now.getTime() + 24 * 60 * MIN);
    await index.add('soon', new Date(dayLater.getTime() + MIN));
    assert.deepEqual(await sweep(dayLater, new Date(dayLater.getTime() + 2 * MIN)), ['old', 'soon']);
  });

  it('drops only the ids the visitor is done with', async () => {
    const at = new Date(now.getTime() + MIN);
    await index.addMany([{ id: 'x', dueAt: at }, { id: 'y', dueAt: at }]);
    const later = new Date(now.getTime() + 5 * MIN);
    assert.deepEqual(await sweep(later, later, (id) => (id === 'x' ? 'drop' : 'keep')), ['x', 'y']);
    assert.deepEqual(await sweep(later, later), ['y']);
    const left = await db.connection.collection('test_due').countDocuments();
    assert.equal(left, 0);
  });

  it('keeps one entry for an id filed twice for the same moment, and runs settle before a minute leaves', async () => {
    const at = new Date(now.getTime() + MIN);
    await Promise.all([index.add('twice', at), index.add('twice', at), index.add('next', new Date(at.getTime() + MIN))]);
    const events: string[] = [];
    await index.sweep(now, new Date(now.getTime() + 3 * MIN), async (id) => {
      events.push(`visit ${id}`);
      return 'drop';
    }, async () => {
      events.push(`settle with ${await db.connection.collection('test_due').countDocuments()} left`);
    });
    assert.deepEqual(events, ['visit twice', 'settle with 2 left', 'visit next', 'settle with 1 left']);
  });

  it('takes on at most a batch per sweep, oldest first, and leaves the rest for the next sweep', async () => {
    const small = new DueIndex(DueIndex.model(db.connection, 'test_due'), { batch: 3 });
    await small.addMany(['e', 'd', 'c', 'b', 'a'].map((id, i) => ({ id, dueAt: new Date(now.getTime() + (5 - i) * 1000) })));
    const seen: string[][] = [];
    const until = new Date(now.getTime() + MIN);
    for (let i = 0; i < 3; i++) {
      const visited: string[] = [];
      await small.sweep(now, until, async (id) => {
        visited.push(id);
        return 'drop';
      });
      seen.push(visited);
    }
    assert.deepEqual(seen, [['a', 'b', 'c'], ['d', 'e'], []]);
  });

  it('stops visiting once its time budget is spent, settles what it visited, and the next sweep goes on', async () => {
    const hurried = new DueIndex(DueIndex.model(db.connection, 'test_due'), { budgetMs: 20 });
    await hurried.addMany(['a', 'b', 'c'].map((id, i) => ({ id, dueAt: new Date(now.getTime() + i) })));
    const events: string[] = [];
    const slowVisit = async (id: string): Promise<SweepVerdict> => {
      events.push(`visit ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return 'drop';
    };
    const settle = async () => void events.push('settle');
    await hurried.sweep(now, new Date(now.getTime() + MIN), slowVisit, settle);
    assert.deepEqual(events, ['visit a', 'settle']);
    await hurried.sweep(now, new Date(now.getTime() + MIN), slowVisit, settle);
    assert.deepEqual(events, ['visit a', 'settle', 'visit b', 'settle']);
  });
});
