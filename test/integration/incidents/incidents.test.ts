import assert from 'node:assert/strict';
import { testService } from '../../support/factories.js';
import { api, startTestService } from '../../support/service.js';

const FNR = '01010112377';

describe('incidents: intake, facts, timeline and visibility', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');
  const manager = signedInAs('manager');
  const dpo = signedInAs('dpo');
  const oncall = signedInAs('oncall');

  it('takes the quick intake and answers 201 with id and deadline', async () => {
    const awareAt = new Date(svc.clock.now().getTime() - 5 * 60_000).toISOString();
    const res = await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ title: 'Laptop stolen', description: 'Unencrypted laptop with payroll export', awareAt }).expect(201);
    assert.match(res.body.id, /^[0-9a-f]{24}$/);
    assert.match(res.body.ref, /^BC-\d{4}-\d{4}$/);
    assert.equal(res.body.deadline, new Date(new Date(awareAt).getTime() + 72 * 3_600_000).toISOString());
    assert.equal(res.body.status, 'open');
    assert.equal(res.body.clock.state, 'running');
    assert.equal(res.body.clock.milestones.length, 7);
    assert.ok(res.body.clock.deadline.oslo.endsWith('+01:00') || res.body.clock.deadline.oslo.endsWith('+02:00'));
    assert.deepEqual(res.body.owner, { id: analyst.id, name: 'analyst' });
  });

  it('starts in triage without awareAt, with no deadline', async () => {
    const res = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Odd login pattern', description: '' }).expect(201);
    assert.equal(res.body.status, 'triage');
    assert.equal(res.body.deadline, null);
    assert.equal(res.body.clock.state, 'not-started');
  });

  it('refuses awareness in the future and names the field', async () => {
    const future = new Date(svc.clock.now().getTime() + 3_600_000).toISOString();
    const res = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'x', description: 'y', awareAt: future }).expect(400);
    assert.deepEqual(res.body.error.details, [{ path: 'awareAt', message: 'kan ikke være fram i tid', label: 'Kjent fra' }]);
  });

  it('refuses awareness before discovery at intake, in an edit of the facts and in declaring awareness, naming the field', async () => {
    const now = svc.clock.now();
    const fourDaysAgo = new Date(now.getTime() - 96 * 3_600_000).toISOString();
    const intake = await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ title: 'x', description: 'y', awareAt: fourDaysAgo, awarenessReason: 'Found in the log review', detected: { at: now.toISOString() } }).expect(400);
    assert.deepEqual(intake.body.error.details.map((d: { path: string; label: string }) => [d.path, d.label]), [['awareAt', 'Kjent fra']]);
    assert.match(intake.body.error.details[0].message, /tidligere enn «Oppdaget»/);
    const english = await api(svc).post('/api/incidents').set(analyst.auth).set('Accept-Language', 'en')
      .send({ title: 'x', description: 'y', awareAt: fourDaysAgo, awarenessReason: 'Found in the log review', detected: { at: now.toISOString() } }).expect(400);
    assert.deepEqual(english.body.error.details.map((d: { label: string; message: string }) => [d.label, d.message.slice(0, 37)]), [['Aware since', 'cannot be earlier than “Discovered”: ']]);

    const created = await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ title: 'x', description: 'y', awareAt: fourDaysAgo, awarenessReason: 'Found in the log review', detected: { at: fourDaysAgo } }).expect(201);
    const edit = await api(svc).patch(`/api/incidents/${created.body.id}`).set(analyst.auth).send({ version: created.body.version, detected: { at: now.toISOString() } }).expect(400);
    assert.deepEqual(edit.body.error.details.map((d: { path: string; label: string }) => [d.path, d.label]), [['detected.at', 'Oppdaget']]);
    const after = await api(svc).get(`/api/incidents/${created.body.id}`).set(analyst.auth).expect(200);
    assert.equal(after.body.detected.at, fourDaysAgo);

    const triage = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'x', description: 'y', detected: { at: now.toISOString() } }).expect(201);
    const declare = await api(svc).put(`/api/incidents/${triage.body.id}/awareness`).set(analyst.auth)
      .send({ at: fourDaysAgo, evidence: 'log review', reason: 'Found in the log review' }).expect(400);
    assert.deepEqual(declare.body.error.details.map((d: { path: string }) => d.path), ['at']);
    assert.match(declare.body.error.details[0].message, /tidligere enn «Oppdaget»/);
    await api(svc).put(`/api/incidents/${triage.body.id}/awareness`).set(analyst.auth).send({ at: now.toISOString(), evidence: 'log review' }).expect(200);
  });

  it('names every bad field at once', async () => {
    const res = await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ title: '', breachTypes: ['leak'], records: { kind: 'range', min: 10, max: 2 }, awareAt: 'yesterday', status: 'closed' }).expect(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    for (const p of ['title', 'breachTypes.0', 'records.max', 'awareAt']) assert.ok(paths.includes(p), `${p} in ${paths}`);
    assert.match(JSON.stringify(res.body.error.details), /status/);
  });

  it('warns about national identity numbers, and masks them when asked', async () => {
    const warned = await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ title: 'Misdirected letter', description: `Letter to ${FNR} went to a neighbour` }).expect(201);
    assert.equal(warned.body.warnings[0].code, 'national-id-number');
    assert.equal(warned.body.warnings[0].path, 'description');
    assert.match(warned.body.description, new RegExp(FNR));
    const masked = await api(svc).post('/api/incidents?maskNationalIds=true').set(analyst.auth)
      .send({ title: 'Misdirected letter', description: `Letter to ${FNR} went to a neighbour` }).expect(201);
    assert.equal(masked.body.description, 'Letter to 010101***** went to a neighbour');
  });

  it('keeps a national identity number typed into a description out of the timeline, and names the field in the reader\'s language', async () => {
    const created = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Stolen laptop', description: 'Customer list' }).expect(201);
    const kept = await api(svc).patch(`/api/incidents/${created.body.id}`).set(analyst.auth).set('Accept-Language', 'nb')
      .send({ version: 0, description: `Eksempelrad: Ola Testesen ${FNR}` }).expect(200);
    assert.deepEqual(kept.body.warnings.map((w: { path: string; label: string }) => [w.path, w.label]), [['description', 'Beskrivelse (intern)']]);
    assert.match(kept.body.warnings[0].message, /fødselsnummer/);
    const masked = await api(svc).patch(`/api/incidents/${created.body.id}?maskNationalIds=true`).set(analyst.auth).set('Accept-Language', 'en')
      .send({ version: 1, outwardDescription: `Example: ${FNR}` }).expect(200);
    assert.equal(masked.body.outwardDescription, 'Example: 010101*****');
    assert.match(masked.body.warnings[0].message, /masked to the birth date/);
    const timeline = JSON.stringify((await api(svc).get(`/api/incidents/${created.body.id}/timeline`).set(analyst.auth).expect(200)).body);
    assert.ok(!timeline.includes(FNR), 'no full number in the timeline');
    assert.match(timeline, /Eksempelrad: Ola Testesen 010101\*{5}/);
  });

  it('updates facts with the version it read, records old → new, and refuses a stale write with 409', async () => {
    const created = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Phishing', description: 'Mailbox access' }).expect(201);
    const id = created.body.id;
    const updated = await api(svc).patch(`/api/incidents/${id}`).set(analyst.auth)
      .send({ version: 0, subjects: { count: { kind: 'estimate', value: 1200 } }, encryption: { dataEncrypted: false } }).expect(200);
    assert.equal(updated.body.version, 1);
    assert.deepEqual(updated.body.subjects.count, { kind: 'estimate', value: 1200, min: null, max: null });
    assert.equal(updated.body.encryption.dataEncrypted, false);
    assert.equal(updated.body.encryption.keyCustody, '', 'untouched nested facts stay');

    const stale = await api(svc).patch(`/api/incidents/${id}`).set(oncall.auth).send({ version: 0, title: 'Overwritten' }).expect(409);
    assert.equal(stale.body.error.code, 'conflict');
    const read = await api(svc).get(`/api/incidents/${id}`).set(analyst.auth).expect(200);
    assert.equal(read.body.title, 'Phishing');

    const timeline = await api(svc).get(`/api/incidents/${id}/timeline`).set(analyst.auth).expect(200);
    const change = timeline.body.find((e: { kind: string }) => e.kind === 'updated');
    assert.deepEqual(change.changes.find((c: { field: string }) => c.field === 'encryption.dataEncrypted'), {
      field: 'encryption.dataEncrypted', from: null, to: false, label: 'Var opplysningene kryptert?', fromText: 'ikke oppgitt', toText: 'nei', text: 'Var opplysningene kryptert? ikke oppgitt → nei',
    });
    assert.equal(change.summary, 'Saken endret (2 felt)');
    assert.equal(timeline.body.find((e: { kind: string }) => e.kind === 'created').summary, 'Saken registrert i triage');
    const inEnglish = await api(svc).get(`/api/incidents/${id}/timeline`).set(analyst.auth).set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
    const changeInEnglish = inEnglish.body.find((e: { kind: string }) => e.kind === 'updated');
    assert.equal(changeInEnglish.summary, 'Incident changed (2 fields)');
    assert.equal(changeInEnglish.changes.find((c: { field: string }) => c.field === 'encryption.dataEncrypted')!.toText, 'no');
    assert.equal(inEnglish.body.find((e: { kind: string }) => e.kind === 'created').summary, 'Incident logged in triage');
    assert.equal(change.actor.id, analyst.id);
  });

  it('names a refused field as the screens name it, in the language the caller asks for', async () => {
    const nb = await api(svc).post('/api/incidents').set(analyst.auth).set('Accept-Language', 'nb').send({ title: '', description: 'x' }).expect(400);
    assert.equal(nb.body.error.message, 'Forespørselen er ikke gyldig');
    assert.deepEqual(nb.body.error.details.map((d: { label: string; message: string }) => [d.label, d.message]), [['Hva har skjedd?', 'må fylles ut']]);
    const en = await api(svc).post('/api/incidents').set(analyst.auth).set('Accept-Language', 'en').send({ title: 'x'.repeat(201), description: 'x' }).expect(400);
    assert.deepEqual(en.body.error.details.map((d: { label: string; message: string }) => [d.label, d.message]), [['What happened?', 'may have at most 200 characters']]);
    const open = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Open', description: '' }).expect(201)).body;
    const notClosed = (lang: string) => api(svc).post(`/api/incidents/${open.id}/reopen`).set(manager.auth).set('Accept-Language', lang).send({ reason: 'Ny informasjon' }).expect(422);
    assert.deepEqual([(await notClosed('nb')).body.error.message, (await notClosed('en')).body.error.message], ['Saken er ikke lukket', 'The incident is not closed']);
  });

  it('refuses audit fields and unknown fields in an update', async () => {
    const created = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Test', description: '' }).expect(201);
    const res = await api(svc).patch(`/api/incidents/${created.body.id}`).set(analyst.auth).send({ version: 0, createdBy: { id: 'x' }, clock: { state: 'stopped' } }).expect(400);
    assert.match(JSON.stringify(res.body.error.details), /createdBy|clock/);
  });

  it('hides a restricted incident from everyone but its people, managers and the DPO — by id, list and socket', async () => {
    const insider = await api(svc).post('/api/incidents').set(manager.auth)
      .send({ title: 'Insider case', description: 'need to know', restricted: true, assignees: [dpo.id] }).expect(201);
    const id = insider.body.id;
    const notFound = await api(svc).get(`/api/incidents/${id}`).set(analyst.auth).expect(404);
    assert.equal(notFound.body.error.code, 'not_found');
    await api(svc).get(`/api/incidents/${id}/timeline`).set(oncall.auth).expect(404);
    await api(svc).patch(`/api/incidents/${id}`).set(analyst.auth).send({ version: 0, title: 'x' }).expect(404);
    await api(svc).get(`/api/incidents/${id}`).set(manager.auth).expect(200);
    await api(svc).get(`/api/incidents/${id}`).set(dpo.auth).expect(200);

    const list = await api(svc).get('/api/incidents?limit=500').set(analyst.auth).expect(200);
    assert.equal(list.body.items.some((i: { id: string }) => i.id === id), false);
    const search = await api(svc).get('/api/incidents?q=Insider').set(analyst.auth).expect(200);
    assert.equal(search.body.items.length, 0);
    const register = await api(svc).get('/api/register').set(analyst.auth).expect(200);
    assert.equal(register.body.incidents.some((r: { title: string }) => r.title === 'Insider case'), false);

    const socket = await svc.socket(analyst.token);
    const reply = await new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit('incident:watch', { incidentId: id }, resolve));
    assert.deepEqual(reply, { ok: false, error: 'not_found' });
    const allowed = await svc.socket(dpo.token);
    const ok = await new Promise<{ ok: boolean }>((resolve) => allowed.emit('incident:watch', { incidentId: id }, resolve));
    assert.deepEqual(ok, { ok: true });
  });

  it('keeps operator injection out of list filters', async () => {
    const res = await api(svc).get('/api/incidents?status[$ne]=closed').set(analyst.auth).expect(400);
    assert.equal(res.body.error.code, 'invalid_input');
    const q = await api(svc).get('/api/incidents').query({ q: '.*' }).set(analyst.auth).expect(200);
    assert.equal(q.body.items.length, 0, 'the search text is matched literally');
  });

  it('pages through a list stably with a cursor', async () => {
    const fresh = await startTestService();
    try {
      const user = await fresh.user(['analyst']);
      for (let i = 0; i < 7; i++) {
        await api(fresh).post('/api/incidents').set(user.auth).send({ title: `Incident ${i}`, description: '' }).expect(201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { title: string }[]; nextCursor: string | null } } = await api(fresh)
          .get('/api/incidents').query({ view: 'all', limit: 3, ...(cursor ? { cursor } : {}) }).set(user.auth).expect(200);
        seen.push(...res.body.items.map((i) => i.title));
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [6, 5, 4, 3, 2, 1, 0].map((i) => `Incident ${i}`));
      await api(fresh).get('/api/incidents?cursor=garbage').set(user.auth).expect(400);
    } finally {
      await fresh.close();
    }
  });

  it('filters by status, due within N hours, and overdue', async () => {
    const fresh = await startTestService();
    try {
      const user = await fresh.user(['analyst']);
      const now = fresh.clock.now().getTime();
      const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
      await api(fresh).post('/api/incidents').set(user.auth).send({ title: 'fresh', description: '', awareAt: at(1), awarenessReason: 'test' }).expect(201);
      await api(fresh).post('/api/incidents').set(user.auth).send({ title: 'soon', description: '', awareAt: at(66), awarenessReason: 'test' }).expect(201);
      await api(fresh).post('/api/incidents').set(user.auth).send({ title: 'late', description: '', awareAt: at(80), awarenessReason: 'test' }).expect(201);
      await api(fresh).post('/api/incidents').set(user.auth).send({ title: 'triage', description: '' }).expect(201);
      const titles = async (q: string) => (await api(fresh).get(`/api/incidents?${q}`).set(user.auth).expect(200)).body.items.map((i: { title: string }) => i.title).sort();
      assert.deepEqual(await titles('dueWithinHours=12'), ['soon']);
      assert.deepEqual(await titles('overdue=true'), ['late']);
      assert.deepEqual(await titles('status=triage'), ['triage']);
      assert.deepEqual(await titles('sort=deadline'), ['fresh', 'late', 'soon'].sort());
      const byDeadline = (await api(fresh).get('/api/incidents?sort=deadline').set(user.auth).expect(200)).body.items.map((i: { title: string }) => i.title);
      assert.deepEqual(byDeadline, ['late', 'soon', 'fresh']);
    } finally {
      await fresh.close();
    }
  });

  it('closes an incident that was no personal-data breach with a reason, and keeps it in the register', async () => {
    const created = await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ title: 'False alarm', description: 'test data only', awareAt: svc.clock.now().toISOString() }).expect(201);
    await api(svc).post(`/api/incidents/${created.body.id}/close`).set(analyst.auth).send({ reason: 'Only synthetic data', notABreach: true }).expect(403);
    const closed = await api(svc).post(`/api/incidents/${created.body.id}/close`).set(dpo.auth).send({ reason: 'Only synthetic data', notABreach: true }).expect(200);
    assert.equal(closed.body.status, 'closed');
    assert.equal(closed.body.clock.stopReason, 'not-a-breach');
    const csv = await api(svc).get('/api/register?format=csv').set(dpo.auth).expect(200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.text, /"False alarm";"Lukket"/);
    assert.match(csv.text, /"Only synthetic data"/);
  });

  it('defuses spreadsheet formulas in the CSV export', async () => {
    await api(svc).post('/api/incidents').set(analyst.auth).send({ title: '=HYPERLINK("http://evil")', description: '' }).expect(201);
    const csv = await api(svc).get('/api/register?format=csv').set(analyst.auth).expect(200);
    assert.match(csv.text, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
  });

  it('serves an OpenAPI 3.1 document generated from the same schemas', async () => {
    const res = await api(svc).get('/api/openapi.json').expect(200);
    assert.equal(res.body.openapi, '3.1.0');
    const create = res.body.paths['/api/incidents'].post;
    assert.equal(create['x-permission'], 'incident:create');
    assert.ok(create.requestBody.content['application/json'].schema.properties.awareAt);
    assert.deepEqual(create.requestBody.content['application/json'].schema.required.sort(), ['title']);
    assert.ok(res.body.paths['/api/incidents/{id}/submissions'].post);
  });
});
