import type { RiskFacts } from '../../../server/domains/assessment/risk-facts.js';
import {
  AVAILABILITY_IMPACTS, BREACH_TYPES, CAUSE_KINDS, DATA_CATEGORIES, DATA_DETAIL, EXFILTRATION, LIKELY_CONSEQUENCES, MISUSE,
  REACH_EFFORT, RECIPIENT_TYPES, UNAUTHORISED_ACCESS,
} from '../../../server/domains/incidents/incident.vocabulary.js';

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

/** Mulberry32: a small seeded generator, so a failure names a case that can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random facts over the whole vocabulary, reproducible from the seed. */
export function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(list)))];
  const flag = () => pick([true, false, null] as const);
  return (): RiskFacts => ({
    role: pick(['controller', 'processor'] as const),
    breachTypes: some(BREACH_TYPES, 3),
    causeKind: pick(CAUSE_KINDS),
    dataCategories: some(DATA_CATEGORIES, 3),
    dataDetail: pick(DATA_DETAIL),
    sensitiveRelationship: flag(),
    subjects: {
      count: pick([
        { kind: 'unknown', value: null, min: null, max: null },
        { kind: 'exact', value: 1, min: null, max: null },
        { kind: 'exact', value: 6, min: null, max: null },
        { kind: 'estimate', value: 60, min: null, max: null },
        { kind: 'range', value: null, min: 120, max: 900 },
        { kind: 'estimate', value: 25_000, min: null, max: null },
      ] as const),
      vulnerable: flag(),
      canBeReached: flag(),
      reachEffort: pick(REACH_EFFORT),
    },
    encryption: { dataEncrypted: flag(), stateOfTheArt: flag(), keyCompromised: flag() },
    backup: { available: flag(), restored: flag(), restoreHours: pick([null, 0.5, 4, 20, 30, 200]) },
    availabilityImpact: pick(AVAILABILITY_IMPACTS),
    outageHarmedPeople: flag(),
    exfiltration: pick(EXFILTRATION),
    unauthorisedAccess: pick(UNAUTHORISED_ACCESS),
    misuseObserved: pick(MISUSE),
    recipients: { type: pick(RECIPIENT_TYPES), confirmedDeletion: flag(), count: pick([null, 1, 3, 25]) },
    neutralised: flag(),
    likelyConsequences: some(LIKELY_CONSEQUENCES, 2),
    mitigations: [],
  });
}
