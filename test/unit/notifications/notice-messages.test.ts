import assert from 'node:assert/strict';
import type { Catalogue } from '../../../notifications/messages/catalogue.js';
import { ALTINN_MESSAGES } from '../../../notifications/messages/altinn.messages.js';
import { DECISION_MESSAGES } from '../../../notifications/messages/decisions.messages.js';
import { NOTICE_MESSAGES } from '../../../notifications/messages/notices.messages.js';
import { REGISTER_COLUMNS, REGISTER_MESSAGES } from '../../../notifications/messages/register.messages.js';

/** Calls every sentence of a catalogue with parameters that reach each of its branches. */
function sentences(catalogue: Catalogue<Record<string, Record<string, unknown>>>, params: (code: string) => Record<string, unknown>[]): { code: string; nb: string; en: string }[] {
  return Object.entries(catalogue).flatMap(([code, entry]) => params(code).map((p) => ({ code, nb: entry.nb(p as never), en: entry.en(p as never) })));
}

describe('the notice, decision and register messages', () => {
  const all = [
    ...sentences(NOTICE_MESSAGES as never, (code) => code === 'notice.missing'
      ? ['description', 'outwardDescription', 'breachTypes', 'dataCategories', 'contactPoint', 'consequences', 'measuresTaken', 'delayReasons', 'adviceToSubjects', 'controller.name', 'ORGANISATION_NAME'].map((path) => ({ path }))
      : code === 'pdf.to' ? ['authority', 'subject', 'public', 'controller'].map((kind) => ({ kind, controller: '' }))
        : code === 'pdf.file-name' ? ['authority', 'subject', 'public', 'controller'].map((kind) => ({ kind, ref: 'BC-2026-0042' }))
        : [{ count: 2, name: 'Ola Testesen', number: '922078734', by: 'Kari Nordmann', at: '2. mars 2026 kl. 10:00', hash: 'ab', page: 1, pages: 2 }]),
    ...sentences(DECISION_MESSAGES as never, () => [{}]),
    ...sentences(ALTINN_MESSAGES as never, (code) =>
      code === 'altinn.section' ? ['description', 'consequences', 'measures', 'information', 'contact', 'delay', 'phased'].map((section) => ({ section }))
        : code === 'altinn.field' ? ['what', 'cause', 'period', 'detected', 'aware', 'subjects', 'records', 'categories', 'encryption', 'relation', 'location', 'consequences', 'taken', 'mitigations', 'planned', 'informed', 'contact', 'email', 'phone', 'delay', 'phased', 'previous'].map((field) => ({ field }))
          : code === 'altinn.not-told' ? ['will-notify', 'encrypted', 'mitigated', 'disproportionate', 'not-high-risk', 'undecided'].map((because) => ({ because }))
            : [{ at: '2. mars 2026 kl. 10:00', public: false, channel: 'email', audience: '4 800', reference: 'AR123' }, { at: '2. mars 2026 kl. 10:00', public: true, channel: 'web', audience: '', reference: '' }]),
    ...sentences(REGISTER_MESSAGES as never, (code) => code === 'register.column' ? REGISTER_COLUMNS.map((column) => ({ column }))
      : [{ status: 'open', value: true, type: 'integrity', decision: 'not-notifiable', outcome: 'exemption', ground: 'mitigated', evidence: 'Slettet.', role: 'processor', reasons: 'Fødselsnummer hos en ukjent finner' }]),
  ];

  it('words every message in both languages, differently, with nothing left unfilled and no English in the bokmål', () => {
    for (const { code, nb, en } of all) {
      assert.ok(nb.length > 1 && en.length > 1, code);
      assert.doesNotMatch(`${nb} ${en}`, /undefined|null|NaN|\[object/, `${code}: ${nb} / ${en}`);
      assert.doesNotMatch(nb, /\b(the|and|missing|notice|people|approved|reasons)\b/i, `English in the bokmål of ${code}: ${nb}`);
      assert.doesNotMatch(en, /\b(og|ikke|mangler|melding|personvernombud|berørte)\b/i, `Norwegian in the English of ${code}: ${en}`);
    }
    assert.ok(all.filter((m) => m.nb !== m.en).length > all.length * 0.8, 'the languages differ');
  });

  it('groups an organisation number as the registers write it', () => {
    assert.equal(NOTICE_MESSAGES['pdf.org-number'].nb({ number: '922078734' }), 'Org.nr. 922 078 734');
  });
});
