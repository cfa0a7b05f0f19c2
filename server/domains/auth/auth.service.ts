import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { op } from '../../db/trusted.js';
import type { Clock } from '../../lib/clock.js';
import { fieldProblem, refused, words } from '../../http/refusal.js';
import type { Emits } from '../../lib/events.js';
import type { Logger } from '../../lib/logger.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { AccessEpoch } from '../users/access-epoch.js';
import { emailKey, type User } from '../users/user.model.js';
import type { UserService } from '../users/user.service.js';
import type { AuthEvents } from './auth.events.js';
import type { RefreshToken, Session as SessionRecord } from './auth.model.js';
import type { LoginThrottleService } from './login-throttle.js';
import { actorOf, type Actor } from '../access/actor.js';
import type { TokenService } from './token.service.js';
import type { ActorCache } from './actor-cache.js';

export { actorOf, type Actor } from '../access/actor.js';

export interface Session {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: User;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface AuthServiceDeps {
  users: UserService;
  refreshTokens: Model<RefreshToken>;
  sessions: Model<SessionRecord>;
  /** Moved after every session that ends; read first on every request to decide whether `actors` may answer. */
  epoch: AccessEpoch;
  actors: ActorCache;
  throttle: LoginThrottleService;
  tokens: TokenService;
  audit: AuditService;
  events: Emits<AuthEvents>;
  clock: Clock;
  refreshTtlDays: number;
  logger: Logger;
}

export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /** Signs in with e-mail and password. Every failure answers the same, whether or not the e-mail exists. */
  async login(ctx: AuditContext, email: string, password: string): Promise<Session> {
    const key = emailKey(email);
    const allowed = (await this.deps.throttle.admitAddress(ctx.ip ?? 'unknown')) && (await this.deps.throttle.claimCheck(key));
    if (!allowed) {
      await this.deps.audit.record({ ...ctx, actor: { id: null, email: key } }, { action: 'auth.login-throttled', target: { type: 'account', id: null } });
      throw refused(429, 'rate_limited', words('refused.too-many-sign-ins'));
    }
    const user = await this.deps.users.checkPassword(email, password);
    if (!user) {
      await this.deps.audit.record({ ...ctx, actor: { id: null, email: key } }, { action: 'auth.login-failed', target: { type: 'account', id: null } });
      throw refused(401, 'unauthorized', words('refused.wrong-credentials'));
    }
    await this.deps.throttle.succeeded(key);
    const session = await this.issue(user, await this.startSession(String(user._id)));
    await this.deps.audit.record({ ...ctx, actor: { id: String(user._id), email: user.email } }, { action: 'auth.login', target: { type: 'user', id: String(user._id) } });
    return session;
  }

  /**
   * Trades a refresh token for a new pair. The old token is marked used in the same atomic update that
   * checks it is unused; presenting a used token again revokes every token of its family.
   */
  async refresh(ctx: AuditContext, presented: string): Promise<Session> {
    const now = this.deps.clock.now();
    const tokenHash = sha256(presented);
    const claimed = await this.deps.refreshTokens.findOneAndUpdate(
      { tokenHash, rotatedAt: null, revokedAt: null, expiresAt: op({ $gt: now }) },
      { $set: { rotatedAt: now } },
      { returnDocument: 'after' },
    );
    if (!claimed) {
      const known = await this.deps.refreshTokens.findOne({ tokenHash }).lean();
      if (known?.rotatedAt && !known.revokedAt) {
        await this.deps.refreshTokens.updateMany({ familyId: known.familyId, revokedAt: null }, { $set: { revokedAt: now, revokedReason: 'reuse detected' } });
        await this.endSession(known.familyId, 'refresh token reused');
        await this.deps.audit.record(
          { ...ctx, actor: { id: String(known.userId), email: null } },
          { action: 'auth.refresh-reuse', target: { type: 'user', id: String(known.userId) }, after: { familyId: known.familyId } },
        );
        this.deps.logger.warn({ userId: String(known.userId), familyId: known.familyId }, 'refresh token reused; family revoked');
      }
      throw refused(401, 'unauthorized', words('refused.session-ended'));
    }
    const user = await this.deps.users.findActive(String(claimed.userId));
    if (!user || !(await this.sessionIsOpen(claimed.familyId, String(claimed.userId)))) throw refused(401, 'unauthorized', words('refused.session-ended'));
    return this.issue(user, claimed.familyId);
  }

  async logout(ctx: AuditContext, presented: string | undefined): Promise<void> {
    if (!presented) return;
    const token = await this.deps.refreshTokens.findOneAndUpdate(
      { tokenHash: sha256(presented), revokedAt: null },
      { $set: { revokedAt: this.deps.clock.now(), revokedReason: 'signed out' } },
      { returnDocument: 'after' },
    );
    if (token) {
      await this.deps.refreshTokens.updateMany({ familyId: token.familyId, revokedAt: null }, { $set: { revokedAt: this.deps.clock.now(), revokedReason: 'signed out' } });
      await this.endSession(token.familyId, 'signed out');
      await this.deps.audit.record(ctx, { action: 'auth.logout', target: { type: 'user', id: String(token.userId) } });
    }
  }

