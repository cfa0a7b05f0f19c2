import assert from 'node:assert/strict';
import { CATEGORY_LABELS, CONSEQUENCE_LABELS, BREACH_TYPE_LABELS, type Lang } from '../../../notifications/labels.js';
import { CLOCK_MESSAGES, alertMessage, milestoneMessage, type ClockMessageParams } from '../../../notifications/messages/clock.messages.js';
import { z } from 'zod';
import { FORMAT_MESSAGES, type FormatMessageParams } from '../../../notifications/messages/format.messages.js';
import { ERROR_MESSAGES, PROBLEM_MESSAGES, type ProblemMessageParams } from '../../../notifications/messages/error.messages.js';
import { worded, zodDetails } from '../../../server/http/error-handler.js';
import { fieldProblem, refused, words } from '../../../server/http/refusal.js';
import { CountInput } from '../../../server/domains/incidents/incident.schemas.js';
import { ObjectIdString } from '../../../server/lib/ids.js';
import { FIELD_LABELS, INCIDENT_WORDS, TIMELINE_MESSAGES, fieldLabel, valueText, type TimelineMessageParams } from '../../../notifications/messages/incident.messages.js';
import { say, type Message } from '../../../notifications/messages/index.js';
import { norwegianHoliday } from '../../../server/domains/clock/norwegian-holidays.js';

type Params = ClockMessageParams & TimelineMessageParams;
const x = {};
/** One sample per code: a code added to the catalogue without one here fails the type check. */
const SAMPLES: { [C in keyof Params]: Params[C][] } = {
  'milestone.hours': [{ hours: 24 }], 'milestone.deadline': [x], 'milestone.overdue': [{ hours: 6 }], 'milestone.triage': [x],
  'milestone.controller': [x], 'milestone.follow-up': [x],
  'alert.milestone': [{ hours: 48, left: 24 }], 'alert.deadline': [x], 'alert.overdue': [{ hours: 12 }], 'alert.triage-overrun': [{ hours: 24 }],
  'alert.follow-up-due': [x], 'alert.controller-notice-due': [x], 'alert.other': [x], 'alert.deadline-label': [x],
  'ack.title': [x], 'ack.button': [x], 'ack.already': [{ title: 'Lekket fil', ref: 'BC-2026-0001', at: '2. mars 2026 kl. 10:00' }],
  'ack.ask': [{ title: 'Lekket fil', ref: 'BC-2026-0001' }], 'ack.done-title': [x], 'ack.done': [{ title: 'Lekket fil', ref: 'BC-2026-0001', by: 'Kari Nordmann' }],
  'holiday.new-year': [x], 'holiday.labour-day': [x], 'holiday.constitution-day': [x], 'holiday.christmas-day': [x], 'holiday.boxing-day': [x],
  'holiday.maundy-thursday': [x], 'holiday.good-friday': [x], 'holiday.easter-sunday': [x], 'holiday.easter-monday': [x],
  'holiday.ascension-day': [x], 'holiday.whit-sunday': [x], 'holiday.whit-monday': [x],
  'delivery.address-refused': [{ why: 'not-a-url' }, { why: 'scheme' }, { why: 'credentials' }, { why: 'unresolved' }, { why: 'internal' }, { why: 'unchecked' }],
  'delivery.timeout': [x], 'delivery.unreachable': [x], 'delivery.answered': [{ status: 500 }], 'delivery.mail-refused': [x], 'delivery.failed': [x],
  'delivery.no-channel': [x], 'delivery.withheld': [x], 'delivery.push-off': [x], 'delivery.push-gone': [x], 'delivery.push-encryption': [x], 'delivery.push-refused': [{ status: 403 }],
  'timeline.created': [x], 'timeline.created-aware': [x], 'timeline.updated': [{ fields: ['title', 'encryption.dataEncrypted', 'subjects.count'] }],
  'timeline.awareness-declared': [x, { reason: 'Helgen' }], 'timeline.awareness-declared-controller': [x],
  'timeline.people-told': [{ channel: 'email', audience: 'alle kunder' }], 'timeline.public-informed': [{ channel: 'web', audience: '' }],
  'timeline.awareness-corrected': [{ reason: 'Loggen viste et tidligere tidspunkt' }],
  'timeline.clock-stopped': [{ stopReason: 'notified', note: '' }, { stopReason: 'not-notifiable', note: 'Ingen risiko' }, { stopReason: 'not-a-breach', note: 'Falsk alarm' }],
  'timeline.clock-resumed': [{ reason: 'Ny informasjon' }], 'timeline.submission': [{ phase: 'initial', channel: 'altinn' }, { phase: 'final', channel: 'email', reference: 'SAK-9' }],
  'timeline.controller-informed': [{ channel: 'email', note: '' }], 'timeline.closed': [{ reason: 'Ferdig behandlet', notABreach: true }],
  'timeline.reopened': [{ reason: 'Ny informasjon' }], 'timeline.notified': [{ phase: 'initial', channel: 'altinn', reference: 'AR123' }, { phase: 'complete', channel: 'phone', reference: '' }],
  'timeline.decided-not-notifiable': [{ reason: 'Lav risiko' }], 'timeline.decided-notify': [x],
  'timeline.assessed': [{ risk: 'high', notifySA: true, notifySubjects: true, exemption: null }, { risk: 'unlikely', notifySA: false, notifySubjects: false, exemption: 'encrypted' }],
  'timeline.decided': [
    { notifySA: true, notifySubjects: false, exemption: 'mitigated', evidence: 'Kortene er sperret', measuresAt: '2026-03-02T09:00:00.000Z', reason: 'Tiltakene virker' },
    { notifySA: false, notifySubjects: false, exemption: null, evidence: '', measuresAt: null, reason: '' },
  ],
  'timeline.notice-drafted': [{ kind: 'authority', phase: 'initial', lang: 'nb' }, { kind: 'public', phase: 'complete', lang: 'en' }],
  'timeline.notice-approved': [{ kind: 'controller', phase: 'complete' }],
  'timeline.people': [{ n: 1 }, { n: 3 }], 'timeline.change': [{ label: 'Kjent fra', from: '–', to: '1. desember 2026 kl. 21:51' }],
};

