import assert from 'node:assert/strict';
import { LANGS, missingElements, NOTICE_KINDS, noticeContext, type NoticeOptions } from '../../../notifications/catalog.js';
import { defaultTemplates, renderNotice } from '../../../notifications/render.js';
import { sampleAdvice, sampleContact, sampleIncident } from '../../../notifications/sample.js';
import { formatCount } from '../../../notifications/format.js';

const options = (over: Partial<NoticeOptions> = {}): NoticeOptions => ({
  phase: 'complete', late: false, organisation: 'Eksempel AS', contact: sampleContact, adviceToSubjects: sampleAdvice, ...over,
});

const TAGS = ['img', 'svg', 'body', 'iframe', 'video', 'audio', 'details', 'input', 'marquee', 'object', 'embed', 'a', 'div', 'math', 'table'];
const EVENTS = ['onerror', 'onload', 'onmouseover', 'ontoggle', 'onfocus', 'onbegin', 'onanimationstart'];
const GENERATED = TAGS.flatMap((tag) => EVENTS.map((event) => `<${tag} ${event}=alert(1)>`));
const HANDWRITTEN = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg/onload=alert(1)>", '<iframe src="javascript:alert(1)">',
  '{{constructor.constructor "alert(1)"}}', '{{#each this}}{{/each}}', '{{> layout}}', '{{{incident.title}}}', '<a href="javascript:alert(1)">x</a>',
  '<style>body{display:none}</style>', '<body onload=alert(1)>', '&lt;script&gt;', '<math><mi xlink:href="javascript:alert(1)">', '`${alert(1)}`',
  '{{lookup this "constructor"}}', '{{#with "x" as |y|}}{{y}}{{/with}}', '{{log "x"}}', '{{@root}}', '</p><script>x</script><p>',
];
/** At least 100 XSS and template-injection payloads. */
const XSS = [...HANDWRITTEN, ...GENERATED];
const DANGEROUS = new RegExp(`<(script|style>body|${TAGS.join('|')})\\b`, 'i');

