import jwt from 'jsonwebtoken';

const ALGORITHM = 'HS256' as const;
/** Not the access tokens' audience: an acknowledge token opens nothing else, and no access token acknowledges through it. */
export const PUSH_ACK_AUDIENCE = 'breach-clock-alert-ack';
/** Long enough for a phone that was off through an escalation step; short enough that an old notification stops working. */
export const PUSH_ACK_TTL_SECONDS = 12 * 3_600;

export interface AckTokenSettings {
  secret: string;
  issuer: string;
}

/** A signed token that lets one person acknowledge one alert from a push notification's button. */
export function pushAckToken(settings: AckTokenSettings, alertId: string, userId: string, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ sub: userId, alert: alertId, iat, exp: iat + PUSH_ACK_TTL_SECONDS }, settings.secret, {
    algorithm: ALGORITHM, issuer: settings.issuer, audience: PUSH_ACK_AUDIENCE,
  });
}

/** The user the token was made for, if it is genuine, unexpired and for this alert; undefined otherwise. */
export function verifyPushAckToken(settings: AckTokenSettings, token: string, alertId: string, now: Date): string | undefined {
  try {
    const claims = jwt.verify(token, settings.secret, {
      algorithms: [ALGORITHM], issuer: settings.issuer, audience: PUSH_ACK_AUDIENCE, clockTimestamp: Math.floor(now.getTime() / 1000),
    });
    if (typeof claims === 'string' || claims.alert !== alertId || typeof claims.sub !== 'string') return undefined;
    return claims.sub;
  } catch {
    return undefined;
  }
}
