import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signed, expiring token that lets one person acknowledge one alert from an e-mail link. */
export function ackToken(secret: string, alertId: string, userId: string, expiresAt: Date): string {
  const payload = `${alertId}.${userId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  const sig = createHmac('sha256', secret).update(`ack:${payload}`).digest('base64url');
  return `${Buffer.from(payload).toString('base64url')}.${sig}`;
}

/** The user the token was made for, if it is genuine, for this alert, and not expired. */
export function verifyAckToken(secret: string, token: string, alertId: string, now: Date): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 2) return undefined;
  const [encoded, sig] = parts as [string, string];
  if (!encoded || !sig) return undefined;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = createHmac('sha256', secret).update(`ack:${payload}`).digest('base64url');
  const a = Buffer.from(sig);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  const fields = payload.split('.');
  if (fields.length !== 3) return undefined;
  const [forAlert, userId, exp] = fields;
  if (!/^\d+$/.test(exp ?? '')) return undefined;
  if (forAlert !== alertId || !userId || !exp || Number(exp) * 1000 < now.getTime()) return undefined;
  return userId;
}
