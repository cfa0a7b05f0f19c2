import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { ManualClock } from '../../support/clock.js';
import { binary, parseCsv, readPdf } from '../../support/records.js';
import { api, startTestService, type TestService, type TestUser } from '../../support/service.js';

const FACTS = {
  title: 'Stjålet PC',
  description: 'En ulåst bærbar PC med kundeliste ble stjålet fra en bil på Økern.',
  outwardDescription: 'En bærbar PC med opplysninger om kunder ble stjålet fra en bil på Økern.',
  outwardDescriptionEn: 'A laptop with information about customers was stolen from a car at Økern.',
  breachTypes: ['confidentiality'],
  dataCategories: ['identity', 'national_id_number'],
  subjects: { groups: ['kunder'], count: { kind: 'estimate', value: 4800 } },
  records: { kind: 'estimate', value: 4800 },
  consequences: 'Fare for identitetstyveri.',
  measuresTaken: 'Maskinen er sperret.\n\nPolitiet er varslet.',
  measuresPlanned: 'Vi krypterer alle bærbare maskiner.',
};

describe('records: the notice PDF as a DPO files it', () => {
  let svc: TestService;
  let analyst: TestUser;
  let dpo: TestUser;

  before(async () => {
    svc = await startTestService({ clock: new ManualClock('2026-03-02T09:00:00Z'), env: { ORGANISATION_NAME: 'Klikk Int AS', ORGANISATION_NUMBER: '922 078 734' } });
    analyst = await svc.user(['analyst']);
    dpo = await svc.user(['dpo'], 'Kari Nordmann');
  });
  after(() => svc.close());

  const approvedNotice = async (body: Record<string, unknown>) => {
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ awareAt: svc.clock.now().toISOString(), ...FACTS }).expect(201)).body;
    const notice = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send(body).expect(201)).body;
    return (await api(svc).post(`/api/notices/${notice.id}/approve`).set(dpo.auth).expect(200)).body;
  };
  const pdfOf = async (id: string) => readPdf((await api(svc).get(`/api/notices/${id}/pdf`).set(analyst.auth).buffer(true).parse(binary).expect(200)).body as Buffer);

  it('carries the organisation and its number, the addressee, the notice as laid out, embedded fonts, and a Norwegian footer on every page', async () => {
    const notice = await approvedNotice({ kind: 'authority', lang: 'nb' });
    const pdf = await pdfOf(notice.id);
    const text = pdf.pages.join('\n');
    assert.match(text, /Klikk Int AS/);
    assert.match(text, /Org\.nr\. 922 078 734/);
    assert.match(text, /Til: Datatilsynet/);
    assert.match(text, /Melding om brudd på personopplysningssikkerheten\s+\(GDPR art\. 33\)/);
    assert.match(text, /Sannsynlige konsekvenser/);
    assert.match(text, /Iverksatt:/);
    assert.match(text, /Politiet er varslet\./, 'each paragraph of the notice is there');
    assert.match(text, /stjålet fra en bil på Økern/, 'Norwegian letters survive');
    assert.match(text, new RegExp(`Godkjent av Kari Nordmann 2\\. mars 2026 kl\\. 10:00`), 'the approver and the time in Oslo');
    assert.match(text, new RegExp(`SHA-256: ${notice.contentHash}`));
    pdf.pages.forEach((page, i) => assert.match(page, new RegExp(`Side ${i + 1} av ${pdf.pages.length}`)));
    assert.deepEqual(pdf.fonts.map((f) => f.name).sort(), ['DejaVuSans', 'DejaVuSans-Bold']);
    assert.ok(pdf.fonts.every((f) => f.embedded), 'the fonts are embedded, not referenced');
    assert.equal(pdf.title, notice.subject);
  });

  it('names, in a notice filed on the controller\'s written instruction, the controller as responsible, us as its processor and the instruction, with our DPO as contact (HTML, text, PDF)', async () => {
    const controller = {
      name: 'Kunde AS', contact: 'dpo@kunde.example', notifyOnBehalf: true,
      instructedBy: 'Eva Berg, personvernombud hos Kunde AS', instructedAt: '2026-03-02T08:30:00.000Z', instructionReference: 'E-post 2. mars',
    };
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth).send({ awareAt: svc.clock.now().toISOString(), ...FACTS, role: 'processor', controller }).expect(201)).body;
    const nb = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'complete' }).expect(201)).body;
    const sentence = 'Behandlingsansvarlig for opplysningene er Kunde AS. Klikk Int AS er databehandler for Kunde AS og melder bruddet på vegne av den behandlingsansvarlige etter skriftlig instruks fra Eva Berg, personvernombud hos Kunde AS 2. mars 2026 kl. 09:30 (norsk tid), referanse E-post 2. mars.';
    assert.ok(nb.text.includes(`BEHANDLINGSANSVARLIG\n${sentence}`), nb.text);
    assert.ok(nb.html.includes('<h2>Behandlingsansvarlig</h2>'));
    assert.match(nb.text, /KONTAKTPUNKT\n[^\n]*personvernombud/i, 'our DPO stays the contact point');
    const pdf = (await pdfOf(nb.id)).pages.join('\n').replace(/\s+/g, ' ');
    assert.ok(pdf.includes('melder bruddet på vegne av den behandlingsansvarlige etter skriftlig instruks fra Eva Berg'), pdf);
    const en = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'en', phase: 'complete' }).expect(201)).body;
    assert.match(en.text, /CONTROLLER\nThe controller responsible for the data is Kunde AS\. Klikk Int AS is the processor for Kunde AS and notifies the breach on the controller's behalf, on the written instruction of Eva Berg, personvernombud hos Kunde AS given on 2 March 2026, 09:30 \(Oslo time\), reference E-post 2\. mars\./);
    const ours = (await api(svc).post('/api/incidents').set(analyst.auth).send({ awareAt: svc.clock.now().toISOString(), ...FACTS }).expect(201)).body;
    const plain = (await api(svc).post(`/api/incidents/${ours.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb', phase: 'complete' }).expect(201)).body;
    assert.doesNotMatch(plain.text, /BEHANDLINGSANSVARLIG|på vegne av/, 'our own notice says nothing of a controller');
  });

  it('numbers every page of a long notice and adds no empty page', async () => {
    const inc = (await api(svc).post('/api/incidents').set(analyst.auth)
      .send({ awareAt: svc.clock.now().toISOString(), ...FACTS, outwardDescription: Array.from({ length: 60 }, (_, i) => `Avsnitt ${i + 1}: hva vi vet så langt om hendelsen.`).join('\n\n') }).expect(201)).body;
    const notice = (await api(svc).post(`/api/incidents/${inc.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
    const pdf = await pdfOf(notice.id);
    assert.ok(pdf.pages.length >= 2, `pages: ${pdf.pages.length}`);
    pdf.pages.forEach((page, i) => {
      assert.match(page, new RegExp(`Side ${i + 1} av ${pdf.pages.length}`));
      assert.match(page, /Utkast – ikke godkjent/);
    });
    assert.match(pdf.pages.at(-1)!, /Kontaktpunkt/);
    assert.match(pdf.pages.join('\n'), /Avsnitt 60:/);
  });

  it('writes the footer of an English notice in English, and addresses a subject notice to the people', async () => {
    const notice = await approvedNotice({ kind: 'subject', lang: 'en', adviceToSubjects: 'Be wary of calls that mention your customer account.' });
    const text = (await pdfOf(notice.id)).pages.join('\n');
    assert.match(text, /To: The people affected/);
    assert.match(text, /Organisation number 922 078 734/);
    assert.match(text, /Approved by Kari Nordmann on 2 March 2026, 10:00 \(Oslo time\)/);
    assert.match(text, /Page 1 of \d/);
    assert.ok(!/Side \d|Godkjent av/.test(text));
  });
});

