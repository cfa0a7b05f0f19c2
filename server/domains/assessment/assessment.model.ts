import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { PersonRef } from '../incidents/incident.model.js';
import type { Assessment as EngineResult, RiskFacts } from './risk-engine.js';

/** One run of the engine on an incident's facts: never edited, only superseded by a later run. */
export interface AssessmentRecord {
  _id: Types.ObjectId;
  incidentId: string;
  method: string;
  facts: RiskFacts;
  /** SHA-256 of the facts, to tell whether facts changed since. */
  factsHash: string;
  result: EngineResult;
  createdBy: PersonRef;
  createdAt: Date;
}

/** A person's decision on notification, against one assessment. The latest one is in force. */
export interface DecisionRecord {
  _id: Types.ObjectId;
  incidentId: string;
  assessmentId: string;
  notifySA: boolean;
  notifySubjects: boolean;
  exemption: 'encrypted' | 'mitigated' | 'disproportionate' | null;
  publicCommunication: boolean;
  followsRecommendation: boolean;
  reason: string;
  evidence: { keyCustody: string; measuresTaken: string; measuresAt: Date | null; whyDisproportionate: string };
  decidedBy: PersonRef;
  decidedAt: Date;
  /** Set when the facts changed after the decision. */
  review: { needed: boolean; since: Date | null; changed: string[] };
}

const person = new Schema({ id: String, name: String }, { _id: false });

const assessmentSchema = new Schema<AssessmentRecord>(
  {
    incidentId: { type: String, required: true },
    method: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, required: true },
    factsHash: { type: String, required: true },
    result: { type: Schema.Types.Mixed, required: true },
    createdBy: { type: person, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
// Serves an incident's assessment history.
assessmentSchema.index({ incidentId: 1, createdAt: 1 });

const decisionSchema = new Schema<DecisionRecord>(
  {
    incidentId: { type: String, required: true },
    assessmentId: { type: String, required: true },
    notifySA: { type: Boolean, required: true },
    notifySubjects: { type: Boolean, required: true },
    exemption: { type: String, enum: ['encrypted', 'mitigated', 'disproportionate', null], default: null },
    publicCommunication: { type: Boolean, default: false },
    followsRecommendation: { type: Boolean, required: true },
    reason: { type: String, default: '' },
    evidence: {
      keyCustody: { type: String, default: '' },
      measuresTaken: { type: String, default: '' },
      measuresAt: { type: Date, default: null },
      whyDisproportionate: { type: String, default: '' },
    },
    decidedBy: { type: person, required: true },
    decidedAt: { type: Date, required: true },
    review: { needed: { type: Boolean, default: false }, since: { type: Date, default: null }, changed: { type: [String], default: [] } },
  },
  { versionKey: false, minimize: false },
);
// Serves an incident's decisions, latest last.
decisionSchema.index({ incidentId: 1, decidedAt: 1 });

export function assessmentModels(connection: Connection): { Assessments: Model<AssessmentRecord>; Decisions: Model<DecisionRecord> } {
  return {
    Assessments: connection.models.Assessment ?? connection.model<AssessmentRecord>('Assessment', assessmentSchema),
    Decisions: connection.models.Decision ?? connection.model<DecisionRecord>('Decision', decisionSchema),
  };
}
