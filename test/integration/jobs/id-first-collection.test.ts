import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import { idFirstDb } from '../../../server/jobs/id-first-collection.js';
import { openTestDatabase } from '../../support/database.js';

describe('Agenda collection on the embedded database: updates that name a job by _id', () => {
  let db: { connection: Connection; close(): Promise<void> };
  beforeEach(async () => {
    db = await openTestDatabase('idfirst');
  });
  afterEach(() => db.close());

  it('applies the other conditions of an _id filter exactly as the database would', async () => {
    const jobs = idFirstDb(db.connection.db!).collection('jobs');
    const _id = new ObjectId();
    const runAt = new Date('2026-11-23T10:00:00Z');
    await jobs.insertOne({ _id, name: 'clock.milestone', lockedAt: null, nextRunAt: runAt });

    assert.equal((await jobs.updateOne({ _id, name: 'other' }, { $set: { x: 1 } })).matchedCount, 0);
    assert.equal((await jobs.updateOne({ _id, name: 'clock.milestone' }, { $set: { x: 1 } })).matchedCount, 1);

    const criteria = { _id, name: 'clock.milestone', lockedAt: null, nextRunAt: new Date(runAt), disabled: { $ne: true } };
    const locked = await jobs.findOneAndUpdate(criteria, { $set: { lockedAt: new Date() } }, { returnDocument: 'after' });
    assert.ok(locked?.lockedAt instanceof Date, 'the first lock takes the job');
    assert.equal(await jobs.findOneAndUpdate(criteria, { $set: { lockedAt: new Date() } }, { returnDocument: 'after' }), null, 'a locked job is not locked again');
    assert.equal((await jobs.updateOne({ _id, nextRunAt: { $ne: null } }, { $unset: { lockedAt: true } })).matchedCount, 1);
    assert.equal((await jobs.findOne({ _id }))?.x, 1);
  });

  it('lets only one of several lock queries made at once take a job', async () => {
    const jobs = idFirstDb(db.connection.db!).collection('jobs');
    for (let round = 0; round < 5; round++) {
      await jobs.insertOne({ _id: new ObjectId(), name: `job-${round}`, lockedAt: null, nextRunAt: new Date('2026-11-23T10:00:00Z') });
      // Agenda's lock query: by name and lock state, not by _id.
      const lock = () => jobs.findOneAndUpdate(
        { name: `job-${round}`, disabled: { $ne: true }, $or: [{ lockedAt: { $eq: null } }, { lockedAt: { $lte: new Date(0) } }] },
        { $set: { lockedAt: new Date() } },
        { sort: { nextRunAt: 1 }, returnDocument: 'after' },
      );
      const taken = (await Promise.all([lock(), lock(), lock(), lock()])).filter((job) => job !== null);
      assert.equal(taken.length, 1, `round ${round}: the job was locked ${taken.length} times`);
    }
  });
});
