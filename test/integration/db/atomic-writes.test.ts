import assert from 'node:assert/strict';
import { MongoClient, type Db } from 'mongodb';
import { testMongoUri, uniqueDbName } from '../../support/database.js';

/**
 * Writes from many connections at once behave as on MongoDB. Unpatched, the embedded FerretDB reads the
 * matching documents and writes them in a separate statement (server/db/ferretdb/patches/0002-…), so
 * every one of these failed: $inc handed out one value several times, a guarded update applied twice.
 */
describe('the database: writes are atomic under concurrency', () => {
  const clients: MongoClient[] = [];
  let dbName: string;
  /** The same database through four clients, each with a pool of its own. */
  let dbs: Db[];

  before(async () => {
    dbName = uniqueDbName('atomic');
    for (let i = 0; i < 4; i++) clients.push(await MongoClient.connect(testMongoUri(), { maxPoolSize: 30 }));
    dbs = clients.map((client) => client.db(dbName));
  });

  after(async () => {
    await dbs[0]?.dropDatabase().catch(() => undefined);
    await Promise.all(clients.map((client) => client.close()));
  });

  const via = (i: number) => dbs[i % dbs.length]!;

  it('$inc by 100 concurrent findOneAndUpdate calls ends at 100 and hands out 100 distinct values', async () => {
    await via(0).collection('counters').insertOne({ _id: 'c' as never, n: 0 });
    const returned = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        via(i)
          .collection<{ _id: string; n: number }>('counters')
          .findOneAndUpdate({ _id: 'c' }, { $inc: { n: 1 } }, { returnDocument: 'after' }),
      ),
    );
    const values = returned.map((doc) => doc?.n);
    assert.equal(new Set(values).size, 100, `duplicates among ${values.join(',')}`);
    assert.deepEqual([...values].sort((a, b) => a! - b!), Array.from({ length: 100 }, (_, i) => i + 1));
    assert.equal((await via(1).collection<{ _id: string; n: number }>('counters').findOne({ _id: 'c' }))?.n, 100);
  });

  it('a filtered update applies once when 20 writers race with the same expected version', async () => {
    await via(0).collection('docs').insertOne({ _id: 'd' as never, version: 0, text: 'start' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        via(i)
          .collection<{ _id: string; version: number; text: string }>('docs')
          .updateOne({ _id: 'd', version: 0 }, { $set: { text: `writer ${i}` }, $inc: { version: 1 } }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.modifiedCount === 1 ? [i] : []));
    assert.equal(winners.length, 1, `winners: ${winners.join(',')}`);
    const stored = await via(2).collection<{ _id: string; version: number; text: string }>('docs').findOne({ _id: 'd' });
    assert.deepEqual({ version: stored?.version, text: stored?.text }, { version: 1, text: `writer ${winners[0]}` });
  });

  it('20 concurrent upserts of one key make one document', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        via(i)
          .collection('upserts')
          .updateOne({ key: 'k' }, { $setOnInsert: { createdBy: i }, $inc: { hits: 1 } }, { upsert: true }),
      ),
    );
    assert.equal(results.filter((r) => r.upsertedCount === 1).length, 1);
    const docs = await via(3).collection('upserts').find({ key: 'k' }).toArray();
    assert.equal(docs.length, 1);
    assert.equal(docs[0]?.hits, 20);
  });

  it('a document removed by one deleteOne is not removed again by a racing one', async () => {
    await via(0).collection('jobs').insertMany(Array.from({ length: 5 }, (_, i) => ({ n: i, state: 'queued' })));
    // Ten workers each claim "the next queued job"; five jobs mean five claims, each job claimed once.
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        via(i).collection<{ n: number; state: string }>('jobs').findOneAndUpdate({ state: 'queued' }, { $set: { state: `worker ${i}` } }, { sort: { n: 1 } }),
      ),
    );
    const claimed = claims.flatMap((doc) => (doc ? [doc.n] : []));
    assert.deepEqual([...claimed].sort(), [0, 1, 2, 3, 4]);
    const deleted = await Promise.all(Array.from({ length: 10 }, (_, i) => via(i).collection('jobs').deleteOne({ n: 0 })));
    assert.equal(deleted.reduce((sum, r) => sum + r.deletedCount, 0), 1);
  });
});
