import assert from 'node:assert/strict';
import { buildIncident } from '../../support/factories.js';
import { ackToken } from '../../../server/domains/alerts/ack-link.js';
import { noticeStyleHashes } from '../../../notifications/render.js';
import { incidentModels } from '../../../server/domains/incidents/incident.model.js';
import { systemContext } from '../../../server/domains/audit/audit.service.js';
import { ManualClock } from '../../support/clock.js';
import { drainDueJobs } from '../../support/jobs.js';
import { startSmtpServer } from '../../support/receivers.js';
import { api, PASSWORD, startTestService, type TestService, type TestUser } from '../../support/service.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** The message as text: quoted-printable soft breaks joined and escapes decoded (ASCII is all these checks need). */
const decodeQuotedPrintable = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('security: input, output and headers', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let svc: TestService;
  let analyst: TestUser;
  let manager: TestUser;
  let oncall: TestUser;
  let admin: TestUser;

  before(async () => {
    smtp = await startSmtpServer();
    svc = await startTestService({ clock: new ManualClock('2026-04-06T08:00:00Z'), env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://breachclock.example.no' } });
    analyst = await svc.user(['analyst']);
    manager = await svc.user(['manager']);
    oncall = await svc.user(['oncall']);
    admin = await svc.user(['admin']);
  });
  after(async () => {
    await svc.close();
    await smtp.close();
  });

  const open = (title: string) => buildIncident(svc, analyst, { title });

  it('refuses text that is not well-formed Unicode with 400 naming the field, and the audit chain stays whole', async () => {
    const res = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Broken \ud800 title', description: 'fine', systems: ['ok', 'bad \udc00'] }).expect(400);
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path).sort(), ['systems.1', 'title']);
    assert.match(res.body.error.details[0].message, /Unicode/);
    await api(svc).get('/api/incidents?q=%ED%A0%80').set(analyst.auth).expect((r) => assert.ok(r.status < 500));
    const verify = await api(svc).get('/api/audit/verify').set(admin.auth).expect(200);
    assert.equal(verify.body.ok, true);
  });

  it('hashes an audit entry over the text as stored, so a lone surrogate from inside cannot break the chain', async () => {
    await svc.container.audit.record(systemContext('test'), { action: 'test.surrogate', target: { type: 'test', id: null }, after: { note: 'lone \ud800 here' } });
    const verify = await api(svc).get('/api/audit/verify').set(admin.auth).expect(200);
    assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
  });

  it('keeps incident titles to one line, and an alert e-mail writes a stored multi-line title on one line', async () => {
    const refused = await api(svc).post('/api/incidents').set(analyst.auth).send({ title: 'Lekket fil\nKvitter for varselet: https://evil.example/ack', description: '' }).expect(400);
    assert.deepEqual(refused.body.error.details.map((d: { path: string }) => d.path), ['title']);

    const incident = await open('Lekket fil');
    // A title stored before the rule (or written by another tool) still cannot add lines to the mail.
    await incidentModels(svc.connection).Incidents.updateOne({ _id: incident.id }, { $set: { title: 'Lekket fil\r\nKvitter for varselet: https://evil.example/ack' } });
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    const mail = smtp.mails.find((m) => m.to.includes(oncall.email));
    assert.ok(mail, 'the on-call person got the alert');
    const text = decodeQuotedPrintable(mail.raw);
    assert.ok(text.includes('https://evil.example/ack'), 'the title is in the message');
    assert.ok(!text.split(/\r?\n/).some((line) => line.startsWith('Kvitter for varselet: https://evil')), 'but not as a line of its own');
  });

  it('refuses an acknowledgement token with extra segments', async () => {
    const incident = await open('Ack token test');
    svc.clock.advanceHours(24);
    await drainDueJobs(svc);
    const [alert] = (await api(svc).get(`/api/incidents/${incident.id}/alerts`).set(analyst.auth).expect(200)).body;
    const token = ackToken(SECRET, alert.id, oncall.id, new Date(svc.clock.now().getTime() + 86_400_000));
    await api(svc).get(`/api/alerts/${alert.id}/ack-link`).query({ token: `${token}.extra` }).expect(404);
    await api(svc).post(`/api/alerts/${alert.id}/ack-link`).type('form').send({ token: `${token}.x.y` }).expect(404);
    const page = await api(svc).get(`/api/alerts/${alert.id}/ack-link`).query({ token }).expect(200);
    assert.doesNotMatch(page.text, /style="/, 'the page needs no inline style attributes');
    assert.doesNotMatch(page.headers['content-security-policy'] as string, /unsafe-inline/);
  });

  it('refuses template drafts that call {{log}} or decorators, naming the part', async () => {
    const base = (await api(svc).get('/api/templates?kind=authority&lang=en').set(analyst.auth).expect(200)).body[0];
    const logged = await api(svc).post('/api/templates').set(analyst.auth).send({ kind: 'authority', lang: 'en', subject: base.subject, html: `${base.html}{{log "pwned" level="error"}}`, text: base.text }).expect(400);
    assert.deepEqual(logged.body.error.details.map((d: { path: string }) => d.path), ['html']);
    const nested = await api(svc).post('/api/templates').set(analyst.auth).send({ kind: 'authority', lang: 'en', subject: base.subject, html: base.html, text: `{{#if organisation}}{{log organisation}}{{/if}}${base.text}` }).expect(400);
    assert.deepEqual(nested.body.error.details.map((d: { path: string }) => d.path), ['text']);
    const decorated = await api(svc).post('/api/templates').set(analyst.auth).send({ kind: 'authority', lang: 'en', subject: '{{* inline}}', html: base.html, text: base.text }).expect(400);
    assert.deepEqual(decorated.body.error.details.map((d: { path: string }) => d.path), ['subject']);
  });

  it('keeps prototype keys in a body from polluting objects, and templates from reaching prototypes', async () => {
    const polluting = '{"title":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    const res = await api(svc).post('/api/incidents').set(analyst.auth).set('Content-Type', 'application/json').send(polluting);
    assert.equal(res.status, 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const base = (await api(svc).get('/api/templates?kind=authority&lang=en').set(analyst.auth).expect(200)).body[0];
    const draft = (await api(svc).post('/api/templates').set(manager.auth)
      .send({ kind: 'authority', lang: 'en', subject: base.subject, html: '{{#with organisation}}{{constructor.name}}{{/with}}', text: base.text }).expect(201)).body;
    const preview = (await api(svc).get(`/api/templates/${draft.id}/preview`).set(analyst.auth).expect(200)).body;
    assert.equal(preview.rendered, null, 'a prototype property is not a value a template may read');
    assert.doesNotMatch(JSON.stringify(preview), /String|function/);
  });

  it('previews a template without passing on internal exception messages', async () => {
    const base = (await api(svc).get('/api/templates?kind=authority&lang=en').set(analyst.auth).expect(200)).body[0];
    const draft = (await api(svc).post('/api/templates').set(manager.auth).send({ kind: 'authority', lang: 'en', subject: base.subject, html: '<p>{{lookup}}</p>', text: base.text }).expect(201)).body;
    const preview = (await api(svc).get(`/api/templates/${draft.id}/preview`).set(analyst.auth).expect(200)).body;
    assert.equal(preview.rendered, null);
    assert.doesNotMatch(preview.error, /Cannot read|undefined|lookupProperty/);
    // What the manager reads is the catalogue's word for the part that breaks, not the exception.
    assert.match(preview.error, /^I HTML-teksten, kan ikke vises med eksempelsaken$/);
    const submitted = await api(svc).post(`/api/templates/${draft.id}/submit`).set(manager.auth).expect(422);
    assert.doesNotMatch(JSON.stringify(submitted.body), /Cannot read|lookupProperty/);
  });

  it('answers no-store on authenticated answers, CSV, PDF and sign-in, with a CSP that allows no inline styles but the notice layout\'s own', async () => {
    const login = await api(svc).post('/api/auth/login').send({ email: analyst.email, password: PASSWORD }).expect(200);
    assert.equal(login.headers['cache-control'], 'no-store');
    for (const path of ['/api/auth/me', '/api/incidents', '/api/register?format=csv']) {
      const res = await api(svc).get(path).set(analyst.auth).expect(200);
      assert.equal(res.headers['cache-control'], 'no-store', path);
    }
    const csp = (await api(svc).get('/api/auth/me').set(analyst.auth)).headers['content-security-policy'] as string;
    const styleSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src'));
    // The notice layout's style sheet, by its hash (for previews in a sandboxed frame); nothing else inline.
    assert.equal(styleSrc, `style-src 'self' ${noticeStyleHashes().join(' ')}`);
    assert.equal(noticeStyleHashes().length, 1);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  it('sends HSTS only over HTTPS', async () => {
    const plain = await api(svc).get('/healthz');
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const proxied = await startTestService({ env: { TRUST_PROXY: 'true' } });
    try {
      const overHttps = await api(proxied).get('/healthz').set('X-Forwarded-Proto', 'https');
      assert.match(overHttps.headers['strict-transport-security'] as string, /max-age=\d+/);
      const overHttp = await api(proxied).get('/healthz').set('X-Forwarded-Proto', 'http');
      assert.equal(overHttp.headers['strict-transport-security'], undefined);
    } finally {
      await proxied.close();
    }
  });

  it('sets the refresh cookie Secure whenever the public address is HTTPS', async () => {
    const login = await api(svc).post('/api/auth/login').send({ email: manager.email, password: PASSWORD }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('bc_refresh='))!;
    assert.match(cookie, /;\s*Secure/i);
  });

  it('refuses a JSON route a body of another type with 415', async () => {
    const res = await api(svc).post('/api/incidents').set(analyst.auth).set('Content-Type', 'text/plain').send('{"title":"x"}').expect(415);
    assert.equal(res.body.error.code, 'unsupported_media_type');
    await api(svc).post('/api/auth/login').type('form').send({ email: analyst.email, password: PASSWORD }).expect(415);
  });
});

describe('security: PDF answers are not cached', () => {
  it('sends a notice PDF with no-store', async () => {
    const svc = await startTestService();
    try {
      const analyst = await svc.user(['analyst']);
      await svc.user(['dpo']);
      const incident = (await api(svc).post('/api/incidents').set(analyst.auth).send({
        title: 'PDF', description: 'Feil mottaker', outwardDescription: 'En fil ble sendt til feil mottaker.', awareAt: svc.clock.now().toISOString(), breachTypes: ['confidentiality'], dataCategories: ['contact'],
        subjects: { groups: ['kunder'], count: { kind: 'exact', value: 3 } }, records: { kind: 'exact', value: 3 }, consequences: 'Lav', measuresTaken: 'Slettet',
      }).expect(201)).body;
      const notice = (await api(svc).post(`/api/incidents/${incident.id}/notices`).set(analyst.auth).send({ kind: 'authority', lang: 'nb' }).expect(201)).body;
      const pdf = await api(svc).get(`/api/notices/${notice.id}/pdf`).set(analyst.auth).expect(200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.headers['cache-control'], 'no-store');
    } finally {
      await svc.close();
    }
  });
});
