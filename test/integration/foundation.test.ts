import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Schema, type Connection, type Model } from 'mongoose';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../../server/app.js';
import { connectDatabase, pingDatabase } from '../../server/db/connection.js';
import { EmbeddedFerretdb } from '../../server/db/embedded-ferretdb.js';
import { route, publicAccess } from '../../server/http/route.js';
import { JOBS_COLLECTION, Scheduler } from '../../server/jobs/scheduler.js';
import { createLogger } from '../../server/lib/logger.js';
import { notFound } from '../../server/lib/errors.js';
import { openTestDatabase, uniqueDbName } from '../support/database.js';
import { waitFor } from '../support/wait.js';

const logger = createLogger('silent');

interface Note {
  code: string;
  text: string;
}

const NoteBody = z.strictObject({ code: z.string().regex(/^[a-z]{3,10}$/), text: z.string().min(1).max(200) });

function notesApp(connection: Connection, Notes: Model<Note>) {
  const routes = [
    route({
      method: 'post', path: '/notes', summary: 'Create a note', tag: 'test', access: publicAccess, body: NoteBody, status: 201,
      handle: async ({ body }) => {
        const note = await Notes.create(body);
        return { id: String(note._id), code: note.code, text: note.text };
      },
    }),
    route({
      method: 'get', path: '/notes/:code', summary: 'Read a note', tag: 'test', access: publicAccess,
      params: z.object({ code: z.string() }),
      handle: async ({ params }) => {
        const note = await Notes.findOne({ code: params.code }).lean();
        if (!note) throw notFound('Note');
        return { code: note.code, text: note.text };
      },
    }),
    route({
      method: 'get', path: '/boom', summary: 'Fails', tag: 'test', access: publicAccess,
      handle: async () => {
        throw new Error('secret internal detail');
      },
    }),
  ];
  return createApp({
    logger,
    routes,
    guard: async () => undefined,
    readiness: { check: async () => ({ database: await pingDatabase(connection) }) },
  });
}

describe('foundation: the service on a real database', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let Notes: Model<Note>;
  let app: ReturnType<typeof notesApp>;

  before(async () => {
    db = await openTestDatabase('foundation');
    const schema = new Schema<Note>({ code: { type: String, required: true }, text: { type: String, required: true } });
    schema.index({ code: 1 }, { unique: true });
    Notes = db.connection.model<Note>('Note', schema);
    await Notes.init();
    app = notesApp(db.connection, Notes);
  });
  after(() => db.close());

  it('writes a document and reads it back', async () => {
    const created = await request(app).post('/api/notes').send({ code: 'alpha', text: 'hello' }).expect(201);
    assert.match(created.body.id, /^[0-9a-f]{24}$/);
    const read = await request(app).get('/api/notes/alpha').expect(200);
    assert.deepEqual(read.body, { code: 'alpha', text: 'hello' });
  });

  it('answers a unique-index violation with 409 and leaves the first document as it was', async () => {
    await request(app).post('/api/notes').send({ code: 'bravo', text: 'first' }).expect(201);
    const res = await request(app).post('/api/notes').send({ code: 'bravo', text: 'second' }).expect(409);
    assert.equal(res.body.error.code, 'duplicate');
    assert.ok(Array.isArray(res.body.error.details));
    assert.equal(typeof res.body.requestId, 'string');
    const read = await request(app).get('/api/notes/bravo').expect(200);
    assert.equal(read.body.text, 'first');
  });

  it('answers an invalid body with 400 naming every bad field', async () => {
    const res = await request(app).post('/api/notes').send({ code: 'NO', text: '', owner: 'me' }).expect(400);
    assert.equal(res.body.error.code, 'invalid_input');
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    assert.deepEqual(paths, ['code', 'owner', 'text']);
    assert.equal(res.body.error.details.find((d: { path: string }) => d.path === 'owner').message, 'ukjent felt', 'an unknown field is named, in bokmål');
    assert.equal(await Notes.countDocuments({ code: 'NO' }), 0);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await request(app).post('/api/notes').set('content-type', 'application/json').send('{"code":').expect(400);
    assert.equal(res.body.error.code, 'invalid_json');
  });

  it('keeps operators in a request out of queries', async () => {
    const res = await request(app).get('/api/notes/%7B%22%24ne%22%3Anull%7D').expect(404);
    assert.equal(res.body.error.code, 'not_found');
    await assert.rejects(Notes.findOne({ code: { $ne: null } as unknown as string }), /Cast to string failed/);
  });

  it('answers an unexpected error with 500, its request id, and no internals', async () => {
    const res = await request(app).get('/api/boom').set('X-Request-Id', 'req-12345678').expect(500);
    assert.equal(res.body.requestId, 'req-12345678');
    assert.equal(res.headers['x-request-id'], 'req-12345678');
    assert.equal(res.body.error.code, 'internal');
    assert.doesNotMatch(JSON.stringify(res.body), /secret internal detail|at .*\.ts/);
  });

  it('answers an unknown route with 404 in the same format', async () => {
    const res = await request(app).get('/api/nothing-here').expect(404);
    assert.equal(res.body.error.code, 'not_found');
  });

  it('persists an Agenda job and runs it', async () => {
    const scheduler = new Scheduler({
      db: db.connection.db!, logger, name: 'foundation-test', processEveryMs: 100, lockLifetimeMs: 2_000, lockLimit: 10, maxConcurrency: 5,
    });
    const ran: string[] = [];
    const done = new Promise<void>((resolve) => {
      scheduler.define({
        name: 'test.echo',
        data: z.object({ word: z.string() }),
        handle: async ({ word }) => {
          ran.push(word);
          resolve();
          return { status: 'done' };
        },
      });
    });
    await scheduler.schedule('test.echo', new Date(Date.now() - 1_000), { word: 'persisted' }, ['word']);
    await scheduler.schedule('test.echo', new Date(Date.now() - 1_000), { word: 'persisted' }, ['word']);
    const stored = await db.connection.db!.collection(JOBS_COLLECTION).find({ name: 'test.echo' }).toArray();
    assert.equal(stored.length, 1, 'a unique job scheduled twice is stored once');
    assert.deepEqual(stored[0]?.data, { word: 'persisted' });

    await scheduler.start();
    await done;
    const jobs = db.connection.db!.collection(JOBS_COLLECTION);
    await waitFor(() => jobs.countDocuments({ name: 'test.echo' }), (n) => n === 0, 5_000, 'the finished job to be removed');
    await scheduler.stop();
    assert.deepEqual(ran, ['persisted']);
  });
});

