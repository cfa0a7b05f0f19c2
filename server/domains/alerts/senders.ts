import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { EgressRefused, type EgressGuard } from '../../lib/egress.js';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryMessage } from '../../../notifications/messages/clock.messages.js';
import { say } from '../../../notifications/messages/index.js';

/** Sends one e-mail; throws when the server does not accept it. */
export interface Mailer {
  send(message: { to: string; subject: string; html: string; text: string; headers: Record<string, string> }): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}

/** The signature a receiver checks: HMAC-SHA256 of "timestamp.body" with the shared secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A failed delivery, with what may be shown to people as catalogue words (worded in the reader's language when
 * read): never the raw network error, which maps the network behind us.
 */
export class DeliveryFailed extends Error {
  constructor(
    readonly problem: DeliveryMessage,
    cause?: unknown,
    /** Trying again cannot help (the receiver is gone or refuses us for good). */
    readonly permanent = false,
  ) {
    super(say(problem, 'en'), cause === undefined ? undefined : { cause });
    this.name = 'DeliveryFailed';
  }
}

/** The delivery problem of an address the egress guard refused (or could not check). */
export const addressRefused = (err: unknown): DeliveryMessage => ({ code: 'delivery.address-refused', params: { why: err instanceof EgressRefused ? err.kind : 'unchecked' } });
/** The delivery problem of a request that failed on the way: an address refused when connecting, or no answer. */
export const networkProblem = (err: unknown): DeliveryMessage => (err instanceof EgressRefused ? addressRefused(err) : { code: 'delivery.unreachable', params: {} });

const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * POSTs signed JSON; throws DeliveryFailed on a refused address, a network error, a timeout or a non-2xx
 * answer. Redirects are not followed. With a guard, the address is checked at send time and the
 * connection goes only to addresses that passed.
 */
export async function postWebhook(url: string, payload: unknown, secret: string, ids: { alertId: string; deliveryId: string }, now: Date, guard?: EgressGuard): Promise<void> {
  if (guard) {
    try {
      await guard.check(url);
    } catch (err) {
      throw new DeliveryFailed(addressRefused(err), err);
    }
  }
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const target = new URL(url);
  const lookup = guard?.lookupFor(url);
  const status = await new Promise<number>((resolve, reject) => {
    const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'User-Agent': 'BreachClock/1',
        'X-BreachClock-Alert-Id': ids.alertId,
        'X-BreachClock-Delivery-Id': ids.deliveryId,
        'X-BreachClock-Timestamp': timestamp,
        'X-BreachClock-Signature': webhookSignature(secret, timestamp, body),
      },
      timeout: WEBHOOK_TIMEOUT_MS,
      ...(lookup ? { lookup } : {}),
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new DeliveryFailed({ code: 'delivery.timeout', params: {} })));
    req.on('error', (err) => reject(err instanceof DeliveryFailed ? err : new DeliveryFailed(networkProblem(err), err)));
    req.end(body);
  });
  if (status < 200 || status >= 300) throw new DeliveryFailed({ code: 'delivery.answered', params: { status } });
}
