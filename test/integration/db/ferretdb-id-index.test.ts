import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import { openTestDatabase } from '../../support/database.js';

describe('the database: reads by _id use the _id index', () => {
  // The embedded FerretDB is built with a patch for this (server/db/ferretdb/patches/0001-…): unpatched, its
  // SQLite backend reads the whole table for every _id lookup.
  it('answers a filter on _id alone (ObjectId or string) with an index search, not a table scan', async () => {
    const db = await openTestDatabase('idindex');
    try {
      const cases: [string, (ObjectId | string)[]][] = [['objectids', [new ObjectId(), new ObjectId()]], ['strings', ['m0000000001', 'm0000000002']]];
      for (const [name, ids] of cases) {
        const collection = db.connection.db!.collection<{ _id: ObjectId | string; n: number }>(name);
        await collection.insertMany(ids.map((_id, n) => ({ _id, n })));
        const explained = (await collection.find({ _id: ids[1] }).explain()) as { queryPlanner?: { Plan?: unknown; winningPlan?: unknown } };
        // FerretDB reports SQLite's plan; MongoDB its own stages.
        const sqlitePlan = explained.queryPlanner?.Plan;
        if (sqlitePlan) assert.match(JSON.stringify(sqlitePlan), /SEARCH .* USING INDEX .*_id_/, JSON.stringify(sqlitePlan));
        else assert.match(JSON.stringify(explained.queryPlanner?.winningPlan), /IDHACK|IXSCAN|EXPRESS/);
        assert.equal((await collection.findOne({ _id: ids[1] }))?.n, 1);
      }
    } finally {
      await db.close();
    }
  });
});
