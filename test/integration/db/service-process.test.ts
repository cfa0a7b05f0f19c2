import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { ensureFerretdbBinary, MissingGoError } from '../../../server/db/build-ferretdb.js';
import { freePort, isAlive, startServiceProcess } from '../../support/process.js';
import { waitFor } from '../../support/wait.js';

describe('the service process on the embedded database', function () {
  this.timeout(60_000);
  let dataDir: string;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'breach-clock-process-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /readyz, exits 0 on SIGTERM leaving no database process, and keeps data across a restart', async () => {
    const ferretdbPort = await freePort();
    const env = { DATA_DIR: dataDir, FERRETDB_PORT: String(ferretdbPort), MONGODB_URI: '', MONGODB_DB: 'processtest' };

    const first = await startServiceProcess(env);
    assert.ok(first.ferretdbPid && isAlive(first.ferretdbPid), 'the embedded FerretDB runs');
    const ready = await fetch(`${first.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { database: true, scheduler: true, schedulerHeartbeat: true } });

    const client = await MongoClient.connect(`mongodb://127.0.0.1:${ferretdbPort}/?directConnection=true`);
    await client.db('processtest').collection('probe').insertOne({ written: 'before restart' });
    await client.close();

    first.child.kill('SIGTERM');
    assert.deepEqual(await first.exit, { code: 0, signal: null });
    await waitFor(() => isAlive(first.ferretdbPid!), (alive) => !alive, 5_000, 'FerretDB to exit');

    const second = await startServiceProcess(env);
    const again = await MongoClient.connect(`mongodb://127.0.0.1:${ferretdbPort}/?directConnection=true`);
    const found = await again.db('processtest').collection('probe').findOne({ written: 'before restart' });
    await again.close();
    assert.ok(found, 'data written before the restart is there after it');

    second.child.kill('SIGKILL');
    await second.exit;
    await waitFor(() => isAlive(second.ferretdbPid!), (alive) => !alive, 5_000, 'FerretDB to exit after its parent was killed');
  });

  it('fails at once without Go and without MONGODB_URI, naming both ways out', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'breach-clock-nogo-'));
    try {
      assert.throws(
        () => ensureFerretdbBinary({ outDir, go: 'go-is-not-installed-here' }),
        (err: unknown) => err instanceof MissingGoError && /set MONGODB_URI/.test(err.message) && /install Go/.test(err.message),
      );
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
