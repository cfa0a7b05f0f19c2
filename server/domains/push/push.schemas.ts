import { z } from 'zod';
import { ObjectIdString } from '../../lib/ids.js';

/** base64url of exactly so many bytes (and, for a key, the byte it starts with): one message for the field. */
const base64url = (bytes: number, message: string, first?: number) =>
  z.string().max(200).refine((s) => {
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(s)) return false;
    const raw = Buffer.from(s, 'base64url');
    return raw.length === bytes && (first === undefined || raw[0] === first);
  }, message);

/** What the browser's PushSubscription.toJSON() gives, and a name the person recognises the device by. */
export const SubscribeBody = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/, error: 'an http(s) address of the push service' }).max(2048),
  keys: z.strictObject({
    // An uncompressed P-256 point (0x04, x, y) and the 16-byte auth secret (RFC 8291).
    p256dh: base64url(65, 'an uncompressed P-256 public key, base64url (65 bytes)', 4),
    auth: base64url(16, 'the auth secret, base64url (16 bytes)'),
  }),
  deviceName: z.string().trim().min(1, 'give the device a name').max(60),
  /** This device's earlier subscription, which the push service said is gone: turning push on again replaces it. */
  replaces: ObjectIdString('not an id').optional(),
});

/**
 * The browser replaced a subscription (pushsubscriptionchange): the worker proves it held the old one
 * with its auth secret, which only that browser and this server know, and hands over the new one.
 */
export const RenewBody = z.strictObject({
  oldEndpoint: z.url({ protocol: /^https?$/ }).max(2048),
  oldAuth: z.string().min(1).max(200),
  endpoint: SubscribeBody.shape.endpoint,
  keys: SubscribeBody.shape.keys,
});

export const IdParams = z.object({ id: ObjectIdString('not an id') });
export const AckBody = z.strictObject({ token: z.string().min(20).max(1000) });

/** The answers, for the OpenAPI document. */
export const KeyView = z.object({ publicKey: z.string() });
export const CreatedSubscriptionView = z.object({ id: z.string(), deviceName: z.string(), createdAt: z.string() });
export const SubscriptionView = CreatedSubscriptionView.extend({ lastSuccessAt: z.string().nullable(), gone: z.boolean(), goneAt: z.string().nullable() });
const ChannelView = z.object({ kind: z.enum(['push', 'email', 'webhook', 'dashboard']), label: z.string(), reachesClosedTab: z.boolean() });
export const ReachabilityView = z.object({ channels: z.array(ChannelView) });
export const RotaReachabilityView = z.object({
  rotaId: z.string(), rotaName: z.string(), onCallNow: z.object({ id: z.string(), name: z.string() }).nullable(), reachesClosedTab: z.boolean(), channels: z.array(ChannelView),
});
export const TestAlertView = z.object({ alertId: z.string() });
export const TestResultView = z.object({
  id: z.string(), sentAt: z.string(), acknowledgedAt: z.string().nullable(),
  /** Whether the test alert reached at least one of the person's open dashboards when it was sent. */
  dashboard: z.enum(['sent', 'none-open']),
  deliveries: z.array(z.object({ kind: z.enum(['push', 'email', 'webhook']), label: z.string(), status: z.enum(['pending', 'sent', 'failed']), attempts: z.number(), lastError: z.string().nullable() })),
});
export const AckView = z.object({ id: z.string(), acknowledgedAt: z.string().nullable(), acknowledgedBy: z.object({ id: z.string(), name: z.string() }).nullable() });