describe('foundation: readiness follows the database', () => {
  let dataDir: string;
  let ferretdb: EmbeddedFerretdb;
  let connection: Connection;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'breach-clock-readyz-'));
    ferretdb = new EmbeddedFerretdb({ dataDir, port: 0, logger, supervise: false });
    const uri = await ferretdb.start();
    connection = await connectDatabase({ uri, dbName: uniqueDbName('readyz'), serverSelectionTimeoutMS: 1_000 });
  });
  after(async () => {
    await connection.close().catch(() => undefined);
    await ferretdb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns 503 when the database stops and 200 when it is back, with the data kept', async () => {
    const Things = connection.model('Thing', new Schema({ name: String }));
    await Things.create({ name: 'kept across restart' });
    const app = createApp({
      logger, routes: [], guard: async () => undefined,
      readiness: { check: async () => ({ database: await pingDatabase(connection, 500) }) },
    });
    await request(app).get('/readyz').expect(200, { status: 'ready', checks: { database: true } });

    const port = Number(new URL(ferretdb.connectionUri!).port);
    await ferretdb.stop();
    await request(app).get('/readyz').expect(503, { status: 'not_ready', checks: { database: false } });
    await request(app).get('/healthz').expect(200);

    ferretdb = new EmbeddedFerretdb({ dataDir, port, logger, supervise: false });
    await ferretdb.start();
    await waitFor(async () => (await request(app).get('/readyz')).status, (s) => s === 200, 10_000, '/readyz 200');
    const found = await Things.findOne({ name: 'kept across restart' }).lean();
    assert.ok(found, 'the document written before the restart is still there');
  });
});


describe('foundation: live reload in development', () => {
  it('tells an open dashboard to reload when the client is rebuilt, and offers no such stream otherwise', async () => {
    const logger = createLogger('silent');
    const listeners = new Set<() => void>();
    const app = createApp({
      logger, routes: [], guard: async () => undefined, readiness: { check: async () => ({}) },
      devReload: { subscribe: (fn) => { listeners.add(fn); return () => listeners.delete(fn); } },
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/__dev/reload`, { signal: controller.signal });
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      const reader = res.body!.getReader();
      await waitFor(async () => listeners.size, (n) => n === 1, 2_000, 'a subscribed dashboard');
      for (const fn of listeners) fn();
      let text = '';
      while (!text.includes('data: reload')) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      await waitFor(async () => listeners.size, (n) => n === 0, 2_000, 'the dashboard unsubscribed on close');
    } finally {
      server.close();
    }
    const production = createApp({ logger, routes: [], guard: async () => undefined, readiness: { check: async () => ({}) } });
    await request(production).get('/__dev/reload').expect((r) => assert.notEqual(r.headers['content-type'], 'text/event-stream'));
  });
});
