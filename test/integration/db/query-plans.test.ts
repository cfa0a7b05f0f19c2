import assert from 'node:assert/strict';
import { MongoClient, type CommandStartedEvent, type Document } from 'mongodb';
import { testMongoUri } from '../../support/database.js';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';

/** Collections that grow with history: a query on one of them must not read it whole. */
const GROWING = ['incidents', 'incident_timeline', 'assessments', 'decisions', 'notices', 'submissions', 'alerts', 'deliveries', 'audit_log', 'clock_plans', 'agendaJobs'];

interface Captured {
  collection: string;
  filter: Document;
  sort?: Document;
  limit?: number;
  from: string;
}

/**
 * Reads the plans SQLite makes for the queries the service sends while serving the board, the incident
 * page, the timeline, alerts, the register and Agenda's lock query, and fails when one of them scans a
 * collection that grows with history. MongoDB reports its own plan stages, checked the same way.
 */
describe('the database: everyday queries are answered through indexes', () => {
  let svc: TestService;
  let analyst: TestUser;
  let manager: TestUser;
  let client: MongoClient;
  const captured: Captured[] = [];
  let current = '';

  before(async () => {
    svc = await startTestService({ monitorCommands: true });
    analyst = await svc.user(['analyst']);
    manager = await svc.user(['manager']);
    client = await MongoClient.connect(testMongoUri());
    svc.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      const cmd = event.command;
      if (event.commandName === 'find') captured.push({ collection: String(cmd.find), filter: cmd.filter ?? {}, sort: cmd.sort, limit: cmd.limit, from: current });
      if (event.commandName === 'findAndModify') captured.push({ collection: String(cmd.findAndModify), filter: cmd.query ?? {}, sort: cmd.sort, limit: 1, from: current });
      if (event.commandName === 'count') captured.push({ collection: String(cmd.count), filter: cmd.query ?? {}, from: current });
      if (event.commandName === 'delete') for (const d of cmd.deletes ?? []) captured.push({ collection: String(cmd.delete), filter: d.q ?? {}, from: current });
      if (event.commandName === 'update') for (const u of cmd.updates ?? []) captured.push({ collection: String(cmd.update), filter: u.q ?? {}, from: current });
    });
    // A history to read through: incidents with awareness, facts, timelines and assessments.
    for (let i = 0; i < 30; i++) {
      const awareAt = new Date(svc.clock.now().getTime() - (i + 1) * 60_000).toISOString();
      const created = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: `Incident ${i}`, description: 'Mail to the wrong customer', awareAt, awarenessReason: 'Found in the log' }).expect(201);
      await api(svc).patch(`/api/incidents/${created.body.id}`).set(analyst.auth).send({ version: 0, breachTypes: ['confidentiality'] }).expect(200);
      if (i % 3 === 0) await api(svc).post(`/api/incidents/${created.body.id}/assessments`).set(manager.auth).expect(201);
    }
  });
  after(async () => {
    await client.close();
    await svc.close();
  });

  async function plan(query: Captured): Promise<string> {
    const collection = client.db(svc.dbName).collection(query.collection);
    let cursor = collection.find(query.filter);
    if (query.sort) cursor = cursor.sort(query.sort);
    if (query.limit) cursor = cursor.limit(query.limit);
    const explained = (await cursor.explain()) as { queryPlanner?: { Plan?: string[]; winningPlan?: unknown } };
    return JSON.stringify(explained.queryPlanner?.Plan ?? explained.queryPlanner?.winningPlan);
  }

  /** A full read of a table: SQLite's "SCAN <table>" without an index, or MongoDB's COLLSCAN. */
  const scansTable = (text: string) => /detail=SCAN "?[\w.]+"?(?! USING)(?:"|,|\]|$)|COLLSCAN/.test(text);

  it('the board, the incident page, the timeline, alerts and the register read through indexes', async () => {
    const incidents = await api(svc).get('/api/incidents?limit=50').set(analyst.auth).expect(200);
    const id = incidents.body.items[0].id as string;
    const requests: [string, string][] = [
      ['board', '/api/incidents?limit=50'],
      ['board by deadline', '/api/incidents?clock=running&sort=deadline&limit=50'],
      ['board in triage', '/api/incidents?status=triage&limit=50'],
      ['incident', `/api/incidents/${id}`],
      ['timeline', `/api/incidents/${id}/timeline`],
      ['assessments', `/api/incidents/${id}/assessments`],
      ['decisions', `/api/incidents/${id}/decisions`],
      ['notices', `/api/incidents/${id}/notices`],
      ['submissions', `/api/incidents/${id}/submissions`],
      ['alerts by incident', `/api/incidents/${id}/alerts`],
      ['case file', `/api/incidents/${id}/casefile`],
      ['recent alerts', '/api/alerts'],
      ['register', '/api/register'],
    ];
    for (const [name, path] of requests) {
      current = name;
      await api(svc).get(path).set(manager.auth).expect(200);
    }
    // Intake and an edit: the writes, and what they read, go through indexes too.
    current = 'intake';
    const created = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Measured', description: '', awareAt: svc.clock.now().toISOString() }).expect(201);
    current = 'edit';
    await api(svc).patch(`/api/incidents/${created.body.id}`).set(analyst.auth).send({ version: 0, measuresTaken: 'Access removed' }).expect(200);
    current = '';

    const growing = captured.filter((q) => q.from && GROWING.includes(q.collection));
    for (const name of [...requests.map(([n]) => n), 'intake', 'edit']) assert.ok(growing.some((q) => q.from === name), `${name} made no query on a growing collection`);
    const failures: string[] = [];
    for (const query of growing) {
      const text = await plan(query);
      // The register lists every incident: it may read the whole table, in index order.
      if (scansTable(text) && query.from !== 'register') failures.push(`${query.from}: ${query.collection} ${JSON.stringify(query.filter)} ${JSON.stringify(query.sort ?? {})} → ${text}`);
    }
    assert.deepEqual(failures, []);

    // Each board is read in index order, tiebreak included, so a page reads one page and nothing is sorted.
    for (const name of ['board', 'board by deadline', 'board in triage']) {
      const board = growing.find((q) => q.from === name && q.collection === 'incidents')!;
      assert.doesNotMatch(await plan(board), /TEMP B-TREE|SORT_KEY_GENERATOR|"stage":"SORT"/, `${name} is read in index order`);
    }
  });

  it('searches incidents in SQLite, not by decoding each one', async () => {
    current = 'search';
    await api(svc).get('/api/incidents?q=Incident%201&limit=50').set(manager.auth).expect(200);
    current = '';
    const search = captured.find((q) => q.from === 'search' && q.collection === 'incidents')!;
    assert.match(JSON.stringify(search.filter), /\$regex/);
    const explained = (await client.db(svc.dbName).collection('incidents').find(search.filter).explain()) as { filterPushdown?: boolean; queryPlanner?: { winningPlan?: unknown } };
    // FerretDB says whether SQLite got the condition; MongoDB matches in its own engine anyway.
    if (explained.filterPushdown !== undefined) assert.equal(explained.filterPushdown, true);
    else assert.ok(explained.queryPlanner?.winningPlan);
  });

  it("Agenda's lock query finds the next job through an index", async () => {
    const jobs = client.db(svc.dbName).collection('agendaJobs');
    const indexes = await jobs.indexes();
    assert.ok(indexes.length > 1, 'Agenda created its index');
    const now = new Date();
    const text = await plan({
      collection: 'agendaJobs',
      filter: { name: 'clock.milestones', disabled: { $ne: true }, $or: [{ lockedAt: null, nextRunAt: { $lte: now } }, { lockedAt: { $lte: new Date(now.getTime() - 10_000) } }] },
      sort: { nextRunAt: 1, priority: -1 },
      limit: 1,
      from: 'agenda',
    });
    assert.ok(!scansTable(text), text);
  });
});
