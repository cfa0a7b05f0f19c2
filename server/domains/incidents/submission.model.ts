import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { PersonRef } from './incident.model.js';
import { SUBMISSION_CHANNELS, SUBMISSION_PHASES } from './incident.vocabulary.js';

/** One notification filed with Datatilsynet: a dated, never-edited record in the incident's ledger. */
export interface Submission {
  _id: Types.ObjectId;
  incidentId: string;
  sentAt: Date;
  channel: (typeof SUBMISSION_CHANNELS)[number];
  reference: string;
  phase: (typeof SUBMISSION_PHASES)[number];
  /** The notice as sent (text), or the id of the approved notice it was. */
  noticeText: string;
  noticeId: string | null;
  late: boolean;
  delayReasons: string | null;
  followUpDueAt: Date | null;
  recordedBy: PersonRef;
  recordedAt: Date;
}

const submissionSchema = new Schema<Submission>(
  {
    incidentId: { type: String, required: true },
    sentAt: { type: Date, required: true },
    channel: { type: String, enum: SUBMISSION_CHANNELS, required: true },
    reference: { type: String, default: '' },
    phase: { type: String, enum: SUBMISSION_PHASES, required: true },
    noticeText: { type: String, default: '' },
    noticeId: { type: String, default: null },
    late: { type: Boolean, required: true },
    delayReasons: { type: String, default: null },
    followUpDueAt: { type: Date, default: null },
    recordedBy: { type: new Schema({ id: String, name: String }, { _id: false }), required: true },
    recordedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Serves an incident's ledger in order, and the register's "first notification" per incident.
submissionSchema.index({ incidentId: 1, sentAt: 1 });

export function submissionModel(connection: Connection): Model<Submission> {
  return connection.models.Submission ?? connection.model<Submission>('Submission', submissionSchema);
}
