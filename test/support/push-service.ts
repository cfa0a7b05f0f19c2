import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A push message as the push service received it. */
export interface ReceivedPush {
  device: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  status: number;
  /** When the body was complete, in ms since the epoch. */
  at: number;
}

/** A browser's side of a subscription: its P-256 key pair and auth secret, made here as a browser makes them. */
export interface TestDevice {
  name: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** Decrypts a message sent to this device (RFC 8291 with RFC 8188 aes128gcm) and parses its JSON. */
  read<T = Record<string, unknown>>(body: Buffer): T;
}

const hmac = (key: Buffer, ...data: Buffer[]) => {
  const h = createHmac('sha256', key);
  for (const d of data) h.update(d);
  return h.digest();
};

/**
 * RFC 8291 decryption, written from the RFC apart from the library that encrypts, so a mistake in
 * either shows: the header (salt, record size, the sender's public key), the ECDH secret, the two HKDF
 * steps, then AES-128-GCM over one record ending in the 0x02 delimiter and zero padding.
 */
export function decryptPush(body: Buffer, uaPrivate: ReturnType<typeof createECDH>, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65 || ciphertext.length > recordSize) throw new Error(`unexpected header: keyid ${idLength} bytes, record ${ciphertext.length} of ${recordSize}`);
  const uaPublic = uaPrivate.getPublicKey();
  const ecdhSecret = uaPrivate.computeSecret(asPublic);
  const prkKey = hmac(authSecret, ecdhSecret);
  const ikm = hmac(prkKey, Buffer.from('WebPush: info\0'), uaPublic, asPublic, Buffer.from([1]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0'), Buffer.from([1])).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0'), Buffer.from([1])).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('the last record does not end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

/**
 * Checks the VAPID Authorization header (RFC 8292): "vapid t=<ES256 JWT>, k=<public key>", the JWT signed
 * by that key, for this push service's origin, not expired. Returns the key, or throws saying what is wrong.
 */
export function verifyVapid(header: string | undefined, origin: string, nowSeconds: number): string {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a VAPID authorization: ${header}`);
  const [, jwt, k] = match as unknown as [string, string, string];
  const [head, claims, signature] = jwt.split('.') as [string, string, string];
  const raw = Buffer.from(k, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') }, format: 'jwk' });
  if (!verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) throw new Error('the VAPID signature does not verify');
  const header0 = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg: string };
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string; exp: number; sub: string };
  if (header0.alg !== 'ES256' || body.aud !== origin || body.exp < nowSeconds || !/^(mailto:|https:)/.test(body.sub)) throw new Error(`bad VAPID claims: ${JSON.stringify({ ...header0, ...body })}`);
  return k;
}

export interface TestPushService {
  url: string;
  origin: string;
  received: ReceivedPush[];
  /** A new device subscribed at this service; its endpoint answers 201 unless told otherwise. */
  device(name: string): TestDevice;
  /** How a device's endpoint answers from now on: a fixed status, or a list used up one request at a time (then 201). */
  answer(device: TestDevice, statuses: number | number[]): void;
  /** Called with every push as it arrives. */
  onPush(listener: (push: ReceivedPush) => void): void;
  close(): Promise<void>;
}

/** A push service of our own on loopback, standing in for a browser vendor's: it keeps what it receives. */
export async function startPushService(): Promise<TestPushService> {
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number | number[]>();
  const listeners: ((push: ReceivedPush) => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const device = decodeURIComponent((req.url ?? '').replace(/^\/push\//, ''));
      const planned = answers.get(device);
      const status = Array.isArray(planned) ? (planned.shift() ?? 201) : (planned ?? 201);
      const push = { device, headers: req.headers, body: Buffer.concat(chunks), status, at: Date.now() };
      received.push(push);
      for (const l of listeners) l(push);
      res.statusCode = status;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/push`,
    origin,
    received,
    device(name) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      return {
        name,
        endpoint: `${origin}/push/${encodeURIComponent(name)}-${randomBytes(6).toString('hex')}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
        read: <T>(body: Buffer) => JSON.parse(decryptPush(body, ecdh, auth).toString('utf8')) as T,
      };
    },
    answer(device, statuses) {
      answers.set(decodeURIComponent(new URL(device.endpoint).pathname.replace(/^\/push\//, '')), statuses);
    },
    onPush: (listener) => listeners.push(listener),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The pushes that reached one device. */
export const pushesTo = (service: TestPushService, device: TestDevice) =>
  service.received.filter((p) => `${service.origin}/push/${encodeURIComponent(p.device)}` === device.endpoint);
