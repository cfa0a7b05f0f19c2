import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A refresh token, stored only as its SHA-256. Rotation marks it used; reusing a used one revokes its family. */
export interface RefreshToken {
  _id: Types.ObjectId;
  tokenHash: string;
  familyId: string;
  userId: Types.ObjectId;
  issuedAt: Date;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/**
 * One sign-in session: what a refresh-token family and every access token signed for it belong to
 * (the token's `sid`). Ending it ends them all at once; it is read by _id on every request.
 */
export interface Session {
  _id: string;
  userId: Types.ObjectId;
  startedAt: Date;
  endedAt: Date | null;
  endedReason: string | null;
}

/**
 * Counts sign-in attempts per key in a window: "address:<ip>" counts attempts, "account:<email>" counts
 * password checks not (yet) proven right. Expiry is a date, not a TTL index.
 */
export interface LoginThrottle {
  _id: string;
  windowStart: Date;
  attempts: number;
  failures: number;
  /** When the account's failures are forgotten: the lock's end once they reach the limit. */
  failuresExpireAt: Date;
}

const refreshTokenSchema = new Schema<RefreshToken>(
  {
    tokenHash: { type: String, required: true },
    familyId: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    rotatedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, default: null },
  },
  { versionKey: false },
);
// Serves the lookup of a presented token.
refreshTokenSchema.index({ tokenHash: 1 }, { unique: true });
// Serves revoking a whole family on reuse, and every session of a user on deactivation.
refreshTokenSchema.index({ familyId: 1 });
refreshTokenSchema.index({ userId: 1 });

const throttleSchema = new Schema<LoginThrottle>(
  {
    _id: String,
    windowStart: { type: Date, required: true },
    attempts: { type: Number, default: 0 },
    failures: { type: Number, default: 0 },
    failuresExpireAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const sessionSchema = new Schema<Session>(
  {
    _id: String,
    userId: { type: Schema.Types.ObjectId, required: true },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date, default: null },
    endedReason: { type: String, default: null },
  },
  { versionKey: false },
);
// Serves ending every session of a user (deactivation, password change).
sessionSchema.index({ userId: 1 });

export function authModels(connection: Connection): { RefreshTokens: Model<RefreshToken>; LoginThrottles: Model<LoginThrottle>; Sessions: Model<Session> } {
  return {
    Sessions: connection.models.Session ?? connection.model<Session>('Session', sessionSchema),
    RefreshTokens: connection.models.RefreshToken ?? connection.model<RefreshToken>('RefreshToken', refreshTokenSchema),
    LoginThrottles: connection.models.LoginThrottle ?? connection.model<LoginThrottle>('LoginThrottle', throttleSchema),
  };
}
