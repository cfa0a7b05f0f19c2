import assert from 'node:assert/strict';
import {
  availabilityLikelihood, breachTypeFactor, confidentialityLikelihood, dataNatureFactor, exposureSeverity, identificationFactor,
  integrityLikelihood, outageSeverity, peopleFactor, recordedConsequences, riskMatrix,
} from '../../../server/domains/assessment/risk-factors.js';
import { facts, people } from './risk-facts.fixture.js';

describe('risk factors', () => {
  describe('type of breach', () => {
    it('lists the breached types in a fixed order', () => {
      assert.deepEqual(breachTypeFactor(facts({ breachTypes: ['availability', 'confidentiality'] })).types, ['confidentiality', 'availability']);
    });

    it('reads an unknown type as confidentiality and asks', () => {
      const t = breachTypeFactor(facts({ breachTypes: [] }));
      assert.deepEqual([t.types, t.assumed, t.questions.map((q) => q.fact)], [['confidentiality'], true, ['breachTypes']]);
    });
  });

  describe('nature, sensitivity and volume of data', () => {
    it('takes the worst harm the categories allow', () => {
      const n = dataNatureFactor(facts({ dataCategories: ['identity', 'national_id_number'] }));
      assert.deepEqual(n.top, { harm: 'identity_fraud', severity: 3, categories: ['national_id_number'] });
    });

    it('sets special categories one step lower when the data reveals little about each person', () => {
      assert.equal(dataNatureFactor(facts({ dataCategories: ['special_category_health'] })).top.severity, 3);
      assert.equal(dataNatureFactor(facts({ dataCategories: ['special_category_health'], dataDetail: 'limited' })).top.severity, 2);
    });

    it('treats work contact details as minimal', () => {
      assert.equal(dataNatureFactor(facts({ dataCategories: ['work_contact'] })).top.severity, 0);
    });

    it('lets a revealing relationship with the controller make plain identity data serious', () => {
      const n = dataNatureFactor(facts({ dataCategories: ['identity'], sensitiveRelationship: true }));
      assert.deepEqual([n.top.harm, n.top.severity], ['discrimination', 3]);
    });

    it('lowers blocked cards and reset passwords to a nuisance, not national identity numbers', () => {
      const n = dataNatureFactor(facts({ dataCategories: ['payment_card', 'credentials', 'contact'], neutralised: true }));
      assert.deepEqual([n.top.severity, n.neutralised], [1, ['payment_card', 'credentials']]);
      assert.equal(dataNatureFactor(facts({ dataCategories: ['national_id_number'], neutralised: true })).top.severity, 3);
    });

    it('asks for the categories when none are known', () => {
      const n = dataNatureFactor(facts({ dataCategories: [] }));
      assert.deepEqual([n.top.harm, n.questions.map((q) => q.fact)], ['unassessed', ['dataCategories']]);
    });
  });

  describe('ease of identification', () => {
    it('is maximum for names, limited for pseudonymous credentials alone', () => {
      assert.equal(identificationFactor(facts()).identification, 'maximum');
      assert.equal(identificationFactor(facts({ dataCategories: ['credentials'] })).identification, 'limited');
      assert.equal(identificationFactor(facts({ dataCategories: ['contact'] })).identification, 'significant');
    });
  });

  describe('severity of consequences', () => {
    const severityOf = (f: ReturnType<typeof facts>) => exposureSeverity(dataNatureFactor(f), identificationFactor(f).identification, f, peopleFactor(f));

    it('reads recorded consequences as facts: a home address revealed to a hostile person endangers safety', () => {
      assert.deepEqual(severityOf(facts({ dataCategories: ['identity', 'contact'] })), { severity: 1, harm: 'nuisance' });
      assert.deepEqual(severityOf(facts({ dataCategories: ['identity', 'contact'], likelyConsequences: ['physical_safety'] })), { severity: 4, harm: 'physical_safety' });
    });

    it('raises severity one step for vulnerable people', () => {
      assert.equal(severityOf(facts({ subjects: { ...people(5), vulnerable: true } })).severity, 2);
    });

    it('lowers severity one step for pseudonymous data', () => {
      assert.equal(severityOf(facts({ dataCategories: ['credentials'] })).severity, 1);
    });

    it('weighs only consequences an outage can cause when the data is merely unavailable', () => {
      const f = facts({ dataCategories: ['identity'], likelyConsequences: ['discrimination', 'distress'] });
      assert.equal(outageSeverity(dataNatureFactor(f), f, peopleFactor(f)).severity, 2);
      const care = facts({ dataCategories: ['special_category_health'], subjects: { ...people(300), vulnerable: true } });
      assert.deepEqual(outageSeverity(dataNatureFactor(care), care, peopleFactor(care)).severity, 4);
      assert.deepEqual(recordedConsequences(f, ['distress']), { consequences: ['distress'], severity: 2 });
    });
  });

  describe('number of people', () => {
    it('counts the lower bound and marks 100 or more as many', () => {
      assert.deepEqual([peopleFactor(facts({ subjects: people(99) })).many, peopleFactor(facts({ subjects: people(100) })).many], [false, true]);
      const range = peopleFactor(facts({ subjects: { ...people(0), count: { kind: 'range', value: null, min: 150, max: 400 } } }));
      assert.equal(range.lowerBound, 150);
    });

    it('counts children as vulnerable and asks when vulnerability is unknown', () => {
      assert.equal(peopleFactor(facts({ dataCategories: ['children'] })).vulnerable, true);
      assert.deepEqual(peopleFactor(facts({ subjects: { ...people(3), vulnerable: null } })).questions.map((q) => q.fact), ['subjects.vulnerable']);
    });
  });

  describe('likelihood of a confidentiality breach', () => {
    const few = people(3);
    const level = (overrides: Parameters<typeof facts>[0]) => {
      const f = facts({ subjects: few, ...overrides });
      return confidentialityLikelihood(f, peopleFactor(f)).likelihood;
    };

    it('is negligible when a recipient bound by confidentiality deleted the data', () => {
      assert.equal(level({ recipients: { type: 'trusted_known', confirmedDeletion: true, count: 1 } }), 0);
      assert.equal(level({ recipients: { type: 'trusted_known', confirmedDeletion: null, count: 1 } }), 1);
    });

    it('is lowered, not removed, by a stranger\'s claim to have deleted it', () => {
      assert.equal(level({ recipients: { type: 'untrusted_known', confirmedDeletion: null, count: 1 } }), 2);
      assert.equal(level({ recipients: { type: 'untrusted_known', confirmedDeletion: true, count: 1 } }), 1);
    });

    it('is very likely once misuse is seen, even for encrypted data', () => {
      assert.equal(level({ misuseObserved: 'confirmed', encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false } }), 3);
    });

    it('is negligible for state-of-the-art encryption with a safe key, and not for a stolen key', () => {
      assert.equal(level({ encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false } }), 0);
      assert.equal(level({ encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: true } }), 3);
    });

    it('is very likely for published data and for a criminal who has it, likely for a thief or finder', () => {
      assert.equal(level({ recipients: { type: 'public', confirmedDeletion: null, count: null } }), 3);
      assert.equal(level({ exfiltration: 'possible', unauthorisedAccess: 'possible' }), 2);
      assert.equal(level({ recipients: { type: 'unknown_finder', confirmedDeletion: null, count: null }, exfiltration: 'not_applicable' }), 2);
    });

    it('is low when logs rule out that anything left', () => {
      assert.equal(level({ exfiltration: 'ruled_out', unauthorisedAccess: 'possible' }), 1);
    });

    it('rises a step for many people or many recipients not bound by confidentiality', () => {
      assert.equal(level({ subjects: people(300), recipients: { type: 'untrusted_known', confirmedDeletion: true, count: 1 } }), 2);
      assert.equal(level({ recipients: { type: 'untrusted_known', confirmedDeletion: null, count: 40 } }), 3);
      assert.equal(level({ subjects: people(300), recipients: { type: 'trusted_known', confirmedDeletion: null, count: 1 } }), 1);
    });

    it('asks what would decide it', () => {
      const f = facts({ encryption: { dataEncrypted: null, stateOfTheArt: null, keyCompromised: null }, recipients: { type: 'unknown', confirmedDeletion: null, count: null }, unauthorisedAccess: 'unknown', exfiltration: 'unknown', misuseObserved: 'unknown' });
      const asked = confidentialityLikelihood(f, peopleFactor(f)).questions.map((q) => q.fact);
      assert.deepEqual(asked, ['encryption.dataEncrypted', 'recipients.type', 'unauthorisedAccess', 'exfiltration', 'misuseObserved']);
    });
  });

  describe('likelihood of an availability breach', () => {
    const outage = (hours: number | null, overrides: Parameters<typeof facts>[0] = {}) =>
      facts({ breachTypes: ['availability'], availabilityImpact: 'temporary', backup: { available: true, restored: hours !== null, restoreHours: hours }, ...overrides });

    it('is negligible when restored within a working day and nobody was harmed', () => {
      assert.equal(availabilityLikelihood(outage(3), false).likelihood, 0);
    });

    it('is low for critical data restored quickly until someone says nobody was harmed', () => {
      const l = availabilityLikelihood(outage(3), true);
      assert.deepEqual([l.likelihood, l.questions.map((q) => q.fact)], [1, ['outageHarmedPeople']]);
      assert.equal(availabilityLikelihood(outage(3, { outageHarmedPeople: false }), true).likelihood, 0);
    });

    it('is very likely when the delay harmed people or the data is lost', () => {
      assert.equal(availabilityLikelihood(outage(3, { outageHarmedPeople: true }), false).likelihood, 3);
      assert.equal(availabilityLikelihood(facts({ availabilityImpact: 'permanent' }), false).likelihood, 3);
    });

    it('is likely after more than 24 hours or for an unknown time', () => {
      assert.equal(availabilityLikelihood(outage(30), false).likelihood, 2);
      assert.equal(availabilityLikelihood(outage(null), false).likelihood, 2);
    });
  });

  describe('likelihood of an integrity breach', () => {
    it('follows misuse and correction', () => {
      assert.equal(integrityLikelihood(facts({ misuseObserved: 'confirmed' })).likelihood, 3);
      assert.equal(integrityLikelihood(facts({ backup: { available: true, restored: true, restoreHours: 2 } })).likelihood, 0);
      assert.equal(integrityLikelihood(facts({ backup: { available: true, restored: true, restoreHours: 72 } })).likelihood, 1);
      assert.equal(integrityLikelihood(facts()).likelihood, 2);
    });
  });

  describe('likelihood × severity', () => {
    const few = peopleFactor(facts({ subjects: people(2) }));
    const many = peopleFactor(facts({ subjects: people(200) }));

    it('crosses the EDPB scales', () => {
      assert.equal(riskMatrix(0, 4, few).risk, 'unlikely');
      assert.equal(riskMatrix(3, 0, few).risk, 'unlikely');
      assert.equal(riskMatrix(1, 1, few).risk, 'unlikely');
      assert.equal(riskMatrix(1, 2, few).risk, 'risk');
      assert.equal(riskMatrix(1, 3, few).risk, 'risk');
      assert.equal(riskMatrix(3, 1, few).risk, 'risk');
      assert.equal(riskMatrix(2, 3, few).risk, 'high');
      assert.equal(riskMatrix(3, 2, few).risk, 'high');
    });

    it('makes likely limited harm a risk only when it reaches many people', () => {
      assert.deepEqual(riskMatrix(2, 1, few), { risk: 'unlikely', manyPeople: false });
      assert.deepEqual(riskMatrix(2, 1, many), { risk: 'risk', manyPeople: true });
    });
  });
});
