import assert from 'node:assert/strict';
import { CATEGORY_LABELS, CONSEQUENCE_LABELS, BREACH_TYPE_LABELS, type Lang } from '../../../notifications/labels.js';
import { CLOCK_MESSAGES, alertMessage, milestoneMessage, type ClockMessageParams } from '../../../notifications/messages/clock.messages.js';
import { ERROR_MESSAGES, fieldProblemText, type FieldProblem } from '../../../notifications/messages/error.messages.js';
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
  'timeline.created': [x], 'timeline.created-aware': [x], 'timeline.updated': [{ fields: ['title', 'encryption.dataEncrypted', 'subjects.count'] }],
  'timeline.awareness-declared': [x], 'timeline.awareness-declared-controller': [x],
  'timeline.people-told': [{ how: 'e-post: alle kunder' }], 'timeline.public-informed': [{ how: 'nettside' }],
  'timeline.awareness-corrected': [{ reason: 'Loggen viste et tidligere tidspunkt' }],
  'timeline.clock-stopped': [{ stopReason: 'notified', note: '' }, { stopReason: 'not-notifiable', note: 'Ingen risiko' }, { stopReason: 'not-a-breach', note: 'Falsk alarm' }],
  'timeline.clock-resumed': [{ reason: 'Ny informasjon' }], 'timeline.submission': [{ phase: 'initial', channel: 'altinn' }],
  'timeline.controller-informed': [{ channel: 'e-post', note: '' }], 'timeline.closed': [{ reason: 'Ferdig behandlet', notABreach: true }],
  'timeline.reopened': [{ reason: 'Ny informasjon' }],
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

  it('names the public holidays from the catalogue, Easter included', () => {
    assert.deepEqual(norwegianHoliday(2026, 4, 3), { nb: 'Langfredag', en: 'Good Friday' });
    assert.deepEqual(norwegianHoliday(2026, 5, 17), { nb: 'Grunnlovsdag', en: 'Constitution Day' });
    assert.equal(norwegianHoliday(2026, 5, 18), undefined);
  });

  it('names fields as the screens do, a nested or listed path by its nearest named parent', () => {
    assert.equal(fieldLabel('awareness.at', 'nb'), 'Kjent fra');
    assert.equal(fieldLabel('body.subjects.count.value', 'en'), 'Number of people affected');
    assert.equal(fieldLabel('assignees.2', 'nb'), 'Tildelt');
    for (const [path, words] of Object.entries(FIELD_LABELS)) check(path, words.nb, words.en);
  });

  it('reads recorded values as people do: Oslo time, codes as words, yes and no, counts', () => {
    const at = new Date('2026-12-01T20:51:00Z');
    assert.equal(valueText(at, 'nb'), '1. desember 2026 kl. 21:51');
    assert.equal(valueText(at.toISOString(), 'en'), '1 December 2026, 21:51 (Oslo time)');
    assert.equal(valueText(null, 'nb'), '–');
    assert.equal(valueText(false, 'nb'), 'nei');
    assert.equal(valueText('not-notifiable', 'nb'), 'ikke meldepliktig');
    assert.equal(valueText(['identity', 'contact'], 'nb'), 'navn og andre identitetsopplysninger og kontaktopplysninger');
    assert.equal(valueText({ kind: 'estimate', value: 1200, min: null, max: null }, 'nb'), 'om lag 1 200');
  });

  it('words errors and what the validator found in both languages', () => {
    const problems: FieldProblem[] = [
      { code: 'too_small', origin: 'string', limit: 1 }, { code: 'too_small', origin: 'string', limit: 5 }, { code: 'too_big', origin: 'array', limit: 50 },
      { code: 'too_small', origin: 'number', limit: 0 }, { code: 'missing' }, { code: 'wrong_type' }, { code: 'not_a_choice' }, { code: 'wrong_format' },
      { code: 'required' }, { code: 'in_future' },
    ];
    for (const p of problems) check(p.code, fieldProblemText(p, 'nb'), fieldProblemText(p, 'en'));
    const tables: Record<string, Record<Lang, string>>[] = [ERROR_MESSAGES, INCIDENT_WORDS, CATEGORY_LABELS, CONSEQUENCE_LABELS, BREACH_TYPE_LABELS];
    for (const table of tables) for (const [code, words] of Object.entries(table)) assert.ok(words.nb && words.en, code);
    for (const [code, words] of Object.entries(ERROR_MESSAGES)) check(code, words.nb, words.en);
  });
});
