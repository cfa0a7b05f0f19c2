import assert from 'node:assert/strict';
import { buildIncident, testService } from '../../support/factories.js';
import { api } from '../../support/service.js';

describe('assessments and decisions in the product', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');
  const dpo = signedInAs('dpo');

  const incident = (facts: Record<string, unknown>) => buildIncident(svc, analyst, facts);

  const encryptedLaptop = {
    breachTypes: ['confidentiality'], cause: { kind: 'malicious' }, dataCategories: ['identity', 'national_id_number'],
    subjects: { count: { kind: 'estimate', value: 300 }, vulnerable: false, canBeReached: true, reachEffort: 'individual' },
    encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false, keyCustody: 'BitLocker, key in escrow' },
    unauthorisedAccess: 'encrypted_only', exfiltration: 'not_applicable', misuseObserved: 'none_observed', recipients: { type: 'unknown_finder' },
  };

  it('runs the engine on the incident\'s facts and stores the result with the method version and the facts it saw', async () => {
    const inc = await incident(encryptedLaptop);
    const res = await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201);
    assert.equal(res.body.method, 'breach-clock-risk/2.1');
    assert.equal(res.body.risk, 'unlikely');
    assert.deepEqual(res.body.recommendation, { notifySA: false, notifySubjects: false, exemption: 'encrypted', publicCommunication: false, informController: false });
    assert.deepEqual(res.body.facts.encryption, { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false });
    const encrypted = res.body.reasons.find((r: { code: string }) => r.code === 'exemption.encrypted');
    assert.equal(encrypted.article, 'Art. 34(3)(a); EDPB Guidelines 9/2022 III.D');
    assert.match(encrypted.nb, /uleselige for uvedkommende \(art\. 34 nr\. 3 bokstav a\)/);
    assert.match(encrypted.en, /unintelligible to anyone unauthorised \(Art\. 34\(3\)\(a\)\)/);
    assert.deepEqual(encrypted.facts, ['encryption']);
    assert.equal(res.body.enisa.ei.part.code, 'enisa.ei');
    assert.match(res.body.enisa.ei.part.nb, /^Full identifiserbarhet/);
    const list = await api(svc).get(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(200);
    assert.equal(list.body.length, 1);
  });

  it('reads the likely consequences, the recipient and the outage as facts, and validates them', async () => {
    const bad = await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ title: 'Address sent to the wrong parent', likelyConsequences: ['embarrassment'], recipients: { count: 0 } }).expect(400);
    assert.deepEqual(bad.body.error.details.map((d: { path: string }) => d.path).sort(), ['likelyConsequences.0', 'recipients.count']);

    const address = {
      breachTypes: ['confidentiality'], cause: { kind: 'accidental' }, dataCategories: ['identity', 'contact'],
      subjects: { count: { kind: 'exact', value: 4 }, vulnerable: true, canBeReached: true, reachEffort: 'individual' },
      encryption: { dataEncrypted: false }, unauthorisedAccess: 'confirmed', exfiltration: 'not_applicable', misuseObserved: 'none_observed',
      recipients: { type: 'untrusted_known', confirmedDeletion: false, count: 2 },
    };
    const plain = await incident(address);
    assert.equal((await api(svc).post(`/api/incidents/${plain.id}/assessments`).set(analyst.auth).expect(201)).body.risk, 'risk');
    const hostile = await incident({ ...address, likelyConsequences: ['physical_safety'], dataDetail: 'substantial', sensitiveRelationship: false, neutralised: null, outageHarmedPeople: null });
    assert.deepEqual(hostile.likelyConsequences, ['physical_safety']);
    assert.equal(hostile.recipients.count, 2);
    const assessed = (await api(svc).post(`/api/incidents/${hostile.id}/assessments`).set(analyst.auth).expect(201)).body;
    assert.equal(assessed.risk, 'high');
    assert.deepEqual(assessed.facts.likelyConsequences, ['physical_safety']);
    assert.ok(assessed.reasons.some((r: { code: string; nb: string }) => r.code === 'consequences.recorded' && /fare for liv, helse eller fysisk sikkerhet/.test(r.nb)));
  });

  it('lets only a DPO or manager decide; "not notifiable" stops the clock and needs its reason and evidence', async () => {
    const inc = await incident(encryptedLaptop);
    const assessment = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    const decision = { assessmentId: assessment.id, notifySA: false, notifySubjects: false, exemption: 'encrypted' };
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(analyst.auth).send({ ...decision, reason: 'Encrypted laptop, key in escrow' }).expect(403);

    const incomplete = await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth).send(decision).expect(400);
    assert.deepEqual(incomplete.body.error.details.map((d: { path: string }) => d.path).sort(), ['evidence.keyCustody', 'reason']);

    const ok = await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ ...decision, reason: 'Full-disk encryption; the key never left escrow', evidence: { keyCustody: 'Key escrowed in the MDM, not on the device' } }).expect(201);
    assert.equal(ok.body.followsRecommendation, true);
    const after = (await api(svc).get(`/api/incidents/${inc.id}`).set(dpo.auth).expect(200)).body;
    assert.equal(after.clock.state, 'stopped');
    assert.equal(after.clock.stopReason, 'not-notifiable');
  });

  it('needs a written reason to depart from the recommendation', async () => {
    const inc = await incident({ ...encryptedLaptop, encryption: { dataEncrypted: false } , unauthorisedAccess: 'possible' });
    const assessment = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    assert.equal(assessment.risk, 'high');
    const res = await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth).set('Accept-Language', 'en')
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: false }).expect(400);
    assert.match(res.body.error.details[0].message, /^Departing from the recommendation/);
    const nb = await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: false, exemption: 'encrypted' }).expect(400);
    assert.deepEqual(nb.body.error.details.map((d: { path: string }) => d.path), ['reason', 'evidence.keyCustody']);
    assert.match(nb.body.error.details[1].message, /^Skriv hvor nøkkelen var oppbevart/, 'in bokmål when the request asks for no other language');
    const departed = await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: false, reason: 'The finder handed the laptop to the police within the hour' }).expect(201);
    assert.equal(departed.body.followsRecommendation, false);
  });

  it('flags the decision for review when the facts change, and refuses a decision on stale facts', async () => {
    const inc = await incident(encryptedLaptop);
    const assessment = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: false, notifySubjects: false, exemption: 'encrypted', reason: 'Encrypted and the key is safe', evidence: { keyCustody: 'escrow' } }).expect(201);
    const current = (await api(svc).get(`/api/incidents/${inc.id}`).set(analyst.auth).expect(200)).body;
    await api(svc).patch(`/api/incidents/${inc.id}`).set(analyst.auth).send({ version: current.version, encryption: { keyCompromised: true } }).expect(200);
    const decisions = (await api(svc).get(`/api/incidents/${inc.id}/decisions`).set(analyst.auth).expect(200)).body;
    assert.deepEqual(decisions[0].review, { needed: true, since: decisions[0].review.since, changed: ['encryption'] });
    const stale = await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: true, reason: 'Key was on a sticky note' }).expect(422);
    assert.equal(stale.body.error.code, 'facts_changed');

    const rerun = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    assert.equal(rerun.risk, 'high');
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth).send({ assessmentId: rerun.id, notifySA: true, notifySubjects: true }).expect(201);
    const resumed = (await api(svc).get(`/api/incidents/${inc.id}`).set(dpo.auth).expect(200)).body;
    assert.equal(resumed.clock.state, 'running', 'deciding to notify resumes the clock with the same deadline');
    assert.equal(resumed.deadline, inc.deadline);
  });

  it('hides assessments of a restricted incident from those who may not see it', async () => {
    const manager = await svc.user(['manager']);
    const inc = (await api(svc).post('/api/incidents').set(manager.auth).send({ title: 'Insider', description: '', restricted: true }).expect(201)).body;
    await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(404);
    await api(svc).get(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(404);
  });
});
