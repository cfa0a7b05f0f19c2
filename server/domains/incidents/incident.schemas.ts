import { z } from 'zod';
import { ObjectIdString } from '../../lib/ids.js';
import { problemCode } from '../../http/refusal.js';
import {
  AVAILABILITY_IMPACTS, BREACH_TYPES, CAUSE_KINDS, CLOCK_STATES, COUNT_KINDS, DATA_CATEGORIES, DATA_DETAIL, EXFILTRATION, INCIDENT_ROLES,
  LIKELY_CONSEQUENCES, MISUSE, REACH_EFFORT, RECIPIENT_TYPES, STATUSES, SUBMISSION_CHANNELS, SUBMISSION_PHASES, UNAUTHORISED_ACCESS,
} from './incident.vocabulary.js';

const text = (max: number) => z.string().trim().max(max);
/** One line: a title goes into e-mail subjects and text lines, where a line break would start a line of its own. */
const line = (max: number) => text(max).regex(/^[^\p{Cc}\u2028\u2029]*$/u, problemCode('field.one-line'));
const instant = z.iso.datetime({ offset: true, message: problemCode('field.not-a-time') }).transform((s) => new Date(s));
const objectId = ObjectIdString();

export const CountInput = z
  .strictObject({
    kind: z.enum(COUNT_KINDS),
    value: z.number().int().min(0).max(1e10).nullable().optional(),
    min: z.number().int().min(0).max(1e10).nullable().optional(),
    max: z.number().int().min(0).max(1e10).nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.kind === 'exact' || c.kind === 'estimate') && (c.value === undefined || c.value === null)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: problemCode('field.required-for-count') });
    }
    if (c.kind === 'range') {
      if (c.min == null || c.max == null) ctx.addIssue({ code: 'custom', path: ['min'], message: problemCode('field.range-needs-both') });
      else if (c.min > c.max) ctx.addIssue({ code: 'custom', path: ['max'], message: problemCode('field.below-min') });
    }
  })
  .transform((c) => ({ kind: c.kind, value: c.value ?? null, min: c.min ?? null, max: c.max ?? null }));

/** Every fact of an incident a person may set; all optional, for creation and for partial updates. */
export const IncidentFacts = z.strictObject({
  title: line(200).min(1),
  description: text(20_000),
  /** What happened, in words for the people affected and the public; the internal description never leaves the house. */
  outwardDescription: text(20_000),
  breachTypes: z.array(z.enum(BREACH_TYPES)).max(3),
  cause: z.strictObject({ kind: z.enum(CAUSE_KINDS), vector: text(200), description: text(5_000) }).partial(),
  role: z.enum(INCIDENT_ROLES),
  controller: z.strictObject({
    name: text(200),
    contact: text(500),
    /** The hours the processing agreement gives us to tell the controller; unset, the configured target applies. */
    noticeHours: z.number().min(0).max(10_000).nullable(),
    /** The controller told us in writing to notify Datatilsynet on its behalf. */
    notifyOnBehalf: z.boolean(),
    /** That instruction as evidence: the controller's contact who gave it, when, and its reference; who and when are required with notifyOnBehalf. */
    instructedBy: text(200),
    instructedAt: instant.nullable(),
    instructionReference: text(200),
  }).partial(),
  occurred: z.strictObject({ from: instant.nullable(), to: instant.nullable(), approximate: z.boolean() }).partial(),
  detected: z.strictObject({ at: instant.nullable(), by: text(200) }).partial(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length),
  dataDetail: z.enum(DATA_DETAIL),
  sensitiveRelationship: z.boolean().nullable(),
  subjects: z
    .strictObject({
      groups: z.array(text(100).min(1)).max(50),
      count: CountInput,
      vulnerable: z.boolean().nullable(),
      canBeReached: z.boolean().nullable(),
      reachEffort: z.enum(REACH_EFFORT),
      reachNote: text(2_000),
    })
    .partial(),
  records: CountInput,
  systems: z.array(text(200).min(1)).max(100),
  dataLocation: text(2_000),
  encryption: z
    .strictObject({ dataEncrypted: z.boolean().nullable(), stateOfTheArt: z.boolean().nullable(), keyCompromised: z.boolean().nullable(), keyCustody: text(2_000) })
    .partial(),
  backup: z
    .strictObject({ available: z.boolean().nullable(), restored: z.boolean().nullable(), restoreHours: z.number().min(0).max(100_000).nullable(), note: text(2_000) })
    .partial(),
  availabilityImpact: z.enum(AVAILABILITY_IMPACTS),
  outageHarmedPeople: z.boolean().nullable(),
  exfiltration: z.enum(EXFILTRATION),
  unauthorisedAccess: z.enum(UNAUTHORISED_ACCESS),
  misuseObserved: z.enum(MISUSE),
  recipients: z
    .strictObject({ type: z.enum(RECIPIENT_TYPES), confirmedDeletion: z.boolean().nullable(), count: z.number().int().min(1).max(1e10).nullable(), note: text(2_000) })
    .partial(),
  neutralised: z.boolean().nullable(),
  likelyConsequences: z.array(z.enum(LIKELY_CONSEQUENCES)).max(LIKELY_CONSEQUENCES.length).transform((list) => [...new Set(list)]),
  consequences: text(10_000),
  measuresTaken: text(10_000),
  measuresPlanned: text(10_000),
  mitigations: z.array(z.strictObject({ what: text(1_000).min(1), at: instant.nullable().optional() })).max(100),
  ownerId: objectId.nullable(),
  assignees: z.array(objectId).max(50),
  restricted: z.boolean(),
}).partial();
export type IncidentFacts = z.infer<typeof IncidentFacts>;

