import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import webpush from 'web-push';
import type { EgressGuard } from '../../lib/egress.js';
import { addressRefused, DeliveryFailed, networkProblem } from '../alerts/senders.js';
import type { VapidKeys } from './vapid.js';

const PUSH_TIMEOUT_MS = 5_000;

/** The push service says the subscription no longer exists (404/410): it is marked gone, never retried. */
export class SubscriptionGone extends DeliveryFailed {
  readonly status: number;
  constructor(status: number) {
    super({ code: 'delivery.push-gone', params: {} }, undefined, true);
    this.status = status;
    this.name = 'SubscriptionGone';
  }
}

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushOptions {
  /** How long the push service keeps the message for a device that is offline. */
  ttlSeconds: number;
  /** A newer message with the same topic replaces one the push service still holds. */
  topic?: string;
}

/**
 * Encrypts the payload to the subscription's keys (RFC 8291, aes128gcm) and signs the request with VAPID
 * (RFC 8292), both by the web-push library, then POSTs it ourselves: the address is checked by the egress
 * guard when sent and the connection goes to the address checked, as for webhooks. Resolves on 2xx;
 * throws SubscriptionGone on 404/410 and DeliveryFailed otherwise (permanent for answers a retry cannot change).
 */
export async function sendPush(target: PushTarget, payload: string, vapid: VapidKeys, options: PushOptions, guard: EgressGuard): Promise<void> {
  try {
    await guard.check(target.endpoint);
  } catch (err) {
    throw new DeliveryFailed(addressRefused(err), err, true);
  }
  let details: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: target.keys }, payload, {
      vapidDetails: vapid,
      TTL: options.ttlSeconds,
      urgency: 'high',
      contentEncoding: 'aes128gcm',
      ...(options.topic ? { topic: options.topic } : {}),
    });
  } catch (err) {
    // The device's keys (or ours) cannot encrypt or sign: the same on every retry.
    throw new DeliveryFailed({ code: 'delivery.push-encryption', params: {} }, err, true);
  }
  const url = new URL(details.endpoint);
  const lookup = guard.lookupFor(details.endpoint);
  const status = await new Promise<number>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers: details.headers as Record<string, string | number>,
      timeout: PUSH_TIMEOUT_MS,
      ...(lookup ? { lookup } : {}),
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new DeliveryFailed({ code: 'delivery.timeout', params: {} })));
    req.on('error', (err) => reject(err instanceof DeliveryFailed ? err : new DeliveryFailed(networkProblem(err), err)));
    req.end(details.body ?? undefined);
  });
  if (status === 404 || status === 410) throw new SubscriptionGone(status);
  // 400, 403 (the key does not match the subscription) and 413 stay so on every retry.
  if (status === 400 || status === 403 || status === 413) throw new DeliveryFailed({ code: 'delivery.push-refused', params: { status } }, undefined, true);
  if (status < 200 || status >= 300) throw new DeliveryFailed({ code: 'delivery.answered', params: { status } });
}
