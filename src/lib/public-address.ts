/**
 * Calls to merchants' servers go to public addresses only (OWASP ASVS 5.2.6 and the SSRF
 * prevention cheat sheet): a status-change or post-sale URL a merchant types is a DNS name
 * (src/lib/urls.ts isFeedbackUrl), but the name may resolve to a loopback, private, link-local
 * (cloud metadata, 169.254.169.254) or other special-purpose address. `postToPublicAddress`
 * resolves the name and connects to an address it checked, in the same step (node:http's
 * `lookup` option), so a name that changes its answer between a check and the connection (DNS
 * rebinding) gains nothing.
 *
 * Special-purpose ranges: IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its
 * updates), multicast (RFC 5771, RFC 4291) and the documentation ranges (RFC 5737, RFC 3849).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const SPECIAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  SPECIAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  SPECIAL.addSubnet(network, prefix, 'ipv6');
}

/** True when `ip` (IPv4 or IPv6 text) is a public unicast address; false for special-purpose ones and for text that is no address. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as its IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return isPublicAddress(mapped);
  return !SPECIAL.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** Thrown (or given to node:http) when a name resolves to no public address. */
export class AddressNotAllowed extends Error {
  constructor() {
    super('the address resolves to no public address');
    this.name = 'AddressNotAllowed';
  }
}

type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * A `lookup` for node:net that answers only with the name's public addresses, and fails with
 * AddressNotAllowed when it has none. `resolve` is the DNS (tests pass their own).
 */
export function publicOnlyLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const allowed = addresses.filter((entry) => isPublicAddress(entry.address));
        const [first] = allowed;
        if (!first) return callback(new AddressNotAllowed(), '', 0);
        if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, allowed);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * POSTs `body` to `url` (http or https) at a public address only, without following redirects,
 * giving up when `signal` aborts; resolves with the answer's HTTP status (the body is read and
 * dropped). Rejects with AddressNotAllowed for an IP literal or a name that resolves to no public
 * address, with the network's error otherwise, and with the signal's reason when it aborts.
 */
export function postToPublicAddress(
  url: string,
  init: { headers: Record<string, string>; body: Uint8Array; signal: AbortSignal },
  resolve?: Resolve,
): Promise<{ status: number }> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host)) return Promise.reject(new AddressNotAllowed());
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolvePromise, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...init.headers, 'Content-Length': String(init.body.length) },
        lookup: publicOnlyLookup(resolve),
        signal: init.signal,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolvePromise({ status: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}
