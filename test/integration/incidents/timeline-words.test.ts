import assert from 'node:assert/strict';
import { testService, COMPLETE } from '../../support/factories.js';
import { api } from '../../support/service.js';

type Entry = { kind: string; summary: string; changes: { field: string; text: string }[] };

/** What a reader must never meet in a timeline line: a UTC timestamp, an id, a stored code, a field path. */
const RAW = [
  /\d{4}-\d\d-\d\dT\d\d:\d\d/,
  /\b[0-9a-f]{24}\b/,
  /\b(?:not-notifiable|not-a-breach|not-started|encrypted_only|unknown_finder|malicious_unknown|national_id_number|ruled_out|none_observed)\b/,
  /\b(?:possible|confirmed|malicious|accidental|confidentiality|controller|processor|altinn|email|initial|complete|running|stopped|true|false)\b/,
  /\b[a-z]+\.[a-z][A-Za-z]+\b/,
  /\b[a-z]+[A-Z][a-zA-Z]+\b/,
];
const ENGLISH = /\b(the|and|changed|clock|incident|notified|logged|people|told|controller|closed|reopened|yes|no|not)\b/i;

describe('the timeline: every kind of entry worded by the server, in the reader\'s language', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');
  const dpo = signedInAs('dpo', 'Kari Nordmann');

  const timeline = async (id: string, lang: string): Promise<Entry[]> =>
    (await api(svc).get(`/api/incidents/${id}/timeline`).set(analyst.auth).set('Accept-Language', lang).expect(200)).body;

  it('words each entry and each change with no raw code, id or UTC time, as the forms name the fields', async () => {
    const now = () => svc.clock.now().toISOString();
    // Triage, then facts, awareness declared and corrected, not notifiable and resumed, filed (the clock stops),
    // the people told, closed and reopened.
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Stjålet PC', description: '' }).expect(201)).body;
    await api(svc).patch(`/api/incidents/${inc.id}`).set(analyst.auth).send({
      version: 0, ...COMPLETE, title: 'Stjålet PC', dataCategories: ['identity', 'national_id_number'], unauthorisedAccess: 'possible', exfiltration: 'ruled_out',
      cause: { kind: 'malicious', vector: 'Innbrudd i bil', description: '' }, recipients: { type: 'unknown_finder' }, misuseObserved: 'none_observed',
      encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false, keyCustody: 'I nøkkelhvelvet, ikke på maskinen' },
      subjects: { groups: ['kunder'], count: { kind: 'range', min: 4800, max: 5200 } }, assignees: [dpo.id], ownerId: dpo.id,
      occurred: { from: '2026-03-01T20:00:00.000Z', to: null, approximate: true },
    }).expect(200);
    svc.clock.advanceHours(1);
    await api(svc).put(`/api/incidents/${inc.id}/awareness`).set(analyst.auth).send({ at: now(), evidence: 'Bekreftet av IT' }).expect(200);
    await api(svc).put(`/api/incidents/${inc.id}/awareness`).set(analyst.auth)
      .send({ at: new Date(svc.clock.now().getTime() - 30 * 60_000).toISOString(), evidence: 'Bekreftet av IT', reason: 'Loggen viste et tidligere tidspunkt' }).expect(200);
    await api(svc).post(`/api/incidents/${inc.id}/not-notifiable`).set(dpo.auth).send({ reason: 'Kryptert og nøkkelen trygg' }).expect(200);
    await api(svc).post(`/api/incidents/${inc.id}/resume`).set(dpo.auth).send({ reason: 'Ny informasjon om nøkkelen' }).expect(200);
    // A decision stops the clock and a later one starts it again.
    const first = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: first.id, notifySA: false, notifySubjects: false, exemption: null, reason: 'Kryptert og nøkkelen trygg' }).expect(201);
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: first.id, notifySA: true, notifySubjects: false, exemption: null, reason: 'Fødselsnummer hos en ukjent finner' }).expect(201);
    await api(svc).post(`/api/incidents/${inc.id}/submissions`).set(analyst.auth)
      .send({ sentAt: now(), channel: 'altinn', reference: 'AR-77', phase: 'initial' }).expect(201);
    await api(svc).post(`/api/incidents/${inc.id}/submissions`).set(analyst.auth)
      .send({ sentAt: now(), channel: 'email', reference: '', phase: 'final' }).expect(201);
    const assessment = (await api(svc).post(`/api/incidents/${inc.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${inc.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: true, exemption: null, reason: 'Fødselsnummer hos en ukjent finner' }).expect(201);
    const subject = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'subject', lang: 'nb', adviceToSubjects: 'Vær på vakt.' }).expect(201)).body;
    await api(svc).post(`/api/notices/${subject.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${subject.id}/sent`).set(dpo.auth).send({ sentAt: now(), channel: 'letter', audience: 'alle kunder' }).expect(200);
    await api(svc).post(`/api/incidents/${inc.id}/close`).set(dpo.auth).send({ reason: 'Ferdig behandlet', notABreach: false }).expect(200);
    await api(svc).post(`/api/incidents/${inc.id}/reopen`).set(dpo.auth).send({ reason: 'Ny informasjon' }).expect(200);

    // A processor's incident: the controller informed.
    const proc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Hos kunden', description: '', role: 'processor', awareAt: now(), controller: { name: 'Kunde AS' } }).expect(201)).body;
    await api(svc).post(`/api/incidents/${proc.id}/controller-informed`).set(analyst.auth).send({ at: now(), channel: 'email', note: 'Sendt til kundens personvernombud' }).expect(200);

    const nb = [...(await timeline(inc.id, 'nb')), ...(await timeline(proc.id, 'nb'))];
    const en = [...(await timeline(inc.id, 'en')), ...(await timeline(proc.id, 'en'))];
    assert.deepEqual([...new Set(nb.map((e) => e.kind))].sort(), [
      'assessed', 'awareness-corrected', 'awareness-declared', 'clock-resumed', 'clock-stopped', 'closed', 'controller-informed', 'created', 'decided', 'notice-approved',
      'notice-drafted', 'people-told', 'reopened', 'submission', 'updated',
    ]);
    const userText = /Stjålet PC|Innbrudd i bil|I nøkkelhvelvet, ikke på maskinen|Bekreftet av IT|Loggen viste et tidligere tidspunkt|Kryptert og nøkkelen trygg|Ny informasjon( om nøkkelen)?|AR-77|alle kunder|Ferdig behandlet|Sendt til kundens personvernombud|Kunde AS|Kari Nordmann|kunder|Vær på vakt\.|Fødselsnummer hos en ukjent finner/g;
    for (const [i, entry] of nb.entries()) {
      for (const line of [entry.summary, ...entry.changes.map((c) => c.text)]) {
        for (const raw of RAW) assert.doesNotMatch(line, raw, `${entry.kind}: ${line}`);
        assert.doesNotMatch(line.replace(userText, ''), ENGLISH, `English in the bokmål of ${entry.kind}: ${line}`);
      }
      assert.equal(en[i]!.changes.length, entry.changes.length);
      for (const line of [en[i]!.summary, ...en[i]!.changes.map((c) => c.text)]) for (const raw of RAW.slice(0, 3)) assert.doesNotMatch(line, raw, line);
    }
    const lines = nb.flatMap((e) => e.changes.map((c) => c.text));
    // Each as the facts form asks it, with the value the form offered.
    assert.ok(lines.includes('Har uvedkommende sett opplysningene? Vet ikke ennå → Kanskje'), lines.join('\n'));
    assert.ok(lines.includes('Hvor mange personer er berørt? Vet ikke ennå → mellom 4 800 og 5 200'), lines.join('\n'));
    assert.ok(lines.includes('Arbeider med saken: ikke oppgitt → 1 person'), lines.join('\n'));
    assert.ok(lines.some((l) => /^Kjent fra: ikke oppgitt → \d+\. \p{L}+ \d{4} kl\. \d\d:\d\d$/u.test(l)), lines.join('\n'));
    assert.ok(nb.some((e) => e.summary === 'Meldt til Datatilsynet (foreløpig, Altinn, referanse AR-77); klokken stoppet'), nb.map((e) => e.summary).join('\n'));
    assert.ok(en.some((e) => e.summary === 'Notified to Datatilsynet (initial, Altinn, reference AR-77); the clock stopped'));
    assert.ok(nb.some((e) => e.summary === 'Melding til Datatilsynet registrert (endelig, e-post)'), nb.map((e) => e.summary).join('\n'));
    assert.ok(nb.some((e) => e.summary === 'Beslutning: ikke meldepliktig; klokken stoppet: Kryptert og nøkkelen trygg'));
    assert.ok(nb.some((e) => e.summary === 'Beslutning: meldes til Datatilsynet; klokken går igjen mot samme frist'));
  });

  it('words an entry stored without its parameters, as an entry with none is stored', async () => {
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Feilsendt e-post', description: '', awareAt: svc.clock.now().toISOString() }).expect(201)).body;
    const res = await svc.connection.collection('incident_timeline').updateOne({ incidentId: inc.id, 'message.code': 'timeline.created-aware' }, { $unset: { 'message.params': '' } });
    assert.equal(res.modifiedCount, 1);
    const [created] = await timeline(inc.id, 'nb');
    assert.equal(created!.summary, 'Saken registrert; kjennskap erklært, klokken startet');
  });
});
