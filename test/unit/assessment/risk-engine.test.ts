import assert from 'node:assert/strict';
import { assess, METHOD_VERSION, type RiskFacts } from '../../../server/domains/assessment/risk-engine.js';
import { restoreHoursOf } from '../../../server/domains/assessment/reference-case.adapter.js';

/** A readable customer-table leak to an unknown attacker; each test changes what it is about. */
function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  return {
    breachTypes: ['confidentiality'],
    causeKind: 'malicious',
    dataCategories: ['identity', 'contact'],
    subjects: { count: { kind: 'estimate', value: 500, min: null, max: null }, vulnerable: false, canBeReached: true, reachEffort: 'individual' },
    encryption: { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null },
    backup: { available: null, restored: null, restoreHours: null },
    availabilityImpact: 'none',
    exfiltration: 'confirmed',
    unauthorisedAccess: 'confirmed',
    misuseObserved: 'none_observed',
    recipients: { type: 'malicious_unknown', confirmedDeletion: null },
    mitigations: [],
    ...overrides,
  };
}

describe('risk engine', () => {
  it('is deterministic and versioned', () => {
    const a = assess(facts());
    assert.deepEqual(assess(facts()), a);
    assert.equal(a.method, METHOD_VERSION);
  });

  describe('ENISA severity', () => {
    it('scores SE = DPC × EI + CB with every factor shown', () => {
      const r = assess(facts({ dataCategories: ['identity', 'payment_card'] }));
      assert.equal(r.severity.dpc.base, 3);
      assert.equal(r.severity.dpc.baseCategory, 'payment_card');
      assert.equal(r.severity.ei.value, 1);
      assert.deepEqual(r.severity.cb.map((c) => [c.factor, c.value]), [['confidentiality', 0.5], ['malicious', 0.5]]);
      assert.equal(r.severity.score, 4);
      assert.equal(r.severity.band, 'very high');
    });

    it('raises the context for vulnerable people and lowers it for a handful with ordinary data', () => {
      const children = assess(facts({ subjects: { ...facts().subjects, vulnerable: true } }));
      assert.deepEqual(children.severity.dpc.adjustments.map((a) => a.delta), [1]);
      const few = assess(facts({ subjects: { ...facts().subjects, count: { kind: 'exact', value: 2, min: null, max: null } }, dataCategories: ['contact', 'purchase_history'] }));
      assert.equal(few.severity.dpc.value, 1);
    });

    it('gives pseudonymous credentials a lower ease of identification', () => {
      assert.equal(assess(facts({ dataCategories: ['credentials'] })).severity.ei.value, 0.5);
    });

    it('bands at 2, 3 and 4', () => {
      assert.equal(assess(facts({ causeKind: 'accidental', recipients: { type: 'untrusted_known', confirmedDeletion: null } })).severity.band, 'low');
      assert.equal(assess(facts()).severity.band, 'medium');
    });
  });

  describe('likelihood, harm and risk', () => {
    it('treats a readable leak of ordinary data to an attacker as a risk, not high', () => {
      const r = assess(facts());
      assert.equal(r.risk, 'risk');
      assert.deepEqual(r.recommendation, { notifySA: true, notifySubjects: false, exemption: null, publicCommunication: false });
    });

    it('treats national identity numbers in an attacker\'s hands as high risk', () => {
      const r = assess(facts({ dataCategories: ['identity', 'national_id_number'] }));
      assert.equal(r.risk, 'high');
      assert.equal(r.recommendation.notifySubjects, true);
    });

    it('treats a mis-sent letter of ordinary data to one identified person as unlikely', () => {
      const r = assess(facts({ causeKind: 'accidental', recipients: { type: 'untrusted_known', confirmedDeletion: null }, exfiltration: 'not_applicable', subjects: { ...facts().subjects, count: { kind: 'exact', value: 1, min: null, max: null } } }));
      assert.equal(r.risk, 'unlikely');
      assert.equal(r.recommendation.notifySA, false);
    });

    it('treats a short, restored outage of ordinary data as unlikely, and of health data as high', () => {
      const outage = { breachTypes: ['availability'] as RiskFacts['breachTypes'], availabilityImpact: 'temporary' as const, backup: { available: true, restored: true, restoreHours: 3 } };
      assert.equal(assess(facts(outage)).risk, 'unlikely');
      assert.equal(assess(facts({ ...outage, dataCategories: ['special_category_health'], subjects: { ...facts().subjects, vulnerable: true } })).risk, 'high');
    });

    it('treats a permanent loss of the only copy as very likely harm', () => {
      const r = assess(facts({ breachTypes: ['availability'], availabilityImpact: 'permanent', backup: { available: false, restored: false, restoreHours: null } }));
      assert.equal(r.likelihood.level, 3);
    });

    it('counts confirmed misuse as very likely harm', () => {
      const r = assess(facts({ misuseObserved: 'confirmed', recipients: { type: 'malicious_known', confirmedDeletion: null } }));
      assert.equal(r.likelihood.level, 3);
    });
  });

  describe('unknown facts', () => {
    it('assumes the worst and lists what would change the answer', () => {
      const r = assess(facts({
        encryption: { dataEncrypted: null, stateOfTheArt: null, keyCompromised: null },
        unauthorisedAccess: 'unknown', exfiltration: 'unknown', recipients: { type: 'unknown', confirmedDeletion: null }, misuseObserved: 'unknown',
        subjects: { count: { kind: 'unknown', value: null, min: null, max: null }, vulnerable: null, canBeReached: null, reachEffort: 'unknown' },
      }));
      assert.equal(r.recommendation.notifySA, true);
      const asked = r.missingFacts.map((m) => m.fact);
      for (const f of ['encryption.dataEncrypted', 'unauthorisedAccess', 'exfiltration', 'recipients.type', 'subjects.count', 'subjects.vulnerable', 'misuseObserved']) {
        assert.ok(asked.includes(f), `${f} in ${asked}`);
      }
      assert.ok(r.missingFacts.every((m) => m.question.en && m.question.nb));
    });

    it('asks whether the key was kept with the data', () => {
      const r = assess(facts({ encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: null } }));
      assert.ok(r.missingFacts.some((m) => m.fact === 'encryption.keyCompromised'));
      assert.equal(r.recommendation.notifySA, true, 'without knowing the key is safe, the data counts as readable');
    });
  });

  describe('Art. 34(3) exemptions', () => {
    const highRisk = { dataCategories: ['identity', 'national_id_number'] as RiskFacts['dataCategories'] };

    it('(a) encrypted: state-of-the-art encryption with a safe key makes the risk unlikely', () => {
      const r = assess(facts({ ...highRisk, encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false }, unauthorisedAccess: 'encrypted_only' }));
      assert.equal(r.risk, 'unlikely');
      assert.deepEqual(r.recommendation, { notifySA: false, notifySubjects: false, exemption: 'encrypted', publicCommunication: false });
      assert.ok(r.reasons.some((s) => s.article === 'Art. 34(3)(a)'));
    });

    it('(a) does not apply when the key was stolen with the data', () => {
      const r = assess(facts({ ...highRisk, encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: true } }));
      assert.equal(r.risk, 'high');
      assert.equal(r.recommendation.exemption, null);
      assert.equal(r.recommendation.notifySubjects, true);
    });

    it('(a) does not apply to weak encryption', () => {
      const r = assess(facts({ ...highRisk, encryption: { dataEncrypted: true, stateOfTheArt: false, keyCompromised: false } }));
      assert.equal(r.recommendation.exemption, null);
      assert.equal(r.risk, 'high');
    });

    it('(b) mitigated: known recipients confirmed deletion, so high risk is no longer likely; Datatilsynet is still notified', () => {
      const r = assess(facts({
        dataCategories: ['identity', 'special_category_health'], causeKind: 'accidental',
        recipients: { type: 'untrusted_known', confirmedDeletion: true }, unauthorisedAccess: 'confirmed', exfiltration: 'not_applicable',
        misuseObserved: 'none_observed', mitigations: [{ what: 'recipient deleted the e-mail and confirmed in writing', at: '2026-03-02T10:00:00Z' }],
      }));
      assert.equal(r.recommendation.exemption, 'mitigated');
      assert.equal(r.recommendation.notifySA, true);
      assert.equal(r.recommendation.notifySubjects, false);
    });

    it('(c) disproportionate effort: no individual notices, a public communication instead', () => {
      const r = assess(facts({ ...highRisk, subjects: { count: { kind: 'estimate', value: 40_000, min: null, max: null }, vulnerable: false, canBeReached: false, reachEffort: 'disproportionate' } }));
      assert.equal(r.risk, 'high');
      assert.deepEqual(r.recommendation, { notifySA: true, notifySubjects: false, exemption: 'disproportionate', publicCommunication: true });
      assert.ok(r.reasons.some((s) => s.article === 'Art. 34(3)(c)' && /public communication/.test(s.en) && /offentlig kunngjøring/.test(s.nb)));
    });

    it('asks whether people can be reached when the risk is high and that is unknown', () => {
      const r = assess(facts({ ...highRisk, subjects: { ...facts().subjects, canBeReached: null, reachEffort: 'unknown' } }));
      assert.ok(r.missingFacts.some((m) => m.fact === 'subjects.canBeReached'));
    });
  });

  it('writes every reason in bokmål and English with its article', () => {
    const variants = [facts(), facts({ breachTypes: ['availability', 'integrity'], availabilityImpact: 'temporary', backup: { available: true, restored: true, restoreHours: 3 } }), facts({ recipients: { type: 'trusted_known', confirmedDeletion: true } })];
    for (const v of variants) {
      for (const r of assess(v).reasons) {
        assert.ok(r.en.length > 10 && r.nb.length > 10 && r.article.length > 2, JSON.stringify(r));
        assert.doesNotMatch(r.nb, /\b(the|data was|recipient|hours|people)\b/, `English left in the bokmål: ${r.nb}`);
      }
    }
  });

  it('reads restore times from the reference format', () => {
    assert.equal(restoreHoursOf('30 hours'), 30);
    assert.equal(restoreHoursOf('2 days'), 48);
    assert.equal(restoreHoursOf('a few hours'), 4);
    assert.equal(restoreHoursOf(null), null);
  });
});