const l = { limit: 1 };
const many = { limit: 12 };
/** One or two samples per field problem and refusal: a code added without one fails the type check. */
const PROBLEM_SAMPLES: { [C in keyof ProblemMessageParams]: ProblemMessageParams[C][] } = {
  'field.required': [x], 'field.missing': [x], 'field.wrong-type': [x], 'field.not-a-choice': [x], 'field.wrong-format': [x], 'field.not-a-time': [x],
  'field.too-short-text': [l, many], 'field.too-few': [l], 'field.too-small': [many], 'field.too-long-text': [l, many], 'field.too-many': [many], 'field.too-big': [many],
  'field.in-future': [x], 'field.aware-before-detected': [x], 'field.detected-after-aware': [x], 'field.national-id-masked': [{ count: 1 }, { count: 2 }], 'field.national-id-kept': [{ count: 1 }], 'field.backdated-without-reason': [x], 'field.wrong-password': [x],
  'field.not-an-id': [x], 'field.not-an-email': [x], 'field.not-a-phone': [x], 'field.one-line': [x], 'field.repeats': [x], 'field.nothing-to-change': [x],
  'field.exemption-means-not-told': [x], 'field.told-means-notified': [x], 'field.required-for-count': [x], 'field.range-needs-both': [x], 'field.below-min': [x],
  'field.evidence': [x], 'field.reason': [x], 'field.say-why': [x], 'field.no-active-user': [x], 'field.after-from': [x], 'field.reason-to-correct': [x],
  'field.reason-when-past': [x], 'field.version-behind': [{ version: 3 }], 'field.widens-restricted': [x], 'field.not-latest-assessment': [x],
  'field.older-facts': [x], 'field.initial-first': [x], 'field.follow-up-not-phased': [x], 'field.follow-up-too-early': [x], 'field.not-a-cursor': [x], 'field.already-exists': [x], 'field.address-not-allowed': [x],
  'field.channel': [x], 'field.lone-surrogate': [x], 'field.content-type': [{ type: 'application/json' }], 'field.malformed-json': [x], 'field.unknown': [x],
  'field.template-decorator': [x], 'field.template-helper': [{ helper: 'log' }], 'field.template-in': [{ part: 'subject' }, { part: 'html' }, { part: 'text' }],
  'field.template-fault': [
    { kind: 'syntax', name: '', other: '', line: 3 }, { kind: 'mismatch', name: 'each', other: 'if', line: 1 }, { kind: 'unknown-name', name: 'saksnummer', other: '', line: 2 },
    { kind: 'unknown-partial', name: 'bunntekst', other: '', line: null }, { kind: 'other', name: '', other: '', line: null },
  ],
  'refused.sign-in': [x], 'refused.token-invalid': [x], 'refused.wrong-credentials': [x], 'refused.session-ended': [x],
  'refused.account-inactive': [x], 'refused.wrong-password': [x], 'refused.too-many-sign-ins': [x], 'refused.too-many-passwords': [x],
  'refused.lift-restriction': [x], 'refused.widen-restricted': [x], 'refused.restricted-owner': [x], 'refused.email-taken': [x], 'refused.incident-changed': [x],
  'refused.version-number-taken': [x], 'refused.draft-submitted': [x], 'refused.version-reviewed': [x], 'refused.notice-approved': [x],
  'refused.notice-recorded-sent': [x], 'refused.deactivate-self': [x], 'refused.delete-self': [x], 'refused.already-closed': [x], 'refused.no-template': [x],
  'refused.draft-changed': [x], 'refused.notice-differs': [x], 'refused.decision-stale': [x], 'refused.media-type': [{ type: 'application/json' }],
};

