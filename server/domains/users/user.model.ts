import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { ROLES, type Role } from '../access/permissions.js';

export interface User {
  _id: Types.ObjectId;
  name: string;
  email: string;
  /** Lower-cased e-mail: the unique key, so addresses are unique regardless of case. */
  emailKey: string;
  roles: Role[];
  active: boolean;
  phone?: string;
  locale: 'nb' | 'en';
  /** Where this person's alerts go besides the dashboard. */
  alertChannels: { email: boolean; webhookUrl: string | null };
  createdAt: Date;
  updatedAt: Date;
}

/** The password hash lives apart from the user, so no query on users can return it by accident. */
export interface Credential {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  passwordHash: string;
  changedAt: Date;
}

const userSchema = new Schema<User>(
  {
    name: { type: String, required: true, trim: true, maxlength: 120 },
    email: { type: String, required: true, trim: true, maxlength: 254 },
    emailKey: { type: String, required: true },
    roles: { type: [String], enum: ROLES, default: [] },
    active: { type: Boolean, default: true },
    phone: { type: String, maxlength: 40 },
    locale: { type: String, enum: ['nb', 'en'], default: 'nb' },
    alertChannels: { email: { type: Boolean, default: true }, webhookUrl: { type: String, default: null } },
  },
  { timestamps: true, optimisticConcurrency: true },
);
// Serves sign-in by e-mail and keeps addresses unique.
userSchema.index({ emailKey: 1 }, { unique: true });
// Serves "who holds role X" (rotas, escalation to managers and the DPO).
userSchema.index({ roles: 1, active: 1 });

const credentialSchema = new Schema<Credential>({
  userId: { type: Schema.Types.ObjectId, required: true },
  passwordHash: { type: String, required: true },
  changedAt: { type: Date, required: true },
});
// One credential per user, found by user.
credentialSchema.index({ userId: 1 }, { unique: true });

export function userModels(connection: Connection): { Users: Model<User>; Credentials: Model<Credential> } {
  return {
    Users: connection.models.User ?? connection.model<User>('User', userSchema),
    Credentials: connection.models.Credential ?? connection.model<Credential>('Credential', credentialSchema),
  };
}

export const emailKey = (email: string) => email.trim().toLowerCase();
