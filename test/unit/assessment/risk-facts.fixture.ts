import type { RiskFacts } from '../../../server/domains/assessment/risk-facts.js';

/** A readable customer-table leak to an unknown attacker, 500 people; each test changes what it is about. */
export function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  return {
    role: 'controller',
    breachTypes: ['confidentiality'],
    causeKind: 'malicious',
    dataCategories: ['identity', 'contact'],
    dataDetail: 'unknown',
    sensitiveRelationship: false,
    subjects: { count: { kind: 'estimate', value: 500, min: null, max: null }, vulnerable: false, canBeReached: true, reachEffort: 'individual' },
    encryption: { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null },
    backup: { available: null, restored: null, restoreHours: null },
    availabilityImpact: 'none',
    outageHarmedPeople: null,
    exfiltration: 'confirmed',
    unauthorisedAccess: 'confirmed',
    misuseObserved: 'none_observed',
    recipients: { type: 'malicious_unknown', confirmedDeletion: null, count: null },
    neutralised: null,
    likelyConsequences: [],
    mitigations: [],
    ...overrides,
  };
}

export const people = (value: number): RiskFacts['subjects'] => ({ count: { kind: 'exact', value, min: null, max: null }, vulnerable: false, canBeReached: true, reachEffort: 'individual' });
