import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a user-supplied URL may not reach: this host, the private networks around it, link-local
 * (cloud metadata at 169.254.169.254), and ranges that are never a public receiver.
 */
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) internal.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) internal.addSubnet(network, prefix, 'ipv6');

/** An IPv4 address written inside IPv6 (::ffff:127.0.0.1, ::127.0.0.1) is judged as the IPv4 address. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  const hex = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** True when the address is on this host or a private, link-local or reserved network. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return internal.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(bare);
  return v4 ? internal.check(v4, 'ipv4') : internal.check(bare, 'ipv6');
}

/** Why an outbound URL is refused: a reason for the person who entered it, never a network error. */
export class EgressRefused extends Error {
  constructor(
    readonly reason: string,
    /** The finding as a code, for words in the reader's language. */
    readonly kind: 'not-a-url' | 'scheme' | 'credentials' | 'unresolved' | 'internal',
  ) {
    super(reason);
    this.name = 'EgressRefused';
  }
}

/**
 * Decides where user-supplied URLs (webhooks) may point. Internal addresses are refused unless the
 * operator lists the host; names are resolved and every address checked, when the URL is entered and
 * again when something is sent (the connection then goes to the address that was checked).
 */
export class EgressGuard {
  private readonly allowed: Set<string>;

  constructor(allowedHosts: readonly string[] = []) {
    this.allowed = new Set(allowedHosts.map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
  }

  private hostOf(url: URL): string {
    return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  }

  /** Throws EgressRefused when the URL is not http(s) or reaches an internal address; resolves names to check them. */
  async check(raw: string): Promise<void> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new EgressRefused('not a URL', 'not-a-url');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EgressRefused('only http and https addresses are allowed', 'scheme');
    if (url.username || url.password) throw new EgressRefused('an address with a user name or password is not allowed', 'credentials');
    const host = this.hostOf(url);
    if (this.allowed.has(host)) return;
    const addresses = isIP(host) ? [host] : await resolveAll(host);
    if (!addresses.length) throw new EgressRefused('the host name does not resolve', 'unresolved');
    if (addresses.some(isInternalAddress)) throw new EgressRefused('the address is on a private, local or reserved network', 'internal');
  }

  /**
   * A DNS lookup for http.request that answers only with addresses that passed the check, so the socket
   * connects to an address that was checked (no second, different answer from DNS in between).
   */
  lookupFor(raw: string): LookupFunction | undefined {
    if (this.allowed.has(this.hostOf(new URL(raw)))) return undefined;
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (err, found) => {
        if (err) return callback(err, '', 0);
        const list = found as unknown as { address: string; family: number }[];
        const refused = list.find((a) => isInternalAddress(a.address));
        if (refused || !list.length) return callback(new EgressRefused('the address is on a private, local or reserved network', 'internal'), '', 0);
        if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: typeof list) => void)(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      });
    };
  }
}

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve) => {
    dnsLookup(host, { all: true }, (err, found) => resolve(err ? [] : found.map((a) => a.address)));
  });
}
