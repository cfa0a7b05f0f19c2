import assert from 'node:assert/strict';
import { buildIncident, COMPLETE, testService } from '../../support/factories.js';
import { api, PASSWORD } from '../../support/service.js';


const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort();
const count = (list: number[], status: number) => list.filter((s) => s === status).length;
/** One request made the change; each other one was told it came too late (409 during the race, 422 after it). */
function exactlyOneWon(responses: { status: number }[], success = 200): void {
  const list = statuses(responses);
  assert.equal(count(list, success), 1, `answers: ${list.join(',')}`);
  assert.deepEqual(list.filter((s) => s !== success && s !== 409 && s !== 422), [], `answers: ${list.join(',')}`);
}

describe('security: a state transition happens once under concurrent requests', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');
  const dpo = signedInAs('dpo');
  const managerA = signedInAs('manager');
  const managerB = signedInAs('manager');

  const incident = () => buildIncident(svc, analyst, COMPLETE);
  const auditOf = async (type: string, id: string) => (await svc.container.audit.list({ limit: 100, targetType: type, targetId: id })).map((e) => e.action);
  const approvedNotice = async (incidentId: string) => {
    const draft = (await api(svc).post(`/api/incidents/${incidentId}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'complete' }).expect(201)).body;
    await api(svc).post(`/api/notices/${draft.id}/approve`).set(dpo.auth).expect(200);
    return draft.id as string;
  };

  it('lets one of two managers review a template version; the other gets 409 and leaves no audit entry', async () => {
    const base = (await api(svc).get('/api/templates?kind=public&lang=nb').set(analyst.auth).expect(200)).body[0];
    const draft = (await api(svc).post('/api/templates').set(analyst.auth).send({ kind: 'public', lang: 'nb', subject: base.subject, html: base.html, text: base.text, note: 'race' }).expect(201)).body;
    await api(svc).post(`/api/templates/${draft.id}/submit`).set(analyst.auth).expect(200);
    const [approve, reject] = await Promise.all([
      api(svc).post(`/api/templates/${draft.id}/approve`).set(managerA.auth).send({ comment: 'ok' }),
      api(svc).post(`/api/templates/${draft.id}/reject`).set(managerB.auth).send({ comment: 'no' }),
    ]);
    exactlyOneWon([approve, reject]);
    const winner = approve.status === 200 ? 'approved' : 'rejected';
    const stored = (await api(svc).get('/api/templates?kind=public&lang=nb').set(analyst.auth).expect(200)).body.find((t: { id: string }) => t.id === draft.id);
    assert.equal(stored.status, winner);
    const reviews = (await auditOf('template', draft.id)).filter((a) => a === 'template.approved' || a === 'template.rejected');
    assert.deepEqual(reviews, [`template.${winner}`]);
  });

  it('approves a notice once when three approvals arrive together', async () => {
    const inc = await incident();
    const draft = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'complete' }).expect(201)).body;
    const answers = await Promise.all([dpo, managerA, managerB].map((who) => api(svc).post(`/api/notices/${draft.id}/approve`).set(who.auth)));
    exactlyOneWon(answers);
    assert.equal((await auditOf('notice', draft.id)).filter((a) => a === 'notice.approved').length, 1);
  });

  it('records a notice as sent once when five requests arrive together, with one submission in the ledger', async () => {
    const inc = await incident();
    const noticeId = await approvedNotice(inc.id);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      api(svc).post(`/api/notices/${noticeId}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: `AR-${i}` })));
    exactlyOneWon(answers);
    const ledger = (await api(svc).get(`/api/incidents/${inc.id}/submissions`).set(analyst.auth).expect(200)).body;
    assert.equal(ledger.length, 1);
    assert.equal((await auditOf('notice', noticeId)).filter((a) => a === 'notice.sent').length, 1);
    assert.equal((await auditOf('incident', inc.id)).filter((a) => a === 'incident.submission-recorded').length, 1);
  });

  it('records nothing for a submission it refuses: of six at once, the ledger and the audit log hold exactly the accepted ones', async () => {
    const inc = await incident();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      api(svc).post(`/api/incidents/${inc.id}/submissions`).set(analyst.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: `AR-${i}`, phase: 'complete', noticeText: 'Melding' })));
    const list = statuses(answers);
    assert.deepEqual(list.filter((s) => s !== 201 && s !== 409), [], 'every answer is 201 or 409');
    const accepted = count(list, 201);
    assert.ok(accepted >= 1);
    const ledger = (await api(svc).get(`/api/incidents/${inc.id}/submissions`).set(analyst.auth).expect(200)).body;
    assert.equal(ledger.length, accepted, 'a refused submission is not in the ledger');
    assert.equal((await auditOf('incident', inc.id)).filter((a) => a === 'incident.submission-recorded').length, accepted, 'nor in the audit log');
    const references = new Set(ledger.map((s: { reference: string }) => s.reference));
    const acceptedReferences = answers.filter((a) => a.status === 201).map((a) => a.body.submission.reference);
    assert.deepEqual([...references].sort(), acceptedReferences.sort());
  });

  it('lets a submission cite only an approved authority notice of the same incident, and records nothing otherwise', async () => {
    const inc = await incident();
    const other = await incident();
    const othersNotice = await approvedNotice(other.id);
    const draftOnly = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'en', phase: 'complete' }).expect(201)).body.id;
    const submit = (noticeId: string) => api(svc).post(`/api/incidents/${inc.id}/submissions`).set(analyst.auth)
      .send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-1', phase: 'complete', noticeText: 'x', noticeId });
    for (const noticeId of [othersNotice, draftOnly, '0123456789abcdef01234567']) {
      const res = await submit(noticeId).expect(422);
      assert.equal(res.body.error.code, 'invalid_notice');
      assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['noticeId']);
    }
    assert.equal((await api(svc).get(`/api/incidents/${inc.id}/submissions`).set(analyst.auth).expect(200)).body.length, 0);
    assert.deepEqual((await auditOf('incident', inc.id)).filter((a) => a === 'incident.submission-recorded'), []);
    const own = await approvedNotice(inc.id);
    await submit(own).expect(201);
  });
});

