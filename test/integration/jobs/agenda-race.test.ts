import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { JOBS_COLLECTION, Scheduler, jobDone } from '../../../server/jobs/scheduler.js';
import { createLogger } from '../../../server/lib/logger.js';
import { openTestDatabase } from '../../support/database.js';
import { waitFor } from '../../support/wait.js';

describe('Agenda on the database: a job is taken by one worker only', () => {
  let db: { connection: Connection; close(): Promise<void> };
  beforeEach(async () => {
    db = await openTestDatabase('agendarace');
  });
  afterEach(() => db.close());

  it("lets only one of several lock queries made at once take a job (Agenda's own query)", async () => {
    const jobs = db.connection.db!.collection(JOBS_COLLECTION);
    for (let round = 0; round < 5; round++) {
      await jobs.insertOne({ _id: new ObjectId(), name: `job-${round}`, lockedAt: null, nextRunAt: new Date('2026-11-23T10:00:00Z') });
      const lock = () =>
        jobs.findOneAndUpdate(
          { name: `job-${round}`, disabled: { $ne: true }, $or: [{ lockedAt: { $eq: null } }, { lockedAt: { $lte: new Date(0) } }] },
          { $set: { lockedAt: new Date() } },
          { sort: { nextRunAt: 1 }, returnDocument: 'after' },
        );
      const taken = (await Promise.all([lock(), lock(), lock(), lock()])).filter((job) => job !== null);
      assert.equal(taken.length, 1, `round ${round}: the job was locked ${taken.length} times`);
    }
  });

  it('runs each of 40 jobs once when two scheduler instances poll one collection', async () => {
    const runs = new Map<string, number>();
    const schedulers = ['one', 'two'].map(
      (name) => new Scheduler({ db: db.connection.db!, logger: createLogger('silent'), name, processEveryMs: 50, lockLifetimeMs: 10_000, lockLimit: 100, maxConcurrency: 20 }),
    );
    for (const scheduler of schedulers) {
      scheduler.define({
        name: 'test.count',
        data: z.object({ n: z.number() }),
        handle: async ({ n }) => {
          runs.set(String(n), (runs.get(String(n)) ?? 0) + 1);
          return jobDone();
        },
      });
    }
    const due = new Date(Date.now() + 300);
    for (let n = 0; n < 40; n++) await schedulers[n % 2]!.schedule('test.count', due, { n });
    await Promise.all(schedulers.map((s) => s.start()));
    try {
      await waitFor(() => runs.size, (size) => size === 40, 15_000, 'every job to run');
    } finally {
      // stop() waits for the jobs in flight, so a job taken twice has run twice by then.
      await Promise.all(schedulers.map((s) => s.stop()));
    }
    assert.deepEqual([...runs.entries()].filter(([, count]) => count !== 1), []);
  });
});
