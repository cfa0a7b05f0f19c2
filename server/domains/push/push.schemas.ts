import { z } from 'zod';
import { ObjectIdString } from '../../lib/ids.js';

const base64url = (bytes: number, what: string) =>
  z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what}: base64url`).refine((s) => Buffer.from(s, 'base64url').length === bytes, `${what}: must be ${bytes} bytes`);

/** What the browser's PushSubscription.toJSON() gives, and a name the person recognises the device by. */
export const SubscribeBody = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/, error: 'an http(s) address of the push service' }).max(2048),
  keys: z.strictObject({
    // An uncompressed P-256 point (0x04, x, y) and the 16-byte auth secret (RFC 8291).
    p256dh: base64url(65, 'the public key').refine((s) => Buffer.from(s, 'base64url')[0] === 4, 'the public key: an uncompressed P-256 point'),
    auth: base64url(16, 'the auth secret'),
  }),
  deviceName: z.string().trim().min(1, 'give the device a name').max(60),
});

export const IdParams = z.object({ id: ObjectIdString('not an id') });
export const AckBody = z.strictObject({ token: z.string().min(20).max(1000) });
