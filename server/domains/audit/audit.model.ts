import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface AuditEntry {
  _id: Types.ObjectId;
  /** Position in the chain, from 1, without gaps; unique, so two appenders can never fork the chain. */
  seq: number;
  at: Date;
  actor: { id: string | null; email: string | null; ip: string | null };
  action: string;
  target: { type: string; id: string | null };
  requestId: string | null;
  /** Each changed field with its old and new value. */
  changes: { field: string; from: unknown; to: unknown }[];
  prevHash: string;
  hash: string;
}

/** The highest sequence number appended, kept apart so that deleting the newest entries is detected too. */
export interface AuditHead {
  _id: string;
  seq: number;
  hash: string;
}

const auditSchema = new Schema<AuditEntry>(
  {
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { id: String, email: String, ip: String },
    action: { type: String, required: true },
    target: { type: { type: String, required: true }, id: String },
    requestId: String,
    changes: { type: [new Schema({ field: String, from: Schema.Types.Mixed, to: Schema.Types.Mixed }, { _id: false, minimize: false })], default: [] },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
// The chain order, and the guard against two entries claiming the same place.
auditSchema.index({ seq: 1 }, { unique: true });
// Serves an object's history ("who changed incident X").
auditSchema.index({ 'target.type': 1, 'target.id': 1, seq: -1 });

const headSchema = new Schema<AuditHead>({ _id: String, seq: Number, hash: String }, { versionKey: false });

export function auditModels(connection: Connection): { AuditEntries: Model<AuditEntry>; AuditHeads: Model<AuditHead> } {
  return {
    AuditEntries: connection.models.AuditEntry ?? connection.model<AuditEntry>('AuditEntry', auditSchema, 'audit_log'),
    AuditHeads: connection.models.AuditHead ?? connection.model<AuditHead>('AuditHead', headSchema, 'audit_head'),
  };
}