/** The format and notice-context words, one sample each: a code added without one fails the type check. */
const FORMAT_SAMPLES: { [C in keyof FormatMessageParams]: FormatMessageParams[C][] } = {
  'format.pending': [x], 'format.about': [{ n: '1 200' }], 'format.between': [{ min: '10', max: '20' }], 'format.not-known': [x],
  'format.moment': [{ at: new Date('2026-03-02T09:00:00Z') }], 'format.moment-zoned': [{ at: new Date('2026-03-02T09:00:00Z') }], 'format.list': [{ items: ['a', 'b', 'c'] }], 'format.decimal': [{ n: 1.5 }],
  'format.language-tag': [x], 'context.contact-role': [x], 'context.reach': [{ email: 'dpo@eksempel.no', phone: '+47 22 00 00 00' }],
  'context.occurred': [{ from: '1. mars 2026', to: '2. mars 2026', approximate: true }],
  'context.when': [{ occurred: '1. mars 2026', awareAt: '2. mars 2026' }, { occurred: '', awareAt: '2. mars 2026' }],
  'context.contact-sentence': [{ name: 'Kari Nordmann', reach: 'dpo@eksempel.no' }], 'register.file-name': [x],
  'context.follows-up': [{ sentAt: new Date('2026-03-05T12:00:00Z'), reference: 'AR-4711' }, { sentAt: new Date('2026-07-05T12:00:00Z'), reference: '' }],
  'context.on-behalf': [
    { controller: 'Kunde AS', processor: 'Klikk Int AS', instructedBy: 'Eva Berg', instructedAt: new Date('2026-03-02T08:30:00Z'), reference: 'E-post 2. mars' },
    { controller: 'Kunde AS', processor: 'Klikk Int AS', instructedBy: 'Eva Berg', instructedAt: null, reference: '' },
  ],
  'context.follow-up-by': [{ at: new Date('2026-03-09T12:00:00Z') }],
  'context.late': [{ deadline: new Date('2026-03-05T09:00:00Z'), first: true }, { deadline: new Date('2026-03-05T09:00:00Z'), first: false }],
  'context.cause': [{ kind: 'malicious', vector: 'tyveri', description: 'Bilen ble brutt opp' }, { kind: 'accidental', vector: '', description: '' }],
  'context.encryption': [
    { dataEncrypted: null, stateOfTheArt: null, keyCompromised: null }, { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null },
    { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false }, { dataEncrypted: true, stateOfTheArt: false, keyCompromised: null },
  ],
};