describe('records: the register as people keep it (CSV for Norwegian Excel, and XLSX)', () => {
  let svc: TestService;
  let analyst: TestUser;
  let dpo: TestUser;

  before(async () => {
    // 10:00 in Oslo (CET, UTC+1).
    svc = await startTestService({ clock: new ManualClock('2026-03-02T09:00:00Z'), env: { ORGANISATION_NAME: 'Klikk Int AS' } });
    analyst = await svc.user(['analyst']);
    dpo = await svc.user(['dpo'], 'Kari Nordmann');
    const told = (await api(svc).post('/api/incidents').set(analyst.auth).send({ awareAt: svc.clock.now().toISOString(), ...FACTS, title: 'Told' }).expect(201)).body;
    const assessment = (await api(svc).post(`/api/incidents/${told.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${told.id}/decisions`).set(dpo.auth)
      .send({ assessmentId: assessment.id, notifySA: true, notifySubjects: true, exemption: null, reason: 'Fødselsnummer hos en ukjent finner: høy risiko for ID-tyveri.' }).expect(201);
    svc.clock.advanceHours(30.5);
    await api(svc).post(`/api/incidents/${told.id}/submissions`).set(analyst.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'altinn', reference: 'AR-9', phase: 'complete' }).expect(201);
    const subject = (await api(svc).post(`/api/incidents/${told.id}/notices`).set(analyst.auth).send({ kind: 'subject', lang: 'nb', adviceToSubjects: 'Vær på vakt.' }).expect(201)).body;
    await api(svc).post(`/api/notices/${subject.id}/approve`).set(dpo.auth).expect(200);
    await api(svc).post(`/api/notices/${subject.id}/sent`).set(dpo.auth).send({ sentAt: svc.clock.now().toISOString(), channel: 'email' }).expect(200);

    const follows = (await api(svc).post('/api/incidents').set(analyst.auth).send({ awareAt: svc.clock.now().toISOString(), ...FACTS, title: 'Follows' }).expect(201)).body;
    const recommended = (await api(svc).post(`/api/incidents/${follows.id}/assessments`).set(analyst.auth).expect(201)).body;
    const { notifySA, notifySubjects, exemption } = recommended.recommendation;
    await api(svc).post(`/api/incidents/${follows.id}/decisions`).set(dpo.auth).send({ assessmentId: recommended.id, notifySA, notifySubjects, exemption, reason: '' }).expect(201);
    const encrypted = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      awareAt: svc.clock.now().toISOString(), ...FACTS, title: 'Encrypted',
      encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false }, unauthorisedAccess: 'encrypted_only',
    }).expect(201)).body;
    const processor = (await api(svc).post('/api/incidents').set(analyst.auth).send({
      awareAt: svc.clock.now().toISOString(), ...FACTS, title: 'For a customer', role: 'processor', controller: { name: 'Kunde AS', contact: 'dpo@kunde.example' },
    }).expect(201)).body;
    await api(svc).post(`/api/incidents/${processor.id}/controller-informed`).set(analyst.auth).send({ at: svc.clock.now().toISOString(), channel: 'email' }).expect(200);
    const second = (await api(svc).post(`/api/incidents/${encrypted.id}/assessments`).set(analyst.auth).expect(201)).body;
    await api(svc).post(`/api/incidents/${encrypted.id}/decisions`).set(dpo.auth).send({
      assessmentId: second.id, notifySA: second.recommendation.notifySA, notifySubjects: false, exemption: 'encrypted',
      reason: 'Disken var kryptert med BitLocker og nøkkelen lå i AD.', evidence: { keyCustody: 'Nøkkelen ligger i Entra ID, ikke på maskinen.' },
    }).expect(201);
  });
  after(() => svc.close());

  const csvOf = async (query: string, headers: Record<string, string> = {}) => {
    const res = await api(svc).get(`/api/register?format=csv${query}`).set(dpo.auth).set(headers).buffer(true).parse(binary).expect(200);
    return { res, text: (res.body as Buffer).toString('utf8') };
  };

  it('writes a CSV Norwegian Excel opens: byte-order mark, semicolons, Oslo time, bokmål headers, the DPO’s reasoning and the Art. 34 outcome', async () => {
    const { res, text } = await csvOf('');
    assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.equal(text.charCodeAt(0), 0xfeff, 'a UTF-8 byte-order mark');
    const [headers, ...rows] = parseCsv(text.slice(1), ';');
    assert.ok(headers!.includes('Kjent med bruddet (norsk tid)'), headers!.join(' | '));
    const row = Object.fromEntries(headers!.map((h, i) => [h, rows.find((r) => r[1] === 'Told')![i]]));
    assert.equal(row['Kjent med bruddet (norsk tid)'], '2026-03-02 10:00', 'Oslo time, not UTC');
    assert.equal(row['Meldt (norsk tid)'], '2026-03-03 16:30');
    assert.equal(row['Timer til melding'], '30,5', 'a decimal comma');
    assert.equal(row['Begrunnelse'], 'Fødselsnummer hos en ukjent finner: høy risiko for ID-tyveri.');
    assert.equal(row['Besluttet av'], 'Kari Nordmann');
    assert.equal(row['De berørte (art. 34)'], 'Informert');
    assert.equal(row['Typer personopplysninger'], 'navn og andre identitetsopplysninger, fødselsnummer');
    const encrypted = Object.fromEntries(headers!.map((h, i) => [h, rows.find((r) => r[1] === 'Encrypted')![i]]));
    assert.equal(encrypted['De berørte (art. 34)'], 'Unntatt (art. 34 nr. 3)');
    assert.match(encrypted['Unntak og dokumentasjon (art. 34 nr. 3)']!, /^Bokstav a: .*Nøkkelen ligger i Entra ID/);
    assert.ok(!text.includes('Notified Datatilsynet via'), 'no generated note stands in for the reasoning');
  });

  it('gives, for a decision that follows the recommendation without reasoning, the assessment\'s reasons for it in JSON, CSV and XLSX, in the reader\'s language', async () => {
    const json = (await api(svc).get('/api/register').set(dpo.auth).expect(200)).body.incidents as Record<string, string>[];
    assert.match(json.find((r) => r.title === 'Follows')!.decisionReason!, /^Følger anbefalingen: Bruddet vil sannsynligvis medføre høy risiko/);
    const { text } = await csvOf('&lang=en');
    const [headers, ...rows] = parseCsv(text.slice(1), ';');
    const row = Object.fromEntries(headers!.map((h, i) => [h, rows.find((r) => r[1] === 'Follows')![i]]));
    assert.match(row['Reasoning']!, /^Follows the recommendation: The breach is likely to result in a high risk/);
    const res = await api(svc).get('/api/register?format=xlsx').set(dpo.auth).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Avviksprotokoll')!;
    const columns = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    let at = 0;
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(2).value === 'Follows') at = r;
    assert.match(String(sheet.getRow(at).getCell(columns.indexOf('Begrunnelse') + 1).value), /^Følger anbefalingen: /);
    assert.equal(json.find((r) => r.title === 'Told')!.decisionReason, 'Fødselsnummer hos en ukjent finner: høy risiko for ID-tyveri.', 'reasoning a person wrote stays as written');
  });

  it('names, for a processor incident, our role, the controller and when it was told, in the table, the CSV and the XLSX, headed in the reader’s language', async () => {
    const json = (await api(svc).get('/api/register').set(dpo.auth).expect(200)).body.incidents as Record<string, unknown>[];
    const mine = json.find((r) => r.title === 'For a customer')!;
    assert.deepEqual([mine.role, mine.controllerName, mine.controllerInformedAt], ['processor', 'Kunde AS', '2026-03-03T15:30:00.000Z']);
    assert.equal(mine.art34, 'controller', 'telling the people is the controller\'s call, not ours to leave undecided');
    const ours = json.find((r) => r.title === 'Told')!;
    assert.deepEqual([ours.role, ours.controllerName, ours.controllerInformedAt], ['controller', null, null]);
    for (const [query, role, controller, informed] of [
      ['', 'Vår rolle', 'Behandlingsansvarlig (når vi er databehandler)', 'Behandlingsansvarlig varslet (norsk tid)'],
      ['&lang=en', 'Our role', 'Controller (when we are processor)', 'Controller informed (Oslo time)'],
    ] as const) {
      const { text } = await csvOf(query);
      const [headers, ...rows] = parseCsv(text.slice(1), ';');
      const row = Object.fromEntries(headers!.map((h, i) => [h, rows.find((r) => r[1] === 'For a customer')![i]]));
      assert.equal(row[role], query ? 'Processor' : 'Databehandler');
      assert.equal(row[controller], 'Kunde AS');
      assert.equal(row[query ? 'The people affected (Art. 34)' : 'De berørte (art. 34)'], query ? 'For the controller to decide' : 'Den behandlingsansvarlige avgjør');
      assert.equal(row[informed], '2026-03-03 16:30', 'Oslo time');
      const other = Object.fromEntries(headers!.map((h, i) => [h, rows.find((r) => r[1] === 'Told')![i]]));
      assert.deepEqual([other[role], other[controller], other[informed]], [query ? 'Controller' : 'Behandlingsansvarlig', '', '']);
    }
    const res = await api(svc).get('/api/register?format=xlsx&lang=en').set(dpo.auth).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Breach register')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    let row = 0;
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(2).value === 'For a customer') row = r;
    const cell = (name: string) => sheet.getRow(row).getCell(headers.indexOf(name) + 1).value;
    assert.equal(cell('Our role'), 'Processor');
    assert.equal(cell('Controller (when we are processor)'), 'Kunde AS');
    assert.deepEqual(cell('Controller informed (Oslo time)'), new Date('2026-03-03T16:30:00.000Z'));
  });

  it('words the CSV in English when asked by ?lang= or Accept-Language', async () => {
    for (const { text } of [await csvOf('&lang=en'), await csvOf('', { 'Accept-Language': 'en-GB,en;q=0.8' })]) {
      const [headers, ...rows] = parseCsv(text.slice(1), ';');
      assert.ok(headers!.includes('Became aware (Oslo time)'));
      assert.ok(headers!.includes('The people affected (Art. 34)'));
      assert.ok(rows.some((r) => r.includes('Told')));
      assert.ok(!/Ja|Nei|Informert/.test(rows.flat().join('|')));
    }
  });

  it('writes the same register as an XLSX workbook with Oslo times as dates', async () => {
    const res = await api(svc).get('/api/register?format=xlsx').set(dpo.auth).buffer(true).parse(binary).expect(200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as the older Node Buffer.
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Avviksprotokoll')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    assert.equal(headers[0], 'Referanse');
    assert.ok(sheet.getRow(1).font?.bold);
    const rowOf = (title: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(2).value === title) return sheet.getRow(r);
      throw new Error(`no row ${title}`);
    };
    const told = rowOf('Told');
    const cell = (name: string) => told.getCell(headers.indexOf(name) + 1).value;
    assert.deepEqual(cell('Kjent med bruddet (norsk tid)'), new Date('2026-03-02T10:00:00.000Z'), 'the Oslo wall-clock time as the cell shows it');
    assert.equal(cell('Begrunnelse'), 'Fødselsnummer hos en ukjent finner: høy risiko for ID-tyveri.');
    assert.equal(cell('De berørte (art. 34)'), 'Informert');
    assert.equal(cell('Timer til melding'), 30.5);
  });

  it('keeps the JSON the dashboard reads, with an id per row', async () => {
    const body = (await api(svc).get('/api/register').set(dpo.auth).expect(200)).body;
    const told = body.incidents.find((r: { title: string }) => r.title === 'Told');
    assert.ok(told.id);
    assert.equal(told.notified, 'yes');
    assert.equal(told.art34, 'told');
    assert.equal(told.decisionReason, 'Fødselsnummer hos en ukjent finner: høy risiko for ID-tyveri.');
  });
});
