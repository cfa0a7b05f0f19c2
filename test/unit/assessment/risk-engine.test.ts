import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sayBoth } from '../../../notifications/messages/index.js';
import { assess, METHOD_VERSION } from '../../../server/domains/assessment/risk-engine.js';
import { factsFromReferenceCase, restoreHoursOf } from '../../../server/domains/assessment/reference-case.adapter.js';
import { facts, people } from './risk-facts.fixture.js';

describe('risk engine', () => {
  it('is deterministic and versioned, and the method document names the version in force', () => {
    assert.deepEqual(assess(facts()), assess(facts()));
    assert.equal(assess(facts()).method, METHOD_VERSION);
    const doc = readFileSync(new URL('../../../docs/risk-method.md', import.meta.url), 'utf8');
    assert.match(doc, new RegExp(`Method version: \\*\\*${METHOD_VERSION.replace(/[./]/g, '\\$&')}\\*\\*`));
  });

  describe('outcomes', () => {
    it('treats a readable leak of ordinary data to an attacker as a risk, not high', () => {
      const r = assess(facts());
      assert.equal(r.risk, 'risk');
      assert.deepEqual(r.recommendation, { notifySA: true, notifySubjects: false, exemption: null, publicCommunication: false, informController: false });
    });

    it('advises notifying now with the reasons for the delay, not "within 72 hours", once the deadline has passed', () => {
      for (const f of [facts(), facts({ dataCategories: ['identity', 'national_id_number'] })]) {
        const inTime = assess(f).reasons.map((r) => sayBoth(r));
        const late = assess(f, { deadlinePassed: true });
        assert.deepEqual(late.recommendation, assess(f).recommendation, 'only the words change, not the advice');
        assert.ok(inTime.some((t) => /innen 72 timer/.test(t.nb) && /within 72 hours/.test(t.en)));
        const words = late.reasons.map((r) => sayBoth(r));
        assert.ok(!words.some((t) => /innen 72 timer/.test(t.nb) || /within 72 hours/.test(t.en)));
        assert.ok(words.some((t) => /meld det til Datatilsynet nå, (og )?oppgi årsakene til forsinkelsen/.test(t.nb) && /notify Datatilsynet now, giving the reasons for the delay/.test(t.en)));
      }
    });

    it('treats national identity numbers and payment cards with an attacker as high, even before misuse is seen', () => {
      assert.equal(assess(facts({ dataCategories: ['identity', 'national_id_number'] })).risk, 'high');
      assert.equal(assess(facts({ dataCategories: ['payment_card'], exfiltration: 'possible', unauthorisedAccess: 'possible', subjects: people(40) })).risk, 'high');
    });

    it('treats an unencrypted laptop with a large customer file of financial data as high, a small one as a risk', () => {
      const laptop = { dataCategories: ['identity', 'financial'] as const, recipients: { type: 'unknown_finder' as const, confirmedDeletion: null, count: null }, exfiltration: 'not_applicable' as const, unauthorisedAccess: 'possible' as const };
      assert.equal(assess(facts({ ...laptop, dataCategories: [...laptop.dataCategories], subjects: people(2_000) })).risk, 'high');
      assert.equal(assess(facts({ ...laptop, dataCategories: [...laptop.dataCategories], subjects: people(20) })).risk, 'risk');
    });

    it('does not notify when a colleague under the same rules got a vulnerable client\'s file and deleted it at once', () => {
      const r = assess(facts({
        causeKind: 'accidental', dataCategories: ['identity', 'financial', 'special_category_health'], subjects: { ...people(1), vulnerable: true },
        recipients: { type: 'trusted_known', confirmedDeletion: true, count: 1 }, exfiltration: 'not_applicable',
      }));
      assert.equal(r.risk, 'unlikely');
      assert.equal(r.recommendation.notifySA, false);
    });

    it('still reports ordinary data of hundreds sent to a stranger who says he deleted it', () => {
      const r = assess(facts({ causeKind: 'accidental', subjects: people(300), recipients: { type: 'untrusted_known', confirmedDeletion: true, count: 1 }, exfiltration: 'not_applicable' }));
      assert.equal(r.risk, 'risk');
      assert.ok(r.reasons.some((x) => x.code === 'matrix.many-people'));
      const two = assess(facts({ causeKind: 'accidental', subjects: people(2), recipients: { type: 'untrusted_known', confirmedDeletion: null, count: 1 }, exfiltration: 'not_applicable' }));
      assert.equal(two.risk, 'unlikely');
    });

    it('does not let a stranger\'s word that he deleted a bank statement remove the duty to notify', () => {
      const statement = { causeKind: 'accidental' as const, dataCategories: ['identity' as const, 'financial' as const], subjects: people(1), exfiltration: 'not_applicable' as const };
      assert.equal(assess(facts({ ...statement, recipients: { type: 'untrusted_known', confirmedDeletion: true, count: 1 } })).risk, 'risk');
      assert.equal(assess(facts({ ...statement, recipients: { type: 'trusted_known', confirmedDeletion: true, count: 1 } })).risk, 'unlikely');
    });

    it('treats a lost staff phone list as unlikely', () => {
      const r = assess(facts({ causeKind: 'accidental', dataCategories: ['work_contact'], subjects: people(150), recipients: { type: 'unknown_finder', confirmedDeletion: null, count: null }, exfiltration: 'not_applicable', unauthorisedAccess: 'possible' }));
      assert.equal(r.risk, 'unlikely');
    });

    it('treats a quick restore as unlikely unless the delay harmed people', () => {
      const outage = { breachTypes: ['availability' as const], availabilityImpact: 'temporary' as const, backup: { available: true, restored: true, restoreHours: 2 }, dataCategories: ['special_category_health' as const], subjects: { ...people(800), vulnerable: true } };
      assert.equal(assess(facts({ ...outage, outageHarmedPeople: false })).risk, 'unlikely');
      assert.equal(assess(facts({ ...outage, outageHarmedPeople: true })).risk, 'high');
      assert.equal(assess(facts({ ...outage, outageHarmedPeople: null })).risk, 'risk');
    });

    it('treats a permanent loss of the only copy of health records as high', () => {
      const r = assess(facts({ breachTypes: ['availability'], availabilityImpact: 'permanent', dataCategories: ['special_category_health'], causeKind: 'accidental' }));
      assert.equal(r.risk, 'high');
    });

    it('reads an integrity breach from misuse and correction', () => {
      const altered = { breachTypes: ['integrity' as const], dataCategories: ['identity' as const, 'financial' as const], subjects: people(1) };
      assert.equal(assess(facts({ ...altered, misuseObserved: 'confirmed' })).risk, 'high');
      assert.equal(assess(facts({ ...altered, backup: { available: true, restored: true, restoreHours: 1 } })).risk, 'unlikely');
    });

    it('tells a processor to inform the controller', () => {
      const r = assess(facts({ role: 'processor' }));
      assert.equal(r.recommendation.informController, true);
      assert.equal(r.reasons[0]!.code, 'processor.inform-controller');
    });
  });

  describe('when in doubt, notify', () => {
    it('raises an "unlikely" that an unknown fact could overturn, and names the fact', () => {
      const r = assess(facts({ causeKind: 'accidental', subjects: { ...people(0), count: { kind: 'unknown', value: null, min: null, max: null } }, recipients: { type: 'untrusted_known', confirmedDeletion: null, count: 1 }, exfiltration: 'not_applicable' }));
      assert.equal(r.risk, 'risk');
      const doubt = r.reasons.find((x) => x.code === 'outcome.doubt');
      assert.deepEqual(doubt?.params, { facts: ['subjects.count'] });
    });

    it('leaves an unlikely outcome alone when no unknown fact could change it', () => {
      const r = assess(facts({ encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false }, unauthorisedAccess: 'encrypted_only', recipients: { type: 'unknown', confirmedDeletion: null, count: null } }));
      assert.equal(r.risk, 'unlikely');
      assert.ok(!r.reasons.some((x) => x.code === 'outcome.doubt'));
    });
  });

  describe('Art. 34(3)', () => {
    const highRisk = { dataCategories: ['identity' as const, 'national_id_number' as const] };

    it('(a) encrypted: names the ground when encryption decided the outcome', () => {
      const r = assess(facts({ ...highRisk, encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false }, unauthorisedAccess: 'encrypted_only' }));
      assert.deepEqual(r.recommendation, { notifySA: false, notifySubjects: false, exemption: 'encrypted', publicCommunication: false, informController: false });
    });

    it('(a) records no exemption where readable data would not have been a high risk: the people need not be told anyway', () => {
      const r = assess(facts({ encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false }, unauthorisedAccess: 'encrypted_only' }));
      const readable = assess(facts({ encryption: { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null }, unauthorisedAccess: 'possible' }));
      assert.notEqual(readable.risk, 'high', 'the readable case is below high, so this tests the rule');
      assert.deepEqual([r.risk, r.recommendation.notifySubjects, r.recommendation.exemption], ['unlikely', false, null]);
      assert.ok(!r.reasons.some((x) => x.code === 'exemption.encrypted'));
    });

    it('(a) gives way to a stolen key or weak encryption', () => {
      for (const encryption of [{ dataEncrypted: true, stateOfTheArt: true, keyCompromised: true }, { dataEncrypted: true, stateOfTheArt: false, keyCompromised: false }]) {
        const r = assess(facts({ ...highRisk, encryption }));
        assert.deepEqual([r.risk, r.recommendation.exemption, r.recommendation.notifySubjects], ['high', null, true]);
      }
    });

    it('(a) leaves Datatilsynet notified when the encrypted data was also lost', () => {
      const r = assess(facts({ ...highRisk, breachTypes: ['confidentiality', 'availability'], availabilityImpact: 'temporary', backup: { available: false, restored: false, restoreHours: 48 }, encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false } }));
      assert.deepEqual([r.recommendation.notifySA, r.recommendation.notifySubjects, r.recommendation.exemption], [true, false, 'encrypted']);
    });

    it('(b) mitigated: a stranger\'s confirmed deletion of health data leaves a risk to report, not a high one', () => {
      const r = assess(facts({ dataCategories: ['identity', 'special_category_health'], causeKind: 'accidental', subjects: people(4), recipients: { type: 'untrusted_known', confirmedDeletion: true, count: 1 }, exfiltration: 'not_applicable' }));
      assert.deepEqual([r.risk, r.recommendation.notifySA, r.recommendation.notifySubjects, r.recommendation.exemption], ['risk', true, false, 'mitigated']);
    });

    it('(b) mitigated: cards blocked and replaced before any misuse', () => {
      const r = assess(facts({ dataCategories: ['identity', 'payment_card'], neutralised: true }));
      assert.deepEqual([r.recommendation.notifySA, r.recommendation.notifySubjects, r.recommendation.exemption], [true, false, 'mitigated']);
      assert.ok(r.reasons.some((x) => x.code === 'exemption.mitigated' && x.params.measures.includes('neutralised')));
    });

    it('(b) does not apply once misuse is seen', () => {
      const r = assess(facts({ dataCategories: ['identity', 'payment_card'], neutralised: true, misuseObserved: 'confirmed' }));
      assert.deepEqual([r.recommendation.notifySubjects, r.recommendation.exemption], [true, null]);
    });

    it('(c) disproportionate effort: a public communication instead of individual notices', () => {
      const r = assess(facts({ ...highRisk, subjects: { ...people(40_000), canBeReached: false, reachEffort: 'disproportionate' } }));
      assert.deepEqual(r.recommendation, { notifySA: true, notifySubjects: false, exemption: 'disproportionate', publicCommunication: true, informController: false });
    });

    it('asks whether people can be reached when the risk is high and that is unknown', () => {
      const r = assess(facts({ ...highRisk, subjects: { ...people(10), canBeReached: null, reachEffort: 'unknown' } }));
      assert.ok(r.missingFacts.some((m) => m.fact === 'subjects.canBeReached'));
    });
  });

  describe('reasons', () => {
    it('are codes with parameters and a provision, worded in both languages by the catalogue', () => {
      const variants = [facts(), facts({ breachTypes: ['availability', 'integrity'], availabilityImpact: 'temporary', backup: { available: true, restored: true, restoreHours: 3 } }), facts({ role: 'processor', recipients: { type: 'trusted_known', confirmedDeletion: true, count: 1 } })];
      for (const v of variants) {
        const r = assess(v);
        for (const reason of r.reasons) {
          assert.ok(reason.article.length > 2, reason.code);
          const text = sayBoth(reason);
          assert.ok(text.en.length > 10 && text.nb.length > 10, reason.code);
          assert.doesNotMatch(text.nb, /\b(the|data was|recipient|hours|people|likelihood)\b/, `English left in the bokmål: ${text.nb}`);
        }
        for (const m of r.missingFacts) assert.ok(sayBoth(m.question).nb.endsWith('?'), m.fact);
      }
    });

    it('show the ENISA score beside the outcome as a second opinion', () => {
      const r = assess(facts({ dataCategories: ['identity', 'payment_card'] }));
      assert.deepEqual([r.enisa.dpc.base, r.enisa.ei.value, r.enisa.cb.map((c) => [c.factor, c.value])], [3, 1, [['confidentiality', 0.5], ['malicious', 0.5]]]);
      assert.deepEqual([r.enisa.score, r.enisa.band], [4, 'very high']);
      assert.equal(r.reasons.at(-1)!.code, 'enisa.score');
    });
  });

  it('reads a known recipient\'s deletion and neutralised data from the reference format\'s mitigations, when reported as done', () => {
    const mis = (type: string, mitigations: string[]) => factsFromReferenceCase({ recipients: { type }, mitigations });
    assert.equal(mis('untrusted_known', ['the recipient deleted the e-mail and confirmed in writing']).recipients.confirmedDeletion, true);
    assert.equal(mis('trusted_known', ['colleague confirmed deletion']).recipients.confirmedDeletion, true);
    assert.equal(mis('untrusted_known', ['recipient asked to delete the letter']).recipients.confirmedDeletion, null);
    assert.equal(mis('malicious_known', ['files deleted from the server']).recipients.confirmedDeletion, null);
    assert.equal(mis('malicious_unknown', ['all affected cards were blocked and reissued']).neutralised, true);
    assert.equal(mis('malicious_unknown', ['users advised to change passwords, which were reset']).neutralised, null);
    assert.equal(factsFromReferenceCase({ recipients: { type: 'untrusted_known', confirmedDeletion: false }, mitigations: ['recipient deleted it'] }).recipients.confirmedDeletion, false);
  });

  it('reads whether an outage harmed people from the reference format\'s impact, only when it says so plainly', () => {
    const outage = (impact: string, breachTypes = ['availability']) => factsFromReferenceCase({ breachTypes, impact }).outageHarmedPeople;
    assert.equal(outage('no effect on day-to-day operations; no delay in salaries'), false);
    assert.equal(outage('operations postponed and treatment delayed for two days'), true);
    assert.equal(outage('clinicians without records for 30 hours'), null);
    assert.equal(outage('payments delayed', ['confidentiality']), null);
  });

  it('reads restore times from the reference format', () => {
    assert.equal(restoreHoursOf('30 hours'), 30);
    assert.equal(restoreHoursOf('2 days'), 48);
    assert.equal(restoreHoursOf('30 minutes'), 0.5);
    assert.equal(restoreHoursOf('a few hours'), 4);
    assert.equal(restoreHoursOf(null), null);
  });
});