export const MaskQuery = z.strictObject({
  /** Replace national identity numbers in free text with their birth date and asterisks before storing. */
  maskNationalIds: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

export const CreateIncident = IncidentFacts.extend({
  title: line(200).min(1),
  description: text(20_000).default(''),
  /** When the organisation became aware; without it the incident starts in triage. */
  awareAt: instant.optional(),
  awarenessEvidence: text(5_000).optional(),
  /** Why awareness is recorded in the past. */
  awarenessReason: text(2_000).optional(),
});
export type CreateIncident = z.infer<typeof CreateIncident>;

export const UpdateIncident = IncidentFacts.extend({
  /** The version the change was made against; a stale one is refused with 409. */
  version: z.number().int().min(0),
}).refine((b) => Object.keys(b).length > 1, problemCode('field.nothing-to-change'));
export type UpdateIncident = z.infer<typeof UpdateIncident>;

export const DeclareAwareness = z.strictObject({
  at: instant,
  evidence: text(5_000).min(1, problemCode('field.evidence')),
  /** Required when correcting an earlier declaration, and when backdating. */
  reason: text(2_000).optional(),
});

export const Reason = z.strictObject({ reason: text(5_000).min(5, problemCode('field.reason')) });

export const CloseIncident = z.strictObject({
  reason: text(5_000).min(5, problemCode('field.reason')),
  /** True when it turned out not to be a personal-data breach; it stays in the register. */
  notABreach: z.boolean().default(false),
});

export const RecordSubmission = z.strictObject({
  sentAt: instant,
  channel: z.enum(SUBMISSION_CHANNELS),
  reference: text(200).default(''),
  phase: z.enum(SUBMISSION_PHASES),
  noticeText: text(100_000).default(''),
  noticeId: objectId.optional(),
  delayReasons: text(5_000).optional(),
  followUpDueAt: instant.optional(),
});
export type RecordSubmission = z.infer<typeof RecordSubmission>;

export const ControllerInformed = z.strictObject({ at: instant, channel: text(100).min(1), note: text(2_000).default('') });

export const IdParams = z.object({ id: objectId });

export const ListIncidents = z.strictObject({
  status: z.enum(STATUSES).optional(),
  clock: z.enum(CLOCK_STATES).optional(),
  role: z.enum(INCIDENT_ROLES).optional(),
  dueWithinHours: z.coerce.number().min(0).max(10_000).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  q: z.string().trim().max(200).optional(),
  /**
   * board: incidents that owe anything, nearest due time first (no due time last). all: every incident.
   * Without a view, a listing with no filter and no sort is the board.
   */
  view: z.enum(['board', 'all']).optional(),
  /** created (newest first, the default outside the board) or deadline. */
  sort: z.enum(['created', 'deadline']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListIncidents = z.infer<typeof ListIncidents>;

