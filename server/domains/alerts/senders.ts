import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

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

/** POSTs signed JSON; throws on a network error, a timeout or a non-2xx answer. */
export async function postWebhook(url: string, payload: unknown, secret: string, ids: { alertId: string; deliveryId: string }, now: Date): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'BreachClock/1',
      'X-BreachClock-Alert-Id': ids.alertId,
      'X-BreachClock-Delivery-Id': ids.deliveryId,
      'X-BreachClock-Timestamp': timestamp,
      'X-BreachClock-Signature': webhookSignature(secret, timestamp, body),
    },
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(5_000),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
}