const ENGLISH = /\b(the|and|hours|deadline|since|left|missed|alert|acknowledged|changed|clock|incident|logged|recorded|people|told|published|reopened|closed|not)\b/i;
const NORWEGIAN = /\b(og|ikke|timer|fristen|siden|igjen|varsel|kvittert|endret|klokken|saken|registrert|berørte|varslet|gjenåpnet|lukket)\b/i;

function check(where: string, nbText: string, enText: string): void {
  // The product's name is the same in both.
  const nb = nbText.replace(/Breach Clock/g, '');
  const en = enText.replace(/Breach Clock/g, '');
  assert.ok(nbText.trim() && enText.trim(), where);
  assert.doesNotMatch(`${nb} ${en}`, /undefined|null|NaN|\[object/, `${where}: ${nb} / ${en}`);
  assert.doesNotMatch(nb, ENGLISH, `English in the bokmål of ${where}: ${nb}`);
  assert.doesNotMatch(en, NORWEGIAN, `Norwegian in the English of ${where}: ${en}`);
}

describe('the server\'s words: milestones, alerts, holidays, the timeline, fields and errors', () => {
  it('words every clock and timeline message in both languages, with no word of the other language', () => {
    for (const [code, samples] of Object.entries(SAMPLES)) {
      for (const params of samples) {
        const message = { code, params } as Message;
        check(code, say(message, 'nb'), say(message, 'en'));
      }
    }
    assert.deepEqual(Object.keys(SAMPLES).sort(), [...Object.keys(CLOCK_MESSAGES), ...Object.keys(TIMELINE_MESSAGES)].sort());
  });

  it('never shows a milestone key: h24, overdue-2 and deadline read as words', () => {
    assert.equal(say(milestoneMessage('h24', 24), 'nb'), '24 timer');
    assert.equal(say(milestoneMessage('overdue-2', 84), 'en'), '12 hours past the deadline');
    assert.equal(say(milestoneMessage('deadline', 72), 'nb'), 'Fristen (72 timer)');
    assert.equal(say(alertMessage('milestone', 'h60', 60), 'nb'), '60 timer siden virksomheten ble kjent med bruddet – 12 timer igjen');
  });

  it('words how people and the controller were told, never the channel code', () => {
    assert.equal(say({ code: 'timeline.people-told', params: { channel: 'email', audience: 'alle kunder' } }, 'nb'), 'De berørte ble varslet (e-post: alle kunder)');
    assert.equal(say({ code: 'timeline.public-informed', params: { channel: 'web', audience: '' } }, 'en'), 'Public communication published (the website)');
    assert.equal(say({ code: 'timeline.controller-informed', params: { channel: 'sms', note: '' } }, 'nb'), 'Behandlingsansvarlig varslet via SMS');
  });

  it('names the public holidays from the catalogue, Easter included', () => {
    assert.deepEqual(norwegianHoliday(2026, 4, 3), { nb: 'Langfredag', en: 'Good Friday' });
    assert.deepEqual(norwegianHoliday(2026, 5, 17), { nb: 'Grunnlovsdag', en: 'Constitution Day' });
    assert.equal(norwegianHoliday(2026, 5, 18), undefined);
  });

  it('names fields as the screens do, a nested or listed path by its nearest named parent', () => {
    assert.equal(fieldLabel('awareness.at', 'nb'), 'Kjent fra');
    assert.equal(fieldLabel('body.subjects.count.value', 'en'), 'How many people are affected?');
    assert.equal(fieldLabel('subjects.count.min', 'nb'), 'Minst');
    assert.equal(fieldLabel('encryption.keyCustody', 'nb'), 'Hvor var nøkkelen, og hvem har den?');
    assert.equal(fieldLabel('assignees.2', 'nb'), 'Arbeider med saken');
    assert.equal(fieldLabel('keys.auth', 'en'), "The device's secret");
    for (const [path, words] of Object.entries(FIELD_LABELS)) check(path, words.nb, words.en);
  });

  it('reads recorded values as people do: Oslo time, codes as the form words them, yes and no, counts, never an id', () => {
    const at = new Date('2026-12-01T20:51:00Z');
    assert.equal(valueText('awareness.at', at, 'nb'), '1. desember 2026 kl. 21:51');
    assert.equal(valueText('awareness.at', at.toISOString(), 'en'), '1 December 2026, 21:51 (Oslo time)');
    assert.equal(valueText('awareness.at', null, 'nb'), 'ikke oppgitt');
    assert.equal(valueText('encryption.dataEncrypted', false, 'nb'), 'nei');
    assert.equal(valueText('clock.stopReason', 'not-notifiable', 'nb'), 'ikke meldepliktig');
    assert.equal(valueText('dataCategories', ['identity', 'contact'], 'nb'), 'navn og andre identitetsopplysninger og kontaktopplysninger');
    assert.equal(valueText('subjects.count', { kind: 'estimate', value: 1200, min: null, max: null }, 'nb'), 'om lag 1 200');
    // The same code reads by its field, as the form offers it.
    assert.equal(valueText('unauthorisedAccess', 'possible', 'nb'), 'Kanskje');
    assert.equal(valueText('recipients.type', 'unknown_finder', 'en'), 'An unknown finder');
    assert.equal(valueText('cause.kind', 'malicious', 'nb'), 'Med vilje (angrep, tyveri, innsider)');
    assert.equal(valueText('breachTypes', ['confidentiality'], 'en'), 'Confidentiality – someone unauthorised may have seen the data');
    assert.equal(valueText('status', 'open', 'nb'), 'Åpen');
    // Free text is the person's own, even when it looks like a code.
    assert.equal(valueText('title', 'possible', 'nb'), 'possible');
    assert.equal(valueText('records', 4800, 'nb'), '4 800');
    assert.equal(valueText('assignees', ['64b000000000000000000001', '64b000000000000000000002'], 'nb'), '2 personer');
    assert.equal(valueText('followUp', { dueAt: at, afterSubmissionId: '64b000000000000000000001' }, 'nb'), '1. desember 2026 kl. 21:51');
    assert.equal(valueText('owner', { id: '64b000000000000000000001', name: 'Kari Nordmann' }, 'nb'), 'Kari Nordmann');
    const long = 'ord '.repeat(60).trim();
    assert.ok(valueText('description', long, 'nb').length <= 122 && valueText('description', long, 'nb').endsWith('ord …'));
    assert.equal(say({ code: 'timeline.change', params: { label: 'Var opplysningene kryptert?', from: 'ikke oppgitt', to: 'nei' } }, 'nb'), 'Var opplysningene kryptert? ikke oppgitt → nei');
    assert.equal(say({ code: 'timeline.change', params: { label: 'Kjent fra', from: '–', to: 'nå' } }, 'nb'), 'Kjent fra: – → nå');
  });

  it('words every error code, field problem and format word in both languages, with no word of the other language', () => {
    for (const [code, words] of Object.entries(ERROR_MESSAGES)) check(code, words.nb, words.en);
    for (const [code, samples] of Object.entries(PROBLEM_SAMPLES)) {
      for (const params of samples) {
        const message = { code, params } as Message;
        check(code, say(message, 'nb'), say(message, 'en'));
      }
    }
    assert.deepEqual(Object.keys(PROBLEM_SAMPLES).sort(), Object.keys(PROBLEM_MESSAGES).sort());
    for (const [code, samples] of Object.entries(FORMAT_SAMPLES)) {
      for (const params of samples) check(code, say({ code, params } as Message, 'nb'), say({ code, params } as Message, 'en'));
    }
    assert.deepEqual(Object.keys(FORMAT_SAMPLES).sort(), Object.keys(FORMAT_MESSAGES).sort());
    const tables: Record<string, Record<Lang, string>>[] = [INCIDENT_WORDS, CATEGORY_LABELS, CONSEQUENCE_LABELS, BREACH_TYPE_LABELS];
    for (const table of tables) for (const [code, words] of Object.entries(table)) assert.ok(words.nb && words.en, code);
  });

  it('words every kind of validation finding from the catalogue, refinements included, and names the field', () => {
    const Probe = z.strictObject({
      title: z.string().trim().min(1).max(5), reason: z.string().min(5), assignees: z.array(z.string()).min(1).max(1), records: z.number().min(0).max(72),
      phase: z.enum(['a', 'b']), at: z.iso.datetime({ offset: true }), ownerId: ObjectIdString(), subjects: z.strictObject({ count: CountInput }),
    });
    const result = Probe.safeParse({
      title: '', reason: 'ab', assignees: ['x', 'y'], records: 100, phase: 'c', at: 'yesterday', ownerId: 'x', subjects: { count: { kind: 'range', min: 3 } }, extra: 1,
    });
    assert.ok(!result.success);
    const missing = Probe.safeParse({});
    assert.ok(!missing.success);
    const details = [...zodDetails(result.error), ...zodDetails(missing.error, 'body').slice(0, 1)];
    const codes = Object.fromEntries(details.map((d) => [d.path, d.words?.code]));
    assert.deepEqual(codes, {
      title: 'field.required', reason: 'field.too-short-text', assignees: 'field.too-many', records: 'field.too-big', phase: 'field.not-a-choice',
      at: 'field.not-a-time', ownerId: 'field.not-an-id', 'subjects.count.min': 'field.range-needs-both', extra: 'field.unknown', 'body.title': 'field.missing',
    });
    const error = { code: 'invalid_input', message: '', details };
    const nb = worded(error, 'nb');
    const en = worded(error, 'en');
    assert.equal(nb.message, 'Forespørselen er ikke gyldig');
    assert.equal(en.message, 'The request is not valid');
    for (const [i, d] of nb.details.entries()) check(d.path, `${d.label}: ${d.message}`, `${en.details[i]?.label}: ${en.details[i]?.message}`);
    assert.deepEqual(nb.details.find((d) => d.path === 'subjects.count.min'), { path: 'subjects.count.min', label: 'Minst', message: 'et intervall trenger både minst og høyst' });
    assert.equal(en.details.find((d) => d.path === 'reason')?.message, 'must have at least 5 characters');
  });

  it('words a refusal whose sentence depends on the case from the message it carries, in the reader\'s language', () => {
    const error = refused(409, 'conflict', words('refused.incident-changed'), [fieldProblem('version', words('field.version-behind', { version: 4 }))]);
    assert.deepEqual(worded(error, 'nb'), {
      code: 'conflict', message: 'Noen andre endret saken først; last inn på nytt og prøv igjen',
      details: [{ path: 'version', label: 'Versjon', message: 'gjeldende versjon er 4' }],
    });
    assert.equal(worded(error, 'en').details[0]?.message, 'current version is 4');
    assert.equal(worded(refused(422, 'closed'), 'en').message, ERROR_MESSAGES.closed.en);
  });
});