describe('security: account lockout holds under concurrency', () => {
  const { svc } = testService();

  it('lets exactly five of twelve simultaneous wrong passwords be checked, then refuses the right one', async () => {
    const victim = await svc.user(['analyst']);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => api(svc).post('/api/auth/login').send({ email: victim.email, password: `wrong-${i}` })));
    const list = statuses(answers);
    assert.equal(count(list, 401), 5, `answers: ${list.join(',')}`);
    assert.equal(count(list, 429), 7, `answers: ${list.join(',')}`);
    await api(svc).post('/api/auth/login').send({ email: victim.email, password: PASSWORD }).expect(429);
  });

  it('forgets the failures of a throttle record kept before failures had an expiry', async () => {
    const legacy = await svc.user(['analyst']);
    await svc.connection.db!.collection('loginthrottles').insertOne({ _id: `account:${legacy.email}` as never, windowStart: svc.clock.now(), attempts: 0, failures: 4, lockedUntil: null });
    await api(svc).post('/api/auth/login').send({ email: legacy.email, password: 'wrong' }).expect(401);
    await api(svc).post('/api/auth/login').send({ email: legacy.email, password: PASSWORD }).expect(200);
  });

  it('throttles guesses at the current password when changing it', async () => {
    const victim = await svc.user(['analyst']);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      api(svc).post('/api/auth/password').set(victim.auth).send({ currentPassword: `wrong-${i}`, newPassword: 'a brand new password' })));
    const list = statuses(answers);
    assert.equal(count(list, 422), 5, `answers: ${list.join(',')}`);
    assert.equal(count(list, 429), 7, `answers: ${list.join(',')}`);
    const res = await api(svc).post('/api/auth/password').set(victim.auth).send({ currentPassword: PASSWORD, newPassword: 'a brand new password' }).expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
    svc.clock.advanceMs(16 * 60_000);
    await api(svc).post('/api/auth/password').set(victim.auth).send({ currentPassword: PASSWORD, newPassword: 'a brand new password' }).expect(204);
  });

  it('two instances bootstrapping the first admin at once make one admin, and neither start fails', async () => {
    await svc.connection.collection('users').deleteMany({});
    const results = await Promise.all([1, 2, 3].map(() => svc.container.users.bootstrapAdmin('first-admin@example.test', 'first admin password 123')));
    assert.equal(results.filter((r) => r?.email === 'first-admin@example.test').length, 1);
    assert.equal(await svc.connection.collection('users').countDocuments({ emailKey: 'first-admin@example.test' }), 1);
  });
});
