import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../config.ts';

/**
 * The client's address for the audit log and rate limits. Without TRUST_PROXY: the peer of the
 * connection. With TRUST_PROXY=N (N proxies of ours in front, each appending the address it was
 * reached from): the X-Forwarded-For entry N places from the right, since everything left of it
 * is whatever the client wrote. The entry is used only when it is an IP address (node:net
 * isIP); anything else (a name, a port, a formula, a list shorter than N) gives the peer
 * address, so a made-up header can neither be stored nor rotated around a limit.
 */
export function clientIp(c: Context, config: Config): string | null {
  const peer = peerAddress(c);
  if (config.trustProxy === 0) return peer;
  const entries = (c.req.header('X-Forwarded-For') ?? '').split(',').map((entry) => entry.trim());
  const forwarded = entries.length >= config.trustProxy ? entries[entries.length - config.trustProxy] : undefined;
  return forwarded && isIP(forwarded) !== 0 ? forwarded : peer;
}

/** The address of the other end of the connection; null when there is no socket (requests made in tests). */
function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}
