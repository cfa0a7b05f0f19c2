import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { ROLES } from '../access/permissions.js';
import { OBLIGATION_KINDS } from '../obligations/obligation.view.js';
import type { Obligation } from '../obligations/obligation.rules.js';
import {
  AVAILABILITY_IMPACTS, BREACH_TYPES, CAUSE_KINDS, CLOCK_STATES, COUNT_KINDS, DATA_CATEGORIES, DATA_DETAIL, EXFILTRATION,
  INCIDENT_ROLES, LIKELY_CONSEQUENCES, MISUSE, REACH_EFFORT, RECIPIENT_TYPES, STATUSES, STOP_REASONS, UNAUTHORISED_ACCESS,
} from './incident.vocabulary.js';

/** An approximate count: exact, an estimate, a range, or not known yet. */
export interface Count {
  kind: (typeof COUNT_KINDS)[number];
  value: number | null;
  min: number | null;
  max: number | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Incident {
  _id: Types.ObjectId;
  /** Human reference, e.g. BC-2026-0007. */
  ref: string;
  title: string;
  /** The internal case text: never copied into what leaves the house. */
  description: string;
  /** What happened, written for the people affected and the public (subject and public notices). */
  outwardDescription: string;
  status: (typeof STATUSES)[number];
  closure: { reason: string; notABreach: boolean; at: Date; by: PersonRef } | null;

  breachTypes: (typeof BREACH_TYPES)[number][];
  cause: { kind: (typeof CAUSE_KINDS)[number]; vector: string; description: string };
  role: (typeof INCIDENT_ROLES)[number];
  /**
   * For a processor: the controller to inform (Art. 33(2)), and when it was; the hours the contract
   * gives us to tell it (else the configured target); and whether it told us, in writing, to notify
   * Datatilsynet on its behalf.
   */
  controller: {
    name: string;
    contact: string;
    informedAt: Date | null;
    informedChannel: string | null;
    targetAt: Date | null;
    noticeHours: number | null;
    notifyOnBehalf: boolean;
    /** The controller's written instruction to notify on its behalf, as evidence: who gave it, when, and its reference (an e-mail, a letter, a case number). */
    instructedBy: string;
    instructedAt: Date | null;
    instructionReference: string;
  };

  occurred: { from: Date | null; to: Date | null; approximate: boolean };
  detected: { at: Date | null; by: string };
  triageStartedAt: Date;

  /** The awareness declaration that starts the clock (null while in triage). */
  awareness: { at: Date; evidence: string; declaredBy: PersonRef; declaredAt: Date; backdatedReason: string | null } | null;

  clock: {
    state: (typeof CLOCK_STATES)[number];
    deadline: Date | null;
    stoppedAt: Date | null;
    stopReason: (typeof STOP_REASONS)[number] | null;
    stopNote: string | null;
  };
  /** An owed follow-up after a phased (initial or supplementary) submission. */
  followUp: { dueAt: Date; afterSubmissionId: string } | null;
  /** Art. 33(1) reasons for a late notification: given once, reused by every later phase. */
  delayReasons: string;

  /** What the incident owes now, most urgent first; recomputed in every write that changes it. */
  obligations: Obligation[];
  /** Whether it owes anything (the board lists those that do). */
  owes: boolean;
  /** The nearest due time among its obligations. */
  nextDueAt: Date | null;
  /** The board's sort key: nextDueAt, or far in the future when nothing owed has a due time; null when nothing is owed. */
  boardOrder: Date | null;

  // The facts the risk assessment reads.
  dataCategories: (typeof DATA_CATEGORIES)[number][];
  dataDetail: (typeof DATA_DETAIL)[number];
  /** Being on this controller's records reveals something sensitive (a clinic, child welfare, debt collection). */
  sensitiveRelationship: boolean | null;
  subjects: {
    groups: string[];
    count: Count;
    vulnerable: boolean | null;
    canBeReached: boolean | null;
    reachEffort: (typeof REACH_EFFORT)[number];
    reachNote: string;
  };
  records: Count;
  systems: string[];
  dataLocation: string;
  encryption: { dataEncrypted: boolean | null; stateOfTheArt: boolean | null; keyCompromised: boolean | null; keyCustody: string };
  backup: { available: boolean | null; restored: boolean | null; restoreHours: number | null; note: string };
  availabilityImpact: (typeof AVAILABILITY_IMPACTS)[number];
  /** The outage itself harmed people or delayed something they depend on (care, payments, benefits). */
  outageHarmedPeople: boolean | null;
  exfiltration: (typeof EXFILTRATION)[number];
  unauthorisedAccess: (typeof UNAUTHORISED_ACCESS)[number];
  misuseObserved: (typeof MISUSE)[number];
  recipients: { type: (typeof RECIPIENT_TYPES)[number]; confirmedDeletion: boolean | null; count: number | null; note: string };
  /** After the breach the exposed data was made useless for misuse (passwords reset, cards blocked and reissued). */
  neutralised: boolean | null;
  /** What could happen to the people, as the engine reads it; `consequences` says it in words. */
  likelyConsequences: (typeof LIKELY_CONSEQUENCES)[number][];
  consequences: string;
  measuresTaken: string;
  measuresPlanned: string;
  mitigations: { what: string; at: Date | null }[];

  owner: PersonRef | null;
  assignees: string[];
  /** Need-to-know: only assignees, the owner, managers and the DPO see it. */
  restricted: boolean;

  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency: every write increments it; a write naming an older one is refused. */
  version: number;
}

const person = { id: String, name: String };
const count = {
  kind: { type: String, enum: COUNT_KINDS, default: 'unknown' },
  value: { type: Number, default: null },
  min: { type: Number, default: null },
  max: { type: Number, default: null },
};

const incidentSchema = new Schema<Incident>(
  {
    ref: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    outwardDescription: { type: String, default: '' },
    status: { type: String, enum: STATUSES, required: true },
    closure: { type: new Schema({ reason: String, notABreach: Boolean, at: Date, by: person }, { _id: false }), default: null },
    breachTypes: { type: [String], enum: BREACH_TYPES, default: [] },
    cause: {
      kind: { type: String, enum: CAUSE_KINDS, default: 'unknown' },
      vector: { type: String, default: '' },
      description: { type: String, default: '' },
    },
    role: { type: String, enum: INCIDENT_ROLES, default: 'controller' },
    controller: {
      name: { type: String, default: '' },
      contact: { type: String, default: '' },
      informedAt: { type: Date, default: null },
      informedChannel: { type: String, default: null },
      targetAt: { type: Date, default: null },
      noticeHours: { type: Number, default: null },
      notifyOnBehalf: { type: Boolean, default: false },
      instructedBy: { type: String, default: '' },
      instructedAt: { type: Date, default: null },
      instructionReference: { type: String, default: '' },
    },
    occurred: { from: { type: Date, default: null }, to: { type: Date, default: null }, approximate: { type: Boolean, default: false } },
    detected: { at: { type: Date, default: null }, by: { type: String, default: '' } },
    triageStartedAt: { type: Date, required: true },
    awareness: {
      type: new Schema(
        { at: Date, evidence: String, declaredBy: person, declaredAt: Date, backdatedReason: { type: String, default: null } },
        { _id: false },
      ),
      default: null,
    },
    clock: {
      state: { type: String, enum: CLOCK_STATES, default: 'not-started' },
      deadline: { type: Date, default: null },
      stoppedAt: { type: Date, default: null },
      stopReason: { type: String, enum: [...STOP_REASONS, null], default: null },
      stopNote: { type: String, default: null },
    },
    followUp: { type: new Schema({ dueAt: Date, afterSubmissionId: String }, { _id: false }), default: null },
    delayReasons: { type: String, default: '' },
    obligations: {
      type: [new Schema({
        kind: { type: String, enum: OBLIGATION_KINDS, required: true },
        dueAt: { type: Date, default: null },
        actorRoles: { type: [String], enum: ROLES, default: [] },
        actors: { type: [new Schema({ id: String, name: String }, { _id: false })], default: [] },
      }, { _id: false })],
      default: [],
    },
    owes: { type: Boolean, default: false },
    nextDueAt: { type: Date, default: null },
    boardOrder: { type: Date, default: null },
    dataCategories: { type: [String], enum: DATA_CATEGORIES, default: [] },
    dataDetail: { type: String, enum: DATA_DETAIL, default: 'unknown' },
    sensitiveRelationship: { type: Boolean, default: null },
    subjects: {
      groups: { type: [String], default: [] },
      count,
      vulnerable: { type: Boolean, default: null },
      canBeReached: { type: Boolean, default: null },
      reachEffort: { type: String, enum: REACH_EFFORT, default: 'unknown' },
      reachNote: { type: String, default: '' },
    },
    records: { type: new Schema(count, { _id: false }), default: () => ({ kind: 'unknown', value: null, min: null, max: null }) },
    systems: { type: [String], default: [] },
    dataLocation: { type: String, default: '' },
    encryption: {
      dataEncrypted: { type: Boolean, default: null },
      stateOfTheArt: { type: Boolean, default: null },
      keyCompromised: { type: Boolean, default: null },
      keyCustody: { type: String, default: '' },
    },
    backup: {
      available: { type: Boolean, default: null },
      restored: { type: Boolean, default: null },
      restoreHours: { type: Number, default: null },
      note: { type: String, default: '' },
    },
    availabilityImpact: { type: String, enum: AVAILABILITY_IMPACTS, default: 'unknown' },
    outageHarmedPeople: { type: Boolean, default: null },
    exfiltration: { type: String, enum: EXFILTRATION, default: 'unknown' },
    unauthorisedAccess: { type: String, enum: UNAUTHORISED_ACCESS, default: 'unknown' },
    misuseObserved: { type: String, enum: MISUSE, default: 'unknown' },
    recipients: {
      type: { type: String, enum: RECIPIENT_TYPES, default: 'unknown' },
      confirmedDeletion: { type: Boolean, default: null },
      count: { type: Number, default: null },
      note: { type: String, default: '' },
    },
    neutralised: { type: Boolean, default: null },
    likelyConsequences: { type: [String], enum: LIKELY_CONSEQUENCES, default: [] },
    consequences: { type: String, default: '' },
    measuresTaken: { type: String, default: '' },
    measuresPlanned: { type: String, default: '' },
    mitigations: { type: [new Schema({ what: String, at: { type: Date, default: null } }, { _id: false })], default: [] },
    owner: { type: new Schema(person, { _id: false }), default: null },
    assignees: { type: [String], default: [] },
    restricted: { type: Boolean, default: false },
    createdBy: { type: new Schema(person, { _id: false }), required: true },
    version: { type: Number, default: 0 },
  },
  { timestamps: true, versionKey: false, minimize: false },
);
// The human reference is unique.
incidentSchema.index({ ref: 1 }, { unique: true });
// Serves the board and register: newest first, with a stable tiebreak for pagination.
incidentSchema.index({ createdAt: -1, _id: -1 });
// Serves "due within N hours" / "overdue", the board by deadline (the _id tiebreak in the index, so a page
// is read in order and not sorted) and the start-up recovery of running clocks.
incidentSchema.index({ 'clock.state': 1, 'clock.deadline': 1, _id: 1 });
// Serves the board: incidents that owe anything, nearest due first, with a stable tiebreak for pagination.
incidentSchema.index({ owes: 1, boardOrder: 1, _id: 1 });
// Serves status filters, newest first with the same tiebreak.
incidentSchema.index({ status: 1, createdAt: -1, _id: -1 });

/** Sequence counters (incident references per year). */
const counterSchema = new Schema<{ _id: string; seq: number }>({ _id: String, seq: Number }, { versionKey: false });

export function incidentModels(connection: Connection): { Incidents: Model<Incident>; Counters: Model<{ _id: string; seq: number }> } {
  return {
    Incidents: connection.models.Incident ?? connection.model<Incident>('Incident', incidentSchema),
    Counters: connection.models.Counter ?? connection.model<{ _id: string; seq: number }>('Counter', counterSchema),
  };
}
