import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A weekly on-call rotation in Europe/Oslo time, with overrides and a second line. */
export interface Rota {
  _id: Types.ObjectId;
  name: string;
  /** Users in rotation order; the first is on call from `startsAt`, the next from the following handover. */
  members: string[];
  /** The first handover; later ones fall on the same weekday and Oslo wall-clock time, every week. */
  startsAt: Date;
  /** Escalation after the first step goes to these users. */
  secondLine: string[];
  overrides: { userId: string; from: Date; to: Date; reason: string }[];
  /** A rota-wide channel (Slack or Teams incoming webhook). */
  webhookUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const rotaSchema = new Schema<Rota>(
  {
    name: { type: String, required: true },
    members: { type: [String], default: [] },
    startsAt: { type: Date, required: true },
    secondLine: { type: [String], default: [] },
    overrides: { type: [new Schema({ userId: String, from: Date, to: Date, reason: String }, { _id: false })], default: [] },
    webhookUrl: { type: String, default: null },
  },
  { timestamps: true, versionKey: false },
);

export function rotaModel(connection: Connection): Model<Rota> {
  return connection.models.Rota ?? connection.model<Rota>('Rota', rotaSchema);
}
