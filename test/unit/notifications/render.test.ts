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
        // Every notice leaves the house: each reads the outward description, none the internal one.
        assert.ok(body.includes('En medarbeider hos oss sendte ved en feil'), `${kind}/${lang}: nature`);
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
    assert.match(out.text, /ÅRSAKER TIL FORSINKELSEN \(ART\. 33 NR\. 1\)\nDatabehandleren varslet oss først etter fire dager\./);
    assert.match(out.html, /<h2>Årsaker til forsinkelsen \(art\. 33 nr\. 1\)<\/h2>/);
  });

  it('names each missing element', () => {
    const bare = { ...sampleIncident(), consequences: '', measuresTaken: '', measuresPlanned: '', dataCategories: [] };
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
        ...base, title: payload, description: payload, outwardDescription: payload, consequences: payload, measuresTaken: payload, measuresPlanned: payload,
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
