import type { Count } from '../incidents/incident.model.js';
import type {
  AVAILABILITY_IMPACTS, BREACH_TYPES, CAUSE_KINDS, DATA_DETAIL, DataCategory, EXFILTRATION, INCIDENT_ROLES, LikelyConsequence, MISUSE,
  REACH_EFFORT, RECIPIENT_TYPES, UNAUTHORISED_ACCESS,
} from '../incidents/incident.vocabulary.js';

export type BreachType = (typeof BREACH_TYPES)[number];

/** The facts the engine reads: a subset of the incident, with nothing the engine does not use. */
export interface RiskFacts {
  role: (typeof INCIDENT_ROLES)[number];
  breachTypes: BreachType[];
  causeKind: (typeof CAUSE_KINDS)[number];
  dataCategories: DataCategory[];
  dataDetail: (typeof DATA_DETAIL)[number];
  sensitiveRelationship: boolean | null;
  subjects: { count: Count; vulnerable: boolean | null; canBeReached: boolean | null; reachEffort: (typeof REACH_EFFORT)[number] };
  encryption: { dataEncrypted: boolean | null; stateOfTheArt: boolean | null; keyCompromised: boolean | null };
  backup: { available: boolean | null; restored: boolean | null; restoreHours: number | null };
  availabilityImpact: (typeof AVAILABILITY_IMPACTS)[number];
  outageHarmedPeople: boolean | null;
  exfiltration: (typeof EXFILTRATION)[number];
  unauthorisedAccess: (typeof UNAUTHORISED_ACCESS)[number];
  misuseObserved: (typeof MISUSE)[number];
  recipients: { type: (typeof RECIPIENT_TYPES)[number]; confirmedDeletion: boolean | null; count: number | null };
  neutralised: boolean | null;
  likelyConsequences: LikelyConsequence[];
  /** Measures taken after the breach, with when. */
  mitigations: { what: string; at: string | null }[];
}

/** EDPB likelihood that harm materialises: negligible, low, likely, very likely. */
export type Likelihood = 0 | 1 | 2 | 3;
/** EDPB severity of the consequences for the people: minimal, limited, significant, serious, very serious. */
export type Severity = 0 | 1 | 2 | 3 | 4;
export type RiskLevel = 'unlikely' | 'risk' | 'high';
export type Exemption = 'encrypted' | 'mitigated' | 'disproportionate' | null;
/** What could happen to the people: the recorded consequences, plus those the data alone can imply. */
export type Harm = LikelyConsequence | 'nuisance' | 'inconvenience' | 'unassessed';
/** ENISA's ease of identification, as words. */
export type Identification = 'limited' | 'significant' | 'maximum';