  /**
   * Changes the signed-in user's own password. Guesses at the current password count against the
   * account like sign-in attempts; every other session of the user ends.
   */
  async changeOwnPassword(ctx: AuditContext, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const key = emailKey(actor.email);
    if (!(await this.deps.throttle.claimCheck(key))) {
      await this.deps.audit.record(ctx, { action: 'auth.password-change-throttled', target: { type: 'user', id: actor.id } });
      throw refused(429, 'rate_limited', words('refused.too-many-passwords'));
    }
    const me = await this.deps.users.checkPassword(actor.email, currentPassword);
    if (!me || String(me._id) !== actor.id) {
      await this.deps.audit.record(ctx, { action: 'auth.password-change-failed', target: { type: 'user', id: actor.id } });
      // 422, not 401: the caller is signed in, and a 401 would make the dashboard renew its session and send the guess again.
      throw refused(422, 'wrong_password', words('refused.wrong-password'), [fieldProblem('currentPassword', words('field.wrong-password'))]);
    }
    await this.deps.throttle.succeeded(key);
    await this.deps.users.setPassword(ctx, actor.id, newPassword, actor.sessionId);
  }

  /** The actor behind a bearer token: a valid signature, an open session, and a user who still exists and is active. */
  async actorFromToken(token: string): Promise<{ actor: Actor; expiresAt: Date }> {
    const claims = this.deps.tokens.verify(token);
    const found = await this.actorOfSession(claims.sub, claims.sid);
    if (found === 'session-ended') throw refused(401, 'unauthorized', words('refused.session-ended'));
    if (found === 'account-inactive') throw refused(401, 'unauthorized', words('refused.account-inactive'));
    return { actor: found, expiresAt: new Date(claims.exp * 1000) };
  }

  /** The actor of an open session as they are now (roles re-read), or undefined once the session or the account has ended. */
  async currentActor(userId: string, sessionId: string): Promise<Actor | undefined> {
    const found = await this.actorOfSession(userId, sessionId);
    return typeof found === 'string' ? undefined : found;
  }

  /**
   * One read when this process validated the session at the current access epoch; otherwise the session
   * and the user, remembered with the epoch read before them. A write that lands between those reads has
   * moved the epoch by the next request, so what was read is not reused.
   */
  private async actorOfSession(userId: string, sessionId: string): Promise<Actor | 'session-ended' | 'account-inactive'> {
    const since = this.deps.actors.now();
    const epoch = await this.deps.epoch.read();
    const known = this.deps.actors.get(sessionId, userId, epoch);
    if (known) return known;
    const [open, user] = await Promise.all([this.sessionIsOpen(sessionId, userId), this.deps.users.findActive(userId)]);
    if (!open) return 'session-ended';
    if (!user) return 'account-inactive';
    const actor = { ...actorOf(user), sessionId };
    this.deps.actors.remember(sessionId, userId, epoch, since, actor);
    return actor;
  }

  /** True while the session exists, belongs to the user and has not ended; one read by _id. */
  async sessionIsOpen(sessionId: string, userId: string): Promise<boolean> {
    const session = await this.deps.sessions.findById(sessionId).lean();
    return !!session && !session.endedAt && String(session.userId) === userId;
  }

  /** Opens a session for a user (sign-in does this); access tokens are signed for its id. No epoch to move: no process knows a new id. */
  async startSession(userId: string): Promise<string> {
    const id = randomUUID();
    await this.deps.sessions.create({ _id: id, userId, startedAt: this.deps.clock.now(), endedAt: null, endedReason: null });
    return id;
  }

  private async endSession(sessionId: string, reason: string): Promise<void> {
    await this.deps.sessions.updateOne({ _id: sessionId, endedAt: null }, { $set: { endedAt: this.deps.clock.now(), endedReason: reason } });
    await this.deps.epoch.bump();
    await this.deps.events.emit('session.ended', { sessionId });
  }

  private async issue(user: User, familyId: string): Promise<Session> {
    const now = this.deps.clock.now();
    const { token, expiresAt } = this.deps.tokens.sign(String(user._id), familyId);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(now.getTime() + this.deps.refreshTtlDays * 86_400_000);
    await this.deps.refreshTokens.create({
      tokenHash: sha256(refreshToken),
      familyId,
      userId: user._id,
      issuedAt: now,
      expiresAt: refreshExpiresAt,
      rotatedAt: null,
      revokedAt: null,
      revokedReason: null,
    });
    return { accessToken: token, expiresAt, refreshToken, refreshExpiresAt, user };
  }

  /** Ends every session of the user but `keepSessionId` (subscribed to a deactivation or a new password). */
  async revokeAllFor(userId: string, reason: string, keepSessionId?: string): Promise<void> {
    const now = this.deps.clock.now();
    const others = keepSessionId ? { familyId: op({ $ne: keepSessionId }) } : {};
    await this.deps.refreshTokens.updateMany({ userId, revokedAt: null, ...others }, { $set: { revokedAt: now, revokedReason: reason } });
    const otherSessions = keepSessionId ? { _id: op({ $ne: keepSessionId }) } : {};
    await this.deps.sessions.updateMany({ userId, endedAt: null, ...otherSessions }, { $set: { endedAt: now, endedReason: reason } });
    await this.deps.epoch.bump();
  }
}

