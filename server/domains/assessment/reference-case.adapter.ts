/**
 * The one adapter from the public reference-case format (test/fixtures/risk-cases/README.md) onto the
 * incident's own facts, so the command line and the product ask the same engine.
 *
 * Mapping, field by field:
 * - breachTypes, dataCategories, availabilityImpact, exfiltration, unauthorisedAccess, misuseObserved,
 *   recipients.type: the same vocabulary, copied (unknown values become "unknown"/"unspecified").
 * - cause "malicious" | "accidental" → causeKind; anything else → "unknown".
 * - specialCategoryData true without any special category listed → adds special_category_unspecified, so
 *   the engine weighs Art. 9 data without guessing which kind.
 * - dataSubjects.approxCount → subjects.count (estimate); else scale → a range (single 1, few 2–9, tens
 *   10–99, hundreds 100–999, thousands 1,000–9,999, tens_of_thousands 10,000–99,999, hundreds_of_thousands
 *   100,000–999,999); "unknown" → unknown.
 * - dataSubjects.vulnerable → subjects.vulnerable; controllerCanReachSubjects → subjects.canBeReached.
 * - encryption.{dataEncrypted, stateOfTheArt, keyCompromised} → the same (strong salted hashing arrives
 *   already recorded as encrypted, state of the art, key not compromised).
 * - backup.restoreTime (free text) → restoreHours: "N minutes" → N/60, "N hours" → N, "N days" → 24·N, "a few hours",
 *   "within hours" or "readily available" → 4; anything else → null (unknown).
 * - mitigations (strings) → mitigations without a time. The format records a known recipient's deletion and the
 *   blocking of cards or reset of passwords only there, so a mitigation that reports one as done (not advised or
 *   requested) sets recipients.confirmedDeletion or neutralised, unless the case states those facts itself.
 * - impact (free text) → outageHarmedPeople, for a breach of availability only, when it says so plainly: "no
 *   effect", "no delay" or "without disruption" → false; "delayed", "cancelled", "postponed", "disrupted" → true;
 *   otherwise unknown.
 * - Facts the public set does not carry (role, dataDetail, sensitiveRelationship, likelyConsequences,
 *   outageHarmedPeople, neutralised, recipients.count, recipients.confirmedDeletion, reachEffort) are
 *   optional here; absent, they read as unknown, exactly as on a new incident.
 */
import { z } from 'zod';
import type { Count } from '../incidents/incident.model.js';
import {
  AVAILABILITY_IMPACTS, BREACH_TYPES, DATA_CATEGORIES, DATA_DETAIL, EXFILTRATION, LIKELY_CONSEQUENCES, MISUSE, RECIPIENT_TYPES,
  UNAUTHORISED_ACCESS, type DataCategory,
} from '../incidents/incident.vocabulary.js';
import type { RiskFacts } from './risk-facts.js';

const flag = z.boolean().nullable().optional();

/** The reference format's facts. Closed lists stay open here (an unknown word reads as unknown); shapes and types do not. */
export const ReferenceFacts = z.object({
  role: z.enum(['controller', 'processor']).optional(),
  breachTypes: z.array(z.string()).optional(),
  cause: z.string().optional(),
  dataCategories: z.array(z.string()).optional(),
  dataDetail: z.enum(DATA_DETAIL).optional(),
  specialCategoryData: z.boolean().optional(),
  sensitiveRelationship: flag,
  dataSubjects: z.object({ approxCount: z.number().int().min(0).nullable().optional(), scale: z.string().optional(), vulnerable: flag }).optional(),
  encryption: z.object({ dataEncrypted: flag, stateOfTheArt: flag, keyCompromised: flag }).optional(),
  backup: z.object({ available: flag, restored: flag, restoreTime: z.string().nullable().optional() }).optional(),
  availabilityImpact: z.string().optional(),
  outageHarmedPeople: flag,
  exfiltration: z.string().optional(),
  unauthorisedAccess: z.string().optional(),
  misuseObserved: z.string().optional(),
  recipients: z.object({ type: z.string().optional(), confirmedDeletion: flag, count: z.number().int().min(1).nullable().optional() }).optional(),
  neutralised: flag,
  likelyConsequences: z.array(z.enum(LIKELY_CONSEQUENCES)).optional(),
  mitigations: z.array(z.string()).optional(),
  impact: z.string().optional(),
  controllerCanReachSubjects: flag,
  /** "individual" or "disproportionate". */
  reachEffort: z.enum(['individual', 'disproportionate', 'unknown']).optional(),
});
export type ReferenceFacts = z.infer<typeof ReferenceFacts>;

const SCALES: Record<string, [number, number]> = {
  single: [1, 1],
  few: [2, 9],
  tens: [10, 99],
  hundreds: [100, 999],
  thousands: [1_000, 9_999],
  tens_of_thousands: [10_000, 99_999],
  hundreds_of_thousands: [100_000, 999_999],
};

function oneOf<T extends readonly string[]>(list: T, value: unknown, fallback: T[number]): T[number] {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T[number]) : fallback;
}

