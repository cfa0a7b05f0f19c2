import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Clock } from '../../lib/clock.js';
import { refused, words } from '../../http/refusal.js';

export const ACCESS_TOKEN_ALGORITHM = 'HS256' as const;

export interface AccessClaims {
  sub: string;
  /** The session the token belongs to: it is valid only while that session is. */
  sid: string;
  exp: number;
  iat: number;
}

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface TokenServiceDeps {
  settings: TokenSettings;
  clock: Clock;
}

/** Signs and verifies access tokens: one algorithm, pinned; issuer and audience always checked; time from the injected clock. */
export class TokenService {
  /**
   * The secret as a key object, made once: given a string, jsonwebtoken first tries to read it as a
   * PEM private and public key at every call, which cost more CPU than the rest of a small request.
   */
  private readonly key: KeyObject;

  constructor(private readonly deps: TokenServiceDeps) {
    this.key = createSecretKey(Buffer.from(deps.settings.secret, 'utf8'));
  }

  sign(userId: string, sessionId: string): { token: string; expiresAt: Date } {
    const iat = Math.floor(this.deps.clock.now().getTime() / 1000);
    const exp = iat + this.deps.settings.ttlSeconds;
    const token = jwt.sign({ sub: userId, sid: sessionId, iat, exp }, this.key, {
      algorithm: ACCESS_TOKEN_ALGORITHM,
      issuer: this.deps.settings.issuer,
      audience: this.deps.settings.audience,
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** Returns the claims of a valid token; anything else (expired, other key, other algorithm, other audience) is 401. */
  verify(token: string): AccessClaims {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.deps.settings.issuer,
        audience: this.deps.settings.audience,
        clockTimestamp: Math.floor(this.deps.clock.now().getTime() / 1000),
      });
      if (typeof claims === 'string' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
        throw new Error('malformed claims');
      }
      return { sub: claims.sub, sid: claims.sid, exp: claims.exp, iat: claims.iat ?? 0 };
    } catch {
      throw refused(401, 'unauthorized', words('refused.token-invalid'));
    }
  }
}