describe('notice templates', () => {
  it('render every kind in both languages with the four required elements', () => {
    const incident = sampleIncident();
    for (const { kind, lang, source } of defaultTemplates()) {
      const out = renderNotice(`default:${kind}:${lang}`, source, noticeContext(kind, lang, incident, options(), new Date('2026-03-03T09:00:00Z')));
      for (const body of [out.html, out.text]) {
        assert.ok(body.includes('Kari Nordmann') && body.includes('personvern@example.no'), `${kind}/${lang}: contact point`);
        assert.ok(body.includes('Lav risiko for at opplysningene misbrukes'), `${kind}/${lang}: consequences`);
        assert.ok(body.includes('Medarbeideren har fått ny opplæring'), `${kind}/${lang}: measures`);
        // Every notice leaves the house: each reads the outward description in its own language, none the internal one.
        assert.ok(body.includes(lang === 'nb' ? 'En medarbeider hos oss sendte ved en feil' : 'One of our staff sent a file'), `${kind}/${lang}: nature`);
        if (lang === 'en') assert.ok(!body.includes('En medarbeider hos oss'), `${kind}/${lang}: no bokmål description`);
        assert.ok(!body.includes('En medarbeider sendte et regneark'), `${kind}/${lang}: no internal text`);
      }
      if (kind === 'authority' || kind === 'controller') assert.ok(out.text.includes(lang === 'nb' ? 'om lag 1 200' : 'about 1 200'), `${kind}/${lang}: approximate count`);
      assert.ok(out.subject.length > 10 && !out.subject.includes('\n'));
      assert.match(out.html, /^<!doctype html>/);
    }
    assert.equal(defaultTemplates().length, NOTICE_KINDS.length * LANGS.length);
  });

  it('says a phased notice is phased, and that unknown counts will follow', () => {
    const incident = { ...sampleIncident(), subjects: { ...sampleIncident().subjects, count: { kind: 'unknown' as const, value: null, min: null, max: null } } };
    const authority = defaultTemplates().find((t) => t.kind === 'authority' && t.lang === 'en')!;
    const out = renderNotice('default:authority:en', authority.source, noticeContext('authority', 'en', incident, options({ phase: 'initial' }), new Date()));
    assert.match(out.text, /given in phases \(Art\. 33\(4\)\)/);
    assert.match(out.text, /People affected: not yet established – to follow\./);
    assert.equal(formatCount({ kind: 'range', value: null, min: 100, max: 2500 }, 'nb'), 'mellom 100 og 2 500');
  });

  it('gives the reasons for delay in a late authority notice', () => {
    const nb = defaultTemplates().find((t) => t.kind === 'authority' && t.lang === 'nb')!;
    const out = renderNotice('default:authority:nb', nb.source, noticeContext('authority', 'nb', sampleIncident(), options({ late: true, delayReasons: 'Databehandleren varslet oss først etter fire dager.' }), new Date()));
    assert.match(out.text, /ÅRSAKER TIL FORSINKELSEN \(ART\. 33 NR\. 1\)\nMeldingen sendes etter fristen på 72 timer, som gikk ut \d{1,2}\. \p{L}+ \d{4} kl\. \d{2}:\d{2} \(norsk tid\)\.\nDatabehandleren varslet oss først etter fire dager\./u);
    assert.match(out.html, /<h2>Årsaker til forsinkelsen \(art\. 33 nr\. 1\)<\/h2><p>Meldingen sendes etter fristen på 72 timer/);
  });

  it('states the follow-up a phased notice promises, and names the first filing in a later phase, in the notice\'s language', () => {
    const incident = { ...sampleIncident(), clock: { deadline: new Date('2026-03-05T09:00:00Z') } };
    const firstFiling = { sentAt: new Date('2026-03-05T12:00:00Z'), reference: 'AR-4711' };
    const followUpDueAt = new Date('2026-06-09T10:30:00Z');
    const render = (lang: 'nb' | 'en', extra: Parameters<typeof options>[0]) => {
      const { source } = defaultTemplates().find((t) => t.kind === 'authority' && t.lang === lang)!;
      return renderNotice(`default:authority:${lang}`, source, noticeContext('authority', lang, incident, options(extra), new Date('2026-03-05T12:00:00Z')));
    };
    // Summer time: 10:30 UTC is 12:30 in Oslo.
    assert.match(render('nb', { phase: 'initial', followUpDueAt }).text, /Vi sender en oppfølgende melding senest 9\. juni 2026 kl\. 12:30 \(norsk tid\)\./);
    assert.match(render('en', { phase: 'initial', followUpDueAt }).html, /We will send a follow-up notification by 9 June 2026, 12:30 \(Oslo time\) at the latest\./);
    const supplement = render('en', { phase: 'supplementary', firstFiling, followUpDueAt, late: true, delayReasons: 'Found late.' });
    assert.match(supplement.text, /This notification follows up the notification we sent on 5 March 2026, 13:00 \(Oslo time\), Altinn reference AR-4711\./);
    assert.match(supplement.text, /The first notification was sent after the 72-hour deadline, which passed on 5 March 2026, 10:00 \(Oslo time\)\./);
    const final = render('nb', { phase: 'final', firstFiling: { ...firstFiling, reference: '' }, followUpDueAt });
    assert.match(final.text, /Denne meldingen følger opp meldingen vi sendte 5\. mars 2026 kl\. 13:00 \(norsk tid\)\./);
    assert.doesNotMatch(final.text, /senest|Altinn-referanse/, 'a final notice promises no follow-up, and names no reference it does not have');
    assert.doesNotMatch(render('nb', { phase: 'complete', firstFiling, followUpDueAt }).text, /følger opp|oppfølgende melding senest/);
  });

  it('gives Datatilsynet the measures that lessen the consequences, the encryption, and the kind of cause (Art. 33(3))', () => {
    const incident = {
      ...sampleIncident(),
      cause: { kind: 'malicious' as const, vector: 'tyveri', description: 'Bilen ble brutt opp i løpet av natten' },
      encryption: { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null },
      mitigations: [{ what: 'Passordene er tilbakestilt' }, { what: 'PC-en er fjernslettet' }],
    };
    for (const lang of LANGS) {
      const { source } = defaultTemplates().find((t) => t.kind === 'authority' && t.lang === lang)!;
      const out = renderNotice(`default:authority:${lang}`, source, noticeContext('authority', lang, incident, options(), new Date()));
      const words = lang === 'nb'
        ? { lessen: 'Tiltak som reduserer følgene for de berørte', encrypted: 'Opplysningene var ikke kryptert.', cause: 'Hovedårsak: handling med vilje – tyveri. Bilen ble brutt opp i løpet av natten' }
        : { lessen: 'Measures that lessen the consequences for the people', encrypted: 'The data was not encrypted.', cause: 'Main cause: deliberate act – theft'.replace('theft', 'tyveri') };
      assert.ok(out.text.includes(`${words.lessen}:\n- Passordene er tilbakestilt\n- PC-en er fjernslettet\n`), out.text);
      assert.ok(out.html.includes('<li>Passordene er tilbakestilt</li>'), out.html);
      assert.ok(out.text.includes(words.encrypted) && out.html.includes(words.encrypted));
      assert.ok(out.text.includes(words.cause), out.text);
    }
    const subject = defaultTemplates().find((t) => t.kind === 'subject' && t.lang === 'nb')!;
    const told = renderNotice('default:subject:nb', subject.source, noticeContext('subject', 'nb', incident, options(), new Date()));
    assert.match(told.text, /HVA HAR VI GJORT\?\n(.+\n)*- PC-en er fjernslettet\n/);
    const onlyMitigated = { ...incident, measuresTaken: '', measuresPlanned: '' };
    assert.deepEqual(missingElements('authority', onlyMitigated, options()), [], 'a mitigation is a measure');
  });

  it('says a measure will follow where none is written, under every heading', () => {
    const none = { ...sampleIncident(), measuresTaken: '', measuresPlanned: '', mitigations: [] };
    for (const { kind, lang, source } of defaultTemplates()) {
      const out = renderNotice(`default:${kind}:${lang}`, source, noticeContext(kind, lang, none, options(), new Date()));
      const heading = { authority: { nb: 'TILTAK', en: 'MEASURES' }, controller: { nb: 'TILTAK', en: 'MEASURES' }, subject: { nb: 'HVA HAR VI GJORT?', en: 'WHAT HAVE WE DONE?' }, public: { nb: 'HVA HAR VI GJORT?', en: 'WHAT HAVE WE DONE?' } }[kind][lang];
      const pending = lang === 'nb' ? 'ikke avklart – ettersendes' : 'not yet established – to follow';
      assert.ok(out.text.includes(`${heading}\n${pending}\n`), `${kind}/${lang}: ${out.text}`);
    }
  });

  it('states Oslo time beside every time in a notice, in bokmål as in English', () => {
    for (const { kind, lang, source } of defaultTemplates()) {
      const out = renderNotice(`default:${kind}:${lang}`, source, noticeContext(kind, lang, sampleIncident(), options(), new Date('2026-03-03T09:00:00Z')));
      const times = out.text.match(/(kl\. |, )\d\d:\d\d( \([^)]*\))?/g) ?? [];
      assert.ok(times.length >= 2, `${kind}/${lang}: ${out.text}`);
      for (const time of times) assert.ok(time.endsWith(lang === 'nb' ? '(norsk tid)' : '(Oslo time)'), `${kind}/${lang}: ${time}`);
    }
  });

  it('names each missing element', () => {
    const bare = { ...sampleIncident(), consequences: '', measuresTaken: '', measuresPlanned: '', mitigations: [], dataCategories: [] };
    const missing = missingElements('subject', bare, options({ contact: null, adviceToSubjects: '' }));
    assert.deepEqual(missing.map((m) => m.element), ['nature', 'contact', 'consequences', 'measures', 'advice']);
    assert.deepEqual(missingElements('authority', sampleIncident(), options({ late: true })).map((m) => m.path), ['delayReasons']);
    assert.deepEqual(missingElements('authority', sampleIncident(), options()), []);
  });

  it('escapes hostile input in every field and never runs it as template', () => {
    let checked = 0;
    for (const payload of XSS) {
      const base = sampleIncident();
      const hostile = {
        ...base, title: payload, description: payload, outwardDescription: payload, outwardDescriptionEn: payload, consequences: payload, measuresTaken: payload, measuresPlanned: payload,
        dataLocation: payload, systems: [payload], subjects: { ...base.subjects, groups: [payload] }, cause: { ...base.cause, description: payload },
        controller: { ...base.controller, name: payload },
      };
      const contact = { name: payload, role: payload, email: payload, phone: payload };
      for (const { kind, lang, source } of defaultTemplates()) {
        const out = renderNotice(`default:${kind}:${lang}`, source, noticeContext(kind, lang, hostile, options({ contact, adviceToSubjects: payload, delayReasons: payload, late: true, organisation: payload }), new Date()));
        const body = out.html.replace(/^[\s\S]*?<\/style>\s*<\/head>\s*<body>/, '');
        const markup = body.replace(/<\/?(p|h1|h2|br|strong|a href="mailto:[^"]*")>|<p class="(meta|flag)">|<\/a>|<\/body>|<\/html>/g, '');
        assert.ok(!DANGEROUS.test(markup.replace(/mailto:[^"]*/g, '')), `${kind}/${lang}: ${payload}`);
        if (payload.startsWith('{{')) assert.ok(out.text.includes(payload), 'template syntax in data is printed as text');
        checked++;
      }
    }
    assert.ok(XSS.length >= 100, `${XSS.length} payloads`);
    assert.equal(checked, XSS.length * 8);
  });
});