function countOf(subjects: ReferenceFacts['dataSubjects']): Count {
  if (typeof subjects?.approxCount === 'number') return { kind: 'estimate', value: subjects.approxCount, min: null, max: null };
  const range = subjects?.scale ? SCALES[subjects.scale] : undefined;
  if (range) return range[0] === range[1] ? { kind: 'exact', value: range[0], min: null, max: null } : { kind: 'range', value: null, min: range[0], max: range[1] };
  return { kind: 'unknown', value: null, min: null, max: null };
}

export function restoreHoursOf(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = text.toLowerCase();
  const minutes = /(\d+(?:\.\d+)?)\s*minutes?/.exec(t);
  if (minutes) return Math.round((Number(minutes[1]) / 60) * 100) / 100;
  const hours = /(\d+(?:\.\d+)?)\s*hours?/.exec(t);
  if (hours) return Number(hours[1]);
  const days = /(\d+(?:\.\d+)?)\s*days?/.exec(t);
  if (days) return Number(days[1]) * 24;
  if (/few hours|within hours|readily|immediately|minutes/.test(t)) return 4;
  return null;
}

const DONE_DELETION = /\b(deleted|destroyed|shredded|returned|retrieved)\b|\bconfirmed (the )?deletion\b/i;
const DONE_NEUTRALISED = /\b(cards?|passwords?|credentials|logins?)\b.*\b(blocked|cancell?ed|reissued|reset|revoked|replaced)\b/i;
const NOT_DONE = /\b(recommend\w*|advised|should|asked|requested|urged|suggest\w*)\b/i;

const NO_OUTAGE_HARM = /\b(no|without|not)\b[^.;]{0,40}\b(effect|impact|delays?|disruption|harm)\b/i;
const OUTAGE_HARM = /\b(delayed|delays|cancell?ed|postponed|disrupted|disruption)\b/i;

/** What a case's impact text says plainly about people harmed by an outage. */
function outageHarmOf(r: ReferenceFacts): boolean | null {
  if (!r.breachTypes?.includes('availability') || !r.impact) return null;
  if (NO_OUTAGE_HARM.test(r.impact)) return false;
  return OUTAGE_HARM.test(r.impact) ? true : null;
}

/** Whether a mitigation reports the measure as done. */
const reports = (mitigations: string[] | undefined, measure: RegExp) => (mitigations ?? []).some((m) => measure.test(m) && !NOT_DONE.test(m));

/** Maps a reference case's facts onto the facts the engine reads from an incident. */
export function factsFromReferenceCase(r: ReferenceFacts): RiskFacts {
  const categories = (r.dataCategories ?? []).map((c) => oneOf(DATA_CATEGORIES, c, 'unspecified')) as DataCategory[];
  if (r.specialCategoryData === true && !categories.some((c) => c.startsWith('special_category_'))) categories.push('special_category_unspecified');
  const cause = r.cause === 'malicious' || r.cause === 'accidental' ? r.cause : 'unknown';
  return {
    role: r.role ?? 'controller',
    breachTypes: (r.breachTypes ?? []).filter((t): t is (typeof BREACH_TYPES)[number] => (BREACH_TYPES as readonly string[]).includes(t)),
    causeKind: cause,
    dataCategories: [...new Set(categories)],
    dataDetail: r.dataDetail ?? 'unknown',
    sensitiveRelationship: r.sensitiveRelationship ?? null,
    subjects: {
      count: countOf(r.dataSubjects),
      vulnerable: r.dataSubjects?.vulnerable ?? null,
      canBeReached: r.controllerCanReachSubjects ?? null,
      reachEffort: r.reachEffort ?? 'unknown',
    },
    encryption: {
      dataEncrypted: r.encryption?.dataEncrypted ?? null,
      stateOfTheArt: r.encryption?.stateOfTheArt ?? null,
      keyCompromised: r.encryption?.keyCompromised ?? null,
    },
    backup: { available: r.backup?.available ?? null, restored: r.backup?.restored ?? null, restoreHours: restoreHoursOf(r.backup?.restoreTime) },
    availabilityImpact: oneOf(AVAILABILITY_IMPACTS, r.availabilityImpact, 'unknown'),
    outageHarmedPeople: r.outageHarmedPeople ?? outageHarmOf(r),
    exfiltration: oneOf(EXFILTRATION, r.exfiltration, 'unknown'),
    unauthorisedAccess: oneOf(UNAUTHORISED_ACCESS, r.unauthorisedAccess, 'unknown'),
    misuseObserved: oneOf(MISUSE, r.misuseObserved, 'unknown'),
    recipients: {
      type: oneOf(RECIPIENT_TYPES, r.recipients?.type, 'unknown'),
      confirmedDeletion: r.recipients?.confirmedDeletion
        ?? (['trusted_known', 'untrusted_known'].includes(r.recipients?.type ?? '') && reports(r.mitigations, DONE_DELETION) ? true : null),
      count: r.recipients?.count ?? null,
    },
    neutralised: r.neutralised ?? (reports(r.mitigations, DONE_NEUTRALISED) ? true : null),
    likelyConsequences: [...new Set(r.likelyConsequences ?? [])],
    mitigations: (r.mitigations ?? []).map((what) => ({ what, at: null })),
  };
}
