import { isIPv4, isIPv6 } from 'node:net';

/**
 * The allowed IP addresses of "Checks for DirectLink & Batch" (reference §0 "Data and origin
 * verification"; issue 10 item 5: an empty list lets any address call). A merchant types them one
 * per line or separated by commas (or semicolons, spaces); each is one address, IPv4 or IPv6
 * (no ranges: DirectLink compares the caller's address with each entry as written).
 */

/** How many addresses a list holds at most. */
export const MAX_ALLOWED_IPS = 100;

/** The typed list read: the addresses normalised, or the entries that are not addresses, as typed. */
export type IpListReading = { ok: true; addresses: string[] } | { ok: false; wrong: string[] } | { ok: false; tooMany: true };

/**
 * Reads a typed list of addresses. Each entry is normalised as Node writes a connection's address
 * (what DirectLink compares it with): IPv4 in dotted decimal (leading zeros refused, since some
 * systems read them as octal), IPv6 in the RFC 5952 form (lower case, the longest run of zero
 * groups as `::`), an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) as its IPv4 address. A zone
 * (`fe80::1%eth0`), a range or a name is wrong. Duplicates are kept once, in the order typed.
 */
export function readIpList(typed: string): IpListReading {
  const entries = typed
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const wrong: string[] = [];
  const addresses: string[] = [];
  for (const entry of entries) {
    const address = normaliseIp(entry);
    if (address === undefined) wrong.push(entry);
    else if (!addresses.includes(address)) addresses.push(address);
  }
  if (wrong.length > 0) return { ok: false, wrong };
  if (addresses.length > MAX_ALLOWED_IPS) return { ok: false, tooMany: true };
  return { ok: true, addresses };
}

const IPV4 = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;

/** One address in its normal form (see readIpList), or undefined when it is not one. */
export function normaliseIp(entry: string): string | undefined {
  if (IPV4.test(entry)) return isIPv4(entry) ? entry : undefined;
  if (entry.includes('%') || !isIPv6(entry)) return undefined;
  // The WHATWG URL parser writes an IPv6 host in the RFC 5952 form (a mapped IPv4 address in hex).
  const host = URL.parse(`http://[${entry}]/`)?.hostname.slice(1, -1);
  const mapped = host ? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host) : null;
  if (!mapped) return host || undefined;
  const [high, low] = [Number.parseInt(mapped[1] ?? '', 16), Number.parseInt(mapped[2] ?? '', 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
