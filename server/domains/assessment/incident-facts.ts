import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit.service.js';
import type { Incident } from '../incidents/incident.model.js';
import type { RiskFacts } from './risk-facts.js';

/** The facts the engine reads, taken from the incident's own fields; facts stored before they existed read as unknown. */
export function factsFromIncident(incident: Incident): RiskFacts {
  return {
    role: incident.role,
    breachTypes: [...incident.breachTypes],
    causeKind: incident.cause.kind,
    dataCategories: [...incident.dataCategories],
    dataDetail: incident.dataDetail ?? 'unknown',
    sensitiveRelationship: incident.sensitiveRelationship ?? null,
    subjects: {
      count: { ...incident.subjects.count },
      vulnerable: incident.subjects.vulnerable,
      canBeReached: incident.subjects.canBeReached,
      reachEffort: incident.subjects.reachEffort,
    },
    encryption: {
      dataEncrypted: incident.encryption.dataEncrypted,
      stateOfTheArt: incident.encryption.stateOfTheArt,
      keyCompromised: incident.encryption.keyCompromised,
    },
    backup: { available: incident.backup.available, restored: incident.backup.restored, restoreHours: incident.backup.restoreHours },
    availabilityImpact: incident.availabilityImpact,
    outageHarmedPeople: incident.outageHarmedPeople ?? null,
    exfiltration: incident.exfiltration,
    unauthorisedAccess: incident.unauthorisedAccess,
    misuseObserved: incident.misuseObserved,
    recipients: { type: incident.recipients.type, confirmedDeletion: incident.recipients.confirmedDeletion, count: incident.recipients.count ?? null },
    neutralised: incident.neutralised ?? null,
    likelyConsequences: [...(incident.likelyConsequences ?? [])],
    mitigations: incident.mitigations.map((m) => ({ what: m.what, at: m.at ? new Date(m.at).toISOString() : null })),
  };
}

export function factsHash(facts: RiskFacts): string {
  return createHash('sha256').update(canonicalJson(facts)).digest('hex');
}

/** Which top-level facts differ between two snapshots. */
export function changedFacts(a: RiskFacts, b: RiskFacts): string[] {
  return (Object.keys(a) as (keyof RiskFacts)[]).filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]));
}
