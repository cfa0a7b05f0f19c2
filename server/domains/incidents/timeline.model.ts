import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { TimelineMessage } from '../../../notifications/messages/incident.messages.js';
import type { PersonRef } from './incident.model.js';

/** One entry in an incident's timeline: who did what when, and each field's old and new value. Append-only. */
export interface TimelineEvent {
  _id: Types.ObjectId;
  incidentId: string;
  at: Date;
  actor: PersonRef | null;
  kind: string;
  /** What the entry says, as a catalogue code and its parameters; worded in the reader's language when read. */
  message: TimelineMessage | null;
  /** The same in English, as recorded (entries from before `message` have only this). */
  summary: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

const timelineSchema = new Schema<TimelineEvent>(
  {
    incidentId: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: new Schema({ id: String, name: String }, { _id: false }), default: null },
    kind: { type: String, required: true },
    message: { type: new Schema({ code: String, params: Schema.Types.Mixed }, { _id: false }), default: null },
    summary: { type: String, default: '' },
    changes: { type: [new Schema({ field: String, from: Schema.Types.Mixed, to: Schema.Types.Mixed }, { _id: false })], default: [] },
  },
  { versionKey: false, minimize: false },
);
// Serves an incident's timeline in order.
timelineSchema.index({ incidentId: 1, at: 1, _id: 1 });

export function timelineModel(connection: Connection): Model<TimelineEvent> {
  return connection.models.TimelineEvent ?? connection.model<TimelineEvent>('TimelineEvent', timelineSchema, 'incident_timeline');
}
